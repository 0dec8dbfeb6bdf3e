//! What a map's keys may be: strings, integers (which serde_json reads from
//! the key's decimal text), and string enums derived with `ApiModel`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;

use crate::api_type::ApiType;
use crate::doc::TypeDoc;
use crate::issue::IssueKind;
use crate::report::Report;

/// A type that can key a `HashMap` or `BTreeMap` field.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot key a map in an ApiModel",
    label = "not a map key",
    note = "map keys may be `String`, an integer type, or a string enum that derives `ApiModel`"
)]
pub trait MapKey: Sized {
    /// How docs and the schema describe the keys.
    const KEY: TypeDoc;

    /// Whether any string is a key (the map is then a plain [`TypeDoc::Map`]).
    const ANY_STRING: bool = false;

    /// Checks one key of the input, at `offset`, the key's place in the text.
    fn check_key(key: &str, offset: usize, report: &mut Report<'_>);

    /// The key as the JSON text writes it, for pointers.
    fn key_text(&self) -> Cow<'_, str>;
}

impl MapKey for String {
    const KEY: TypeDoc = TypeDoc::String;
    const ANY_STRING: bool = true;
    fn check_key(_: &str, _: usize, _: &mut Report<'_>) {}
    fn key_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

macro_rules! integer_key {
    ($($ty:ty)*) => {$(
        impl MapKey for $ty {
            const KEY: TypeDoc = <$ty as ApiType>::TYPE;
            fn check_key(key: &str, offset: usize, report: &mut Report<'_>) {
                if !reads::<$ty>(key) {
                    let expected = format!("a key that is an integer from {} to {}", <$ty>::MIN, <$ty>::MAX);
                    report.push_key(offset, IssueKind::InvalidFormat, expected, key, None);
                }
            }
            fn key_text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        }
    )*};
}

integer_key!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// Whether serde_json reads `key` as a key of type `K`: asked of serde_json
/// itself, through a one-key object, so the answer is its own.
pub(crate) fn reads<K: DeserializeOwned + Ord>(key: &str) -> bool {
    let object = format!("{{{}:null}}", Value::from(key));
    serde_json::from_str::<BTreeMap<K, IgnoredAny>>(&object).is_ok()
}

impl Report<'_> {
    /// A map key that is not of the map's key type, at the key itself.
    pub(crate) fn push_key(
        &mut self,
        offset: usize,
        kind: IssueKind,
        expected: String,
        key: &str,
        suggestion: Option<&str>,
    ) {
        // A key inside a secret is part of it: neither quoted nor matched.
        let (received, suggestion) = if self.in_secret() {
            ("key".to_owned(), None)
        } else {
            (format!("key {}", crate::report::shorten(&Value::from(key).to_string())), suggestion)
        };
        self.push_key_issue(offset, kind, Cow::Owned(expected), received, suggestion);
    }
}
