//! Typed API models from one derive: `#[derive(ApiModel)]` gives a struct a
//! parser that reports every problem in its input at once, and an enum of unit
//! variants its wire strings, both ways.
//!
//! ```
//! use model_core::ApiModel;
//!
//! #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize, ApiModel)]
//! struct Invoice {
//!     /// Invoice number as printed.
//!     number: String,
//!     total: f64,
//!     status: Status,
//!     note: Option<String>,
//! }
//!
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, ApiModel)]
//! #[serde(rename_all = "snake_case")]
//! enum Status {
//!     Draft,
//!     Sent,
//! }
//!
//! let invoice = Invoice::from_json(r#"{"number": "A-1", "total": 9.5, "status": "sent"}"#)?;
//! assert_eq!(invoice.status, Status::Sent);
//!
//! let error = Invoice::from_json(r#"{"total": "9.5", "status": "Sent"}"#).unwrap_err();
//! let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
//! assert_eq!(found, [("/total", "invalid_type"), ("/status", "unknown_variant"), ("/number", "missing")]);
//! assert_eq!(error.issues()[1].suggestion(), Some("sent"));
//!
//! let built = Invoice::builder().total(1.0).build().unwrap_err();
//! assert_eq!(built.issues().len(), 2); // `number` and `status`
//! # Ok::<(), model_core::ValidationError>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_type;
mod field;
mod impls;
mod issue;
mod model;
mod node;
mod object;
mod report;
mod secret;
mod string_enum;
mod suggest;
mod type_doc;

pub use crate::api_type::ApiType;
pub use crate::field::FieldDoc;
pub use crate::issue::{Issue, IssueKind, ValidationError};
pub use crate::model::{from_json, from_slice, from_value, ApiModel};
pub use crate::node::{Kind, Node, MAX_DEPTH};
pub use crate::report::Report;
pub use crate::secret::Secret;
pub use crate::string_enum::{ApiEnum, EnumValue, ParseEnumError};
pub use crate::type_doc::TypeDoc;

/// The derive. See the [crate docs](crate).
pub use model_derive::ApiModel;

/// What generated code names, so a user crate needs no dependency but this one.
#[doc(hidden)]
pub mod __private {
    pub use ::serde;
    pub use ::serde::de::DeserializeOwned;
    pub use ::serde_json;
    pub use ::std::boxed::Box;
    pub use ::std::string::String;
    pub use ::std::vec::Vec;

    pub use crate::api_type::ApiType;
    pub use crate::field::FieldDoc;
    pub use crate::issue::ValidationError;
    pub use crate::model::ApiModel;
    pub use crate::node::Node;
    pub use crate::object::ObjectSpec;
    pub use crate::report::Report;
    pub use crate::string_enum::{ApiEnum, EnumValue, ParseEnumError};
    pub use crate::type_doc::TypeDoc;

    /// The check of a derived model.
    pub fn check_object(node: &Node<'_>, report: &mut Report<'_>, spec: &ObjectSpec<'_>) {
        crate::object::check_object(node, report, spec);
    }

    /// The error of a builder with unset required fields, aligned with `M::FIELDS`.
    pub fn missing_fields<M: ApiModel>(unset: &[bool]) -> ValidationError {
        crate::model::missing_fields::<M>(unset)
    }

    /// How a builder's `Debug` shows a field: whether it is set, never its value.
    pub struct Presence(pub bool);

    impl ::core::fmt::Debug for Presence {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str(if self.0 { "<set>" } else { "<unset>" })
        }
    }

    /// The check of a derived string enum.
    pub fn check_enum<E: ApiEnum>(node: &Node<'_>, report: &mut Report<'_>) {
        crate::string_enum::check::<E>(node, report);
    }

    /// `FromStr` of a derived string enum.
    #[inline]
    pub fn parse_enum<E: ApiEnum>(wire: &str) -> ::core::result::Result<E, ParseEnumError> {
        crate::string_enum::parse::<E>(wire)
    }

    /// `Deserialize` of a derived string enum.
    #[inline]
    pub fn deserialize_enum<'de, E: ApiEnum, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<E, D::Error> {
        crate::string_enum::deserialize::<E, D>(deserializer)
    }
}
