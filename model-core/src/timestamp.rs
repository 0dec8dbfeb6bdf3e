//! An instant written exactly as RFC 3339 requires.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use crate::api_type::ApiType;
use crate::doc::TypeDoc;
use crate::issue::IssueKind;
use crate::node::{Kind, Node};
use crate::report::Report;

/// An instant on the wire as an RFC 3339 date-time with a mandatory offset
/// (`2024-08-22T09:15:37.633Z`, `2024-08-22T11:15:37+02:00`), held in UTC and
/// written back in UTC with `Z`, every fraction digit kept.
///
/// Exactly JSON Schema's `format: date-time`. chrono's own `Deserialize` for
/// `DateTime` is laxer: it also takes `2024-08-22 09:15:37Z`, `+0200` offsets
/// and leading spaces, which an API that promises RFC 3339 never sends.
///
/// ```
/// use model_core::Timestamp;
///
/// let at: Timestamp = "2024-08-22T11:15:37.633+02:00".parse()?;
/// assert_eq!(at.to_string(), "2024-08-22T09:15:37.633Z");
/// assert!("2024-08-22 09:15:37Z".parse::<Timestamp>().is_err());
/// assert!("2024-08-22T09:15:37".parse::<Timestamp>().is_err());
/// # Ok::<(), model_core::ParseTimestampError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

/// Why a string is not an RFC 3339 date-time with an offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseTimestampError(());

impl fmt::Display for ParseTimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected an RFC 3339 date-time with an offset, such as 2024-08-22T09:15:37.633Z")
    }
}

impl std::error::Error for ParseTimestampError {}

impl Timestamp {
    /// The instant as chrono's `DateTime<Utc>`.
    pub fn into_inner(self) -> DateTime<Utc> {
        self.0
    }
}

impl FromStr for Timestamp {
    type Err = ParseTimestampError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        // chrono's RFC 3339 parser also takes the space RFC 3339 §5.6 mentions
        // in a note; the grammar itself, and JSON Schema, require `T`.
        if !matches!(text.as_bytes().get(10), Some(b'T' | b't')) {
            return Err(ParseTimestampError(()));
        }
        DateTime::parse_from_rfc3339(text)
            .map(|at| Timestamp(at.with_timezone(&Utc)))
            .map_err(|_| ParseTimestampError(()))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

impl Deref for Timestamp {
    type Target = DateTime<Utc>;

    fn deref(&self) -> &DateTime<Utc> {
        &self.0
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(at: DateTime<Utc>) -> Self {
        Timestamp(at)
    }
}

impl From<Timestamp> for DateTime<Utc> {
    fn from(at: Timestamp) -> Self {
        at.0
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;
        impl de::Visitor<'_> for TimestampVisitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 date-time with an offset")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Timestamp, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(TimestampVisitor)
    }
}

impl ApiType for Timestamp {
    const TYPE: TypeDoc = TypeDoc::DateTime;
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        if node.kind() != Kind::String {
            return report.push(node, IssueKind::InvalidType, Self::TYPE.name());
        }
        // What `Deserialize` does, without serde_json's error: its message
        // is formatted, searched and dropped, a third of this check's cost.
        match node.string() {
            Ok(text) if text.parse::<Timestamp>().is_ok() => {}
            Ok(_) => report.push(node, IssueKind::InvalidFormat, Self::TYPE.name()),
            Err(error) => report.push_serde_error(node, &error, IssueKind::InvalidFormat, Self::TYPE.name()),
        }
    }
}
