//! The texts of issues, from one table of templates: every built-in
//! `detail` is the [`English`] table's template filled with the issue's
//! [`params`](crate::Issue::params), and another table renders a report in
//! another language ([`Issue::detail_in`](crate::Issue::detail_in)).
//!
//! A template is text with `{name}` for a parameter, and `[ … ]` around a
//! part written only when every parameter in it is there: `expected
//! {expected}[, got {received}]`. A table is asked for the issue's rule
//! first (`min_length`), then its code (`too_short`), then `*`; a message
//! of the user's (`#[api(message = "…")]`, `Violation`, `Issue::custom`) is
//! the user's text in every table.
//!
//! ```
//! use std::borrow::Cow;
//! use model_core::{messages::Messages, ApiModel};
//!
//! struct French;
//!
//! impl Messages for French {
//!     fn template(&self, key: &str) -> Option<Cow<'_, str>> {
//!         Some(Cow::Borrowed(match key {
//!             "min_length" => "au moins {limit} caractères[, {received} reçus]",
//!             "missing" => "champ obligatoire ({expected})",
//!             "*" => "attendu : {expected}[, reçu : {received}]",
//!             _ => return None,
//!         }))
//!     }
//! }
//!
//! #[derive(Debug, serde::Deserialize, ApiModel)]
//! struct Signup {
//!     #[api(min_length = 3)]
//!     login: String,
//!     age: u8,
//! }
//!
//! let error = Signup::from_json(r#"{"login": "Al"}"#).unwrap_err();
//! let texts: Vec<String> = error.issues().iter().map(|issue| issue.detail_in(&French)).collect();
//! assert_eq!(texts, ["au moins 3 caractères, 2 reçus", "champ obligatoire (integer)"]);
//! ```

use std::borrow::Cow;

/// A table of message templates, keyed by rule (`min_length`), code
/// (`too_short`) or `*` for any issue.
pub trait Messages {
    /// The template for `key`, or `None` to ask the next key.
    fn template(&self, key: &str) -> Option<Cow<'_, str>>;
}

/// The built-in texts: one template for every issue, whose parameters
/// already say what was expected in English.
#[derive(Debug, Clone, Copy, Default)]
pub struct English;

impl Messages for English {
    fn template(&self, key: &str) -> Option<Cow<'_, str>> {
        (key == "*").then_some(Cow::Borrowed(
            "expected {expected}[, got {received}][ (did you mean `{suggestion}`?)]\
             [ (did you mean to write `{wire_name}`? found `{found_key}`)]",
        ))
    }
}

/// The template of the first of `keys` the table has, filled with `params`.
pub(crate) fn render(table: &dyn Messages, keys: &[&str], params: &[(&'static str, Cow<'_, str>)]) -> String {
    let template = keys.iter().find_map(|key| table.template(key)).or_else(|| English.template("*"));
    fill(template.as_deref().unwrap_or_default(), params)
}

/// `template` with each `{name}` replaced by its parameter, and each
/// `[ … ]` left out when a parameter in it is missing. Written by hand: a
/// template engine would be a dependency for two rules of syntax.
fn fill(template: &str, params: &[(&'static str, Cow<'_, str>)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(at) = rest.find(['[', '{']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(group) = rest.strip_prefix('[') {
            let end = group.find(']').unwrap_or(group.len());
            let inner = &group[..end];
            if placeholders(inner).all(|name| params.iter().any(|(key, _)| *key == name)) {
                out.push_str(&fill(inner, params));
            }
            rest = group.get(end + 1..).unwrap_or_default();
        } else {
            let end = rest.find('}').unwrap_or(rest.len());
            let name = &rest[1..end];
            if let Some((_, value)) = params.iter().find(|(key, _)| *key == name) {
                out.push_str(value);
            }
            rest = rest.get(end + 1..).unwrap_or_default();
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}`s of a template part.
fn placeholders(part: &str) -> impl Iterator<Item = &str> {
    part.split('{').skip(1).filter_map(|piece| piece.split_once('}').map(|(name, _)| name))
}
