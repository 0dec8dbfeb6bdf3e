//! Reading a model: serde's speed when the input is valid, a complete report when not.

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::api_type::ApiType;
use crate::doc::{Example, ModelDoc};
use crate::examples::{check_examples, ExampleProblem};
use crate::field::FieldDoc;
use crate::issue::{IssueKind, ValidationError};
use crate::node::Node;
use crate::report::Report;

/// A struct with named fields that derives `ApiModel`.
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
/// # Ok::<(), model_core::ValidationError>(())
/// ```
pub trait ApiModel: ApiType + DeserializeOwned {
    /// The model's name in Rust.
    const NAME: &'static str;
    /// The model's doc comment; `None` without one.
    const DESCRIPTION: Option<&'static str>;
    /// Every field on the wire, in declaration order.
    const FIELDS: &'static [FieldDoc];
    /// A whole payload, from `#[api(example = …)]` on the model.
    const EXAMPLE: Option<Example> = None;
    /// Whether keys the model does not know are refused (`#[serde(deny_unknown_fields)]`).
    const DENY_UNKNOWN_FIELDS: bool = false;

    /// Every field on the wire, in declaration order.
    fn fields() -> &'static [FieldDoc] {
        Self::FIELDS
    }

    /// The model as docs see it.
    fn doc() -> ModelDoc {
        ModelDoc {
            name: Self::NAME,
            description: Self::DESCRIPTION,
            fields: Self::FIELDS,
            example: Self::EXAMPLE,
            deny_unknown_fields: Self::DENY_UNKNOWN_FIELDS,
        }
    }

    /// The model's Markdown page, in the shape of the seed's SDK docs.
    fn docs_markdown() -> String {
        crate::markdown::model_page(&Self::doc())
    }

    /// The model's JSON Schema (draft 2020-12), with nested types in `$defs`.
    fn json_schema() -> Value {
        crate::schema::json_schema(&Self::TYPE)
    }

    /// Every problem in the examples of this model and the models it refers to.
    fn check_examples() -> Vec<ExampleProblem> {
        check_examples(&Self::TYPE)
    }

    /// Parses JSON text; on failure, reports every problem in it. See [`from_json`].
    fn from_json(json: &str) -> Result<Self, ValidationError> {
        from_json(json)
    }

    /// Parses JSON bytes; on failure, reports every problem in them. See [`from_slice`].
    fn from_slice(json: &[u8]) -> Result<Self, ValidationError> {
        from_slice(json)
    }

    /// Converts a JSON value; on failure, reports every problem in it. See [`from_value`].
    fn from_value(value: Value) -> Result<Self, ValidationError> {
        from_value(value)
    }
}

/// Parses JSON text into any [`ApiType`], such as `Vec<Model>`.
///
/// Valid input costs exactly what `serde_json::from_str` costs. Only when serde
/// refuses the input is it read again to report every problem, each with its
/// pointer, its code, and its line and column. The result always agrees with
/// serde: `Ok` exactly when `serde_json::from_str` is `Ok`, and an error is
/// never empty.
#[inline]
pub fn from_json<T: ApiType + DeserializeOwned>(json: &str) -> Result<T, ValidationError> {
    serde_json::from_str(json).map_err(|error| report::<T>(json, &error, true))
}

/// Parses JSON bytes into any [`ApiType`]. See [`from_json`].
#[inline]
pub fn from_slice<T: ApiType + DeserializeOwned>(json: &[u8]) -> Result<T, ValidationError> {
    serde_json::from_slice(json).map_err(|error| match std::str::from_utf8(json) {
        Ok(text) => report::<T>(text, &error, true),
        Err(utf8) => not_utf8::<T>(json, utf8.valid_up_to()),
    })
}

/// Converts a JSON value into any [`ApiType`]. See [`from_json`]; the issues
/// carry no line or column, as a value has no text.
pub fn from_value<T: ApiType + DeserializeOwned>(value: Value) -> Result<T, ValidationError> {
    T::deserialize(&value).map_err(|error| report::<T>(&value.to_string(), &error, false))
}

#[cold]
#[inline(never)]
fn report<T: ApiType>(json: &str, error: &serde_json::Error, positions: bool) -> ValidationError {
    let mut report = Report::new(json, positions);
    match Node::root(json) {
        Ok(root) => T::check(&root, &mut report),
        Err(syntax) => report.push_syntax(&syntax),
    }
    report.finish(Cow::Owned(T::TYPE.to_string()), error)
}

#[cold]
fn not_utf8<T: ApiType>(json: &[u8], valid_up_to: usize) -> ValidationError {
    let prefix = json.get(..valid_up_to).and_then(|bytes| std::str::from_utf8(bytes).ok());
    let mut report = Report::new(prefix.unwrap_or_default(), prefix.is_some());
    report.push_absent(valid_up_to, IssueKind::Syntax, Cow::Borrowed("UTF-8 text"));
    ValidationError::new(Cow::Owned(T::TYPE.to_string()), report.into_issues())
}

/// The error of a builder whose required fields were not all set: one
/// `missing` issue per unset field, in declaration order.
#[doc(hidden)]
pub fn missing_fields<M: ApiModel>(unset: &[bool]) -> ValidationError {
    let mut report = Report::new("", false);
    for (field, _) in M::FIELDS.iter().zip(unset).filter(|&(_, unset)| *unset) {
        report.at_key(field.wire_name, |report| {
            report.push_absent(0, IssueKind::Missing, Cow::Owned(field.ty.to_string()));
        });
    }
    ValidationError::new(Cow::Borrowed(M::NAME), report.into_issues())
}

/// An example's expression as JSON.
#[doc(hidden)]
pub fn example_value<T: serde::Serialize + ?Sized>(example: &T) -> Result<Value, serde_json::Error> {
    serde_json::to_value(example)
}
