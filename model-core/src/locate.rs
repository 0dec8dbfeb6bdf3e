//! Where the values of a report's pointers sit in JSON text that serde_json
//! has already read: the placement pass of a report whose only problems are
//! broken rules.
//!
//! The rules run on the typed value, which knows each issue's pointer but
//! not its place in the text. One pass over the text then finds every
//! pointer's value: it walks into a container only when an issue lies
//! inside it, steps over every other value, and steps over an array's
//! items up to the next one an issue is in. It costs one scan of the text
//! and no tape, plus, for each member of a value walked into, a match of
//! its key against the pointers inside that value (a text serde_json read
//! is at most 128 deep). Hand-written, as the [`Tape`](crate::node) is,
//! because no well-kept crate gives byte offsets by JSON Pointer; serde_json
//! has checked the grammar, so only quotes and brackets need care.
//!
//! The walk is one; how it matches a member against the pointers has two
//! forms. A few pointers (at most 64, a report's usual handful) are a bit
//! set, each compared where the walk has reached; more are sorted by their
//! segments, so that those under one member are together and found by a
//! binary search whatever their number.

use std::ops::Range;

use crate::issue::{push_key_segment, KEY_LIMIT};
use crate::node::{scalar_end, skip_whitespace, string_end, unquote};

/// Where an issue's value sits: its offset, for its line and column, and
/// where it sorts in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) offset: usize,
    pub(crate) sort: usize,
}

/// The place of each of `pointers` (RFC 6901, as a report writes them) in
/// `text`: its value's; for a value the text does not have (a rule's place
/// that is absent), where its nearest enclosing value that the text has
/// starts, sorted at that value's end, as a missing key is. A key given
/// twice is found at its last value, the one serde keeps. `None` only when
/// not even the root is there.
pub(crate) fn places<P: AsRef<[u8]>>(text: &str, pointers: &[P]) -> Vec<Option<Place>> {
    if pointers.len() <= FEW_MOST {
        walk(text, &Few(pointers), pointers.len())
    } else {
        walk(text, &Sorted::of(pointers), pointers.len())
    }
}

/// How the walk matches members against the pointers: a `Set` of them is
/// those at or inside one value.
trait Targets {
    type Set: Clone;
    /// Every pointer: those at or inside the root.
    fn all(&self) -> Self::Set;
    /// Calls `here` with each pointer of `set` that ends at its value (which
    /// `depth` containers hold); returns those inside the value.
    fn split(&self, set: &Self::Set, depth: usize, here: impl FnMut(usize)) -> Option<Self::Set>;
    /// Those of `set`, inside a container at `depth`, under its member
    /// whose pointer segment is `segment`.
    fn member(&self, set: &Self::Set, depth: usize, segment: &[u8]) -> Option<Self::Set>;
    /// Those of `set`, inside an array at `depth`, by item index, in the
    /// order of the indices.
    fn items(&self, set: &Self::Set, depth: usize) -> Vec<(usize, Self::Set)>;
    /// Calls `each` with every pointer of `set`.
    fn each(&self, set: &Self::Set, each: impl FnMut(usize));
}

/// An array or object walked into.
struct Open<S> {
    /// The pointers inside it.
    targets: S,
    /// Where it starts.
    offset: usize,
    /// How many containers hold it: its members' segment in a pointer.
    depth: usize,
    /// For an array, the pointers inside it by index, and the next group
    /// the walk will reach; `None` for an object.
    items: Option<(Vec<(usize, S)>, usize)>,
    /// The index of the item being read, for an array.
    index: usize,
}

