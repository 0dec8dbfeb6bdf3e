//! `pattern = "…"`: a regex of the `regex` crate, compiled once, on first use.

/// A field's `pattern`. The derive checks the regex when it expands (with the
/// `regex` feature on), so it compiles here too; should it not (a regex over
/// the `regex` crate's size limit), no value matches it.
#[doc(hidden)]
pub struct Pattern {
    #[cfg_attr(not(feature = "regex"), allow(dead_code))]
    source: &'static str,
    #[cfg(feature = "regex")]
    compiled: std::sync::OnceLock<Option<regex::Regex>>,
}

impl Pattern {
    /// The derive's constructor, for a `static` beside the rules.
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            #[cfg(feature = "regex")]
            compiled: std::sync::OnceLock::new(),
        }
    }
}

/// A pattern that can run. Implemented only with the `regex` feature, so that
/// `pattern` without it is a compile error that says what to turn on.
#[diagnostic::on_unimplemented(
    message = "`pattern` needs the `regex` feature of model-core",
    label = "needs the `regex` feature",
    note = "write `model-core = {{ …, features = [\"regex\"] }}` in Cargo.toml"
)]
pub trait PatternMatch {
    /// Whether `text` contains a match (JSON Schema's `pattern` is not anchored).
    fn is_match(&self, text: &str) -> bool;

    /// The regex as written.
    fn source(&self) -> &'static str;
}

#[cfg(feature = "regex")]
impl PatternMatch for Pattern {
    fn is_match(&self, text: &str) -> bool {
        let compiled = self.compiled.get_or_init(|| regex::Regex::new(self.source).ok());
        compiled.as_ref().is_some_and(|regex| regex.is_match(text))
    }

    fn source(&self) -> &'static str {
        self.source
    }
}
