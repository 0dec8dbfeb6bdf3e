//! A read-only view of JSON text that knows where each value starts.
//!
//! `serde_json::Value` forgets positions, and no well-kept crate offers a
//! spanned tree that accepts exactly serde_json's grammar. So serde_json
//! checks the grammar once (reading the input as a `RawValue`), and then one
//! pass over the text, which has nothing left to check, writes a [`Tape`]:
//! each value's span, kind and depth, in document order, with the index just
//! past its subtree. A container's members are found by stepping from one
//! subtree to the next, so the whole report reads the input twice whatever
//! its depth. This only runs after the fast path has failed.

use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroUsize;

use serde::Deserialize;
use serde_json::value::RawValue;

/// The most arrays and objects that may nest, the root's included: serde_json
/// refuses the 128th, and the report refuses it at the same place.
pub const MAX_DEPTH: usize = 127;

/// The JSON type of a value, as a report names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `null`
    Null,
    /// `true` or `false`
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl Kind {
    /// The name a report uses: `null`, `boolean`, `number`, `string`, `array`, `object`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Boolean => "boolean",
            Kind::Number => "number",
            Kind::String => "string",
            Kind::Array => "array",
            Kind::Object => "object",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every value of one input, in document order.
pub(crate) struct Tape<'a> {
    text: &'a str,
    slots: Vec<Slot>,
}

/// One value on the [`Tape`]: byte offsets into the input. 40 bytes, as a
/// tape holds one per value of the input.
#[derive(Clone, Copy)]
struct Slot {
    start: usize,
    end: usize,
    /// The slot just past this value's subtree: its next sibling's, if any.
    /// While the scan is inside a container, the container's holds the
    /// index of the one around it instead.
    next: usize,
    /// For a member of an object, where its key's opening quote is (never
    /// 0: a key follows a `{`).
    key: Option<NonZeroUsize>,
    /// Saturated: four billion brackets would take more input than a tape.
    depth: u32,
    kind: Kind,
    /// Whether the key has escapes: only such a key can fail to decode.
    escaped_key: bool,
}

impl<'a> Tape<'a> {
    /// Reads the whole input; fails only where serde_json's grammar does.
    pub(crate) fn read(text: &'a str) -> Result<Self, serde_json::Error> {
        // serde_json's grammar, exactly: the scan below relies on it.
        let raw: &RawValue = serde_json::from_str(text)?;
        // Room for a small input's values at once; a large one grows.
        let mut tape = Tape { text, slots: Vec::with_capacity((text.len() / 8).min(4096) + 1) };
        tape.scan(distance(text, raw.get()));
        Ok(tape)
    }

    /// The input's one top-level value.
    pub(crate) fn root(&self) -> Node<'_> {
        Node { tape: self, index: 0 }
    }

    /// Records every value from `start`, where the top-level value begins.
    /// The text is valid JSON, so only string quotes and brackets need care;
    /// on anything else the scan stops rather than panic.
    fn scan(&mut self, start: usize) {
        let bytes = self.text.as_bytes();
        // The innermost open container, and how many are open; each open
        // container's `next` remembers the one around it.
        let (mut open, mut depth): (usize, usize) = (0, 0);
        let mut at = start;
        let mut expect_key = false;
        let (mut key, mut escaped_key) = (None, false);
        loop {
            at = skip_whitespace(bytes, at);
            let Some(&byte) = bytes.get(at) else { return };
            match byte {
                b':' => {
                    at += 1;
                    continue;
                }
                b',' => {
                    expect_key = depth > 0 && self.slots[open].kind == Kind::Object;
                    at += 1;
                    continue;
                }
                b'}' | b']' => {
                    let Some(outer) = depth.checked_sub(1) else { return };
                    depth = outer;
                    let next = self.slots.len();
                    let slot = &mut self.slots[open];
                    (slot.end, open, slot.next) = (at + 1, slot.next, next);
                    if depth == 0 {
                        return;
                    }
                    at += 1;
                    continue;
                }
                b'"' if expect_key => {
                    let end = string_end(bytes, at);
                    escaped_key = bytes.get(at..end).is_some_and(|key| key.contains(&b'\\'));
                    (key, expect_key, at) = (NonZeroUsize::new(at), false, end);
                    continue;
                }
                _ => {}
            }
            let index = self.slots.len();
            let (kind, end) = match byte {
                b'{' => (Kind::Object, at + 1),
                b'[' => (Kind::Array, at + 1),
                b'"' => (Kind::String, string_end(bytes, at)),
                b'n' => (Kind::Null, scalar_end(bytes, at)),
                b't' | b'f' => (Kind::Boolean, scalar_end(bytes, at)),
                _ => (Kind::Number, scalar_end(bytes, at)),
            };
            let container = matches!(kind, Kind::Object | Kind::Array);
            let next = if container { open } else { index + 1 };
            let slot_depth = u32::try_from(depth).unwrap_or(u32::MAX);
            let key = key.take();
            let escaped_key = key.is_some() && escaped_key;
            self.slots.push(Slot { start: at, end, next, key, depth: slot_depth, kind, escaped_key });
            if container {
                (open, depth) = (index, depth + 1);
                expect_key = kind == Kind::Object;
            } else if depth == 0 {
                return;
            }
            at = end;
        }
    }
}

