//! String rules: `min_length`, `max_length`, `pattern`, `format` and `contains`.

use std::borrow::Cow;

use super::{through_wrappers, Held, Rules};
use crate::doc::Rule;
use crate::format::FormatCheck;
use crate::issue::IssueKind;
use crate::node::Kind;
use crate::pattern::PatternMatch;
use crate::secret::Secret;

/// A string that `min_length`, `max_length`, `pattern`, `format` and `contains` can read.
#[diagnostic::on_unimplemented(
    message = "string rules (`min_length`, `max_length`, `pattern`, `format`, `contains`) do not apply to `{Self}`",
    label = "not a string",
    note = "they apply to `String`, `str`, `Cow<str>`, and to an `Option`, `Box` or `Secret` of one"
)]
pub trait TextValue {
    /// Whether the text is a credential, never quoted.
    const SECRET: bool = false;
    /// The text, when there is one.
    fn text(&self) -> Option<&str>;
}

impl Rules<'_, '_, '_> {
    /// `min_length`: counted in Unicode scalar values, as JSON Schema counts.
    #[inline]
    pub fn min_length<T: TextValue + ?Sized>(&mut self, value: &T, min: usize) {
        if let Some(text) = value.text() {
            let count = text.chars().count();
            if count < min {
                self.fail(IssueKind::TooShort, Rule::MinLength(min), || count.to_string());
            }
        }
    }

    /// `max_length`.
    #[inline]
    pub fn max_length<T: TextValue + ?Sized>(&mut self, value: &T, max: usize) {
        if let Some(text) = value.text() {
            let count = text.chars().count();
            if count > max {
                self.fail(IssueKind::TooLong, Rule::MaxLength(max), || count.to_string());
            }
        }
    }

    /// `pattern`.
    #[inline]
    pub fn pattern<T: TextValue + ?Sized, P: PatternMatch>(&mut self, value: &T, pattern: &P) {
        if let Some(text) = value.text() {
            if !pattern.is_match(text) {
                let secret = T::SECRET || self.in_secret();
                self.fail(IssueKind::PatternMismatch, Rule::Pattern(pattern.source()), || quote(text, secret));
            }
        }
    }

    /// `format`.
    #[inline]
    pub fn format<T: TextValue + ?Sized, F: FormatCheck>(&mut self, value: &T, _format: F) {
        if let Some(text) = value.text() {
            if !F::matches(text) {
                let secret = T::SECRET || self.in_secret();
                self.fail(IssueKind::InvalidFormat, Rule::Format(F::FORMAT), || quote(text, secret));
            }
        }
    }

    /// `contains`: the text holds `needle` as it is written (no regex, case
    /// kept). Its issue is a `pattern_mismatch`, as the schema states the
    /// rule as a `pattern` (see [`Rule::Contains`]).
    #[inline]
    pub fn contains<T: TextValue + ?Sized>(&mut self, value: &T, needle: &'static str) {
        if let Some(text) = value.text() {
            if !text.contains(needle) {
                let secret = T::SECRET || self.in_secret();
                self.fail(IssueKind::PatternMismatch, Rule::Contains(needle), || quote(text, secret));
            }
        }
    }
}

/// A string as an issue quotes it: its text, unless it is a secret.
fn quote(text: &str, secret: bool) -> String {
    if secret {
        Kind::String.as_str().to_owned()
    } else {
        format!("{} {}", Kind::String, crate::report::shorten(&serde_json::Value::from(text).to_string()))
    }
}

through_wrappers!(TextValue {
    const SECRET: bool = T::SECRET;
    #[inline]
    fn text(&self) -> Option<&str> {
        Held::held(self)?.text()
    }
});

impl<T: TextValue> TextValue for Secret<T> {
    const SECRET: bool = true;
    #[inline]
    fn text(&self) -> Option<&str> {
        self.expose().text()
    }
}

impl TextValue for str {
    #[inline]
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl TextValue for String {
    #[inline]
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl TextValue for Cow<'_, str> {
    #[inline]
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}
