//! The trait every derived type implements (structs, string enums, data
//! enums): its parsers, its rules, its docs and its schema; and the trait
//! only structs add, their fields as data.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::api_type::ApiType;
use crate::doc::{FieldDoc, ModelDoc};
use crate::examples::{self, ExampleProblem};
use crate::issue::ValidationError;
use crate::markdown;
use crate::parse;
use crate::rules;
use crate::schema;

/// The model as data, as the derive writes it; read it through
/// [`ApiStruct::doc`] and [`ApiStruct::fields`].
///
/// Generic over a marker that the derive leaves open
/// (`impl<M: ?Sized> ModelTable<M> for Invoice`), so that the table is a
/// generic constant: rustc evaluates every constant of a non-generic impl in
/// the crate that declares it, and a generic one only where it is used.
/// Together with a check that is one generic call (no generated body names
/// the table), 40 documented models took 2.3 % fewer instructions to compile
/// (cachegrind).
#[doc(hidden)]
pub trait ModelTable<Marker: ?Sized = ()> {
    const DOC: ModelDoc;
}

/// A type that derives `ApiModel`: a struct, a newtype struct, a string
/// enum or a data enum. Each is read, checked and documented the same way.
///
/// ```
/// use model_core::ApiModel;
///
/// #[derive(Debug, PartialEq, serde::Deserialize, ApiModel)]
/// struct Invoice {
///     /// Invoice number as printed.
///     number: String,
///     total: f64,
///     note: Option<String>,
/// }
///
/// let invoice = Invoice::from_json(r#"{"number": "A-1", "total": 12.5}"#)?;
/// assert_eq!(invoice.note, None);
///
/// let error = Invoice::from_json("{\n  \"total\": true\n}").unwrap_err();
/// assert_eq!(error.to_string(), "\
/// invalid Invoice: 2 issues
///   - /total: invalid_type in `total`, expected number, got boolean true at 2:12
///   - /number: missing in `number`, expected string at 1:1");
///
/// // A data enum and a string enum are read the same way.
/// #[derive(Debug, PartialEq, serde::Deserialize, ApiModel)]
/// #[serde(tag = "type", rename_all = "snake_case")]
/// enum Event {
///     Paid { invoice: Invoice },
///     Voided { status: Status },
/// }
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, ApiModel)]
/// #[serde(rename_all = "snake_case")]
/// enum Status {
///     Void,
///     Refunded,
/// }
///
/// let event = Event::from_json(r#"{"type": "voided", "status": "refunded"}"#)?;
/// assert_eq!(event, Event::Voided { status: Status::Refunded });
/// assert_eq!(Status::from_json(r#""void""#)?, Status::Void);
/// # Ok::<(), model_core::ValidationError>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive `ApiModel`",
    label = "no `ApiModel` for this type",
    note = "add `#[derive(ApiModel)]` to it (beside `serde::Deserialize` for a struct or a data enum); \
            a `Vec`, `Option` or map of models is read by `model_core::from_json` and by the extractors"
)]
pub trait ApiModel: ApiType + DeserializeOwned {
    /// The type's Markdown page, in the shape of StackOne's SDK docs: a
    /// `## Fields` table for a struct, `## Values` for a string enum,
    /// `## Variants` for a data enum.
    fn docs_markdown() -> String {
        markdown::page_of(&Self::TYPE).map(|page| page.markdown).unwrap_or_default()
    }

    /// The type's JSON Schema (draft 2020-12), with nested types in `$defs`.
    fn json_schema() -> Value {
        schema::json_schema(&Self::TYPE)
    }

    /// Every problem in the examples of this type and the types it refers to.
    fn check_examples() -> Vec<ExampleProblem> {
        examples::check_examples(&Self::TYPE)
    }

    /// Checks the value rules (`#[api(min_length = 3)]`, …) of a value made or
    /// changed in code: every broken rule, with its pointer (and no line or
    /// column, as there is no text), wherever it sits: a field, a nested
    /// model, a variant of a data enum. Parsing and `build()` already run them.
    ///
    /// ```
    /// use model_core::ApiModel;
    ///
    /// #[derive(Debug, serde::Deserialize, ApiModel)]
    /// struct User {
    ///     #[api(min_length = 3)]
    ///     login: String,
    /// }
    ///
    /// let mut user = User::from_json(r#"{"login": "ada"}"#)?;
    /// user.login.truncate(2);
    /// let error = user.validate().unwrap_err();
    /// assert_eq!(error.issues()[0].to_string(), "/login: too_short in `login`, expected at least 3 characters, got 2");
    /// # Ok::<(), model_core::ValidationError>(())
    /// ```
    fn validate(&self) -> Result<(), ValidationError> {
        rules::validate(self, Self::TYPE.shown_name())
    }

    /// Parses JSON text; on failure, reports every problem in it. See [`from_json`](crate::from_json).
    fn from_json(json: &str) -> Result<Self, ValidationError> {
        parse::from_json(json)
    }

    /// Parses JSON bytes; on failure, reports every problem in them. See [`from_slice`](crate::from_slice).
    fn from_slice(json: &[u8]) -> Result<Self, ValidationError> {
        parse::from_slice(json)
    }

    /// Converts a JSON value; on failure, reports every problem in it. See [`from_value`](crate::from_value).
    fn from_value(value: Value) -> Result<Self, ValidationError> {
        parse::from_value(value)
    }
}

/// What a struct with named fields adds to [`ApiModel`]: its fields as data.
/// (Not a subtrait of `ApiModel`, so that a struct without `Deserialize` is
/// one error, not two.)
///
/// ```
/// use model_core::{ApiModel, ApiStruct};
///
/// #[derive(serde::Deserialize, ApiModel)]
/// struct Invoice {
///     /// Invoice number as printed.
///     number: String,
///     note: Option<String>,
/// }
///
/// let required: Vec<bool> = Invoice::fields().iter().map(|field| field.required).collect();
/// assert_eq!(required, [true, false]);
/// assert_eq!(Invoice::doc().fields[0].description, Some("Invoice number as printed."));
/// ```
pub trait ApiStruct: ApiType + ModelTable {
    /// The struct as docs see it: its name, description, fields and example.
    fn doc() -> ModelDoc {
        Self::DOC
    }

    /// Every field on the wire, in declaration order: `doc().fields`.
    fn fields() -> &'static [FieldDoc] {
        Self::DOC.fields
    }
}
