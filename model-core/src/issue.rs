//! What a report says: one [`Issue`] per problem, gathered in a [`ValidationError`].

use std::borrow::Cow;
use std::error::Error;
use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::messages::{render, English, Messages};

/// The kind of problem an [`Issue`] describes. [`IssueKind::code`] gives its
/// stable name, the one tools should match on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IssueKind {
    /// `missing`: a required key is absent.
    Missing,
    /// `invalid_type`: the value has the wrong JSON type (`null` for a required field included).
    InvalidType,
    /// `invalid_format`: the JSON type is right but the text is not, such as a
    /// date-time without offset, or a string that breaks a `format` rule.
    InvalidFormat,
    /// `out_of_range`: an integer that does not fit the field's integer type,
    /// or a number outside a `minimum`, `maximum`, `exclusive_minimum` or
    /// `exclusive_maximum` rule.
    OutOfRange,
    /// `unknown_variant`: a string that is not one of a closed enum's values.
    UnknownVariant,
    /// `unknown_field`: a key the model does not know, when it denies unknown fields.
    UnknownField,
    /// `duplicate_key`: a key given twice in one object.
    DuplicateKey,
    /// `too_deep`: arrays and objects nested deeper than [`MAX_DEPTH`](crate::check::MAX_DEPTH).
    TooDeep,
    /// `syntax`: the text is not JSON.
    Syntax,
    /// `invalid_value`: serde refused the value for a reason the report cannot
    /// name more precisely, or a `validate` function refused it (its message
    /// is the issue's `expected`).
    InvalidValue,
    /// `too_short`: fewer characters, items or keys than a `min_length`,
    /// `min_items` or `min_properties` rule asks.
    TooShort,
    /// `too_long`: more characters, items or keys than a `max_length`,
    /// `max_items` or `max_properties` rule allows.
    TooLong,
    /// `not_multiple_of`: a number that breaks a `multiple_of` rule.
    NotMultipleOf,
    /// `pattern_mismatch`: a string without a match of its `pattern`.
    PatternMismatch,
    /// `not_unique`: an item equal to an earlier one, under `unique_items`.
    NotUnique,
    /// `too_many_issues`: the last issue of a report cut at [`MAX_ISSUES`](crate::check::MAX_ISSUES).
    TooManyIssues,
}

impl IssueKind {
    /// Every kind, in the order documented above.
    pub const ALL: &'static [IssueKind] = &[
        IssueKind::Missing,
        IssueKind::InvalidType,
        IssueKind::InvalidFormat,
        IssueKind::OutOfRange,
        IssueKind::UnknownVariant,
        IssueKind::UnknownField,
        IssueKind::DuplicateKey,
        IssueKind::TooDeep,
        IssueKind::Syntax,
        IssueKind::InvalidValue,
        IssueKind::TooShort,
        IssueKind::TooLong,
        IssueKind::NotMultipleOf,
        IssueKind::PatternMismatch,
        IssueKind::NotUnique,
        IssueKind::TooManyIssues,
    ];

    /// The stable, snake_case code of this kind.
    ///
    /// ```
    /// assert_eq!(model_core::IssueKind::Missing.code(), "missing");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            IssueKind::Missing => "missing",
            IssueKind::InvalidType => "invalid_type",
            IssueKind::InvalidFormat => "invalid_format",
            IssueKind::OutOfRange => "out_of_range",
            IssueKind::UnknownVariant => "unknown_variant",
            IssueKind::UnknownField => "unknown_field",
            IssueKind::DuplicateKey => "duplicate_key",
            IssueKind::TooDeep => "too_deep",
            IssueKind::Syntax => "syntax",
            IssueKind::InvalidValue => "invalid_value",
            IssueKind::TooShort => "too_short",
            IssueKind::TooLong => "too_long",
            IssueKind::NotMultipleOf => "not_multiple_of",
            IssueKind::PatternMismatch => "pattern_mismatch",
            IssueKind::NotUnique => "not_unique",
            IssueKind::TooManyIssues => "too_many_issues",
        }
    }
}

