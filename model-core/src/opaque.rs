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
/// deserialize function.
#[doc(hidden)]
pub fn check_with(node: &Node<'_>, report: &mut Report<'_>, read: fn(&str) -> Result<(), serde_json::Error>) {
    if let Err(error) = read(node.text()) {
        report.push_refusal(node, &error);
    }
}

/// Checks a field of a type with `Deserialize` and no `ApiType`.
#[doc(hidden)]
pub fn check_deserialize<T: DeserializeOwned>(node: &Node<'_>, report: &mut Report<'_>) {
    check_with(node, report, |text| serde_json::from_str::<T>(text).map(drop));
}

impl Report<'_> {
    /// serde's refusal of a value it read alone, with serde's own words (its
    /// position cut off: the issue has its own) unless the value is secret.
    pub(crate) fn push_refusal(&mut self, node: &Node<'_>, error: &serde_json::Error) {
        if self.in_secret() || !error.is_data() {
            let expected = Cow::Borrowed("a value the field's deserializer accepts");
            self.push_serde_error(node, error, IssueKind::InvalidValue, expected.into_owned());
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
