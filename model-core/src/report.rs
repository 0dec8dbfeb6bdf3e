//! The collector an [`ApiType::check`](crate::ApiType::check) writes issues into.

use std::borrow::Cow;
use std::fmt::Display;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde_json::error::Category;

use crate::issue::{
    cut_key, push_index, push_key_segment, push_pointer_segment, unescape_segment, Issue, IssueKind, Own, Param,
    ShortText, ValidationError,
};
use crate::node::{Entry, Kind, Node, MAX_DEPTH};

/// How much of a received scalar a report quotes.
pub(crate) const QUOTE_LIMIT: usize = 40;

pub use crate::issue::KEY_LIMIT;

/// What stands for a key inside a `Secret` in pointers and wire names.
const SECRET_KEY: &str = "<secret>";

/// The most issues one report holds by default. Past it, one
/// `too_many_issues` issue closes the report, so hostile input cannot make
/// the error itself huge.
pub const MAX_ISSUES: usize = 1000;

/// How large a report may grow, in issues and in bytes, before it ends with
/// one `too_many_issues` issue. The byte budget is about the size of the
/// report as JSON, from above (each issue's pointer and expected text
/// counted twice, as `detail` repeats them, plus a fixed allowance for its
/// other texts, which are cut short), and is the least of
/// [`max_bytes`](Self::max_bytes) and the larger of 16 KiB and
/// [`per_input_byte`](Self::per_input_byte) times the input's length: a
/// report stays within a small multiple of what came.
///
/// ```
/// use model_core::{check::ReportLimits, ApiModel};
///
/// #[derive(Debug, serde::Deserialize, ApiModel)]
/// struct Scores {
///     scores: Vec<u8>,
/// }
///
/// let limits = ReportLimits::default().max_issues(2);
/// let error = limits.from_json::<Scores>(r#"{"scores": [-1, -2, -3]}"#).unwrap_err();
/// let codes: Vec<&str> = error.issues().iter().map(|issue| issue.code()).collect();
/// assert_eq!(codes, ["out_of_range", "out_of_range", "too_many_issues"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportLimits {
    max_issues: usize,
    max_bytes: usize,
    per_input_byte: usize,
}

impl Default for ReportLimits {
    /// 1,000 issues; 1 MiB; 8 bytes of report per byte of input, at least 16 KiB.
    fn default() -> Self {
        ReportLimits { max_issues: MAX_ISSUES, max_bytes: 1 << 20, per_input_byte: 8 }
    }
}

impl ReportLimits {
    /// The least budget any input gets, so that a short body still hears of
    /// its first problems.
    pub const MIN_BYTES: usize = 16 << 10;

    /// At most `max_issues` issues (at least one).
    #[must_use]
    pub fn max_issues(mut self, max_issues: usize) -> Self {
        self.max_issues = max_issues.max(1);
        self
    }

    /// At most `max_bytes` of report, whatever the input's length.
    #[must_use]
    pub fn max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// At most `per_input_byte` bytes of report per byte of input (above
    /// [`MIN_BYTES`](Self::MIN_BYTES)).
    #[must_use]
    pub fn per_input_byte(mut self, per_input_byte: usize) -> Self {
        self.per_input_byte = per_input_byte;
        self
    }

    /// These limits with room kept for `issues` issues a caller adds to the
    /// report afterwards, so that the whole stays within `max_issues`.
    pub(crate) fn keeping_room_for(self, issues: usize) -> Self {
        self.max_issues(self.max_issues.saturating_sub(issues))
    }

    /// The byte budget of a report on `input_len` bytes.
    pub fn budget(&self, input_len: usize) -> usize {
        self.max_bytes.min(Self::MIN_BYTES.max(self.per_input_byte.saturating_mul(input_len)))
    }
}