impl fmt::Display for IssueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One problem in the input.
///
/// An issue never holds the text of a secret: what came is described by its JSON
/// type alone whenever the value sits inside a [`Secret`](crate::Secret).
#[derive(Clone)]
pub struct Issue {
    pub(crate) kind: IssueKind,
    pub(crate) pointer: ShortText,
    // Borrowed where the text is fixed (a field's wire name, a JSON type's
    // name): a report allocated three strings an issue before.
    pub(crate) wire_name: Option<Cow<'static, str>>,
    pub(crate) expected: Cow<'static, str>,
    pub(crate) received: Option<ShortText>,
    pub(crate) suggestion: Option<String>,
    pub(crate) found_key: Option<String>,
    pub(crate) line: Option<usize>,
    pub(crate) column: Option<usize>,
    /// Where the issue sorts in document order (see `Report::into_issues`):
    /// not part of what it says, so neither compared nor shown.
    pub(crate) place: usize,
    /// The rule broken (`min_length`) and its limit (`3`), as parameters
    /// of the issue's text. Kept in the issue, not boxed: nearly every
    /// issue of a rule has one, and a box was a tenth of a rule's report.
    pub(crate) rule: Option<(&'static str, Param)>,
    /// A code and message of the user's (`#[api(message = …, code = …)]`,
    /// `Violation::code`, `Issue::custom`); boxed, as most issues have none.
    pub(crate) own: Option<Box<Own>>,
}

/// Appends `key` as one RFC 6901 segment: `~` is written `~0`, `/` is `~1`.
pub(crate) fn push_pointer_segment(pointer: &mut String, key: &str) {
    if !key.bytes().any(|byte| byte == b'~' || byte == b'/') {
        pointer.push_str(key);
        return;
    }
    for ch in key.chars() {
        match ch {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            _ => pointer.push(ch),
        }
    }
}

/// Appends `/index`, in decimal: done for every item a pass walks into, so
/// written without the formatting machinery.
pub(crate) fn push_index(pointer: &mut String, index: usize) {
    pointer.push('/');
    push_decimal(pointer, index as u64);
}

/// Appends `number` in decimal. A report writes a number for each item it
/// walks into and each rule broken: written by hand, as `write!` goes
/// through the formatting machinery for two or three digits.
pub(crate) fn push_decimal(out: &mut String, number: u64) {
    let mut digits = [0_u8; 20];
    let at = decimal_digits(number, &mut digits);
    out.reserve(digits.len() - at);
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

/// `number`'s digits, written at the end of `digits`; where they start.
fn decimal_digits(mut number: u64, digits: &mut [u8; 20]) -> usize {
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 {
            return at;
        }
    }
}

/// How much of a key a pointer or wire name copies: longer keys are cut,
/// with `…` in place of the rest, so that a hostile key cannot make every
/// issue under it as long as itself.
pub const KEY_LIMIT: usize = 64;

/// `key` as a report copies it: cut at [`KEY_LIMIT`](crate::check::KEY_LIMIT)
/// characters with `…` after.
pub(crate) fn cut_key(key: &str) -> Cow<'_, str> {
    match key.char_indices().nth(KEY_LIMIT) {
        Some((end, _)) => Cow::Owned(format!("{}…", &key[..end])),
        None => Cow::Borrowed(key),
    }
}

/// Appends `key` as a report writes it in a pointer: one segment, cut as
/// [`cut_key`] cuts it.
pub(crate) fn push_key_segment(pointer: &mut String, key: &str) {
    push_pointer_segment(pointer, &cut_key(key));
}

/// One RFC 6901 segment as the key it stands for, `push_pointer_segment`
/// undone: `~1` is `/`, `~0` is `~`.
pub(crate) fn unescape_segment(segment: &str) -> Cow<'_, str> {
    if segment.contains('~') {
        Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(segment)
    }
}

/// `[a-z][a-z0-9_]*`, at most 64 characters: a code a client can match on.
/// A `const fn`, so that [`code!`](crate::code) checks a literal at compile time.
pub const fn is_snake_case(code: &str) -> bool {
    let bytes = code.as_bytes();
    if bytes.is_empty() || bytes.len() > 64 || !bytes[0].is_ascii_lowercase() {
        return false;
    }
    let mut index = 1;
    while index < bytes.len() {
        let byte = bytes[index];
        if !(byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'_') {
            return false;
        }
        index += 1;
    }
    true
}

