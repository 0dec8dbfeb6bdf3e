//! Reading JSON: serde's speed when the input is valid, and, only when serde
//! refuses it, a second read that reports every problem.

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::api_type::ApiType;
use crate::issue::{IssueKind, ValidationError};
use crate::node::Node;
use crate::report::Report;

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
