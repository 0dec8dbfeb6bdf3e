//! Value rules as data: what `#[api(min_length = 3, …)]` says about a field,
//! in JSON Schema's own words, for the docs and the schema to show.

use std::fmt;

use crate::format_names::FORMAT_NAMES;

/// One rule on a field's value, as written in `#[api(…)]`.
///
/// The names are JSON Schema's, so that the schema needs no translation.
/// [`Display`](fmt::Display) gives the readable form the docs and reports
/// use: `at least 3 characters`.
///
/// ```
/// use model_core::{ApiModel, ApiStruct, doc::Rule};
///
/// #[derive(serde::Deserialize, ApiModel)]
/// struct User {
///     #[api(min_length = 3, max_length = 20)]
///     login: String,
/// }
///
/// let rules = User::fields()[0].rules;
/// assert!(matches!(rules, [Rule::MinLength(3), Rule::MaxLength(20)]));
/// assert_eq!(rules[0].to_string(), "at least 3 characters");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Rule {
    /// `min_length = N`: at least `N` characters (Unicode scalar values).
    MinLength(usize),
    /// `max_length = N`: at most `N` characters (Unicode scalar values).
    MaxLength(usize),
    /// `pattern = "regex"`: the string contains a match of the regex (the
    /// `regex` crate's syntax; anchor it with `^…$` to match the whole).
    Pattern(&'static str),
    /// `format = "…"`: the string is of a well-known format.
    Format(Format),
    /// `contains = "…"`: the string holds this text, as written (no regex,
    /// case kept). JSON Schema has no keyword for it; the schema states it
    /// as a `pattern` of the text with every regex character escaped, so
    /// a client's validator checks the same thing.
    Contains(&'static str),
    /// `minimum = X`: the number is at least `X`.
    Minimum(Limit),
    /// `maximum = X`: the number is at most `X`.
    Maximum(Limit),
    /// `exclusive_minimum = X`: the number is greater than `X`.
    ExclusiveMinimum(Limit),
    /// `exclusive_maximum = X`: the number is less than `X`.
    ExclusiveMaximum(Limit),
    /// `multiple_of = X`: the number divided by `X` is an integer.
    MultipleOf(Limit),
    /// `min_items = N`: an array with at least `N` items.
    MinItems(usize),
    /// `max_items = N`: an array with at most `N` items.
    MaxItems(usize),
    /// `unique_items`: no item of the array equals another.
    UniqueItems,
    /// `min_properties = N`: a map with at least `N` keys.
    MinProperties(usize),
    /// `max_properties = N`: a map with at most `N` keys.
    MaxProperties(usize),
    /// `items(…)`: rules for each item of an array, or each value of a map.
    Items(&'static [Rule]),
    /// `validate = path`: a function of the user's, named by its path.
    Custom(&'static str),
    /// `validate = path` with `message = "…"`: a function of the user's,
    /// which the docs show by what its message says, not by its Rust path.
    Described(&'static str),
}

/// A number a rule compares with, as it was written: an integer stays exact.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    /// An integer literal.
    Integer(i128),
    /// A literal with a fraction or an exponent.
    Float(f64),
}

/// A `format = "…"` rule: JSON Schema's format names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// `email`: an address as RFC 5321 writes one.
    Email,
    /// `uri`: an absolute URI (RFC 3986).
    Uri,
    /// `uuid`: the 36-character hyphenated form of RFC 4122.
    Uuid,
    /// `ipv4`: dotted quad, no leading zeros.
    Ipv4,
    /// `ipv6`: RFC 4291 text form.
    Ipv6,
    /// `hostname`: RFC 1123 labels of letters, digits and hyphens.
    Hostname,
    /// `date`: RFC 3339 `full-date`, such as `2024-02-29`.
    Date,
}

impl Format {
    /// Every format, in the order above.
    pub const ALL: &'static [Format] =
        &[Format::Email, Format::Uri, Format::Uuid, Format::Ipv4, Format::Ipv6, Format::Hostname, Format::Date];

    /// The name JSON Schema and the attribute use: `email`, `ipv4`.
    pub const fn as_str(self) -> &'static str {
        FORMAT_NAMES[self as usize].0
    }

    /// What a reader is told the value should be: `an email address`.
    pub const fn describe(self) -> &'static str {
        match self {
            Format::Email => "an email address",
            Format::Uri => "an absolute URI",
            Format::Uuid => "a UUID",
            Format::Ipv4 => "an IPv4 address",
            Format::Ipv6 => "an IPv6 address",
            Format::Hostname => "a hostname",
            Format::Date => "a date (YYYY-MM-DD)",
        }
    }
}

