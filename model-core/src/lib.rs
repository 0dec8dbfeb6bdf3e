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
//!
//! # Limits
//!
//! - **Nesting**: arrays and objects may nest [`MAX_DEPTH`] (127) deep, as
//!   serde_json allows; deeper input is refused with a `too_deep` issue at the
//!   first bracket too many, never a stack overflow.
//! - **Report size**: at most [`MAX_ISSUES`] issues, then one `too_many_issues`.
//! - **Input size**: no limit of its own, as serde_json has none; bound the
//!   body where it is read (the HTTP client). Valid input costs what serde
//!   costs; a report costs time linear in the input times its nesting depth,
//!   and memory linear in the input.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_type;
mod doc;
mod examples;
mod field;
mod impls;
mod issue;
mod markdown;
mod model;
mod node;
mod object;
mod report;
mod schema;
mod secret;
mod string_enum;
mod suggest;
mod timestamp;
mod type_doc;

pub use crate::api_type::ApiType;
pub use crate::doc::{linked, EnumDoc, Example, Linked, ModelDoc, SECRET_PLACEHOLDER};
pub use crate::examples::{check_examples, ExampleProblem};
pub use crate::field::FieldDoc;
pub use crate::issue::{Issue, IssueKind, ValidationError};
pub use crate::markdown::{enum_page, model_page, pages, Page};
pub use crate::model::{from_json, from_slice, from_value, ApiModel};
pub use crate::node::{Kind, Node, MAX_DEPTH};
pub use crate::report::{Report, MAX_ISSUES};
pub use crate::schema::json_schema;
pub use crate::secret::Secret;
pub use crate::string_enum::{ApiEnum, EnumValue, ParseEnumError};
pub use crate::timestamp::{ParseTimestampError, Timestamp};
pub use crate::type_doc::TypeDoc;

/// The derive. See the [crate docs](crate).
pub use model_derive::ApiModel;

/// serde_json's `json!`, for `#[api(example = json!({ … }))]` without a serde_json dependency.
pub use serde_json::json;

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
    pub use crate::doc::{EnumDoc, Example, ModelDoc};
    pub use crate::field::FieldDoc;
    pub use crate::issue::ValidationError;
    pub use crate::model::{example_value, missing_fields, ApiModel};
    pub use crate::node::Node;
    pub use crate::object::{check_object, ObjectSpec};
    pub use crate::report::Report;
    pub use crate::string_enum::{
        check as check_enum, deserialize as deserialize_enum, parse as parse_enum, ApiEnum, EnumValue, ParseEnumError,
    };
    pub use crate::type_doc::TypeDoc;

    /// How a builder's `Debug` shows a field: whether it is set, never its value.
    pub struct Presence(pub bool);

    impl ::core::fmt::Debug for Presence {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str(if self.0 { "<set>" } else { "<unset>" })
        }
    }
}