/// Gathers every issue of one input, each with its pointer and position.
///
/// Generated code drives it; a hand-written [`ApiType`](crate::ApiType) for a
/// scalar type needs only [`check_leaf`](Self::check_leaf).
pub struct Report<'a> {
    input: &'a str,
    positions: bool,
    /// Where each line starts, found once and shared with every fork, so
    /// that trying an untagged enum's variants never reads the input again.
    line_starts: LineStarts,
    pointer: String,
    segments: Vec<Segment>,
    /// How many of the last segments are indices not yet written into
    /// `pointer` (see [`Segment`]).
    unwritten: usize,
    secret_depth: usize,
    issues: Vec<Issue>,
    truncated: bool,
    /// Whether an issue came before one found earlier: only then are the
    /// issues sorted into document order.
    unsorted: bool,
    /// Whether issues are written out; off for the quick pass over a typed
    /// value, which only asks whether every rule holds.
    tracking: bool,
    /// Issues pushed so far, kept or not.
    pushed: usize,
    /// Of those, broken value rules: a value with only these is one serde reads.
    rules_pushed: usize,
    max_issues: usize,
    /// Bytes of report left (see [`ReportLimits`]).
    budget: usize,
}

/// What an issue says beside its kind and what was expected.
#[derive(Default)]
pub(crate) struct Detail {
    /// Where the issue sorts, when not at its offset.
    pub(crate) place: Option<usize>,
    /// The rule broken and its limit, for a rule's issue.
    pub(crate) rule: Option<(&'static str, Param)>,
    /// The user's code and message, for a rule's issue.
    pub(crate) own: Option<Box<Own>>,
    pub(crate) received: Option<ShortText>,
    pub(crate) suggestion: Option<String>,
    pub(crate) found_key: Option<String>,
}

/// One step of the pointer: where it starts in `pointer`, and whether it is
/// a key (whose text, unescaped, is an issue's wire name) or an index. The
/// key itself is not kept: it is in the pointer already, and copying it for
/// every field walked was a fifth of a report's allocations.
///
/// An index is written into `pointer` only when something needs it (an
/// issue, a key below it, a fork): a rule over a list's items steps into
/// every item, and writing each index was a tenth of such a report.
#[derive(Clone, Copy)]
struct Segment {
    /// The pointer's length before this step, restored on leaving it.
    pointer_len: usize,
    /// For an index not yet written into `pointer` (the report's last
    /// `unwritten` segments), the index.
    unwritten: Option<usize>,
    /// For a key, where the `/` before it is.
    key_at: Option<usize>,
    /// A key known for the whole program (a field's wire name): the issue's
    /// wire name, borrowed rather than unescaped from the pointer.
    name: Option<&'static str>,
}

impl<'a> Report<'a> {
    /// A report that keeps its issues. Room for a typical pointer and a few
    /// issues is taken at once: growing them was a tenth of a report's time.
    pub(crate) fn new(input: &'a str, positions: bool) -> Self {
        Report::limited(input, positions, &ReportLimits::default())
    }

    /// [`new`](Self::new) within `limits`.
    pub(crate) fn limited(input: &'a str, positions: bool, limits: &ReportLimits) -> Self {
        Report {
            max_issues: limits.max_issues,
            budget: limits.budget(input.len()),
            pointer: String::with_capacity(64),
            segments: Vec::with_capacity(8),
            issues: Vec::with_capacity(16),
            ..Report::empty(input, positions, true)
        }
    }

    /// The same report with a byte budget of its own.
    pub(crate) fn with_budget(mut self, budget: usize) -> Self {
        self.budget = budget;
        self
    }

    /// A report that keeps no issue, only whether there was one: what valid
    /// input pays for its rules, with no allocation.
    pub(crate) fn untracked() -> Report<'static> {
        Report::empty("", false, false)
    }