/// What a user gave an issue of their own: its code, and the message that
/// stands for its `detail`.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Own {
    pub(crate) code: Option<&'static str>,
    pub(crate) message: Option<Cow<'static, str>>,
}

/// A rule's limit, kept as it is written until a text or JSON needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Param {
    None,
    Count(usize),
    /// An integer bound, in two halves (`Param::integer`): an `i128` field
    /// would make every issue 16-byte aligned, and larger.
    Integer {
        high: i64,
        low: u64,
    },
    Float(f64),
    Text(&'static str),
}

impl Param {
    /// An integer bound.
    pub(crate) fn integer(int: i128) -> Param {
        Param::Integer { high: (int >> 64) as i64, low: int as u64 }
    }

    fn int(high: i64, low: u64) -> i128 {
        (i128::from(high) << 64) | i128::from(low)
    }

    fn to_json(self) -> serde_json::Value {
        match self {
            Param::None => serde_json::Value::Null,
            Param::Count(count) => count.into(),
            Param::Integer { high, low } => {
                let int = Param::int(high, low);
                i64::try_from(int).map_or_else(|_| int.to_string().into(), Into::into)
            }
            Param::Float(float) => serde_json::Number::from_f64(float).map_or(serde_json::Value::Null, Into::into),
            Param::Text(text) => text.into(),
        }
    }

    fn to_text(self) -> Cow<'static, str> {
        match self {
            Param::None => Cow::Borrowed(""),
            Param::Count(count) => Cow::Owned(count.to_string()),
            Param::Integer { high, low } => Cow::Owned(Param::int(high, low).to_string()),
            Param::Float(float) => Cow::Owned(float.to_string()),
            Param::Text(text) => Cow::Borrowed(text),
        }
    }
}

impl Own {
    /// `None` when neither is given.
    pub(crate) fn of(code: Option<&'static str>, message: Option<Cow<'static, str>>) -> Option<Box<Own>> {
        (code.is_some() || message.is_some()).then(|| Box::new(Own { code, message }))
    }
}

impl PartialEq for Issue {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.pointer == other.pointer
            && self.wire_name == other.wire_name
            && self.expected == other.expected
            && self.received == other.received
            && self.suggestion == other.suggestion
            && self.found_key == other.found_key
            && self.line == other.line
            && self.column == other.column
            && self.rule == other.rule
            && self.own == other.own
    }
}

impl Eq for Issue {}

impl fmt::Debug for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Issue")
            .field("kind", &self.kind)
            .field("pointer", &self.pointer)
            .field("wire_name", &self.wire_name)
            .field("expected", &self.expected)
            .field("received", &self.received)
            .field("suggestion", &self.suggestion)
            .field("found_key", &self.found_key)
            .field("line", &self.line)
            .field("column", &self.column)
            .finish()
    }
}

/// The text of an issue that is nearly always short: its pointer, what it
/// received. Up to 22 bytes it is kept inline, so that a report allocates
/// nothing for it (allocations were a third of a report's time). Written by
/// hand: a small-string crate would add a dependency, and compile time, for
/// two fields of the error path.
#[derive(Clone)]
pub(crate) enum ShortText {
    Inline(u8, [u8; SHORT]),
    Heap(Box<str>),
}

const SHORT: usize = 22;

impl ShortText {
    pub(crate) fn new(text: &str) -> Self {
        if text.len() > SHORT {
            return ShortText::Heap(text.into());
        }
        let mut bytes = [0; SHORT];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        ShortText::Inline(text.len() as u8, bytes)
    }

    /// A count, in decimal, with no allocation.
    pub(crate) fn count(count: usize) -> Self {
        let mut digits = [0_u8; 20];
        let at = decimal_digits(count as u64, &mut digits);
        let mut bytes = [0; SHORT];
        let len = digits.len() - at;
        // A `usize` has at most 20 digits, fewer than `SHORT`.
        bytes[..len].copy_from_slice(&digits[at..]);
        ShortText::Inline(len as u8, bytes)
    }

