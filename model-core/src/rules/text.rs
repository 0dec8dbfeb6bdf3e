//! String rules: `min_length`, `max_length`, `pattern`, `format` and `contains`.

use std::borrow::Cow;

use super::{through_wrappers, Held, Rules};
use crate::doc::Rule;
use crate::format::FormatCheck;
use crate::issue::{IssueKind, ShortText};
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
        // A character takes at most four bytes: a text of `4 * min` bytes
        // has enough of them, uncounted.
        if let Some(text) = value.text().filter(|text| text.len() / 4 < min) {
            let count = text.chars().count();
            if count < min {
                self.fail(IssueKind::TooShort, Rule::MinLength(min), || ShortText::count(count));
            }
        }
    }

    /// `max_length`.
    #[inline]
    pub fn max_length<T: TextValue + ?Sized>(&mut self, value: &T, max: usize) {
        // A character takes at least one byte: `max` bytes are few enough.
        if let Some(text) = value.text().filter(|text| text.len() > max) {
            let count = text.chars().count();
            if count > max {
                self.fail(IssueKind::TooLong, Rule::MaxLength(max), || ShortText::count(count));
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
fn quote(text: &str, secret: bool) -> ShortText {
    if secret {
        return ShortText::new(Kind::String.as_str());
    }
    // Most texts need no escape: their JSON is the text in quotes, cut as
    // `shorten` cuts it, written with no JSON serializer.
    if !text.bytes().any(|byte| byte < 0x20 || byte == b'"' || byte == b'\\') {
        let limit = crate::report::QUOTE_LIMIT;
        // The JSON is two characters longer than the text; past the
        // limit, its opening quote and the text's first `limit - 1`.
        // A text of fewer bytes than that has fewer characters: no count.
        let cut = text.len() > limit - 2 && text.char_indices().nth(limit - 2).is_some();
        if !cut {
            return ShortText::concat(&["string \"", text, "\""]);
        }
        let end = text.char_indices().nth(limit - 1).map_or(text.len(), |(end, _)| end);
        return ShortText::concat(&["string \"", &text[..end], "…"]);
    }
    let json = serde_json::to_string(text).unwrap_or_default();
    ShortText::concat(&[Kind::String.as_str(), " ", &crate::report::shorten(&json)])
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

#[cfg(test)]
mod tests {
    use super::quote;

    /// The quote written by hand is serde_json's, cut as `shorten` cuts it.
    #[test]
    fn a_quote_is_the_texts_json_shortened() {
        let long = "é".repeat(50);
        let texts = ["", "a", "ab\"c", "tab\there", "back\\slash", "ünï", &long[..76], &long[..78], &long[..80], &long];
        let mut all: Vec<String> = texts.iter().map(|text| (*text).to_owned()).collect();
        all.extend((36..42).map(|n| "x".repeat(n)));
        for text in &all {
            let json = serde_json::to_string(text).unwrap();
            let expected = format!("string {}", crate::report::shorten(&json));
            assert_eq!(quote(text, false).as_str(), expected, "{text:?}");
        }
        assert_eq!(quote("hunter2", true).as_str(), "string");
    }
}