/// The walk itself, the same for either way of matching: the places of the
/// `count` pointers `targets` holds.
fn walk<T: Targets>(text: &str, targets: &T, count: usize) -> Vec<Option<Place>> {
    let bytes = text.as_bytes();
    // Each pointer's value's place or, until it is found, that of the
    // nearest enclosing value walked out of: a value found is written over
    // it, an enclosing one is written only where nothing is.
    let mut found: Vec<Option<Place>> = vec![None; count];
    let mut open: Vec<Open<T::Set>> = Vec::new();
    let mut set = Some(targets.all());
    let mut at = skip_whitespace(bytes, 0);
    // `at` is where a value starts whose pointer's targets are `set`.
    while let Some(&byte) = bytes.get(at) {
        let depth = open.len();
        let below = set
            .as_ref()
            .and_then(|set| targets.split(set, depth, |target| found[target] = Some(Place { offset: at, sort: at })));
        match below {
            Some(within) if matches!(byte, b'{' | b'[') => {
                let items = (byte == b'[').then(|| (targets.items(&within, depth), 0));
                open.push(Open { targets: within, offset: at, depth, items, index: 0 });
                at = skip_whitespace(bytes, at + 1);
                if !matches!(bytes.get(at), Some(b'}' | b']')) {
                    match member(text, at, targets, open.last_mut()) {
                        Some((next, within)) => (at, set) = (next, within),
                        None => break,
                    }
                    continue;
                }
            }
            _ => at = skip_whitespace(bytes, value_end(bytes, at)),
        }
        // After a value: the next member of the innermost open container,
        // or the end of one or more of them.
        loop {
            let Some(innermost) = open.last_mut() else { return found };
            match bytes.get(at) {
                Some(b',') if innermost.items.as_ref().is_some_and(|(groups, cursor)| *cursor == groups.len()) => {
                    // No target in the rest of this array: stepped over whole.
                    at = close_of(bytes, at);
                }
                Some(b',') => {
                    innermost.index += 1;
                    // Items before the next one a target is in are stepped over.
                    if let Some((groups, cursor)) = &innermost.items {
                        let wanted = groups.get(*cursor).map_or(usize::MAX, |(index, _)| *index);
                        while innermost.index < wanted {
                            let after = skip_whitespace(bytes, value_end(bytes, skip_whitespace(bytes, at + 1)));
                            if bytes.get(after) != Some(&b',') {
                                break;
                            }
                            (at, innermost.index) = (after, innermost.index + 1);
                        }
                    }
                    let next = skip_whitespace(bytes, at + 1);
                    match member(text, next, targets, Some(innermost)) {
                        Some((next, within)) => (at, set) = (next, within),
                        None => return found,
                    }
                    break;
                }
                Some(b'}' | b']') => {
                    let place = Place { offset: innermost.offset, sort: at };
                    targets.each(&innermost.targets, |target| {
                        found[target].get_or_insert(place);
                    });
                    open.pop();
                    at = skip_whitespace(bytes, at + 1);
                }
                _ => return found,
            }
        }
    }
    found
}

/// The member of `container` starting at `at` (an object's key, or an
/// array's item): where its value starts, and the targets at or inside it.
#[allow(clippy::type_complexity)]
fn member<T: Targets>(
    text: &str,
    at: usize,
    targets: &T,
    container: Option<&mut Open<T::Set>>,
) -> Option<(usize, Option<T::Set>)> {
    let container = container?;
    let bytes = text.as_bytes();
    if let Some((groups, cursor)) = &mut container.items {
        let index = container.index;
        while groups.get(*cursor).is_some_and(|(wanted, _)| *wanted < index) {
            *cursor += 1;
        }
        return Some(match groups.get(*cursor) {
            Some((wanted, within)) if *wanted == index => (at, Some(within.clone())),
            _ => (at, None),
        });
    }
    let (end, plain) = key_end(bytes, at);
    let colon = skip_whitespace(bytes, end);
    let value = (bytes.get(colon) == Some(&b':')).then(|| skip_whitespace(bytes, colon + 1))?;
    let within = if plain {
        targets.member(&container.targets, container.depth, bytes.get(at + 1..end - 1)?)
    } else {
        // A pointer writes a key unescaped from JSON, escaped and cut.
        let key = unquote(text.get(at..end)?).ok()?;
        let mut segment = String::new();
        push_key_segment(&mut segment, &key);
        targets.member(&container.targets, container.depth, segment.as_bytes())
    };
    Some((value, within))
}

/// Just past the closing quote of the key whose opening quote is at `at`,
/// and whether the key's text is its pointer segment as it stands (most
/// keys): no JSON escape to read, no `~` or `/` to escape, and not long
/// enough to be cut.
fn key_end(bytes: &[u8], at: usize) -> (usize, bool) {
    let mut plain = true;
    let mut end = at + 1;
    while let Some(&byte) = bytes.get(end) {
        match byte {
            b'"' => return (end + 1, plain && end - at - 1 <= KEY_LIMIT),
            b'\\' => {
                plain = false;
                end += 2;
            }
            b'~' | b'/' => {
                plain = false;
                end += 1;
            }
            _ => end += 1,
        }
    }
    (bytes.len(), false)
}

/// A pointer segment as an array index; `None` for one that is not, as it
/// names nothing in an array.
fn index_of(segment: &[u8]) -> Option<usize> {
    if segment.is_empty() {
        return None;
    }
    segment.iter().try_fold(0_usize, |index, &byte| {
        let digit = byte.checked_sub(b'0').filter(|digit| *digit <= 9)?;
        index.checked_mul(10)?.checked_add(usize::from(digit))
    })
}

