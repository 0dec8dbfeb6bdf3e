//! Value rules at run time: generated code calls one [`Rules`] method per
//! `#[api(…)]` rule, on the typed value, after serde has read it.
//!
//! Each family of rules has a trait saying which types it applies to
//! ([`TextValue`], [`NumberValue`], …). The derive spans each call at its
//! attribute, so a rule on a type it cannot apply to is a compile error there,
//! in the trait's own words. `Option` and `Box` pass every trait through: a
//! rule applies to the value when it is present.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::{self, Display};
use std::hash::BuildHasher;

use serde::Serialize;

use crate::api_type::ApiType;
use crate::doc::{Limit, Rule};
use crate::format::FormatCheck;
use crate::issue::{IssueKind, ValidationError};
use crate::node::{Kind, Node};
use crate::patch::Patch;
use crate::pattern::PatternMatch;
use crate::report::Report;
use crate::secret::Secret;

/// A string that `min_length`, `max_length`, `pattern` and `format` can read.
#[diagnostic::on_unimplemented(
    message = "string rules (`min_length`, `max_length`, `pattern`, `format`) do not apply to `{Self}`",
    label = "not a string",
    note = "they apply to `String`, `str`, `Cow<str>`, and to an `Option`, `Box` or `Secret` of one"
)]
pub trait TextValue {
    /// Whether the text is a credential, never quoted.
    const SECRET: bool = false;
    /// The text, when there is one.
    fn text(&self) -> Option<&str>;
}

/// A number that `minimum`, `maximum`, `exclusive_*` and `multiple_of` can read.
#[diagnostic::on_unimplemented(
    message = "number rules (`minimum`, `maximum`, `exclusive_minimum`, `exclusive_maximum`, `multiple_of`) do not apply to `{Self}`",
    label = "not a number",
    note = "they apply to integers, `f32`, `f64`, and to an `Option`, `Box`, `Patch` or `Secret` of one"
)]
pub trait NumberValue {
    /// Whether the number is a credential, never quoted.
    const SECRET: bool = false;
    /// The number, when there is one.
    fn number(&self) -> Option<Limit>;
}

/// An array or set that `min_items` and `max_items` can count.
#[diagnostic::on_unimplemented(
    message = "array rules (`min_items`, `max_items`) do not apply to `{Self}`",
    label = "not an array",
    note = "they apply to `Vec<T>`, `HashSet<T>`, `BTreeSet<T>`, and to an `Option` or `Box` of one; for a map, use `min_properties` and `max_properties`"
)]
pub trait ItemsValue {
    /// How many items, when there is an array.
    fn item_count(&self) -> Option<usize>;
}

/// An array whose items `unique_items` can compare.
#[diagnostic::on_unimplemented(
    message = "`unique_items` does not apply to `{Self}`",
    label = "not a `Vec` of serializable items",
    note = "`unique_items` applies to `Vec<T>` with `T: Serialize` (or an `Option` or `Box` of one); a set is unique already"
)]
pub trait UniqueItemsValue {
    /// The index of the first item equal to an earlier one, compared as the
    /// JSON they write; `None` when all differ or there is no array.
    fn first_repeat(&self) -> Option<usize>;
}

/// A map that `min_properties` and `max_properties` can count.
#[diagnostic::on_unimplemented(
    message = "map rules (`min_properties`, `max_properties`) do not apply to `{Self}`",
    label = "not a map",
    note = "they apply to `HashMap` and `BTreeMap` with string keys, `serde_json::Map`, and an `Option` or `Box` of one"
)]
pub trait PropertiesValue {
    /// How many keys, when there is a map.
    fn property_count(&self) -> Option<usize>;
}

/// A collection whose elements `items(…)` checks: an array's items or a map's values.
#[diagnostic::on_unimplemented(
    message = "`items(…)` applies rules to the elements of a collection, and `{Self}` is not one",
    label = "not an array or map",
    note = "`items(…)` applies to `Vec<T>`, `HashMap`/`BTreeMap` with string keys, and an `Option` or `Box` of one"
)]
pub trait Elements {
    /// The element type.
    type Element;
    /// Calls `visit` with each element and where it is.
    fn each_element(&self, visit: &mut dyn FnMut(Place<'_>, &Self::Element));
}

/// Where an element sits in its collection.
#[derive(Debug, Clone, Copy)]
pub enum Place<'k> {
    /// The item at this index of an array.
    Index(usize),
    /// The value at this key of a map.
    Key(&'k str),
}

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

/// The rule checks of one value: generated code calls a method per rule.
///
/// `node` is the value's place in the input when there is one (a second read
/// for a report), so that each issue has its line and column.
#[doc(hidden)]
pub struct Rules<'r, 'a, 'n> {
    report: &'r mut Report<'a>,
    node: Option<Node<'n>>,
}

impl<'r, 'a, 'n> Rules<'r, 'a, 'n> {
    pub(crate) fn new(report: &'r mut Report<'a>, node: Option<Node<'n>>) -> Self {
        Rules { report, node }
    }

