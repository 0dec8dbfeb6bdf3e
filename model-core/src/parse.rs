//! Reading JSON: serde's speed when the input is valid, and, only when serde
//! refuses it or a value rule is broken, a second read that reports every
//! problem.

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::api_type::ApiType;
use crate::issue::{IssueKind, ValidationError};
use crate::node::Tape;
use crate::report::{Report, ReportLimits};
use crate::rules::passes_rules;

/// Parses JSON text into any [`ApiType`], such as `Vec<Model>`.
///
/// Valid input costs what `serde_json::from_str` costs, plus the value rules
/// (`#[api(min_length = 3)]`, …) on the typed value, when the type has any.
/// Only when serde refuses the input, or a rule is broken, is it read again to
/// report every problem, type errors and rules together, each with its
/// pointer, its code, and its line and column. Apart from the rules, the
/// result always agrees with serde: `Ok` exactly when `serde_json::from_str`
/// is `Ok` and every rule holds, and an error is never empty.
///
/// The report is bounded by [`ReportLimits::default`]; choose others with
/// [`ReportLimits::from_json`].
#[inline]
pub fn from_json<T: ApiType + DeserializeOwned>(json: &str) -> Result<T, ValidationError> {
    from_json_limited(json, &ReportLimits::default())
}

#[inline]
pub(crate) fn from_json_limited<T: ApiType + DeserializeOwned>(
    json: &str,
    limits: &ReportLimits,
) -> Result<T, ValidationError> {
    match serde_json::from_str(json) {
        Ok(value) if passes_rules(&value) => Ok(value),
        Ok(value) => Err(report::<T>(json, Refusal::Rules(&value), true, limits)),
        Err(error) => Err(report::<T>(json, Refusal::Serde(&error), true, limits)),
    }
}

/// Parses JSON bytes into any [`ApiType`]. See [`from_json`].
#[inline]
pub fn from_slice<T: ApiType + DeserializeOwned>(json: &[u8]) -> Result<T, ValidationError> {
    from_slice_limited(json, &ReportLimits::default())
}

#[inline]
pub(crate) fn from_slice_limited<T: ApiType + DeserializeOwned>(
    json: &[u8],
    limits: &ReportLimits,
) -> Result<T, ValidationError> {
    match serde_json::from_slice(json) {
        Ok(value) if passes_rules(&value) => Ok(value),
        // serde_json does not check the UTF-8 of a string it skips; without
        // text to read again, the typed pass names the broken rules.
        Ok(value) => Err(match std::str::from_utf8(json) {
            Ok(text) => report::<T>(text, Refusal::Rules(&value), true, limits),
            Err(_) => rules_without_text(&value, json.len(), limits),
        }),
        Err(error) => Err(match std::str::from_utf8(json) {
            Ok(text) => report::<T>(text, Refusal::Serde(&error), true, limits),
            Err(utf8) => not_utf8::<T>(json, utf8.valid_up_to()),
        }),
    }
}

/// Converts a JSON value into any [`ApiType`]. See [`from_json`]; the issues
/// carry no line or column, as a value has no text.
pub fn from_value<T: ApiType + DeserializeOwned>(value: Value) -> Result<T, ValidationError> {
    from_value_limited(value, &ReportLimits::default())
}

/// [`from_value`] whose report is bounded by `limits`.
pub(crate) fn from_value_limited<T: ApiType + DeserializeOwned>(
    value: Value,
    limits: &ReportLimits,
) -> Result<T, ValidationError> {
    match T::deserialize(&value) {
        Ok(typed) if passes_rules(&typed) => Ok(typed),
        Ok(typed) => Err(report::<T>(&value.to_string(), Refusal::Rules(&typed), false, limits)),
        Err(error) => Err(report::<T>(&value.to_string(), Refusal::Serde(&error), false, limits)),
    }
}

impl ReportLimits {
    /// [`from_json`] with these limits.
    pub fn from_json<T: ApiType + DeserializeOwned>(&self, json: &str) -> Result<T, ValidationError> {
        from_json_limited(json, self)
    }

    /// [`from_slice`] with these limits.
    pub fn from_slice<T: ApiType + DeserializeOwned>(&self, json: &[u8]) -> Result<T, ValidationError> {
        from_slice_limited(json, self)
    }
}

/// Why the input is reported on.
enum Refusal<'v, T> {
    Serde(&'v serde_json::Error),
    /// serde read it, and a rule of the value is broken.
    Rules(&'v T),
}

#[cold]
#[inline(never)]
fn report<T: ApiType>(json: &str, refusal: Refusal<'_, T>, positions: bool, limits: &ReportLimits) -> ValidationError {
    let mut report = Report::limited(json, positions, limits);
    let model = T::TYPE.shown_name();
    match refusal {
        Refusal::Serde(error) => {
            let parsed = Tape::read(json);
            let grammar_ok = parsed.is_ok();
            match parsed {
                Ok(tape) => T::check(&tape.root(), &mut report),
                Err(syntax) => report.push_syntax(&syntax),
            }
            report.finish(model, error, grammar_ok)
        }
        Refusal::Rules(value) => {
            // serde read the text, so every problem is a broken rule: the
            // typed pass finds them, and one scan of the text places them.
            value.check_rules(&mut report);
            report.place_by_pointer();
            ValidationError::new(model, report.into_issues())
        }
    }
}

/// The broken rules of a value read from bytes that are not all UTF-8 (in
/// strings serde skipped): no text to place them in, and the budget of a
/// body of `len` bytes.
#[cold]
#[inline(never)]
fn rules_without_text<T: ApiType>(value: &T, len: usize, limits: &ReportLimits) -> ValidationError {
    let mut report = Report::limited("", false, limits).with_budget(limits.budget(len));
    value.check_rules(&mut report);
    ValidationError::new(T::TYPE.shown_name(), report.into_issues())
}

#[cold]
fn not_utf8<T: ApiType>(json: &[u8], valid_up_to: usize) -> ValidationError {
    let prefix = json.get(..valid_up_to).and_then(|bytes| std::str::from_utf8(bytes).ok());
    let mut report = Report::new(prefix.unwrap_or_default(), prefix.is_some());
    report.push_absent(valid_up_to, IssueKind::Syntax, Cow::Borrowed("UTF-8 text"));
    ValidationError::new(T::TYPE.shown_name(), report.into_issues())
}