/// A few pointers, as a bit set: each is compared, where the walk has
/// reached, with the member's segment. A set also holds how many bytes of
/// its pointers the walk has matched, the same for all of them.
struct Few<'p, P>(&'p [P]);

/// The most pointers a set of bits holds.
const FEW_MOST: usize = 64;

impl<P: AsRef<[u8]>> Few<'_, P> {
    fn pointer(&self, target: usize) -> &[u8] {
        self.0[target].as_ref()
    }
}

#[derive(Clone, Copy)]
struct FewSet {
    bits: u64,
    /// The bytes of each pointer the walk has matched.
    matched: usize,
}

impl FewSet {
    fn each(self) -> impl Iterator<Item = usize> {
        let mut bits = self.bits;
        std::iter::from_fn(move || {
            let target = bits.trailing_zeros() as usize;
            (bits != 0).then(|| {
                bits &= bits - 1;
                target
            })
        })
    }
}

impl<P: AsRef<[u8]>> Targets for Few<'_, P> {
    type Set = FewSet;

    fn all(&self) -> FewSet {
        let bits = if self.0.len() == 64 { u64::MAX } else { (1 << self.0.len()) - 1 };
        FewSet { bits, matched: 0 }
    }

    fn split(&self, set: &FewSet, _: usize, mut here: impl FnMut(usize)) -> Option<FewSet> {
        let mut below = 0;
        for target in set.each() {
            if self.pointer(target).len() == set.matched {
                here(target);
            } else {
                below |= 1 << target;
            }
        }
        (below != 0).then_some(FewSet { bits: below, matched: set.matched })
    }

    fn member(&self, set: &FewSet, _: usize, segment: &[u8]) -> Option<FewSet> {
        let matched = set.matched + 1 + segment.len();
        let mut bits = 0;
        for target in set.each() {
            let pointer = self.pointer(target);
            // Where the segment would end tells most members apart, before
            // any byte is compared.
            let ends = pointer.len() == matched || pointer.get(matched) == Some(&b'/');
            if ends && pointer.get(set.matched + 1..matched) == Some(segment) {
                bits |= 1 << target;
            }
        }
        (bits != 0).then_some(FewSet { bits, matched })
    }

    fn items(&self, set: &FewSet, _: usize) -> Vec<(usize, FewSet)> {
        let mut groups: Vec<(usize, FewSet)> = Vec::new();
        for target in set.each() {
            let rest = self.pointer(target).get(set.matched + 1..).unwrap_or_default();
            let segment = rest.split(|&byte| byte == b'/').next().unwrap_or_default();
            let Some(index) = index_of(segment) else { continue };
            let matched = set.matched + 1 + segment.len();
            match groups.iter_mut().find(|(at, group)| *at == index && group.matched == matched) {
                Some((_, group)) => group.bits |= 1 << target,
                None => groups.push((index, FewSet { bits: 1 << target, matched })),
            }
        }
        groups.sort_unstable_by_key(|(index, _)| *index);
        groups
    }

    fn each(&self, set: &FewSet, each: impl FnMut(usize)) {
        set.each().for_each(each);
    }
}

/// Any number of pointers, split into their segments (still escaped, as a
/// report writes them) and sorted by them: the pointers inside one value
/// are then together, and those under one member of it too.
struct Sorted<'p> {
    segments: Vec<&'p [u8]>,
    /// The pointers in order of their segments.
    sorted: Vec<Target>,
}

/// One pointer: where its segments start in `segments`, how many there
/// are, and its index among the pointers asked for.
#[derive(Clone, Copy)]
struct Target {
    start: usize,
    len: usize,
    index: usize,
}

impl<'p> Sorted<'p> {
    fn of<P: AsRef<[u8]>>(pointers: &'p [P]) -> Self {
        let count = pointers.iter().map(|pointer| pointer.as_ref().iter().filter(|&&byte| byte == b'/').count()).sum();
        let mut segments = Vec::with_capacity(count);
        let mut sorted = Vec::with_capacity(pointers.len());
        for (index, pointer) in pointers.iter().enumerate() {
            let start = segments.len();
            // Each segment follows a `/`; the text before the first is empty.
            segments.extend(pointer.as_ref().split(|&byte| byte == b'/').skip(1));
            sorted.push(Target { start, len: segments.len() - start, index });
        }
        let of = |target: &Target| &segments[target.start..target.start + target.len];
        sorted.sort_unstable_by(|a, b| of(a).cmp(of(b)).then(a.index.cmp(&b.index)));
        Sorted { segments, sorted }
    }

