//! Fields serde reads alone: `#[api(serde)]` (a type with `Deserialize` and
//! no `ApiType`) and `#[serde(with)]`/`deserialize_with`. The report cannot
//! look inside them; it reads the field's own value with the same function
//! serde uses and, when that fails, gives its message at the field.

use std::borrow::Cow;

use serde::de::DeserializeOwned;

use crate::issue::IssueKind;
use crate::node::Node;
use crate::report::Report;

/// Checks a field by reading its value with `read`, the field's own
/// deserialize function. `secret`: the field's type holds a `Secret`, so
/// neither the value nor serde's message (which may quote it) is shown.
#[doc(hidden)]
pub fn check_with(
    node: &Node<'_>,
    report: &mut Report<'_>,
    read: fn(&str) -> Result<(), serde_json::Error>,
    secret: bool,
) {
    if let Err(error) = read(node.text()) {
        if secret {
            report.in_secret_scope(|report| report.push_refusal(node, &error));
        } else {
            report.push_refusal(node, &error);
        }
    }
}

/// Reads a value of a type with `Deserialize` and no `ApiType`, for [`check_with`].
#[doc(hidden)]
pub fn read_as<T: DeserializeOwned>(text: &str) -> Result<(), serde_json::Error> {
    serde_json::from_str::<T>(text).map(drop)
}

impl Report<'_> {
    /// serde's refusal of a value it read alone, with serde's own words (its
    /// position cut off: the issue has its own) unless the value is secret.
    pub(crate) fn push_refusal(&mut self, node: &Node<'_>, error: &serde_json::Error) {
        // The text already parsed, so whatever serde says is about the value,
        // never the grammar; inside a secret its words, which may quote the
        // value, are left out.
        if self.in_secret() || !error.is_data() {
            self.push(node, IssueKind::InvalidValue, Cow::Borrowed("a value the field's deserializer accepts"));
            return;
        }
        let message = error.to_string();
        let message = message.rfind(" at line ").map_or(message.as_str(), |end| &message[..end]);
        // serde's own words are `invalid type: string "x", expected …`: the
        // issue says what came itself, so it keeps what was expected. A
        // custom message is kept whole, with no second "got".
        match message.split_once(", expected ") {
            Some((_, expected)) => self.push(node, IssueKind::InvalidValue, expected.to_owned()),
            None => {
                let message = message.strip_prefix("expected ").unwrap_or(message).to_owned();
                self.push_absent(node.offset(), IssueKind::InvalidValue, Cow::Owned(message));
            }
        }
    }
}
