//! Value rules at run time: generated code calls one [`Rules`] method per
//! `#[api(…)]` rule, on the typed value, after serde has read it.
//!
//! Each family of rules has a trait saying which types it applies to
//! ([`TextValue`], [`NumberValue`], …). The derive spans each call at its
//! attribute, so a rule on a type it cannot apply to is a compile error there,
//! in the trait's own words. `Option`, `Box` and `Patch` pass every trait
//! through: a rule applies to the value when it is present.
//!
//! One file per family holds its trait, the std types that have it and the
//! checks of its rules: [`text`](self) (`min_length`, `max_length`,
//! `pattern`, `format`, `contains`), `number` (the bounds and
//! `multiple_of`), `collections` (arrays, sets, maps, `items(…)`) and
//! `custom` (`validate = f` and [`Violation`]).

use std::borrow::Cow;

use crate::api_type::ApiType;
use crate::doc::{Limit, Rule};
use crate::issue::{IssueKind, Own, Param, ShortText, ValidationError};
use crate::node::Node;
use crate::patch::Patch;
use crate::report::{Detail, Report};

mod collections;
mod custom;
mod number;
mod text;

pub use self::collections::{Elements, ItemsValue, Place, PropertiesValue, UniqueItemsValue};
pub use self::custom::Violation;
pub use self::number::NumberValue;
pub use self::text::TextValue;

/// The rule checks of one value: generated code calls a method per rule.
///
/// `node` is the value's place in the input when there is one (a second read
/// for a report), so that each issue has its line and column. The methods
/// are in the family files.
#[doc(hidden)]
pub struct Rules<'r, 'a, 'n> {
    report: &'r mut Report<'a>,
    node: Option<Node<'n>>,
    /// `#[api(message = "…")]` of the rule checked: its issues' text.
    message: Option<&'static str>,
    /// `#[api(code = "…")]` of the rule checked: its issues' code.
    code: Option<&'static str>,
}

impl<'r, 'a, 'n> Rules<'r, 'a, 'n> {
    pub(crate) fn new(report: &'r mut Report<'a>, node: Option<Node<'n>>) -> Self {
        Rules { report, node, message: None, code: None }
    }

    /// The checks of a rule written with `message = "…"` or `code = "…"`:
    /// its issues carry them (the rule's own `expected` stays).
    #[inline]
    pub fn own(&mut self, message: Option<&'static str>, code: Option<&'static str>) -> Rules<'_, 'a, 'n> {
        Rules { report: &mut *self.report, node: self.node, message, code }
    }

    /// Whether the value checked is inside a `Secret`, so never quoted.
    fn in_secret(&self) -> bool {
        self.report.in_secret()
    }

    /// A broken rule. `received` is only called when the issue is kept.
    #[cold]
    fn fail(&mut self, kind: IssueKind, rule: Rule, received: impl FnOnce() -> ShortText) {
        if !self.report.tracking() {
            self.report.mark_failed();
            return;
        }
        let expected = match rule {
            // Words that are the same for every value: borrowed.
            Rule::Format(format) => Cow::Borrowed(format.describe()),
            Rule::UniqueItems => Cow::Borrowed("no two items equal"),
            _ => {
                // Room for the usual rule's words at once.
                let mut expected = String::with_capacity(32);
                rule.write_text(&mut expected);
                Cow::Owned(expected)
            }
        };
        let detail = Detail {
            rule: Some((rule.key(), param(rule))),
            own: Own::of(self.code, self.message.map(Cow::Borrowed)),
            received: Some(received()),
            ..Detail::default()
        };
        self.push(kind, expected, detail);
    }

    fn push(&mut self, kind: IssueKind, expected: Cow<'static, str>, detail: Detail) {
        let offset = self.node.map(|node| node.offset());
        self.report.push_rule(offset, kind, expected, detail);
    }
}

/// A rule's limit as an issue keeps it.
fn param(rule: Rule) -> Param {
    match rule {
        Rule::MinLength(n) | Rule::MaxLength(n) | Rule::MinItems(n) | Rule::MaxItems(n) => Param::Count(n),
        Rule::MinProperties(n) | Rule::MaxProperties(n) => Param::Count(n),
        Rule::Pattern(text) | Rule::Contains(text) => Param::Text(text),
        Rule::Format(format) => Param::Text(format.as_str()),
        Rule::Minimum(limit)
        | Rule::Maximum(limit)
        | Rule::ExclusiveMinimum(limit)
        | Rule::ExclusiveMaximum(limit)
        | Rule::MultipleOf(limit) => match limit {
            Limit::Integer(int) => Param::integer(int),
            Limit::Float(float) => Param::Float(float),
        },
        _ => Param::None,
    }
}

/// Every broken rule of a typed value, as an error of `model`.
pub(crate) fn validate<T: ApiType>(value: &T, model: Cow<'static, str>) -> Result<(), ValidationError> {
    if passes_rules(value) {
        return Ok(());
    }
    let mut report = Report::new("", false);
    value.check_rules(&mut report);
    let issues = report.into_issues();
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ValidationError::new(model, issues))
    }
}

/// Checks every value rule of `value`, keeping no issue: the one pass valid
/// input pays for, nothing for a type without rules.
#[inline]
pub(crate) fn passes_rules<T: ApiType + ?Sized>(value: &T) -> bool {
    // An untracked report allocates nothing, so it has nothing to free: its
    // drop, which valid input paid for on every parse, is skipped.
    let mut report = std::mem::ManuallyDrop::new(Report::untracked());
    value.check_rules(&mut report);
    report.issue_count() == 0
}

/// A wrapper that may hold a value a rule reads: every family's trait passes
/// through it (see [`through_wrappers`]).
trait Held {
    type Inner: ?Sized;
    fn held(&self) -> Option<&Self::Inner>;
}

impl<T: ?Sized> Held for Box<T> {
    type Inner = T;
    #[inline]
    fn held(&self) -> Option<&T> {
        Some(self)
    }
}

impl<T> Held for Option<T> {
    type Inner = T;
    #[inline]
    fn held(&self) -> Option<&T> {
        self.as_ref()
    }
}

/// A `Patch` as an `Option`: absent and `null` hold nothing to check.
impl<T> Held for Patch<T> {
    type Inner = T;
    #[inline]
    fn held(&self) -> Option<&T> {
        self.value()
    }
}

/// Implements a family's trait for `Box<T>`, `Option<T>` and `Patch<T>` with
/// the items given, which reach the value with `Held::held(self)`.
macro_rules! through_wrappers {
    ($trait:ident { $($item:tt)* }) => {
        impl<T: $trait + ?Sized> $trait for Box<T> { $($item)* }
        impl<T: $trait> $trait for Option<T> { $($item)* }
        impl<T: $trait> $trait for crate::patch::Patch<T> { $($item)* }
    };
}
use through_wrappers;