    /// The segment at `depth` of the pointer at `rank` in sorted order.
    fn segment(&self, rank: usize, depth: usize) -> &'p [u8] {
        self.segments[self.sorted[rank].start + depth]
    }

    /// Those of `range` whose segment at `depth` is the one at `first`.
    fn run(&self, first: usize, range: &Range<usize>, depth: usize) -> usize {
        let segment = self.segment(first, depth);
        (first..range.end).find(|&rank| self.segment(rank, depth) != segment).unwrap_or(range.end)
    }
}

impl Targets for Sorted<'_> {
    type Set = Range<usize>;

    fn all(&self) -> Range<usize> {
        0..self.sorted.len()
    }

    fn split(&self, set: &Range<usize>, depth: usize, mut here: impl FnMut(usize)) -> Option<Range<usize>> {
        // A pointer that ends here sorts before those inside.
        let exact = set.start + self.sorted[set.clone()].partition_point(|target| target.len == depth);
        self.sorted[set.start..exact].iter().for_each(|target| here(target.index));
        (exact < set.end).then_some(exact..set.end)
    }

    fn member(&self, set: &Range<usize>, depth: usize, segment: &[u8]) -> Option<Range<usize>> {
        let first = set.start
            + self.sorted[set.clone()].partition_point(|target| self.segments[target.start + depth] < segment);
        (first < set.end && self.segment(first, depth) == segment).then(|| first..self.run(first, set, depth))
    }

    fn items(&self, set: &Range<usize>, depth: usize) -> Vec<(usize, Range<usize>)> {
        let mut groups = Vec::new();
        let mut start = set.start;
        while start < set.end {
            let end = self.run(start, set, depth);
            if let Some(index) = index_of(self.segment(start, depth)) {
                groups.push((index, start..end));
            }
            start = end;
        }
        groups.sort_unstable_by_key(|(index, _)| *index);
        groups
    }

    fn each(&self, set: &Range<usize>, mut each: impl FnMut(usize)) {
        self.sorted[set.clone()].iter().for_each(|target| each(target.index));
    }
}

/// Where the innermost container open at `at` (after one of its values)
/// closes: its `}` or `]`.
fn close_of(bytes: &[u8], mut at: usize) -> usize {
    let mut depth = 0_usize;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => {
                at = string_end(bytes, at);
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return at,
            b'}' | b']' => depth -= 1,
            _ => {}
        }
        at += 1;
    }
    bytes.len()
}

/// Just past the value starting at `at`, stepping over a container whole.
fn value_end(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b'"') => string_end(bytes, at),
        Some(b'{' | b'[') => (close_of(bytes, at + 1) + 1).min(bytes.len()),
        _ => scalar_end(bytes, at),
    }
}

#[cfg(test)]
mod tests {
    use super::{places, Place};

    fn offsets(text: &str, pointers: &[&str]) -> Vec<Option<usize>> {
        places(text, pointers).into_iter().map(|place| place.map(|place| place.offset)).collect()
    }