impl Rule {
    /// The attribute key that writes the rule: `min_length`, `validate`.
    pub fn key(&self) -> &'static str {
        match self {
            Rule::MinLength(_) => "min_length",
            Rule::MaxLength(_) => "max_length",
            Rule::Pattern(_) => "pattern",
            Rule::Format(_) => "format",
            Rule::Contains(_) => "contains",
            Rule::Minimum(_) => "minimum",
            Rule::Maximum(_) => "maximum",
            Rule::ExclusiveMinimum(_) => "exclusive_minimum",
            Rule::ExclusiveMaximum(_) => "exclusive_maximum",
            Rule::MultipleOf(_) => "multiple_of",
            Rule::MinItems(_) => "min_items",
            Rule::MaxItems(_) => "max_items",
            Rule::UniqueItems => "unique_items",
            Rule::MinProperties(_) => "min_properties",
            Rule::MaxProperties(_) => "max_properties",
            Rule::Items(_) => "items",
            Rule::Custom(_) | Rule::Described(_) => "validate",
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Integer(value) => value.fmt(f),
            Limit::Float(value) => value.fmt(f),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.write_text(&mut text);
        f.write_str(&text)
    }
}

impl Rule {
    /// Appends what the rule asks, as `Display` writes it. Written piece by
    /// piece, with no format strings: a report writes it for each broken rule.
    pub(crate) fn write_text(&self, out: &mut String) {
        match self {
            Rule::MinLength(n) => count(out, "at least ", *n, "character"),
            Rule::MaxLength(n) => count(out, "at most ", *n, "character"),
            Rule::Pattern(pattern) => quoted(out, "matching `", pattern),
            Rule::Format(format) => out.push_str(format.describe()),
            Rule::Contains(needle) => quoted(out, "containing `", needle),
            Rule::Minimum(limit) => limited(out, "at least ", limit),
            Rule::Maximum(limit) => limited(out, "at most ", limit),
            Rule::ExclusiveMinimum(limit) => limited(out, "greater than ", limit),
            Rule::ExclusiveMaximum(limit) => limited(out, "less than ", limit),
            Rule::MultipleOf(limit) => limited(out, "a multiple of ", limit),
            Rule::MinItems(n) => count(out, "at least ", *n, "item"),
            Rule::MaxItems(n) => count(out, "at most ", *n, "item"),
            Rule::UniqueItems => out.push_str("no two items equal"),
            Rule::MinProperties(n) => count(out, "at least ", *n, "key"),
            Rule::MaxProperties(n) => count(out, "at most ", *n, "key"),
            Rule::Items(rules) => {
                out.push_str("each item ");
                for (index, rule) in rules.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    rule.write_text(out);
                }
            }
            Rule::Custom(path) => quoted(out, "accepted by `", path),
            Rule::Described(message) => out.push_str(message),
        }
    }
}

/// `at least 3 characters`, `at most 1 item`.
fn count(out: &mut String, words: &str, n: usize, noun: &str) {
    out.push_str(words);
    crate::issue::push_decimal(out, n as u64);
    out.push(' ');
    out.push_str(noun);
    if n != 1 {
        out.push('s');
    }
}

/// ``matching `^[a-z]+$` ``.
fn quoted(out: &mut String, words: &str, text: &str) {
    out.push_str(words);
    out.push_str(text);
    out.push('`');
}

fn limited(out: &mut String, words: &str, limit: &Limit) {
    out.push_str(words);
    match *limit {
        Limit::Integer(value) => match u64::try_from(value.unsigned_abs()) {
            Ok(magnitude) => {
                if value < 0 {
                    out.push('-');
                }
                crate::issue::push_decimal(out, magnitude);
            }
            Err(_) => {
                let _ = fmt::Write::write_fmt(out, format_args!("{value}"));
            }
        },
        Limit::Float(_) => {
            let _ = fmt::Write::write_fmt(out, format_args!("{limit}"));
        }
    }
}