pub(crate) fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// Just past the closing quote of the string whose opening quote is at `at`.
pub(crate) fn string_end(bytes: &[u8], mut at: usize) -> usize {
    at += 1;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => return at + 1,
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// Just past a number, `true`, `false` or `null` starting at `at`.
pub(crate) fn scalar_end(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|byte| !matches!(byte, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// One JSON value in the input, with its position.
///
/// A `Node` is handed to [`ApiType::check`](crate::ApiType::check); a type
/// implemented by hand usually passes it straight to
/// [`Report::check_leaf`](crate::check::Report::check_leaf).
#[derive(Clone, Copy)]
pub struct Node<'a> {
    tape: &'a Tape<'a>,
    index: usize,
}

impl<'a> Node<'a> {
    fn slot(&self) -> Slot {
        self.tape.slots[self.index]
    }

    /// The JSON type of this value.
    pub fn kind(&self) -> Kind {
        self.slot().kind
    }

    /// The value's own text, exactly as it appears in the input.
    pub fn text(&self) -> &'a str {
        let slot = self.slot();
        self.tape.text.get(slot.start..slot.end).unwrap_or_default()
    }

    /// Byte offset of the value's first character in the input.
    pub fn offset(&self) -> usize {
        self.slot().start
    }

    /// Byte offset just past the value's last character.
    pub(crate) fn end(&self) -> usize {
        self.slot().end
    }

    /// How many arrays and objects enclose this value.
    pub fn depth(&self) -> usize {
        self.slot().depth as usize
    }

    /// Deserializes this value alone with serde_json.
    pub fn parse<T: Deserialize<'a>>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.text())
    }

    /// The values one level inside this one, in input order.
    fn children(&self) -> impl Iterator<Item = Node<'a>> + 'a {
        let (tape, end) = (self.tape, self.slot().next);
        let mut index = self.index + 1;
        std::iter::from_fn(move || {
            let child = (index < end).then_some(Node { tape, index })?;
            index = tape.slots[index].next;
            Some(child)
        })
    }

    /// The members of an object, in input order, duplicates kept; none for
    /// another kind. Fails, before yielding any, on a key serde_json cannot
    /// decode (a lone surrogate in an escape).
    pub(crate) fn members(&self) -> Result<impl Iterator<Item = Entry<'a>> + 'a, serde_json::Error> {
        let object = (self.kind() == Kind::Object).then_some(*self);
        for value in object.iter().flat_map(Node::children).filter(|value| value.slot().escaped_key) {
            value.key()?;
        }
        // Every key decodes, as checked above.
        Ok(object
            .into_iter()
            .flat_map(|object| object.children())
            .map(|value| Entry { key: value.key().unwrap_or_default(), value }))
    }

    /// [`members`](Self::members), gathered.
    pub(crate) fn entries(&self) -> Result<Vec<Entry<'a>>, serde_json::Error> {
        Ok(self.members()?.collect())
    }

    /// The items of an array, in order; none for another kind.
    pub(crate) fn items(&self) -> impl Iterator<Item = Node<'a>> + 'a {
        (self.kind() == Kind::Array).then_some(*self).into_iter().flat_map(|array| array.children())
    }

    /// This member's key, unescaped.
    fn key(&self) -> Result<Cow<'a, str>, serde_json::Error> {
        let Some(start) = self.slot().key else { return Ok(Cow::Borrowed("")) };
        let text = self.tape.text;
        let end = string_end(text.as_bytes(), start.get());
        unquote(text.get(start.get()..end).unwrap_or_default())
    }

    /// A string value, unescaped: borrowed from the input unless it has escapes.
    pub(crate) fn string(&self) -> Result<Cow<'a, str>, serde_json::Error> {
        unquote(self.text())
    }

    /// The value at `pointer` (RFC 6901, relative to this one); `None` when
    /// there is none. For a key given twice, the last, as serde keeps it.
    pub(crate) fn find(&self, pointer: &str) -> Option<Node<'a>> {
        let mut node = *self;
        for segment in pointer.split('/').skip(1) {
            node = match node.kind() {
                Kind::Object => {
                    let key = crate::issue::unescape_segment(segment);
                    node.entries().ok()?.into_iter().rev().find(|entry| entry.key == key)?.value
                }
                Kind::Array => node.items().nth(segment.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }
}

impl fmt::Debug for Node<'_> {
    // Only the shape: a node may hold a secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Node")
            .field("kind", &self.kind())
            .field("offset", &self.offset())
            .field("depth", &self.depth())
            .finish()
    }
}