    fn empty(input: &'a str, positions: bool, tracking: bool) -> Self {
        Report {
            input,
            positions,
            line_starts: LineStarts::Unread,
            pointer: String::new(),
            segments: Vec::new(),
            unwritten: 0,
            secret_depth: 0,
            issues: Vec::new(),
            truncated: false,
            unsorted: false,
            tracking,
            pushed: 0,
            rules_pushed: 0,
            max_issues: MAX_ISSUES,
            budget: usize::MAX,
        }
    }

    /// An empty report at the same place in the same input: one attempt at
    /// a value, which [`merge`](Self::merge) keeps or which is dropped.
    pub(crate) fn fork(&mut self) -> Report<'a> {
        self.write_indices();
        let line_starts =
            if self.positions && self.tracking { self.line_starts.shared(self.input) } else { LineStarts::Unread };
        Report {
            input: self.input,
            positions: self.positions,
            line_starts,
            pointer: self.pointer.clone(),
            segments: self.segments.clone(),
            unwritten: 0,
            secret_depth: self.secret_depth,
            issues: Vec::new(),
            truncated: false,
            unsorted: false,
            tracking: self.tracking,
            pushed: 0,
            rules_pushed: 0,
            max_issues: self.max_issues.saturating_sub(self.issues.len()),
            budget: self.budget,
        }
    }

    /// Whether something other than a value rule was found: serde itself
    /// would refuse the value, not only its rules.
    pub(crate) fn refused_by_serde(&self) -> bool {
        self.pushed > self.rules_pushed
    }

    /// Whether the first issue refuses the value's JSON type outright, at
    /// this report's own pointer: an attempt that was not even close. (Asked
    /// of a finished fork, whose pointer is whole: a fork starts with every
    /// index written, and its checks leave every step they take.)
    pub(crate) fn refused_outright(&self) -> bool {
        self.issues
            .first()
            .is_some_and(|issue| issue.kind == IssueKind::InvalidType && issue.pointer.as_str() == self.pointer)
    }

    /// Keeps the issues of a [`fork`](Self::fork).
    pub(crate) fn merge(&mut self, fork: Report<'a>) {
        self.pushed += fork.pushed;
        self.rules_pushed += fork.rules_pushed;
        self.unsorted |= fork.unsorted;
        for issue in fork.issues {
            if self.truncated {
                break;
            }
            let weight = issue.weight();
            self.unsorted |= self.issues.last().is_some_and(|last| last.place > issue.place);
            if self.issues.len() >= self.max_issues || weight > self.budget {
                self.truncated = true;
                break;
            }
            self.budget -= weight;
            self.issues.push(issue);
        }
        self.truncated |= fork.truncated;
    }

    pub(crate) fn tracking(&self) -> bool {
        self.tracking
    }

    /// How many issues were pushed so far, kept or not.
    pub(crate) fn issue_count(&self) -> usize {
        self.pushed
    }

    /// Whether the pass has its answer: an untracked one that found a
    /// broken rule, which need not look further.
    #[inline]
    pub(crate) fn settled(&self) -> bool {
        !self.tracking && self.pushed > 0
    }

    /// An untracked report's one bit: an issue came.
    pub(crate) fn mark_failed(&mut self) {
        self.pushed += 1;
    }

    /// Checks a scalar by deserializing it alone: a JSON type not in `accepts` is
    /// `invalid_type`; a value serde then refuses is `invalid_format`.
    ///
    /// ```
    /// use model_core::{ApiType, check::{JsonKind, Node, Report}, doc::TypeDoc};
    ///
    /// /// An ISO 4217 currency code, read by its own `Deserialize`.
    /// # #[derive(serde::Deserialize)] struct Currency(String);
    /// impl ApiType for Currency {
    ///     const TYPE: TypeDoc = TypeDoc::String;
    ///     fn check(node: &Node<'_>, report: &mut Report<'_>) {
    ///         report.check_leaf::<Self>(node, &[JsonKind::String], &Self::TYPE);
    ///     }
    /// }
    /// ```
    ///
    /// `expected` names the type in the issue: usually the type's own
    /// [`TypeDoc`](crate::doc::TypeDoc), or any text.
    pub fn check_leaf<T: DeserializeOwned>(&mut self, node: &Node<'_>, accepts: &[Kind], expected: &dyn Display) {
        self.check_scalar::<T>(node, accepts, || Cow::Owned(expected.to_string()));
    }

    /// Any JSON string, as `String` reads it: one without escapes is valid
    /// text already (serde_json checked the grammar), so it is not copied.
    pub(crate) fn check_text<T: DeserializeOwned>(
        &mut self,
        node: &Node<'_>,
        expected: impl FnOnce() -> Cow<'static, str>,
    ) {
        if node.kind() != Kind::String || node.text().contains('\\') {
            self.check_scalar::<T>(node, &[Kind::String], expected);
        }
    }

    /// [`check_leaf`](Self::check_leaf) with the type's name made only for
    /// an issue, and borrowed when it is fixed.
    pub(crate) fn check_scalar<T: DeserializeOwned>(
        &mut self,
        node: &Node<'_>,
        accepts: &[Kind],
        expected: impl FnOnce() -> Cow<'static, str>,
    ) {
        if !accepts.contains(&node.kind()) {
            self.push(node, IssueKind::InvalidType, expected());
        } else if let Err(error) = node.parse::<T>() {
            self.push_serde_error(node, &error, IssueKind::InvalidFormat, expected());
        }
    }

    /// Adds an issue about `node`, quoting what came unless it is secret.
    pub fn push(&mut self, node: &Node<'_>, kind: IssueKind, expected: impl Into<Cow<'static, str>>) {
        let received = self.describe(node);
        let detail = Detail { received: Some(received), ..Detail::default() };
        self.push_at(Some(node.offset()), kind, expected.into(), detail);
    }

    /// Whether the value being checked sits inside a [`Secret`](crate::Secret).
    pub fn in_secret(&self) -> bool {
        self.secret_depth > 0
    }

    /// Adds an issue for serde's refusal of `node`. serde's message is never
    /// copied, since it may quote the value.
    ///
    /// The text already passed serde_json's grammar check, so a "syntax" error
    /// here is a value serde_json cannot hold: a number beyond `f64` is
    /// `out_of_range`, a string with a lone surrogate `invalid_format`.
    pub(crate) fn push_serde_error(
        &mut self,
        node: &Node<'_>,
        error: &serde_json::Error,
        kind: IssueKind,
        expected: impl Into<Cow<'static, str>>,
    ) {
        match (error.classify(), node.kind()) {
            (Category::Data, _) => self.push(node, kind, expected),
            (_, Kind::Number) => self.push(node, IssueKind::OutOfRange, "a number within the range of f64"),
            (_, Kind::String) => self.push(node, IssueKind::InvalidFormat, "a string of Unicode scalar values"),
            _ => self.push_absent(node.offset(), IssueKind::Syntax, Cow::Owned(syntax_message(error))),
        }
    }

    pub(crate) fn push_unknown_variant(&mut self, node: &Node<'_>, expected: String, suggestion: Option<&str>) {
        let received = Some(self.describe(node));
        let suggestion = if self.in_secret() { None } else { suggestion.map(str::to_owned) };
        let detail = Detail { received, suggestion, ..Detail::default() };
        self.push_at(Some(node.offset()), IssueKind::UnknownVariant, Cow::Owned(expected), detail);
    }

    /// A key the model does not know, at the key itself.
    pub(crate) fn push_unknown_key(&mut self, key_offset: usize, expected: String, suggestion: Option<&str>) {
        let detail = Detail { suggestion: suggestion.map(str::to_owned), ..Detail::default() };
        self.push_at(Some(key_offset), IssueKind::UnknownField, Cow::Owned(expected), detail);
    }

    /// An issue about a map's key, at the key.
    pub(crate) fn push_key_issue(
        &mut self,
        offset: usize,
        kind: IssueKind,
        expected: Cow<'static, str>,
        received: String,
        suggestion: Option<&str>,
    ) {
        let detail = Detail {
            received: Some(ShortText::new(&received)),
            suggestion: suggestion.map(str::to_owned),
            ..Detail::default()
        };
        self.push_at(Some(offset), kind, expected, detail);
    }

    /// A required key that is absent, reported at its object's position; `near`
    /// is a key the object does have that is one edit away, a likely typo.
    /// It is listed after the object's present keys: at `object_end`.
    pub(crate) fn push_missing(
        &mut self,
        object_offset: usize,
        object_end: usize,
        expected: impl Into<Cow<'static, str>>,
        near: Option<&str>,
    ) {
        // A key of the input: never one inside a secret, and cut as keys are.
        let near = near.filter(|_| !self.in_secret()).map(|near| cut_key(near).into_owned());
        let detail = Detail { found_key: near, place: Some(object_end), ..Detail::default() };
        self.push_at(Some(object_offset), IssueKind::Missing, expected.into(), detail);
    }

    /// An issue at a byte offset with nothing received, such as a duplicate key.
    pub(crate) fn push_absent(&mut self, offset: usize, kind: IssueKind, expected: Cow<'static, str>) {
        self.push_at(Some(offset), kind, expected, Detail::default());
    }

    /// A broken value rule, at the value's offset when the input has one;
    /// `detail.place`, where it sorts when not there (an absent value's, at
    /// the end of the object that lacks it).
    pub(crate) fn push_rule(
        &mut self,
        offset: Option<usize>,
        kind: IssueKind,
        expected: Cow<'static, str>,
        detail: Detail,
    ) {
        self.rules_pushed += 1;
        self.push_at(offset, kind, expected, detail);
    }

    fn push_at(&mut self, offset: Option<usize>, kind: IssueKind, expected: Cow<'static, str>, detail: Detail) {
        self.pushed += 1;
        if !self.tracking {
            return;
        }
        if self.issues.len() >= self.max_issues || self.truncated {
            self.truncated = true;
            return;
        }
        self.write_indices();
        let (line, column) = match offset.and_then(|offset| self.position(offset)) {
            Some((line, column)) => (Some(line), Some(column)),
            None => (None, None),
        };
        let wire_name = self.wire_name();
        // Where the issue sorts in document order: its value's offset, its
        // object's end for a missing key (after the object's present keys),
        // last without a place.
        let place = detail.place.or(offset).unwrap_or(usize::MAX);
        let issue = Issue {
            kind,
            pointer: ShortText::new(&self.pointer),
            wire_name,
            expected,
            received: detail.received,
            suggestion: detail.suggestion,
            found_key: detail.found_key,
            line,
            column,
            place,
            rule: detail.rule,
            own: detail.own,
        };
        let weight = issue.weight();
        if weight > self.budget {
            self.truncated = true;
            return;
        }
        self.budget -= weight;
        self.unsorted |= self.issues.last().is_some_and(|last| last.place > place);
        self.issues.push(issue);
    }

    /// The members of `node`, when it is an object this deep may hold.
    pub(crate) fn open_members<'n>(
        &mut self,
        node: &Node<'n>,
        ty: &dyn Display,
    ) -> Option<impl Iterator<Item = Entry<'n>> + 'n> {
        if !self.open(node, Kind::Object, ty) {
            return None;
        }
        self.or_report(node, node.members(), ty)
    }

    /// [`open_members`](Self::open_members), gathered.
    pub(crate) fn open_object<'n>(&mut self, node: &Node<'n>, ty: &dyn Display) -> Option<Vec<Entry<'n>>> {
        self.open_members(node, ty).map(Iterator::collect)
    }

    /// The items of `node`, when it is an array this deep may hold.
    pub(crate) fn open_array<'n>(
        &mut self,
        node: &Node<'n>,
        ty: &dyn Display,
    ) -> Option<impl Iterator<Item = Node<'n>> + 'n> {
        self.open(node, Kind::Array, ty).then(|| node.items())
    }

    fn open(&mut self, node: &Node<'_>, kind: Kind, ty: &dyn Display) -> bool {
        if node.kind() != kind {
            self.push(node, IssueKind::InvalidType, Cow::Owned(ty.to_string()));
            false
        } else if node.depth() + 1 > MAX_DEPTH {
            self.push_too_deep(node.offset());
            false
        } else {
            true
        }
    }

    fn or_report<T>(&mut self, node: &Node<'_>, parsed: Result<T, serde_json::Error>, ty: &dyn Display) -> Option<T> {
        parsed
            .map_err(|error| self.push_serde_error(node, &error, IssueKind::InvalidValue, Cow::Owned(ty.to_string())))
            .ok()
    }

    pub(crate) fn push_too_deep(&mut self, offset: usize) {
        let expected = format!("at most {MAX_DEPTH} nested arrays and objects");
        self.push_absent(offset, IssueKind::TooDeep, Cow::Owned(expected));
    }

    /// Runs `check` with `key` appended to the pointer. Inlined, so that an
    /// untracked pass over a type without rules costs nothing here.
    #[inline]
    pub(crate) fn at_key(&mut self, key: &str, check: impl FnOnce(&mut Self)) {
        if !self.tracking {
            return check(self);
        }
        self.enter_key(key, None);
        check(self);
        self.leave();
    }

    /// [`at_key`](Self::at_key) for a key that lives as long as the
    /// program, such as a field's wire name.
    #[inline]
    pub(crate) fn at_field(&mut self, name: &'static str, check: impl FnOnce(&mut Self)) {
        if !self.tracking {
            return check(self);
        }
        self.enter_key(name, Some(name));
        check(self);
        self.leave();
    }

    /// `name`: the key itself, when it lives as long as the program.
    #[inline]
    fn enter_key(&mut self, key: &str, name: Option<&'static str>) {
        self.write_indices();
        let pointer_len = self.pointer.len();
        self.pointer.push('/');
        // Bytes bound chars: a key this short is never cut.
        if key.len() <= KEY_LIMIT && (name.is_some() || !self.in_secret()) {
            push_pointer_segment(&mut self.pointer, key);
            self.segments.push(Segment { pointer_len, unwritten: None, key_at: Some(pointer_len), name });
        } else {
            self.enter_rare_key(pointer_len, key, name);
        }
    }

    /// A key inside a secret, which is part of it and never shown, or one
    /// longer than [`KEY_LIMIT`], which is cut.
    #[cold]
    fn enter_rare_key(&mut self, pointer_len: usize, key: &str, name: Option<&'static str>) {
        let (key, name) = if self.in_secret() && name.is_none() { (SECRET_KEY, Some(SECRET_KEY)) } else { (key, name) };
        push_key_segment(&mut self.pointer, key);
        self.segments.push(Segment { pointer_len, unwritten: None, key_at: Some(pointer_len), name });
    }

    /// Runs `check` with an array index appended to the pointer.
    #[inline]
    pub(crate) fn at_index(&mut self, index: usize, check: impl FnOnce(&mut Self)) {
        if !self.tracking {
            return check(self);
        }
        self.enter_index(index);
        check(self);
        self.leave();
    }

    fn enter_index(&mut self, index: usize) {
        let pointer_len = self.pointer.len();
        self.segments.push(Segment { pointer_len, unwritten: Some(index), key_at: None, name: None });
        self.unwritten += 1;
    }

    /// Writes the indices stepped into but not yet written (see [`Segment`]).
    #[inline]
    fn write_indices(&mut self) {
        if self.unwritten > 0 {
            self.write_unwritten();
        }
    }

    #[cold]
    fn write_unwritten(&mut self) {
        let first = self.segments.len() - self.unwritten;
        for segment in &mut self.segments[first..] {
            segment.pointer_len = self.pointer.len();
            if let Some(index) = segment.unwritten.take() {
                push_index(&mut self.pointer, index);
            }
        }
        self.unwritten = 0;
    }

    /// Runs `check` with `pointer`, a relative JSON Pointer already escaped,
    /// appended to the pointer; its last segment names the key.
    pub(crate) fn at_pointer(&mut self, pointer: &str, check: impl FnOnce(&mut Self)) {
        if !self.tracking || pointer.is_empty() {
            return check(self);
        }
        self.write_indices();
        let pointer_len = self.pointer.len();
        self.pointer.push_str(pointer);
        // One segment for the whole relative pointer; its last step names the key.
        let last = pointer.rfind('/').unwrap_or(0);
        self.segments.push(Segment { pointer_len, unwritten: None, key_at: Some(pointer_len + last), name: None });
        check(self);
        self.leave();
    }

    /// The nearest enclosing key, unescaped from the pointer.
    fn wire_name(&self) -> Option<Cow<'static, str>> {
        let at = self.segments.iter().rposition(|segment| segment.key_at.is_some())?;
        if let Some(name) = self.segments[at].name {
            return Some(Cow::Borrowed(name));
        }
        let start = self.segments[at].key_at? + 1;
        let end = self.segments.get(at + 1).map_or(self.pointer.len(), |next| next.pointer_len);
        let escaped = self.pointer.get(start..end)?;
        Some(Cow::Owned(unescape_segment(escaped).into_owned()))
    }

    /// Runs `check` with received values hidden from every issue it adds.
    pub(crate) fn in_secret_scope(&mut self, check: impl FnOnce(&mut Self)) {
        self.secret_depth += 1;
        check(self);
        self.secret_depth -= 1;
    }

    fn leave(&mut self) {
        if let Some(segment) = self.segments.pop() {
            self.unwritten -= usize::from(segment.unwritten.is_some());
            self.pointer.truncate(segment.pointer_len);
        }
    }

    /// What came, for a report: the JSON type, and for a scalar outside any
    /// secret its text, shortened.
    fn describe(&self, node: &Node<'_>) -> ShortText {
        let kind = node.kind();
        match kind {
            Kind::Null | Kind::Array | Kind::Object => ShortText::new(kind.as_str()),
            _ if self.in_secret() => ShortText::new(kind.as_str()),
            _ => ShortText::concat(&[kind.as_str(), " ", &shorten(node.text())]),
        }
    }

    fn position(&mut self, offset: usize) -> Option<(usize, usize)> {
        if !self.positions {
            return None;
        }
        let line_starts = self.line_starts.read(self.input);
        let line = line_starts.partition_point(|&start| start <= offset);
        let line_start = line_starts.get(line.checked_sub(1)?).copied()?;
        Some((line, offset - line_start + 1))
    }

    pub(crate) fn push_syntax(&mut self, error: &serde_json::Error) {
        let position = self.serde_position(error);
        self.issues.push(Issue::at_root(IssueKind::Syntax, Cow::Owned(syntax_message(error)), position));
    }

    /// serde_json's line and column, made 1-based: right after a newline it
    /// says column 0 of the next line, which is the newline itself.
    fn serde_position(&self, error: &serde_json::Error) -> (Option<usize>, Option<usize>) {
        match (error.line(), error.column()) {
            (0, _) => (None, None),
            _ if !self.positions => (None, None),
            (line, 0) if line > 1 => {
                let previous = self.input.split('\n').nth(line - 2).map_or(0, str::len);
                (Some(line - 1), Some(previous + 1))
            }
            (line, column) => (Some(line), Some(column.max(1))),
        }
    }

    /// Gives each issue without a place, as the typed pass writes them, the
    /// line and column of its pointer's value in the input (one pass over
    /// the input, see [`locate`](crate::locate)).
    pub(crate) fn place_by_pointer(&mut self) {
        if !self.positions || self.issues.is_empty() {
            return;
        }
        let pointers: Vec<&[u8]> = self.issues.iter().map(|issue| issue.pointer.as_bytes()).collect();
        let places = crate::locate::places(self.input, &pointers);
        for (index, place) in places.into_iter().enumerate() {
            let Some(place) = place else { continue };
            let (line, column) = self.position(place.offset).unzip();
            let issue = &mut self.issues[index];
            (issue.line, issue.column, issue.place) = (line, column, place.sort);
        }
        self.unsorted = true;
    }

    /// The issues in document order (a stable sort, so issues at one place,
    /// or with none, keep the order they were found in).
    pub(crate) fn into_issues(mut self) -> Vec<Issue> {
        if self.unsorted {
            self.issues.sort_by_key(|issue| issue.place);
        }
        if self.truncated {
            let expected = "a shorter report: its issue or size limit was reached, and the rest were not reported";
            self.issues.push(Issue::at_root(IssueKind::TooManyIssues, Cow::Borrowed(expected), (None, None)));
        }
        self.issues
    }

    /// The finished error. When the walk found nothing although serde failed
    /// (a custom `Deserialize` may refuse more than its check knows), serde's
    /// position is kept, so an error is never empty.
    /// `grammar_ok`: the text is JSON, so even a "syntax" error of serde's is
    /// about a value (serde_json says `expected value` when a type's
    /// `Deserialize` asks for something the JSON does not have).
    pub(crate) fn finish(
        mut self,
        model: Cow<'static, str>,
        serde_error: &serde_json::Error,
        grammar_ok: bool,
    ) -> ValidationError {
        if self.issues.is_empty() {
            match serde_error.classify() {
                _ if grammar_ok => {
                    let expected = Cow::Borrowed("a value the type's Deserialize accepts");
                    let position = self.serde_position(serde_error);
                    self.issues.push(Issue::at_root(IssueKind::InvalidValue, expected, position));
                }
                Category::Data => {
                    let expected = Cow::Borrowed("a value the type's Deserialize accepts");
                    let position = self.serde_position(serde_error);
                    self.issues.push(Issue::at_root(IssueKind::InvalidValue, expected, position));
                }
                _ => self.push_syntax(serde_error),
            }
        }
        ValidationError::new(model, self.into_issues())
    }
}

