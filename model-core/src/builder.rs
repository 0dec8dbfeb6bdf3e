//! What a generated builder needs: the argument of an optional field's
//! setter, the value of an absent optional field, the error of `build()`, and
//! a `Debug` that never shows a value.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

use crate::doc::ModelDoc;
use crate::issue::ValidationError;
use crate::report::Report;
use crate::secret::Secret;

/// What the setter of an optional field accepts: a value, or an `Option` of
/// one, so that both `.note("paid")` and `.note(maybe_note)` compile.
///
/// ```
/// use model_core::ApiModel;
///
/// #[derive(Debug, serde::Deserialize, ApiModel)]
/// #[api(builder)]
/// struct Invoice {
///     number: String,
///     note: Option<String>,
///     retries: Option<u8>,
/// }
///
/// let maybe_note: Option<String> = None;
/// let invoice = Invoice::builder().number("A-1").note("paid").note(maybe_note).retries(3).build()?;
/// assert_eq!((invoice.note, invoice.retries), (None, Some(3)));
/// # Ok::<(), model_core::ValidationError>(())
/// ```
pub trait IntoOption<T> {
    /// The value to store: `None` clears the field.
    fn into_option(self) -> Option<T>;
}

impl<T> IntoOption<T> for T {
    #[inline]
    fn into_option(self) -> Option<T> {
        Some(self)
    }
}

impl<T> IntoOption<T> for Option<T> {
    #[inline]
    fn into_option(self) -> Option<T> {
        self
    }
}

// The conversions a required field's setter takes through `Into`, spelt out:
// a blanket `U: Into<T>` impl would overlap with the two above.
macro_rules! into_option {
    ($($from:ty => $to:ty;)*) => {$(
        impl IntoOption<$to> for $from {
            #[inline]
            fn into_option(self) -> Option<$to> {
                Some(self.into())
            }
        }

        impl IntoOption<$to> for Option<$from> {
            #[inline]
            fn into_option(self) -> Option<$to> {
                self.map(Into::into)
            }
        }
    )*};
}

into_option! {
    &str => String;
    &str => Secret<String>;
    String => Secret<String>;
    chrono::DateTime<chrono::Utc> => crate::timestamp::Timestamp;
}

/// The value set, else the value an absent key stands for, when the type says
/// it may be absent (`optional`, its [`ApiType::OPTIONAL`](crate::ApiType::OPTIONAL)):
/// what its `Deserialize` makes of "absent", as serde's derive asks it for a
/// missing field.
///
/// `optional` is passed in, not read here, so that a field type without
/// `ApiType` is reported once, where the derive names `<T as ApiType>`.
/// Always inlined, so that `optional` is a constant at each call and a set
/// value costs a move.
#[doc(hidden)]
#[inline(always)]
pub fn or_absent<'de, T: Deserialize<'de>>(set: Option<T>, optional: bool) -> Option<T> {
    match set {
        Some(value) => Some(value),
        None if optional => absent(),
        None => None,
    }
}

#[cold]
#[inline(never)]
fn absent<'de, T: Deserialize<'de>>() -> Option<T> {
    T::deserialize(Absent).ok()
}

/// A deserializer for a missing key: `None` to an `Option`, an error to anything else.
struct Absent;

impl<'de> Deserializer<'de> for Absent {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("missing value"))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// The error of a builder whose required fields were not all set: one
/// `missing` issue per unset field, in declaration order.
pub(crate) fn missing_fields(model: &ModelDoc, unset: &[bool]) -> ValidationError {
    let mut report = Report::new("", false);
    for (field, _) in model.fields.iter().zip(unset).filter(|&(_, unset)| *unset) {
        report.at_field(field.wire_name, |report| report.push_missing(0, usize::MAX, field.ty.name(), None));
    }
    ValidationError::new(Cow::Borrowed(model.name), report.into_issues())
}

/// A builder's `Debug`: which fields are set, never their values.
#[doc(hidden)]
pub fn fmt_builder(f: &mut fmt::Formatter<'_>, name: &str, fields: &[(&str, bool)]) -> fmt::Result {
    let mut out = f.debug_struct(name);
    for &(field, set) in fields {
        out.field(field, &Presence(set));
    }
    out.finish()
}

/// How a builder's `Debug` shows a field.
struct Presence(bool);

impl fmt::Debug for Presence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0 { "<set>" } else { "<unset>" })
    }
}