    /// `value` as `Display` writes it, with no allocation when it is short
    /// (a count, a number).
    pub(crate) fn display(value: impl std::fmt::Display) -> Self {
        struct Writer(u8, [u8; SHORT], Option<String>);
        impl std::fmt::Write for Writer {
            fn write_str(&mut self, text: &str) -> std::fmt::Result {
                let at = usize::from(self.0);
                match &mut self.2 {
                    Some(heap) => heap.push_str(text),
                    None if at + text.len() <= SHORT => {
                        self.1[at..at + text.len()].copy_from_slice(text.as_bytes());
                        self.0 += text.len() as u8;
                    }
                    None => {
                        let mut heap = String::with_capacity(at + text.len() + 8);
                        heap.push_str(std::str::from_utf8(&self.1[..at]).unwrap_or_default());
                        heap.push_str(text);
                        self.2 = Some(heap);
                    }
                }
                Ok(())
            }
        }
        let mut writer = Writer(0, [0; SHORT], None);
        let _ = std::fmt::Write::write_fmt(&mut writer, format_args!("{value}"));
        match writer.2 {
            Some(heap) => ShortText::Heap(heap.into_boxed_str()),
            None => ShortText::Inline(writer.0, writer.1),
        }
    }

    /// The parts one after the other.
    pub(crate) fn concat(parts: &[&str]) -> Self {
        let len: usize = parts.iter().map(|part| part.len()).sum();
        if len > SHORT {
            // Pushed into room made once: `concat` goes through a slower
            // generic join.
            let mut text = String::with_capacity(len);
            parts.iter().for_each(|part| text.push_str(part));
            return ShortText::Heap(text.into_boxed_str());
        }
        let mut bytes = [0; SHORT];
        let mut at = 0;
        for part in parts {
            bytes[at..at + part.len()].copy_from_slice(part.as_bytes());
            at += part.len();
        }
        ShortText::Inline(at as u8, bytes)
    }

    /// The length in bytes, without reading the text.
    pub(crate) fn len(&self) -> usize {
        match self {
            ShortText::Inline(len, _) => usize::from(*len),
            ShortText::Heap(text) => text.len(),
        }
    }

    /// The text's bytes, without the UTF-8 check `as_str` makes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            ShortText::Inline(len, bytes) => &bytes[..usize::from(*len)],
            ShortText::Heap(text) => text.as_bytes(),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            // Whole `str`s were copied in, so the bytes are UTF-8.
            ShortText::Inline(len, bytes) => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default(),
            ShortText::Heap(text) => text,
        }
    }
}

impl PartialEq for ShortText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ShortText {}

impl fmt::Debug for ShortText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Issue {
    /// About what the issue takes as JSON, from above: its pointer and what
    /// it expected twice (`detail` repeats `expected`), and a fixed allowance
    /// for the rest, which is bounded (a wire name is a cut key, a received
    /// value is cut at 40 characters, suggestions are known names).
    #[inline]
    pub(crate) fn weight(&self) -> usize {
        let own = self
            .own
            .as_ref()
            .map_or(0, |own| own.code.map_or(0, str::len) + own.message.as_ref().map_or(0, |message| message.len()));
        2 * (self.pointer.len() + self.expected.len() + own) + 384
    }

    /// An issue about the input as a whole, at the root pointer.
    pub(crate) fn at_root(
        kind: IssueKind,
        expected: Cow<'static, str>,
        position: (Option<usize>, Option<usize>),
    ) -> Self {
        Issue {
            kind,
            pointer: ShortText::new(""),
            wire_name: None,
            expected,
            received: None,
            suggestion: None,
            found_key: None,
            line: position.0,
            column: position.1,
            place: usize::MAX,
            rule: None,
            own: None,
        }
    }

    /// The kind of problem.
    pub fn kind(&self) -> IssueKind {
        self.kind
    }