    /// `min_length`: counted in Unicode scalar values, as JSON Schema counts.
    #[inline]
    pub fn min_length<T: TextValue + ?Sized>(&mut self, value: &T, min: usize) {
        if let Some(text) = value.text() {
            let count = text.chars().count();
            if count < min {
                self.fail(IssueKind::TooShort, Rule::MinLength(min), || count.to_string());
            }
        }
    }

    /// `max_length`.
    #[inline]
    pub fn max_length<T: TextValue + ?Sized>(&mut self, value: &T, max: usize) {
        if let Some(text) = value.text() {
            let count = text.chars().count();
            if count > max {
                self.fail(IssueKind::TooLong, Rule::MaxLength(max), || count.to_string());
            }
        }
    }

    /// `pattern`.
    #[inline]
    pub fn pattern<T: TextValue + ?Sized, P: PatternMatch>(&mut self, value: &T, pattern: &P) {
        if let Some(text) = value.text() {
            if !pattern.is_match(text) {
                let secret = T::SECRET || self.report.in_secret();
                self.fail(IssueKind::PatternMismatch, Rule::Pattern(pattern.source()), || quote(text, secret));
            }
        }
    }

    /// `format`.
    #[inline]
    pub fn format<T: TextValue + ?Sized, F: FormatCheck>(&mut self, value: &T, _format: F) {
        if let Some(text) = value.text() {
            if !F::matches(text) {
                let secret = T::SECRET || self.report.in_secret();
                self.fail(IssueKind::InvalidFormat, Rule::Format(F::FORMAT), || quote(text, secret));
            }
        }
    }

    /// `minimum`, `maximum`, `exclusive_minimum` and `exclusive_maximum`:
    /// `rule` holds the limit, `allowed` the orderings of value to limit that pass.
    #[inline]
    pub fn bound<T: NumberValue + ?Sized>(&mut self, value: &T, rule: Rule, limit: Limit, allowed: [Ordering; 2]) {
        if let Some(number) = value.number() {
            if !compare(number, limit).is_some_and(|ordering| allowed.contains(&ordering)) {
                let secret = T::SECRET || self.report.in_secret();
                self.fail(IssueKind::OutOfRange, rule, || quote_number(number, secret));
            }
        }
    }

    /// `multiple_of`.
    #[inline]
    pub fn multiple_of<T: NumberValue + ?Sized>(&mut self, value: &T, divisor: Limit) {
        if let Some(number) = value.number() {
            if !is_multiple(number, divisor) {
                let secret = T::SECRET || self.report.in_secret();
                self.fail(IssueKind::NotMultipleOf, Rule::MultipleOf(divisor), || quote_number(number, secret));
            }
        }
    }

    /// `min_items`.
    #[inline]
    pub fn min_items<T: ItemsValue + ?Sized>(&mut self, value: &T, min: usize) {
        if let Some(count) = value.item_count() {
            if count < min {
                self.fail(IssueKind::TooShort, Rule::MinItems(min), || count.to_string());
            }
        }
    }

    /// `max_items`.
    #[inline]
    pub fn max_items<T: ItemsValue + ?Sized>(&mut self, value: &T, max: usize) {
        if let Some(count) = value.item_count() {
            if count > max {
                self.fail(IssueKind::TooLong, Rule::MaxItems(max), || count.to_string());
            }
        }
    }

    /// `unique_items`: the issue is at the first repeat.
    pub fn unique_items<T: UniqueItemsValue + ?Sized>(&mut self, value: &T) {
        if let Some(index) = value.first_repeat() {
            let node = self.node.and_then(|node| node.items().nth(index));
            self.at(Place::Index(index), node, |rules| {
                rules.fail(IssueKind::NotUnique, Rule::UniqueItems, || "a repeat of an earlier item".to_owned());
            });
        }
    }

    /// `min_properties`.
    #[inline]
    pub fn min_properties<T: PropertiesValue + ?Sized>(&mut self, value: &T, min: usize) {
        if let Some(count) = value.property_count() {
            if count < min {
                self.fail(IssueKind::TooShort, Rule::MinProperties(min), || count.to_string());
            }
        }
    }

    /// `max_properties`.
    #[inline]
    pub fn max_properties<T: PropertiesValue + ?Sized>(&mut self, value: &T, max: usize) {
        if let Some(count) = value.property_count() {
            if count > max {
                self.fail(IssueKind::TooLong, Rule::MaxProperties(max), || count.to_string());
            }
        }
    }

