//! `Patch<T>`: a field of a PATCH body, where an absent key, `null` and a
//! value mean three different things.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use crate::api_type::ApiType;
use crate::doc::TypeDoc;
use crate::node::Node;
use crate::report::Report;

/// A field that a PATCH request may leave alone, clear, or set.
///
/// serde cannot tell an absent key from `null` by itself, so a `Patch` field
/// takes `#[serde(default, skip_serializing_if = "Patch::is_absent")]`: absent
/// reads as [`Patch::Absent`] and is not written back. The derive refuses a
/// `Patch` field without them, and refuses `Option<Option<T>>`, which reads
/// both as `None`.
///
/// ```
/// use model_core::{ApiModel, Patch};
///
/// #[derive(Debug, serde::Serialize, serde::Deserialize, ApiModel)]
/// #[api(builder)]
/// struct IssueUpdate {
///     #[serde(default, skip_serializing_if = "Patch::is_absent")]
///     title: Patch<String>,
///     #[serde(default, skip_serializing_if = "Patch::is_absent")]
///     body: Patch<String>,
/// }
///
/// let update = IssueUpdate::from_json(r#"{"body": null}"#)?;
/// assert_eq!((update.title, update.body), (Patch::Absent, Patch::Null));
///
/// let update = IssueUpdate::builder().title(Patch::Value("New".to_owned())).build()?;
/// assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"title":"New"}"#);
/// # Ok::<(), model_core::ValidationError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Patch<T> {
    /// The key was absent: leave the value as it is.
    #[default]
    Absent,
    /// The key was `null`: clear the value.
    Null,
    /// The key had a value: set it.
    Value(T),
}

impl<T> Patch<T> {
    /// Whether the key was absent; for `skip_serializing_if`.
    pub fn is_absent(&self) -> bool {
        matches!(self, Patch::Absent)
    }

    /// The value, if one was given.
    pub fn value(&self) -> Option<&T> {
        match self {
            Patch::Value(value) => Some(value),
            Patch::Absent | Patch::Null => None,
        }
    }

    /// What the field becomes when `current` is patched: unchanged when
    /// absent, `None` when `null`, the new value otherwise.
    pub fn apply(self, current: Option<T>) -> Option<T> {
        match self {
            Patch::Absent => current,
            Patch::Null => None,
            Patch::Value(value) => Some(value),
        }
    }
}

impl<T> From<T> for Patch<T> {
    fn from(value: T) -> Self {
        Patch::Value(value)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Reached only for a key that is there: `#[serde(default)]` covers absent.
        Ok(match Option::<T>::deserialize(deserializer)? {
            Some(value) => Patch::Value(value),
            None => Patch::Null,
        })
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Patch::Value(value) => serializer.serialize_some(value),
            // `skip_serializing_if` keeps `Absent` out; written anyway, it is `null`.
            Patch::Absent | Patch::Null => serializer.serialize_none(),
        }
    }
}

impl<T: ApiType> ApiType for Patch<T> {
    const TYPE: TypeDoc = TypeDoc::Patch(&T::TYPE);
    const OPTIONAL: bool = true;
    /// On the wire, as an `Option`: `null` or the value.
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        Option::<T>::check(node, report);
    }
    #[inline]
    fn check_rules(&self, report: &mut Report<'_>) {
        if let Patch::Value(value) = self {
            value.check_rules(report);
        }
    }
}
