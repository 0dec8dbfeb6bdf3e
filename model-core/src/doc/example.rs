//! `#[api(example = …)]` values, serialized only when asked.

use std::fmt;

use serde_json::Value;

/// One `#[api(example = …)]`: an expression, serialized to JSON when asked.
#[derive(Clone, Copy)]
pub struct Example(fn() -> Result<Value, serde_json::Error>);

impl Example {
    /// The derive's constructor.
    pub(crate) const fn new(value: fn() -> Result<Value, serde_json::Error>) -> Self {
        Example(value)
    }

    /// The example as JSON; an error when its expression does not serialize.
    pub fn value(&self) -> Result<Value, serde_json::Error> {
        (self.0)()
    }
}

impl fmt::Debug for Example {
    // Never the value: an example may sit on a secret by mistake, and `Debug`
    // of a `FieldDoc` must stay safe to log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Example(..)")
    }
}