/// Where each line of the input starts: not read until a position is
/// asked for, then the report's own, and shared once the report forks, so
/// that a report that never forks pays for no sharing.
#[derive(Clone)]
enum LineStarts {
    Unread,
    Own(Vec<usize>),
    Shared(Rc<[usize]>),
}

impl LineStarts {
    fn read(&mut self, input: &str) -> &[usize] {
        if let LineStarts::Unread = self {
            *self = LineStarts::Own(
                // `match_indices` of a `char` searches with `memchr`.
                std::iter::once(0).chain(input.match_indices('\n').map(|(at, _)| at + 1)).collect(),
            );
        }
        match self {
            LineStarts::Own(starts) => starts,
            LineStarts::Shared(starts) => starts,
            LineStarts::Unread => &[],
        }
    }

    /// The table, read and made shareable (once), for a fork.
    fn shared(&mut self, input: &str) -> LineStarts {
        if !matches!(self, LineStarts::Shared(_)) {
            let shared: Rc<[usize]> = self.read(input).into();
            *self = LineStarts::Shared(shared);
        }
        self.clone()
    }
}

/// serde_json's own words for a grammar error, without its position (the
/// issue carries that). Grammar messages are fixed texts that quote no input.
fn syntax_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(end) => format!("valid JSON ({})", &message[..end]),
        None => format!("valid JSON ({message})"),
    }
}

pub(crate) fn shorten(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(QUOTE_LIMIT) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}
