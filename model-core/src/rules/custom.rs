//! `validate = path`: a function of the user's, and the [`Violation`] it
//! returns.

use std::borrow::Cow;
use std::fmt::Display;

use super::Rules;
use crate::issue::IssueKind;

/// What a model's own rule (`#[api(validate = …)]`) says is wrong, and where.
///
/// Any [`Display`] converts into one, blaming the value the rule is on; name
/// other places with [`at`](Self::at), by wire name or by JSON Pointer
/// relative to the model.
///
/// ```
/// use model_core::{ApiModel, Violation};
///
/// #[derive(Debug, serde::Deserialize, ApiModel)]
/// #[api(validate = Range::ordered)]
/// struct Range {
///     start: u32,
///     end: u32,
/// }
///
/// impl Range {
///     fn ordered(&self) -> Result<(), Violation> {
///         if self.start <= self.end {
///             return Ok(());
///         }
///         Err(Violation::new("`end` comes before `start`").at("end"))
///     }
/// }
///
/// let error = Range::from_json(r#"{"start": 5, "end": 2}"#).unwrap_err();
/// assert_eq!(error.issues()[0].pointer(), "/end");
/// assert_eq!(error.issues()[0].expected(), "`end` comes before `start`");
/// assert_eq!((error.issues()[0].line(), error.issues()[0].column()), (Some(1), Some(21)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    message: String,
    places: Vec<String>,
}

impl Violation {
    /// A violation with this message, blaming the value the rule is on.
    pub fn new(message: impl Display) -> Self {
        Violation { message: message.to_string(), places: Vec::new() }
    }

    /// Blames `place` instead of the value the rule is on: a wire name
    /// (`end`) or a JSON Pointer relative to it (`/items/0/sku`). Called
    /// more than once, each place gets an issue with this message.
    #[must_use]
    pub fn at(mut self, place: &str) -> Self {
        let pointer = if place.starts_with('/') || place.is_empty() {
            place.to_owned()
        } else {
            let mut pointer = String::from("/");
            crate::report::push_pointer_segment(&mut pointer, place);
            pointer
        };
        self.places.push(pointer);
        self
    }
}

impl Violation {
    /// The message, which becomes each issue's `expected`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The places blamed, as JSON Pointers; empty for the value itself.
    pub fn places(&self) -> &[String] {
        &self.places
    }
}

impl<E: Display> From<E> for Violation {
    fn from(error: E) -> Self {
        Violation::new(error)
    }
}

impl Rules<'_, '_, '_> {
    /// `validate = path`: the function's verdict on the value.
    pub fn validate<E: Into<Violation>>(&mut self, verdict: Result<(), E>) {
        let Err(violation) = verdict else { return };
        let Violation { message, places } = violation.into();
        if places.is_empty() {
            self.push(IssueKind::InvalidValue, Cow::Owned(message), None);
            return;
        }
        for place in &places {
            let node = self.node.and_then(|node| node.find(place));
            let message = Cow::Owned(message.clone());
            self.report.at_pointer(place, |report| Rules { report, node }.push(IssueKind::InvalidValue, message, None));
        }
    }
}