/// A JSON string's text without its quotes, unescaped by serde_json when it
/// has escapes (which may fail, on a lone surrogate).
pub(crate) fn unquote(quoted: &str) -> Result<Cow<'_, str>, serde_json::Error> {
    let inner = quoted.get(1..quoted.len().saturating_sub(1)).unwrap_or_default();
    if inner.contains('\\') {
        serde_json::from_str(quoted).map(Cow::Owned)
    } else {
        Ok(Cow::Borrowed(inner))
    }
}

/// One member of an object: its key and its value.
pub(crate) struct Entry<'a> {
    pub(crate) key: Cow<'a, str>,
    pub(crate) value: Node<'a>,
}

impl Node<'_> {
    /// Byte offset in the input where the key of `entry`, a member of this
    /// object, starts.
    pub(crate) fn key_offset(&self, entry: &Entry<'_>) -> usize {
        entry.value.slot().key.map_or(entry.value.offset(), NonZeroUsize::get)
    }
}

/// Where `inner`, a slice borrowed from `outer`, starts within it.
///
/// serde_json hands out `RawValue`s that borrow from the text it reads, so a
/// child's slice lies inside its parent's and the address difference is its
/// offset. No pointer is dereferenced.
fn distance(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// The byte offset of the first bracket that nests deeper than [`MAX_DEPTH`]
/// allows, when `node`'s text is read as an untyped JSON value.
///
/// Scans bytes instead of recursing, so a hostile payload cannot exhaust the stack.
pub(crate) fn too_deep_at(node: &Node<'_>) -> Option<usize> {
    let mut depth = node.depth();
    let mut in_string = false;
    let mut escaped = false;
    for (index, byte) in node.text().bytes().enumerate() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(node.offset() + index);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::{Kind, Node, Tape};

    /// Walks the tape beside serde_json's own tree: every node's text reads
    /// as the value serde_json put there, keys and order included.
    fn agrees(node: Node<'_>, value: &Value) {
        assert_eq!(node.parse::<Value>().unwrap(), *value, "{}", node.text());
        match value {
            Value::Object(members) => {
                let entries = node.entries().unwrap();
                // In input order; serde_json's map may sort them.
                assert!(entries.windows(2).all(|pair| pair[0].value.offset() < pair[1].value.offset()));
                let mut keys: Vec<&str> = entries.iter().map(|entry| &*entry.key).collect();
                let mut expected: Vec<&str> = members.keys().map(String::as_str).collect();
                keys.sort_unstable();
                expected.sort_unstable();
                assert_eq!(keys, expected);
                for entry in &entries {
                    assert_eq!(entry.value.depth(), node.depth() + 1);
                    agrees(entry.value, &members[&*entry.key]);
                }
            }
            Value::Array(items) => {
                assert_eq!(node.kind(), Kind::Array);
                assert_eq!(node.items().count(), items.len());
                for (item, value) in node.items().zip(items) {
                    agrees(item, value);
                }
            }
            _ => assert!(node.items().next().is_none() && node.entries().unwrap().is_empty()),
        }
    }

    #[test]
    fn the_tape_agrees_with_serde_json() {
        let inputs = [
            "0",
            " \"a\" ",
            "{}",
            "[]",
            "[[], {}, [[]]]",
            r#"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
            "{ \"a\" : -1.5e3 ,\n\t\"b\" :\r\n [ 1 , \"x\" ] }",
            r#"{"k\"ey": "v\\", "\u00e9": "\"}", "}": "{", "": ["]", "\\"]}"#,
            r#"[{"a": [{"b": [{"c": {}}]}]}, 2]"#,
        ];
        for input in inputs {
            let tape = Tape::read(input).unwrap();
            agrees(tape.root(), &serde_json::from_str(input).unwrap());
        }
    }

    #[test]
    fn nesting_deeper_than_serde_json_reads_is_walked_without_recursion() {
        let input = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
        let tape = Tape::read(&input).unwrap();
        let mut node = tape.root();
        while let Some(inner) = node.items().next() {
            node = inner;
        }
        assert_eq!((node.depth(), node.offset(), node.text()), (999, 999, "[]"));
        assert_eq!(tape.root().text().len(), 2000);
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_slot_takes_40_bytes() {
        assert_eq!(std::mem::size_of::<super::Slot>(), 40);
    }

    #[test]
    fn a_key_offset_is_its_opening_quote() {
        let input = r#"{"a": 1, "b\"c" : [2]}"#;
        let tape = Tape::read(input).unwrap();
        let root = tape.root();
        let offsets: Vec<usize> = root.entries().unwrap().iter().map(|entry| root.key_offset(entry)).collect();
        assert_eq!(offsets, [1, 9]);
    }
}
