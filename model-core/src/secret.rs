//! A value that must never be printed.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::api_type::ApiType;
use crate::doc::TypeDoc;
use crate::node::Node;
use crate::report::Report;

/// A credential: serialized as itself, never shown by `Debug`, and never quoted
/// by a report, even when its value is of the wrong type or format.
///
/// A type, rather than an attribute, so that the protection travels with the
/// value into every `Debug` a user derives. The `secrecy` crate was weighed: its
/// `SecretBox` deliberately lacks `Serialize`, `Clone` for strings and
/// `PartialEq`, all of which an API model needs to send and compare itself.
///
/// ```
/// use model_core::Secret;
///
/// let token = Secret::new("sk_live_123".to_owned());
/// assert_eq!(format!("{token:?}"), "Secret(\"[redacted]\")");
/// assert_eq!(token.expose(), "sk_live_123");
/// assert_eq!(serde_json::to_string(&token).unwrap(), "\"sk_live_123\"");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    /// Wraps a credential.
    pub const fn new(value: T) -> Self {
        Secret(value)
    }

    /// The credential itself, for sending it where it belongs.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the credential.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Secret").field(&"[redacted]").finish()
    }
}

impl<T> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret<String> {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

impl<T: Serialize> Serialize for Secret<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Secret<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The inner error may quote the value; replace it with one that cannot.
        T::deserialize(deserializer)
            .map(Secret)
            .map_err(|_| serde::de::Error::custom("invalid value for a secret field"))
    }
}

impl<T: ApiType> ApiType for Secret<T> {
    const TYPE: TypeDoc = TypeDoc::Secret(&T::TYPE);
    const OPTIONAL: bool = T::OPTIONAL;
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        report.in_secret_scope(|report| T::check(node, report));
    }
    #[inline]
    fn check_rules(&self, report: &mut Report<'_>) {
        report.in_secret_scope(|report| self.0.check_rules(report));
    }
}