    /// The issue's stable code: the kind's (`missing`, `invalid_type`), or
    /// one of the user's (`#[api(code = "…")]`, [`Violation::code`](crate::Violation::code),
    /// [`Issue::custom`]).
    pub fn code(&self) -> &'static str {
        match self.own.as_ref().and_then(|own| own.code) {
            Some(code) => code,
            None => self.kind.code(),
        }
    }

    /// Where the problem is, as an RFC 6901 JSON Pointer: `""` is the root,
    /// `/categories/1` the second category.
    pub fn pointer(&self) -> &str {
        self.pointer.as_str()
    }

    /// The wire name of the nearest enclosing key, such as `categories` for
    /// `/categories/1`; `None` at the root.
    pub fn wire_name(&self) -> Option<&str> {
        self.wire_name.as_deref()
    }

    /// What the value should have been, such as `string` or `date-time`.
    pub fn expected(&self) -> &str {
        &self.expected
    }

    /// What came instead, such as `number` or `string "payroll"`; `None` when
    /// nothing came (a missing key) or the input is not JSON.
    pub fn received(&self) -> Option<&str> {
        self.received.as_ref().map(ShortText::as_str)
    }

    /// A close known value, for a near miss: `ats` for `ATS`.
    pub fn suggestion(&self) -> Option<&str> {
        self.suggestion.as_deref()
    }

    /// For a `missing` key: a key the object has that the model does not
    /// know and that is one edit away, a likely typo (`numbr` for `number`).
    pub fn found_key(&self) -> Option<&str> {
        self.found_key.as_deref()
    }

    /// 1-based line where the offending value starts (for `unknown_field`
    /// and `duplicate_key`, where the key starts); for a missing key, where
    /// its enclosing object starts. `None` when there was no text, as for
    /// [`from_value`](crate::from_value) or a builder.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// 1-based column, in bytes as serde_json counts them, on [`line`](Self::line).
    pub fn column(&self) -> Option<usize> {
        self.column
    }
}

impl Issue {
    /// The parameters of the issue's text, by name: `expected` and, when
    /// there are some, `received`, `suggestion`, `wire_name`, `found_key`,
    /// `allowed` (the values or keys an unknown one was not, as
    /// `` `open`, `closed` ``), and for a broken rule `rule` (`min_length`)
    /// and `limit` (`3`). A table of [`messages`](crate::messages) fills its
    /// templates with them.
    ///
    /// For a type error, `expected` is the type's name as docs and schema
    /// write it (`integer`, `string[]`, a model's name); the phrases of a
    /// few shapes (`an RFC 3339 date-time with an offset`) are English.
    pub fn params(&self) -> Vec<(&'static str, Cow<'_, str>)> {
        let mut params = vec![("expected", Cow::Borrowed(&*self.expected))];
        // Every list of names a report writes follows `one of`, each name
        // in backticks (`one of the keys `a`, `b``).
        let own_message = self.own.as_ref().is_some_and(|own| own.message.is_some());
        let list = self.expected.find("one of ").and_then(|at| Some(at + self.expected[at..].find('`')?));
        params.extend(list.filter(|_| !own_message).map(|at| ("allowed", Cow::Borrowed(&self.expected[at..]))));
        let optional = [
            ("received", self.received.as_ref().map(ShortText::as_str)),
            ("suggestion", self.suggestion.as_deref()),
            ("wire_name", self.wire_name.as_deref()),
            ("found_key", self.found_key.as_deref()),
        ];
        params.extend(optional.into_iter().filter_map(|(name, value)| Some((name, Cow::Borrowed(value?)))));
        if let Some((rule, limit)) = self.rule {
            params.push(("rule", Cow::Borrowed(rule)));
            params.push(("limit", limit.to_text()));
        }
        params
    }

    /// The issue's text from another table of templates (see
    /// [`messages`](crate::messages)); a message of the user's stays as written.
    pub fn detail_in(&self, table: &dyn Messages) -> String {
        if let Some(message) = self.own.as_ref().and_then(|own| own.message.as_deref()) {
            return message.to_owned();
        }
        let rule = self.rule.map(|(rule, _)| rule);
        let keys: Vec<&str> = rule.into_iter().chain([self.code(), "*"]).collect();
        render(table, &keys, &self.params())
    }

