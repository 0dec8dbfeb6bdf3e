//! Typed API models from one derive: `#[derive(ApiModel)]` gives a struct a
//! parser that reports every problem in its input at once, and an enum of unit
//! variants its wire strings, both ways.
//!
//! ```
//! use model_core::ApiModel;
//!
//! #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize, ApiModel)]
//! #[api(builder)]
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
//! # Layers
//!
//! Each module uses only modules listed before it (a test checks it):
//! 1. reading JSON: `suggest`, `node`, `issue`, `report`;
//! 2. types as data, one module: `doc` (`TypeDoc`, `FieldDoc`, `ModelDoc`,
//!    `EnumDoc`, `UnionDoc`, `Rule`, `Example`);
//! 3. field types at run time: `api_type`, `impls`, `map_key`, `secret`,
//!    `timestamp`, `patch`, `object`, `opaque` (fields serde reads alone),
//!    `union` (data enums), `builder`, `rules`, `format`, `pattern`;
//! 4. outputs: `markdown`, `schema`, `examples`;
//! 5. entry points and traits: `parse`, `model`, `string_enum`, `extract`
//!    (axum, behind its feature), and `private` for generated code.
//!
//! A new value rule or field type is a file in layer 3 (an [`ApiType`] impl),
//! registered in `lib.rs`; a new output format is a file in layer 4 that reads
//! `doc`; a new kind of type description is a variant of [`TypeDoc`], which
//! every walk then has to handle (none of them has a catch-all arm).
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

// Layer 1: reading JSON.
mod issue;
mod node;
mod report;
mod suggest;
// Layer 2: types as data.
mod doc;
// Layer 3: field types at run time.
mod api_type;
mod builder;
mod format;
mod impls;
mod map_key;
mod object;
mod opaque;
mod patch;
mod pattern;
mod rules;
mod secret;
mod timestamp;
mod union;
// Layer 4: outputs.
mod examples;
mod markdown;
mod schema;
// Layer 5: entry points and traits.
#[cfg(feature = "axum")]
mod extract;
mod model;
mod parse;
mod private;
mod string_enum;

pub use crate::api_type::ApiType;
pub use crate::builder::IntoOption;
pub use crate::doc::{
    linked, EnumDoc, EnumValue, Example, FieldDoc, Format, Limit, Linked, ModelDoc, Names, NewtypeDoc, Rule, Tagging,
    TextShape, TypeDoc, UnionDoc, VariantDoc, VariantShape, SECRET_PLACEHOLDER,
};
pub use crate::examples::{check_examples, ExampleProblem};
#[cfg(feature = "axum")]
pub use crate::extract::{ApiJson, ApiJsonRejection, FastApiJson, FastApiRejection};
pub use crate::issue::{Issue, IssueKind, ValidationError};
pub use crate::map_key::MapKey;
pub use crate::markdown::{enum_page, model_page, page_of, pages, union_page, Page};
pub use crate::model::{ApiModel, ApiStruct};
pub use crate::node::{Kind, Node, MAX_DEPTH};
pub use crate::parse::{from_json, from_slice, from_value};
pub use crate::patch::Patch;
pub use crate::report::{Report, MAX_ISSUES};
pub use crate::rules::{
    Elements, ItemsValue, NumberValue, Place, PropertiesValue, TextValue, UniqueItemsValue, Violation,
};
pub use crate::schema::json_schema;
pub use crate::secret::Secret;
pub use crate::string_enum::{ApiEnum, ParseEnumError};
pub use crate::timestamp::{ParseTimestampError, Timestamp};

/// The derive. See the [crate docs](crate).
pub use model_derive::ApiModel;

/// serde_json's `json!`, for `#[api(example = json!({ … }))]` without a serde_json dependency.
pub use serde_json::json;

/// What generated code names, so a user crate needs no dependency but this one.
#[doc(hidden)]
pub mod __private {
    pub use crate::private::*;
}