    /// `items(…)`: `check` runs the inner rules on each element, at its place.
    pub fn items<T: Elements + ?Sized>(&mut self, value: &T, check: impl Fn(&mut Rules<'_, 'a, 'n>, &T::Element)) {
        // The input's elements, read once: an array's items in order, a map's
        // values by key (the last of a repeated key, as serde keeps it).
        let items: Vec<Node<'n>> = self.node.map(|node| node.items().collect()).unwrap_or_default();
        let entries: HashMap<Cow<'n, str>, Node<'n>> = match self.node {
            Some(node) if items.is_empty() => {
                node.entries().ok().unwrap_or_default().into_iter().map(|entry| (entry.key, entry.value)).collect()
            }
            _ => HashMap::new(),
        };
        value.each_element(&mut |place, element| {
            let node = match place {
                Place::Index(index) => items.get(index).copied(),
                Place::Key(key) => entries.get(key).copied(),
            };
            self.at(place, node, |rules| check(rules, element));
        });
    }

    /// `validate = path`: the function's verdict on the value.
    pub fn custom<E: Into<Violation>>(&mut self, verdict: Result<(), E>) {
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

    /// Runs `check` on the element at `place`, with the pointer and the node
    /// (when there is one) moved there.
    fn at(&mut self, place: Place<'_>, node: Option<Node<'n>>, check: impl FnOnce(&mut Rules<'_, 'a, 'n>)) {
        let report = &mut *self.report;
        match place {
            Place::Index(index) => report.at_index(index, |report| check(&mut Rules { report, node })),
            Place::Key(key) => report.at_key(key, |report| check(&mut Rules { report, node })),
        }
    }

    /// A broken rule. `received` is only called when the issue is kept.
    #[cold]
    fn fail(&mut self, kind: IssueKind, rule: Rule, received: impl FnOnce() -> String) {
        if !self.report.tracking() {
            self.report.mark_failed();
            return;
        }
        self.push(kind, Cow::Owned(rule.to_string()), Some(received()));
    }

    fn push(&mut self, kind: IssueKind, expected: Cow<'static, str>, received: Option<String>) {
        let offset = self.node.map(|node| node.offset());
        self.report.push_rule(offset, kind, expected, received);
    }
}

/// A string as an issue quotes it: its text, unless it is a secret.
fn quote(text: &str, secret: bool) -> String {
    if secret {
        Kind::String.as_str().to_owned()
    } else {
        format!("{} {}", Kind::String, crate::report::shorten(&serde_json::Value::from(text).to_string()))
    }
}

/// A number as an issue quotes it: itself, unless it is a secret.
fn quote_number(number: Limit, secret: bool) -> String {
    if secret {
        Kind::Number.as_str().to_owned()
    } else {
        number.to_string()
    }
}

fn compare(value: Limit, limit: Limit) -> Option<Ordering> {
    match (value, limit) {
        (Limit::Integer(value), Limit::Integer(limit)) => Some(value.cmp(&limit)),
        (value, limit) => as_f64(value).partial_cmp(&as_f64(limit)),
    }
}

/// Exact for integers; for floats, a quotient within a few ulps of an integer
/// counts, so that `0.3` is a multiple of `0.1` as it is in decimal.
fn is_multiple(value: Limit, divisor: Limit) -> bool {
    match (value, divisor) {
        (_, Limit::Integer(0)) => false,
        (Limit::Integer(value), Limit::Integer(divisor)) => value % divisor == 0,
        (value, divisor) => {
            let quotient = as_f64(value) / as_f64(divisor);
            quotient.is_finite() && (quotient - quotient.round()).abs() <= 4.0 * f64::EPSILON * quotient.abs().max(1.0)
        }
    }
}

#[allow(clippy::cast_precision_loss)]
fn as_f64(limit: Limit) -> f64 {
    match limit {
        Limit::Integer(value) => value as f64,
        Limit::Float(value) => value,
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
    let mut report = Report::untracked();
    value.check_rules(&mut report);
    report.issue_count() == 0
}

/// Every rule trait for a wrapper that may hold a value: a rule applies to
/// the value when there is one. `get` reaches it.
macro_rules! forward {
    ($($wrapper:ident<T $(: ?$sized:ident)?> => |$this:ident| $get:expr;)*) => {$(
        impl<T: TextValue $(+ ?$sized)?> TextValue for $wrapper<T> {
            const SECRET: bool = T::SECRET;
            #[inline]
            fn text(&self) -> Option<&str> {
                let $this = self;
                $get?.text()
            }
        }

        impl<T: NumberValue $(+ ?$sized)?> NumberValue for $wrapper<T> {
            const SECRET: bool = T::SECRET;
            #[inline]
            fn number(&self) -> Option<Limit> {
                let $this = self;
                $get?.number()
            }
        }

        impl<T: ItemsValue $(+ ?$sized)?> ItemsValue for $wrapper<T> {
            #[inline]
            fn item_count(&self) -> Option<usize> {
                let $this = self;
                $get?.item_count()
            }
        }

        impl<T: UniqueItemsValue $(+ ?$sized)?> UniqueItemsValue for $wrapper<T> {
            fn first_repeat(&self) -> Option<usize> {
                let $this = self;
                $get?.first_repeat()
            }
        }

        impl<T: PropertiesValue $(+ ?$sized)?> PropertiesValue for $wrapper<T> {
            #[inline]
            fn property_count(&self) -> Option<usize> {
                let $this = self;
                $get?.property_count()
            }
        }

        impl<T: Elements $(+ ?$sized)?> Elements for $wrapper<T> {
            type Element = T::Element;
            fn each_element(&self, visit: &mut dyn FnMut(Place<'_>, &T::Element)) {
                let $this = self;
                if let Some(inner) = $get {
                    inner.each_element(visit);
                }
            }
        }
    )*};
}

forward! {
    Box<T: ?Sized> => |this| Some(&**this);
    Option<T> => |this| this.as_ref();
    // A `Patch` as an `Option`: absent and `null` hold nothing to check.
    Patch<T> => |this| this.value();
}

impl<T: TextValue> TextValue for Secret<T> {
    const SECRET: bool = true;
    #[inline]
    fn text(&self) -> Option<&str> {
        self.expose().text()
    }
}

impl<T: NumberValue> NumberValue for Secret<T> {
    const SECRET: bool = true;
    #[inline]
    fn number(&self) -> Option<Limit> {
        self.expose().number()
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

macro_rules! number {
    ($($ty:ty => $variant:ident as $as:ty;)*) => {$(
        impl NumberValue for $ty {
            #[inline]
            #[allow(clippy::cast_lossless)]
            fn number(&self) -> Option<Limit> {
                Some(Limit::$variant(*self as $as))
            }
        }
    )*};
}

number! {
    i8 => Integer as i128; i16 => Integer as i128; i32 => Integer as i128; i64 => Integer as i128;
    i128 => Integer as i128; isize => Integer as i128; u8 => Integer as i128; u16 => Integer as i128;
    u32 => Integer as i128; u64 => Integer as i128; usize => Integer as i128;
    f32 => Float as f64; f64 => Float as f64;
}

/// `u128` beyond `i128` compares as a float, which is still above any limit
/// an `i128` can write.
impl NumberValue for u128 {
    #[inline]
    #[allow(clippy::cast_precision_loss)]
    fn number(&self) -> Option<Limit> {
        Some(i128::try_from(*self).map_or(Limit::Float(*self as f64), Limit::Integer))
    }
}

impl<T> ItemsValue for Vec<T> {
    #[inline]
    fn item_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T, S: BuildHasher> ItemsValue for HashSet<T, S> {
    #[inline]
    fn item_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T> ItemsValue for BTreeSet<T> {
    #[inline]
    fn item_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

/// Items compared as the JSON they write, as JSON Schema compares them.
impl<T: Serialize> UniqueItemsValue for Vec<T> {
    fn first_repeat(&self) -> Option<usize> {
        let mut seen = HashSet::with_capacity(self.len());
        self.iter().position(|item| serde_json::to_string(item).is_ok_and(|json| !seen.insert(json)))
    }
}

impl<T> Elements for Vec<T> {
    type Element = T;
    fn each_element(&self, visit: &mut dyn FnMut(Place<'_>, &T)) {
        for (index, item) in self.iter().enumerate() {
            visit(Place::Index(index), item);
        }
    }
}

impl<V, S: BuildHasher> PropertiesValue for HashMap<String, V, S> {
    #[inline]
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<V> PropertiesValue for BTreeMap<String, V> {
    #[inline]
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl PropertiesValue for serde_json::Map<String, serde_json::Value> {
    #[inline]
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<V, S: BuildHasher> Elements for HashMap<String, V, S> {
    type Element = V;
    fn each_element(&self, visit: &mut dyn FnMut(Place<'_>, &V)) {
        for (key, value) in self {
            visit(Place::Key(key), value);
        }
    }
}

impl<V> Elements for BTreeMap<String, V> {
    type Element = V;
    fn each_element(&self, visit: &mut dyn FnMut(Place<'_>, &V)) {
        for (key, value) in self {
            visit(Place::Key(key), value);
        }
    }
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Index(index) => index.fmt(f),
            Place::Key(key) => key.fmt(f),
        }
    }
}
