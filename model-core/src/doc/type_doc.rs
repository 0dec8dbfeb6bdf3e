//! The type of a field as a reader of the docs sees it.

use std::borrow::Cow;
use std::fmt;

use super::enum_doc::EnumDoc;
use super::model::ModelDoc;
use super::newtype::NewtypeDoc;
use super::union_doc::UnionDoc;

/// The type of a value as docs and reports name it: `string`, `date-time`,
/// `ConnectSessionTokenAuthLinkCategories[]`.
///
/// Models and enums are linked through functions rather than references, so
/// a model may contain itself (`Option<Box<Self>>`).
///
/// [`inner`](Self::inner) is the one place that says which variants wrap
/// another type. A walk either goes through it or names every variant, so a
/// new wrapper is never skipped silently: it is walked, or it is a compile
/// error where it must be rendered.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum TypeDoc {
    /// A JSON string.
    String,
    /// Any JSON number.
    Number,
    /// A JSON number without fraction, within `min..=max`.
    Integer {
        /// The smallest value the Rust type holds.
        min: i128,
        /// The largest value the Rust type holds.
        max: u128,
    },
    /// `true` or `false`.
    Boolean,
    /// An RFC 3339 date-time string with an offset.
    DateTime,
    /// A string of a known shape: a UUID, a URI, a date, an IP address, one character.
    Text(&'static TextShape),
    /// An exact decimal number, written as a string (`"12.50"`) and read from
    /// a string or a number, as `rust_decimal` does.
    Decimal,
    /// Any JSON value.
    Any,
    /// A JSON object with any keys and values.
    Object,
    /// An array of the inner type.
    Array(&'static TypeDoc),
    /// An object whose values are all of the inner type.
    Map(&'static TypeDoc),
    /// An object whose keys are of the first type (integers written as
    /// strings, or an enum's values) and whose values are of the second.
    KeyedMap(&'static TypeDoc, &'static TypeDoc),
    /// The inner type, or `null`, or absent.
    Nullable(&'static TypeDoc),
    /// A PATCH field ([`Patch`](crate::Patch)): absent leaves the value,
    /// `null` clears it, the inner type sets it.
    Patch(&'static TypeDoc),
    /// The inner type, holding a credential.
    Secret(&'static TypeDoc),
    /// A model derived with `ApiModel`.
    Model(fn() -> ModelDoc),
    /// A string enum derived with `ApiModel`.
    Enum(fn() -> EnumDoc),
    /// An enum with data in its variants, derived with `ApiModel`.
    Union(fn() -> UnionDoc),
    /// A newtype struct derived with `ApiModel`: the value it holds, with
    /// rules of its own.
    Newtype(&'static NewtypeDoc),
}

impl TypeDoc {
    /// The type a wrapper holds: the item of an array, the value of a map,
    /// what a nullable or a secret wraps. `None` for every other type.
    ///
    /// ```
    /// use model_core::{ApiType, doc::TypeDoc};
    ///
    /// let ty = <Option<Vec<String>> as ApiType>::TYPE;
    /// assert!(matches!(ty.inner(), Some(TypeDoc::Array(_))));
    /// assert!(matches!(ty.inner().and_then(TypeDoc::inner), Some(TypeDoc::String)));
    /// ```
    pub const fn inner(&self) -> Option<&'static TypeDoc> {
        match self {
            TypeDoc::Array(inner)
            | TypeDoc::Map(inner)
            | TypeDoc::KeyedMap(_, inner)
            | TypeDoc::Nullable(inner)
            | TypeDoc::Patch(inner)
            | TypeDoc::Secret(inner) => Some(inner),
            TypeDoc::Newtype(doc) => Some(doc.ty),
            TypeDoc::String
            | TypeDoc::Number
            | TypeDoc::Integer { .. }
            | TypeDoc::Boolean
            | TypeDoc::DateTime
            | TypeDoc::Text(_)
            | TypeDoc::Decimal
            | TypeDoc::Any
            | TypeDoc::Object
            | TypeDoc::Model(_)
            | TypeDoc::Enum(_)
            | TypeDoc::Union(_) => None,
        }
    }

    /// Whether the value may be `null`.
    pub const fn nullable(&self) -> bool {
        match self {
            TypeDoc::Nullable(_) | TypeDoc::Patch(_) | TypeDoc::Any => true,
            // A secret is as nullable as what it holds.
            TypeDoc::Secret(inner) => inner.nullable(),
            TypeDoc::Newtype(doc) => doc.ty.nullable(),
            TypeDoc::Array(_)
            | TypeDoc::Map(_)
            | TypeDoc::KeyedMap(..)
            | TypeDoc::String
            | TypeDoc::Number
            | TypeDoc::Integer { .. }
            | TypeDoc::Boolean
            | TypeDoc::DateTime
            | TypeDoc::Text(_)
            | TypeDoc::Decimal
            | TypeDoc::Object
            | TypeDoc::Model(_)
            | TypeDoc::Enum(_)
            | TypeDoc::Union(_) => false,
        }
    }

    /// Whether the value is, or holds, a credential.
    pub const fn secret(&self) -> bool {
        if let TypeDoc::Secret(_) = self {
            return true;
        }
        match self.inner() {
            Some(inner) => inner.secret(),
            None => false,
        }
    }

    /// The type under any `Nullable` and `Secret` wrappers: what the value is
    /// when it is there.
    pub const fn innermost(&self) -> &TypeDoc {
        match self {
            TypeDoc::Nullable(inner) | TypeDoc::Patch(inner) | TypeDoc::Secret(inner) => inner.innermost(),
            TypeDoc::Newtype(doc) => doc.ty.innermost(),
            TypeDoc::Array(_)
            | TypeDoc::Map(_)
            | TypeDoc::KeyedMap(..)
            | TypeDoc::String
            | TypeDoc::Number
            | TypeDoc::Integer { .. }
            | TypeDoc::Boolean
            | TypeDoc::DateTime
            | TypeDoc::Text(_)
            | TypeDoc::Decimal
            | TypeDoc::Any
            | TypeDoc::Object
            | TypeDoc::Model(_)
            | TypeDoc::Enum(_)
            | TypeDoc::Union(_) => self,
        }
    }
}

impl TypeDoc {
    /// What `Display` writes, borrowed unless the name is built from others
    /// (`string[]`): how a report names the type without allocating.
    pub fn name(&self) -> Cow<'static, str> {
        match self {
            TypeDoc::String => Cow::Borrowed("string"),
            TypeDoc::Number => Cow::Borrowed("number"),
            TypeDoc::Integer { .. } => Cow::Borrowed("integer"),
            TypeDoc::Boolean => Cow::Borrowed("boolean"),
            TypeDoc::DateTime => Cow::Borrowed("date-time"),
            TypeDoc::Text(shape) => Cow::Borrowed(shape.name),
            TypeDoc::Decimal => Cow::Borrowed("decimal"),
            TypeDoc::Any => Cow::Borrowed("any"),
            TypeDoc::Object => Cow::Borrowed("object"),
            TypeDoc::Array(_) | TypeDoc::Map(_) | TypeDoc::KeyedMap(..) => Cow::Owned(self.to_string()),
            TypeDoc::Nullable(inner) | TypeDoc::Patch(inner) | TypeDoc::Secret(inner) => inner.name(),
            TypeDoc::Newtype(doc) => doc.ty.name(),
            TypeDoc::Model(doc) => doc().key(),
            TypeDoc::Enum(doc) => Cow::Borrowed(doc().name),
            TypeDoc::Union(doc) => Cow::Borrowed(doc().name),
        }
    }
}

impl TypeDoc {
    /// What a report calls the type: a model's `#[api(title = "…")]`, else
    /// its [`name`](Self::name).
    pub fn shown_name(&self) -> Cow<'static, str> {
        match self {
            TypeDoc::Model(doc) => doc().shown_name(),
            _ => self.name(),
        }
    }
}

impl fmt::Display for TypeDoc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeDoc::String => f.write_str("string"),
            TypeDoc::Number => f.write_str("number"),
            TypeDoc::Integer { .. } => f.write_str("integer"),
            TypeDoc::Boolean => f.write_str("boolean"),
            TypeDoc::DateTime => f.write_str("date-time"),
            TypeDoc::Text(shape) => f.write_str(shape.name),
            TypeDoc::Decimal => f.write_str("decimal"),
            TypeDoc::Any => f.write_str("any"),
            TypeDoc::Object => f.write_str("object"),
            TypeDoc::Array(item) => write!(f, "{item}[]"),
            TypeDoc::Map(value) => write!(f, "map of {value}"),
            TypeDoc::KeyedMap(key, value) => write!(f, "map of {value} by {key}"),
            TypeDoc::Nullable(inner) | TypeDoc::Patch(inner) | TypeDoc::Secret(inner) => inner.fmt(f),
            TypeDoc::Newtype(doc) => doc.ty.fmt(f),
            TypeDoc::Model(doc) => f.write_str(&doc().key()),
            TypeDoc::Enum(doc) => f.write_str(doc().name),
            TypeDoc::Union(doc) => f.write_str(doc().name),
        }
    }
}

/// A string's shape, for [`TypeDoc::Text`]: what docs call it, the JSON
/// Schema formats it may have (one of them), and its length if fixed.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct TextShape {
    /// How docs and reports name it: `UUID`, `IP address`.
    pub name: &'static str,
    /// JSON Schema formats, any one of which the string has; empty for none.
    pub formats: &'static [&'static str],
    /// The length in characters, when it is fixed.
    pub length: Option<usize>,
    /// A regex the string matches, for shapes JSON Schema has no format for.
    pub pattern: Option<&'static str>,
}

impl TextShape {
    /// A shape; for an `ApiType` impl of your own.
    pub const fn new(name: &'static str, formats: &'static [&'static str], length: Option<usize>) -> Self {
        TextShape { name, formats, length, pattern: None }
    }

    /// The same shape, matching `pattern` as well.
    pub const fn with_pattern(self, pattern: &'static str) -> Self {
        TextShape { pattern: Some(pattern), ..self }
    }
}
