//! A read-only view of JSON text that knows where each value starts.
//!
//! `serde_json::Value` forgets positions, and no well-kept crate offers a spanned
//! tree that accepts exactly serde_json's grammar. So the report walks the text
//! with serde_json itself: a container is split into borrowed `RawValue`
//! children, and a child's position is where its slice sits in the input. This
//! only runs after the fast path has failed, so re-reading a container's text
//! once per level is an acceptable price for agreeing with serde_json exactly.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
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

/// One JSON value in the input, with its position.
///
/// A `Node` is handed to [`ApiType::check`](crate::ApiType::check); a type
/// implemented by hand usually passes it straight to
/// [`Report::check_leaf`](crate::Report::check_leaf).
#[derive(Clone, Copy)]
pub struct Node<'a> {
    raw: &'a RawValue,
    offset: usize,
    depth: usize,
}

impl<'a> Node<'a> {
    /// Reads the whole input as one value; fails only where serde_json's grammar does.
    pub(crate) fn root(input: &'a str) -> Result<Self, serde_json::Error> {
        let raw: &'a RawValue = serde_json::from_str(input)?;
        Ok(Node { raw, offset: distance(input, raw.get()), depth: 0 })
    }

    /// The JSON type of this value.
    pub fn kind(&self) -> Kind {
        match self.text().as_bytes().first() {
            Some(b'n') => Kind::Null,
            Some(b't' | b'f') => Kind::Boolean,
            Some(b'"') => Kind::String,
            Some(b'[') => Kind::Array,
            Some(b'{') => Kind::Object,
            _ => Kind::Number,
        }
    }

    /// The value's own text, exactly as it appears in the input.
    pub fn text(&self) -> &'a str {
        self.raw.get()
    }

    /// Byte offset of the value's first character in the input.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// How many arrays and objects enclose this value.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Deserializes this value alone with serde_json.
    pub fn parse<T: Deserialize<'a>>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.text())
    }

    /// The members of an object, in input order, duplicates kept.
    pub(crate) fn entries(&self) -> Result<Vec<Entry<'a>>, serde_json::Error> {
        let entries: Entries<'a> = self.parse()?;
        Ok(entries.0.into_iter().map(|(key, raw)| Entry { key: key.0, value: self.child(raw) }).collect())
    }

    /// The items of an array, in order.
    pub(crate) fn items(&self) -> Result<Vec<Node<'a>>, serde_json::Error> {
        let items: Vec<&'a RawValue> = self.parse()?;
        Ok(items.into_iter().map(|raw| self.child(raw)).collect())
    }

    /// The value at `pointer` (RFC 6901, relative to this one); `None` when
    /// there is none. For a key given twice, the last, as serde keeps it.
    pub(crate) fn find(&self, pointer: &str) -> Option<Node<'a>> {
        let mut node = *self;
        for segment in pointer.split('/').skip(1) {
            node = match node.kind() {
                Kind::Object => {
                    let key = segment.replace("~1", "/").replace("~0", "~");
                    node.entries().ok()?.into_iter().rev().find(|entry| entry.key == key)?.value
                }
                Kind::Array => *node.items().ok()?.get(segment.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    fn child(&self, raw: &'a RawValue) -> Node<'a> {
        Node { raw, offset: self.offset + distance(self.text(), raw.get()), depth: self.depth + 1 }
    }
}

impl fmt::Debug for Node<'_> {
    // Only the shape: a node may hold a secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Node")
            .field("kind", &self.kind())
            .field("offset", &self.offset)
            .field("depth", &self.depth)
            .finish()
    }
}

/// One member of an object: its key and its value.
pub(crate) struct Entry<'a> {
    pub(crate) key: Cow<'a, str>,
    pub(crate) value: Node<'a>,
}

impl Node<'_> {
    /// Byte offset in the input where the key of `entry`, a member of this
    /// object, starts. Found only when an issue is about the key itself.
    pub(crate) fn key_offset(&self, entry: &Entry<'_>) -> usize {
        self.offset + key_start(self.text(), entry.value.offset - self.offset)
    }
}

/// Where the key of the member whose value starts at `value_start` begins in
/// `object`, an object's text: back over `:` and whitespace to the key's
/// closing quote, then to its opening one. Inside a key every `"` is escaped,
/// and the opening quote follows `{`, `,` or whitespace, never a backslash, so
/// the first quote not preceded by an odd run of backslashes is the opening one.
fn key_start(object: &str, value_start: usize) -> usize {
    let bytes = object.as_bytes();
    let before_value = bytes.get(..value_start).unwrap_or_default();
    let Some(closing) = before_value.iter().rposition(|&b| b == b'"') else { return value_start };
    let mut at = closing;
    while let Some(quote) = bytes.get(..at).and_then(|head| head.iter().rposition(|&b| b == b'"')) {
        let backslashes = bytes.get(..quote).unwrap_or_default().iter().rev().take_while(|&&b| b == b'\\').count();
        if backslashes % 2 == 0 {
            return quote;
        }
        at = quote;
    }
    value_start
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
    let mut depth = node.depth;
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
                    return Some(node.offset + index);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct Entries<'a>(Vec<(Key<'a>, &'a RawValue)>);

impl<'de> Deserialize<'de> for Entries<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}
