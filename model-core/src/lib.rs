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
//! # Where things are
//!
//! At the root: the derive and its traits ([`ApiModel`] for every derived
//! type, [`ApiStruct`] for a struct's fields, [`ApiEnum`] for a string
//! enum's wire strings, [`ApiType`] for a field type of your own), the entry
//! points ([`from_json`], [`from_slice`], [`from_value`]), the errors
//! ([`ValidationError`], [`Issue`], [`IssueKind`], [`Violation`]) and the
//! field types you write ([`Secret`], [`Timestamp`], [`Patch`]). Then, by
//! what they hold:
//! - [`doc`]: types as data ([`doc::TypeDoc`], [`doc::ModelDoc`],
//!   [`doc::FieldDoc`], …), what docs and schema are made from;
//! - [`markdown`] and [`schema`]: the pages and the JSON Schema;
//! - [`openapi`]: an OpenAPI 3.1 document for routes read with the extractors;
//! - [`examples`]: the check that every example reads;
//! - [`rules`]: which types each value rule applies to;
//! - [`messages`]: the texts of issues, and other languages for them;
//! - [`check`]: what a hand-written [`ApiType::check`] works with;
//! - `axum` (feature `axum`) and `actix` (feature `actix-web`): the
//!   extractors.
//!
//! # Layers
//!
//! `lib.rs` declares the modules in five layers; a module uses only modules
//! of lower layers, or of its own layer without a cycle (a test checks it):
//! 1. reading JSON: `suggest`, `format_names`, `messages` (the texts of
//!    issues), `node`, `issue`, `report`;
//! 2. types as data, one module: `doc`;
//! 3. field types at run time: `api_type`, `impls`, `map_key`, `secret`,
//!    `timestamp`, `patch`, `object`, `opaque` (fields serde reads alone),
//!    `union` (data enums), `builder`, `rules`, `format`, `pattern`;
//! 4. outputs: `markdown`, `schema`, `examples`, and the
//!    bridges to other crates' schema traits behind their features,
//!    `to_schemars` (and `to_utoipa`);
//! 5. entry points and traits: `parse`, `pairs` (text pairs), `model`,
//!    `openapi` (documents of routes, which know the models and what the
//!    extractors answer),
//!    `string_enum`, `answer` (what a server answers, framework-free) and its
//!    adapters `extract` (axum) and `actix` (actix-web), each behind its
//!    feature, and `private` for generated code.
//!
//! A new field type is an [`ApiType`] impl in layer 3; a new value rule is a
//! row of the derive's rule table, a method of the runtime's `Rules` in the
//! [`rules`] file of its family (bounded by that family's trait) and a
//! variant of [`doc::Rule`] (see the README's "Adding a rule"); a new output
//! format is a file in layer 4 that reads `doc`; a new kind of type description is a variant of
//! [`doc::TypeDoc`], which every walk then has to handle (none of them has a
//! catch-all arm).
//!
//! # Limits
//!
//! - **Nesting**: arrays and objects may nest [`check::MAX_DEPTH`] (127)
//!   deep, as serde_json allows; deeper input is refused with a `too_deep`
//!   issue at the first bracket too many, never a stack overflow.
//! - **Report size**: at most [`check::MAX_ISSUES`] issues and a byte
//!   budget (8 bytes a byte of input, at least 16 KiB, at most 1 MiB; see
//!   [`check::ReportLimits`]), then one `too_many_issues`; keys are cut at
//!   [`check::KEY_LIMIT`] characters and received values at 40.
//! - **Input size**: no limit of its own, as serde_json has none; bound the
//!   body where it is read (the HTTP client). Valid input costs what serde
//!   costs; a report costs time linear in the input (an untagged enum's
//!   variants are each tried, see the README's Limits), and memory linear in
//!   the input.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// docs.rs builds with nightly and `--cfg docsrs`: each item behind a cargo
// feature gets a badge naming it. Stable builds never see the attribute.
#![cfg_attr(docsrs, feature(doc_cfg))]

// Layer 1: reading JSON.
mod format_names;
mod issue;
mod locate;
pub mod messages;
mod node;
mod report;
mod suggest;
// Layer 2: types as data.
pub mod doc;
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
pub mod rules;
mod secret;
mod timestamp;
mod union;
// Layer 4: outputs.
pub mod examples;
pub mod markdown;
pub mod schema;
#[cfg(feature = "schemars")]
mod to_schemars;
#[cfg(feature = "utoipa")]
mod to_utoipa;
// Layer 5: entry points and traits.
#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod answer;
#[cfg(feature = "axum")]
mod extract;
mod model;
pub mod openapi;
mod pairs;
mod parse;
mod private;
mod string_enum;

pub use crate::api_type::ApiType;
pub use crate::builder::IntoOption;
pub use crate::issue::{Issue, IssueKind, ValidationError};
pub use crate::map_key::MapKey;
pub use crate::model::{ApiModel, ApiStruct};
pub use crate::pairs::from_pairs;
pub use crate::parse::{from_json, from_slice, from_value};
pub use crate::patch::Patch;
pub use crate::rules::Violation;
pub use crate::secret::Secret;
pub use crate::string_enum::{ApiEnum, ParseEnumError};
pub use crate::timestamp::{ParseTimestampError, Timestamp};

/// What a hand-written [`ApiType::check`] works with: the JSON value at
/// hand, the report it adds issues to, and the limits of both.
pub mod check {
    pub use crate::node::{Kind as JsonKind, Node, MAX_DEPTH};
    pub use crate::report::{Report, ReportLimits, KEY_LIMIT, MAX_ISSUES};
}

/// Serving with axum 0.8 (feature `axum`): extractors of a JSON body, a
/// form, a query string and path parameters that answer a refused request
/// with every problem in it.
#[cfg(feature = "axum")]
pub mod axum {
    pub use crate::answer::{ApiRejection, FastApiStyle, FastApiStyleRejection};
    pub use crate::extract::{ApiForm, ApiJson, ApiPath, ApiQuery, FastApiStyleJson, OFFLOAD_ABOVE};

    /// [`ApiRejection`]'s name from when `ApiJson` was the only extractor.
    pub type ApiJsonRejection = ApiRejection;
}

/// The derive. See the [crate docs](crate).
pub use model_derive::ApiModel;

/// A code for [`Violation::code`] or [`Issue::custom`], checked at compile
/// time: a snake_case name (`[a-z][a-z0-9_]*`, at most 64 characters) that
/// a client matches on. A code that is not one is a compile error here, where
/// a plain string would become `invalid_value` at run time.
///
/// ```
/// use model_core::{code, Violation};
///
/// let violation = Violation::new("an urgent ticket needs a due date").code(code!("needs_due_date"));
/// # let _ = violation;
/// ```
#[macro_export]
macro_rules! code {
    ($code:literal) => {{
        const CODE: &str = $code;
        const _: () = ::core::assert!(
            $crate::__private_0_1::is_code(CODE),
            "a code is a snake_case name: lower-case letters, digits and `_`, starting with a letter, at most 64 characters"
        );
        CODE
    }};
}

/// serde_json's `json!`, for `#[api(example = json!({ … }))]` without a serde_json dependency.
pub use serde_json::json;

/// What generated code names, so a user crate needs no dependency but this
/// one. Versioned, as serde's is: code generated by one version of the
/// derive never binds to the internals of another.
#[doc(hidden)]
pub mod __private_0_1 {
    pub use crate::private::*;
}