    /// Each pointer's offset, as the text at it.
    fn texts<'t>(text: &'t str, pointers: &[&str]) -> Vec<Option<&'t str>> {
        offsets(text, pointers).into_iter().map(|offset| offset.map(|at| &text[at..(at + 3).min(text.len())])).collect()
    }

    #[test]
    fn every_pointer_is_found_at_its_value() {
        let text = r#" {"a": [10, {"b": "x1"}, [], 30], "a/b": {"~": 40}, "c": {}, "d": "e\"}", "f": 50} "#;
        let found = texts(text, &["/a/3", "", "/a/1/b", "/a~1b/~0", "/f", "/a/0", "/c", "/d"]);
        assert_eq!(
            found,
            [
                Some("30]"),
                Some("{\"a"),
                Some("\"x1"),
                Some("40}"),
                Some("50}"),
                Some("10,"),
                Some("{},"),
                Some("\"e\\")
            ]
        );
    }

    #[test]
    fn an_absent_value_is_placed_at_its_nearest_ancestor() {
        let text = r#"{"a": {"b": 1}, "c": [2]}"#;
        assert_eq!(
            texts(text, &["/a/z", "/c/5", "/q", "/a/b/c"]),
            [Some("{\"b"), Some("[2]"), Some("{\"a"), Some("{\"b")]
        );
        // Sorted at the end of that value, after what it holds.
        assert_eq!(places(text, &["/a/z"]), [Some(Place { offset: 6, sort: 13 })]);
        assert_eq!(places(text, &["/a/b"]), [Some(Place { offset: 12, sort: 12 })]);
    }

    #[test]
    fn a_key_given_twice_is_found_at_its_last_value_and_escapes_are_read() {
        let text = r#"{"k": 1, "k": 2, "\u0041": 3, "long": {"x": 4}}"#;
        assert_eq!(texts(text, &["/k", "/A", "/long/x"]), [Some("2, "), Some("3, "), Some("4}}")]);
    }

    #[test]
    fn a_key_longer_than_the_limit_is_matched_as_the_report_cuts_it() {
        let key = "k".repeat(100);
        let text = format!(r#"{{"{key}": [1, 2]}}"#);
        let mut pointer = String::new();
        crate::issue::push_key_segment(&mut pointer, &key);
        let pointer = format!("/{pointer}/1");
        assert!(pointer.contains('…'));
        assert_eq!(offsets(&text, &[&pointer]), [Some(text.find("2]").unwrap())]);
    }

    #[test]
    fn siblings_that_share_a_prefix_are_told_apart() {
        let text = r#"{"a": {"x": 1}, "a-": 2, "ab": {"x": 3}, "a.b": 4}"#;
        assert_eq!(texts(text, &["/ab/x", "/a/x", "/a-", "/a.b"]), [Some("3},"), Some("1},"), Some("2, "), Some("4}")]);
    }

    /// Every pointer of a value, as a report writes it.
    fn all_pointers(value: &serde_json::Value, at: String, into: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(members) => {
                for (key, member) in members {
                    let mut pointer = at.clone();
                    pointer.push('/');
                    crate::issue::push_key_segment(&mut pointer, key);
                    all_pointers(member, pointer, into);
                }
            }
            serde_json::Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    all_pointers(item, format!("{at}/{index}"), into);
                }
            }
            _ => {}
        }
        into.push(at);
    }

    /// Against the tape, another reading of the text: every pointer of
    /// each input, all at once and every third alone, is where the tape
    /// finds it.
    #[test]
    fn every_place_is_where_the_tape_finds_it() {
        let long_array =
            format!("[{}]", (0..300).map(|n| format!("{{\"n\": [{n}, \"x{n}\"]}}")).collect::<Vec<_>>().join(" , "));
        let inputs = [
            r#"{"a": 1, "b": [true, null, {"c": "d\"e"}], "c": {"a/b": {"~x": [[], {}]}}}"#.to_owned(),
            "[1, [2, [3, [4]]], {\"k\": {\"k\": {\"k\": 5}}}]".to_owned(),
            " {\n  \"\\u00e9\": [ 1 ,\n 2 ] ,\"é2\" : {} } ".to_owned(),
            long_array,
        ];
        for input in &inputs {
            let value: serde_json::Value = serde_json::from_str(input).unwrap();
            let mut pointers = Vec::new();
            all_pointers(&value, String::new(), &mut pointers);
            let tape = crate::node::Tape::read(input).unwrap();
            let expected: Vec<Option<usize>> =
                pointers.iter().map(|pointer| tape.root().find(pointer).map(|node| node.offset())).collect();
            let all: Vec<&str> = pointers.iter().map(String::as_str).collect();
            assert_eq!(offsets(input, &all), expected, "{input}");
            for (index, pointer) in all.iter().enumerate().step_by(3) {
                assert_eq!(offsets(input, &[pointer]), [expected[index]], "{pointer} in {input}");
            }
            // Both ways of matching, on the same pointers.
            for (chunk, expected) in all.chunks(40).zip(expected.chunks(40)) {
                let few = super::walk(input, &super::Few(chunk), chunk.len());
                let sorted = super::walk(input, &super::Sorted::of(chunk), chunk.len());
                assert_eq!(few, sorted, "{input}");
                let few: Vec<Option<usize>> = few.iter().map(|place| place.map(|place| place.offset)).collect();
                assert_eq!(few, expected, "{input}");
            }
        }
    }

    /// As deep as serde_json reads: the text was read by it first.
    #[test]
    fn the_deepest_text_serde_reads_is_walked() {
        let depth = crate::node::MAX_DEPTH;
        let text = format!("{}7{}", "[".repeat(depth), "]".repeat(depth));
        let pointer = "/0".repeat(depth - 1) + "/0";
        assert_eq!(offsets(&text, &[&pointer]), [Some(depth)]);
    }
}
