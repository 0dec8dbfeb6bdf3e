//! `validate = path`: a function of the user's, and the [`Violation`] it
//! returns.

use std::borrow::Cow;
use std::fmt::Display;

use super::Rules;
use crate::issue::{is_snake_case, IssueKind, Own};
use crate::report::Detail;

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
    code: Option<&'static str>,
}

impl Violation {
    /// A violation with this message, blaming the value the rule is on.
    pub fn new(message: impl Display) -> Self {
        Violation { message: message.to_string(), places: Vec::new(), code: None }
    }

    /// The issues' code, instead of `invalid_value`: a snake_case name of
    /// your own, such as `needs_due_date`, that a client can match on.
    ///
    /// ```
    /// use model_core::{ApiModel, Violation};
    ///
    /// #[derive(Debug, serde::Deserialize, ApiModel)]
    /// #[api(validate = Ticket::dated)]
    /// struct Ticket {
    ///     urgent: bool,
    ///     due: Option<String>,
    /// }
    ///
    /// impl Ticket {
    ///     fn dated(&self) -> Result<(), Violation> {
    ///         match (self.urgent, &self.due) {
    ///             (true, None) => Err(Violation::new("an urgent ticket needs a due date").at("due").code("needs_due_date")),
    ///             _ => Ok(()),
    ///         }
    ///     }
    /// }
    ///
    /// let error = Ticket::from_json(r#"{"urgent": true, "due": null}"#).unwrap_err();
    /// assert_eq!(error.issues()[0].code(), "needs_due_date");
    /// assert_eq!(error.issues()[0].detail(), "an urgent ticket needs a due date");
    /// ```
    ///
    /// A code that is not snake_case (`[a-z][a-z0-9_]*`, at most 64
    /// characters) is replaced by `invalid_value`, so a client never meets
    /// a code it cannot match on.
    #[must_use]
    pub fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code).filter(|code| is_snake_case(code));
        self
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
            crate::issue::push_pointer_segment(&mut pointer, place);
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
        let Violation { message, places, code } = violation.into();
        // The message stands alone as the issue's text; a rule's own
        // `message = "…"` and `code = "…"` come first.
        let own = || {
            let code = self.code.or(code);
            let text = self.message.map_or_else(|| Cow::Owned(message.clone()), Cow::Borrowed);
            Own::of(code, Some(text))
        };
        if places.is_empty() {
            let own = own();
            self.push(IssueKind::InvalidValue, Cow::Owned(message.clone()), Detail { own, ..Detail::default() });
            return;
        }
        for place in &places {
            // A place the input does not have (an absent field) is placed
            // where its model starts and sorted at its end, as a missing key is.
            let found = self.node.and_then(|node| node.find(place));
            let (offset, sort) = match (found, self.node) {
                (Some(node), _) => (Some(node.offset()), None),
                (None, Some(model)) => (Some(model.offset()), Some(model.end())),
                (None, None) => (None, None),
            };
            let own = own();
            let expected = Cow::Owned(message.clone());
            self.report.at_pointer(place, |report| {
                report.push_rule(
                    offset,
                    IssueKind::InvalidValue,
                    expected,
                    Detail { place: sort, own, ..Detail::default() },
                );
            });
        }
    }
}