    /// An issue of a handler's own, for a problem only it can see (a title
    /// already taken, an id that does not exist): at `pointer` (RFC 6901,
    /// such as `/title`), with a snake_case `code` a client matches on and a
    /// `message` that is its text. It renders in `Display`, JSON and problem
    /// details as a parsed issue does; its wire name is the pointer's last
    /// key. A `code` that is not snake_case (`[a-z][a-z0-9_]*`, at most 64
    /// characters) becomes `invalid_value`. Never put a secret in `message`.
    ///
    /// ```
    /// use model_core::{Issue, ValidationError};
    ///
    /// let taken = Issue::custom("/title", "title_taken", "a ticket with this title is open already");
    /// assert_eq!((taken.pointer(), taken.code(), taken.wire_name()), ("/title", "title_taken", Some("title")));
    /// assert_eq!(taken.detail(), "a ticket with this title is open already");
    ///
    /// let error = ValidationError::from_issues("TicketCreate", vec![taken]).unwrap();
    /// assert_eq!(error.to_string(), "invalid TicketCreate: 1 issue\n  - /title: title_taken in `title`, a ticket with this title is open already");
    /// ```
    pub fn custom(pointer: &str, code: &'static str, message: impl Into<String>) -> Issue {
        let message: String = message.into();
        let wire_name = pointer
            .rsplit('/')
            .find(|segment| !segment.is_empty() && segment.parse::<usize>().is_err())
            .filter(|_| !pointer.is_empty())
            .map(|segment| Cow::Owned(unescape_segment(segment).into_owned()));
        let code = Some(code).filter(|code| is_snake_case(code));
        Issue {
            kind: IssueKind::InvalidValue,
            pointer: ShortText::new(pointer),
            wire_name,
            expected: Cow::Owned(message.clone()),
            received: None,
            suggestion: None,
            found_key: None,
            line: None,
            column: None,
            place: usize::MAX,
            rule: None,
            own: Own::of(code, Some(Cow::Owned(message))),
        }
    }

    /// The issue as one sentence for a reader, without its pointer or
    /// position: `expected at least 3 characters, got 2`.
    pub fn detail(&self) -> String {
        Detail(self).to_string()
    }
}

/// What [`Issue::detail`] writes, and `Display` around it: the
/// [`English`] table's text, or the user's message.
struct Detail<'i>(&'i Issue);

impl fmt::Display for Detail<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.detail_in(&English))
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.as_str().is_empty() { "(root)" } else { self.pointer.as_str() };
        write!(f, "{pointer}: {}", self.code())?;
        if let Some(wire_name) = &self.wire_name {
            write!(f, " in `{wire_name}`")?;
        }
        write!(f, ", {}", Detail(self))?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, " at {line}:{column}")?;
        }
        Ok(())
    }
}

/// An issue as JSON, for an API's error body:
/// `{"pointer", "code", "detail", "wire_name", "expected", "received",
/// "suggestion", "found_key", "line", "column"}`, where the last six are left
/// out when the issue has none. `received` never holds a secret's value, as
/// nothing in an issue does.
///
/// ```
/// use model_core::ApiModel;
///
/// #[derive(Debug, serde::Deserialize, ApiModel)]
/// struct Invoice {
///     total: f64,
/// }
///
/// let error = Invoice::from_json(r#"{"total": "12"}"#).unwrap_err();
/// assert_eq!(serde_json::to_value(&error.issues()[0]).unwrap(), serde_json::json!({
///     "pointer": "/total",
///     "code": "invalid_type",
///     "detail": "expected number, got string \"12\"",
///     "wire_name": "total",
///     "expected": "number",
///     "received": "string \"12\"",
///     "line": 1,
///     "column": 11,
/// }));
/// ```
impl Serialize for Issue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("pointer", self.pointer.as_str())?;
        map.serialize_entry("code", self.code())?;
        map.serialize_entry("detail", &Detail(self).to_string())?;
        let optional = [
            ("wire_name", self.wire_name.as_deref()),
            ("expected", Some(&*self.expected)),
            ("received", self.received.as_ref().map(ShortText::as_str)),
            ("suggestion", self.suggestion.as_deref()),
            ("found_key", self.found_key.as_deref()),
        ];
        for (key, value) in optional {
            if let Some(value) = value {
                map.serialize_entry(key, value)?;
            }
        }
        if let (Some(line), Some(column)) = (self.line, self.column) {
            map.serialize_entry("line", &line)?;
            map.serialize_entry("column", &column)?;
        }
        // What a client needs to write the text in its own language.
        if let Some((rule, limit)) = self.rule {
            map.serialize_entry("params", &serde_json::json!({ "rule": rule, "limit": limit.to_json() }))?;
        }
        map.end()
    }
}

/// Every problem found in one input. Never empty.
///
/// ```
/// use model_core::ApiModel;
///
/// #[derive(Debug, serde::Deserialize, ApiModel)]
/// struct Invoice {
///     number: String,
///     total: f64,
/// }
///
/// let error = Invoice::from_json(r#"{"total": "12"}"#).unwrap_err();
/// let codes: Vec<_> = error.issues().iter().map(|i| (i.pointer(), i.code())).collect();
/// assert_eq!(codes, [("/total", "invalid_type"), ("/number", "missing")]);
/// assert_eq!(error.model(), "Invoice");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    model: Cow<'static, str>,
    issues: Vec<Issue>,
}

impl ValidationError {
    pub(crate) fn new(model: Cow<'static, str>, issues: Vec<Issue>) -> Self {
        debug_assert!(!issues.is_empty());
        ValidationError { model, issues }
    }

    /// A report of a handler's own, titled `title` (the model's name on
    /// the wire, say), such as a `422` for a problem only the handler sees;
    /// `None` when `issues` is empty, as a report never is. Issues with a
    /// line and column are put in document order, the others after them in
    /// the order given.
    pub fn from_issues(title: impl Into<String>, issues: Vec<Issue>) -> Option<ValidationError> {
        if issues.is_empty() {
            return None;
        }
        let mut error = ValidationError { model: Cow::Owned(title.into()), issues };
        error.sort();
        Some(error)
    }

    /// Adds a handler's issue to a report, such as one from
    /// [`Issue::custom`] beside the parser's, and keeps document order.
    ///
    /// ```
    /// use model_core::{ApiModel, Issue};
    ///
    /// #[derive(Debug, serde::Deserialize, ApiModel)]
    /// struct TicketCreate {
    ///     title: String,
    ///     #[api(maximum = 5)]
    ///     priority: u8,
    /// }
    ///
    /// let mut error = TicketCreate::from_json(r#"{"title": "Printer", "priority": 9}"#).unwrap_err();
    /// error.push(Issue::custom("/title", "title_taken", "a ticket with this title is open already"));
    /// let codes: Vec<_> = error.issues().iter().map(|issue| issue.code()).collect();
    /// assert_eq!(codes, ["out_of_range", "title_taken"]);
    /// ```
    pub fn push(&mut self, issue: Issue) {
        self.issues.push(issue);
        self.sort();
    }

    /// Issues with a place in the input first, in document order; the
    /// rest after them, as they are (a stable sort).
    fn sort(&mut self) {
        self.issues.sort_by_key(|issue| issue.place);
    }

    /// The name of the type that was being read, such as `ConnectSessionTokenAuthLink`.
    pub fn model(&self) -> &str {
        &self.model
    }

    /// The problems, in the order they appear in the input (line, then
    /// column), whatever found them: a type, a rule, a data enum's variant.
    /// A missing key comes after its object's present ones (its line and
    /// column are the object's). Issues with no place in a text (from
    /// `validate()` or `build()`) are in field order.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.issues.len();
        let plural = if count == 1 { "" } else { "s" };
        write!(f, "invalid {}: {count} issue{plural}", self.model)?;
        for issue in &self.issues {
            write!(f, "\n  - {issue}")?;
        }
        Ok(())
    }
}

impl Error for ValidationError {}

/// `{"model": "Invoice", "issues": [...]}`, each issue as [`Issue`] writes itself.
impl Serialize for ValidationError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("model", &self.model)?;
        map.serialize_entry("issues", &self.issues)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::Param;

    /// An integer bound kept in two halves reads back whole, at both ends
    /// of `i128` and across the halves' seam.
    #[test]
    fn an_integer_bound_reads_back_whole() {
        for int in
            [i128::MIN, i128::from(i64::MIN) - 1, -1, 0, 1, i128::from(u64::MAX), i128::from(u64::MAX) + 1, i128::MAX]
        {
            assert_eq!(Param::integer(int).to_text(), int.to_string());
        }
        assert_eq!(Param::integer(-3).to_json(), serde_json::json!(-3));
        assert_eq!(Param::integer(i128::MAX).to_json(), serde_json::json!(i128::MAX.to_string()));
    }
}
