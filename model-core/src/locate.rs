//! Where the values of a report's pointers sit in JSON text that serde_json
//! has already read: the placement pass of a report whose only problems are
//! broken rules.
//!
//! The rules run on the typed value, which knows each issue's pointer but
//! not its place in the text. One pass over the text then finds every
//! pointer's value: it walks into a container only when an issue lies
//! inside it and steps over every other value, so it costs one scan of the
//! text and no tape, whose cost is the text's length plus, for each value
//! on the way to an issue, its pointer's length (a text serde_json read is
//! at most 128 deep). Hand-written, as the [`Tape`](crate::node) is, because
//! no well-kept crate gives byte offsets by JSON Pointer; serde_json has
//! checked the grammar, so only quotes and brackets need care.

use crate::issue::push_key_segment;
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
pub(crate) fn places(text: &str, pointers: &[&str]) -> Vec<Option<Place>> {
    let targets = Targets::of(pointers);
    // Each pointer's value's place, and the place of the nearest enclosing
    // value walked into, for a pointer whose own value the text lacks.
    let mut found: Vec<(Option<Place>, Option<Place>)> = vec![(None, None); pointers.len()];
    let mut open: Vec<Open> = Vec::new();
    let mut range = 0..targets.sorted.len();
    let mut at = skip_whitespace(text.as_bytes(), 0);
    let bytes = text.as_bytes();
    // `at` is where a value starts whose pointer is every target's in
    // `range` up to `open.len()` segments.
    while let Some(&byte) = bytes.get(at) {
        let depth = open.len();
        let exact = range.start + targets.sorted[range.clone()].partition_point(|target| target.len == depth);
        for target in &targets.sorted[range.start..exact] {
            found[target.index].0 = Some(Place { offset: at, sort: at });
        }
        if exact < range.end && matches!(byte, b'{' | b'[') {
            let within = exact..range.end;
            let items = if byte == b'[' { Some(targets.items(within.clone(), depth)) } else { None };
            open.push(Open { targets: within, offset: at, depth, items, index: 0 });
            at = skip_whitespace(bytes, at + 1);
            if !matches!(bytes.get(at), Some(b'}' | b']')) {
                match member(text, at, &targets, open.last_mut()) {
                    Some((next, within)) => (at, range) = (next, within),
                    None => break,
                }
                continue;
            }
        } else {
            at = skip_whitespace(bytes, value_end(bytes, at));
        }
        // After a value: the next member of the innermost open container,
        // or the end of one or more of them.
        loop {
            let Some(innermost) = open.last_mut() else { return finish(found) };
            match bytes.get(at) {
                Some(b',') if innermost.items.as_ref().is_some_and(|items| items.cursor == items.groups.len()) => {
                    // No target in the rest of this array: stepped over whole.
                    at = close_of(bytes, at);
                }
                Some(b',') => {
                    innermost.index += 1;
                    // Items before the next one a target is in are stepped over.
                    if let Some(items) = &innermost.items {
                        let wanted = items.groups.get(items.cursor).map_or(usize::MAX, |(index, _)| *index);
                        while innermost.index < wanted {
                            let after = skip_whitespace(bytes, value_end(bytes, skip_whitespace(bytes, at + 1)));
                            if bytes.get(after) != Some(&b',') {
                                break;
                            }
                            (at, innermost.index) = (after, innermost.index + 1);
                        }
                    }
                    let next = skip_whitespace(bytes, at + 1);
                    match member(text, next, &targets, Some(innermost)) {
                        Some((next, within)) => (at, range) = (next, within),
                        None => return finish(found),
                    }
                    break;
                }
                Some(b'}' | b']') => {
                    let place = Place { offset: innermost.offset, sort: at };
                    for target in &targets.sorted[innermost.targets.clone()] {
                        found[target.index].1.get_or_insert(place);
                    }
                    open.pop();
                    at = skip_whitespace(bytes, at + 1);
                }
                _ => return finish(found),
            }
        }
    }
    finish(found)
}

fn finish(found: Vec<(Option<Place>, Option<Place>)>) -> Vec<Option<Place>> {
    found.into_iter().map(|(found, nearest)| found.or(nearest)).collect()
}

/// The pointers split into their segments (still escaped, as a report
/// writes them), in order of their segments: the pointers inside one value
/// are then together, and those under one member of it too.
struct Targets<'p> {
    segments: Vec<&'p str>,
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

impl<'p> Targets<'p> {
    fn of(pointers: &[&'p str]) -> Self {
        let count = pointers.iter().map(|pointer| pointer.bytes().filter(|&byte| byte == b'/').count()).sum();
        let mut segments = Vec::with_capacity(count);
        let mut sorted = Vec::with_capacity(pointers.len());
        for (index, pointer) in pointers.iter().enumerate() {
            let start = segments.len();
            // Each segment follows a `/`; the text before the first is empty.
            let mut rest = pointer.strip_prefix('/');
            while let Some(text) = rest {
                let (segment, after) = match text.find('/') {
                    Some(at) => (&text[..at], Some(&text[at + 1..])),
                    None => (text, None),
                };
                segments.push(segment);
                rest = after;
            }
            sorted.push(Target { start, len: segments.len() - start, index });
        }
        let of = |target: &Target| &segments[target.start..target.start + target.len];
        sorted.sort_unstable_by(|a, b| of(a).cmp(of(b)).then(a.index.cmp(&b.index)));
        Targets { segments, sorted }
    }

    /// The segment at `depth` of the target at `rank` in sorted order.
    fn segment(&self, rank: usize, depth: usize) -> &'p str {
        self.segments[self.sorted[rank].start + depth]
    }

    /// The targets of `range` grouped by their segment at `depth`, an
    /// array's index, in the order of the indices.
    fn items(&self, range: std::ops::Range<usize>, depth: usize) -> Items {
        let mut groups: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        let mut start = range.start;
        while start < range.end {
            let segment = self.segment(start, depth);
            let end = (start..range.end).find(|&rank| self.segment(rank, depth) != segment).unwrap_or(range.end);
            // A segment that is not an index names nothing in an array.
            if let Ok(index) = segment.parse::<usize>() {
                groups.push((index, start..end));
            }
            start = end;
        }
        groups.sort_unstable_by_key(|(index, _)| *index);
        Items { groups, cursor: 0 }
    }

    /// Those of `range` whose segment at `depth` is `segment`.
    fn under(&self, range: std::ops::Range<usize>, depth: usize, segment: &str) -> std::ops::Range<usize> {
        // A few targets are looked through, compared for equality (most
        // differ in length); many, searched.
        let first = if range.len() <= 8 {
            range.clone().find(|&rank| self.segment(rank, depth) == segment).unwrap_or(range.end)
        } else {
            range.start
                + self.sorted[range.clone()].partition_point(|target| self.segments[target.start + depth] < segment)
        };
        let end = (first..range.end).find(|&rank| self.segment(rank, depth) != segment).unwrap_or(range.end);
        first..end
    }
}

/// An array or object walked into.
struct Open {
    /// The targets inside it, which all have a segment for its members.
    targets: std::ops::Range<usize>,
    /// Where it starts.
    offset: usize,
    /// How many containers hold it: its members' segment in a pointer.
    depth: usize,
    /// For an array, the targets inside it by index; `None` for an object.
    items: Option<Items>,
    /// The index of the item being read, for an array.
    index: usize,
}

/// The targets inside an array, by index, and the next one the walk will
/// reach: each item is matched in constant time.
struct Items {
    groups: Vec<(usize, std::ops::Range<usize>)>,
    cursor: usize,
}

/// The member of `container` starting at `at` (an object's key, or an
/// array's item): where its value starts, and the targets at or inside it.
fn member(
    text: &str,
    at: usize,
    targets: &Targets<'_>,
    container: Option<&mut Open>,
) -> Option<(usize, std::ops::Range<usize>)> {
    let container = container?;
    let bytes = text.as_bytes();
    let depth = container.depth;
    if let Some(items) = &mut container.items {
        let index = container.index;
        while items.groups.get(items.cursor).is_some_and(|(wanted, _)| *wanted < index) {
            items.cursor += 1;
        }
        return Some(match items.groups.get(items.cursor) {
            Some((wanted, within)) if *wanted == index => (at, within.clone()),
            _ => (at, 0..0),
        });
    }
    let end = string_end(bytes, at);
    let key = unquote(text.get(at..end)?).ok()?;
    let colon = skip_whitespace(bytes, end);
    let value = (bytes.get(colon) == Some(&b':')).then(|| skip_whitespace(bytes, colon + 1))?;
    // A pointer writes a key escaped and cut; most keys need neither.
    let within = if key.len() <= crate::issue::KEY_LIMIT && !key.bytes().any(|byte| byte == b'~' || byte == b'/') {
        targets.under(container.targets.clone(), depth, &key)
    } else {
        let mut segment = String::new();
        push_key_segment(&mut segment, &key);
        targets.under(container.targets.clone(), depth, &segment)
    };
    Some((value, within))
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
        Some(b'{' | b'[') => {
            let mut depth = 0_usize;
            let mut at = at;
            while let Some(&byte) = bytes.get(at) {
                match byte {
                    b'"' => {
                        at = string_end(bytes, at);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return at + 1;
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
            bytes.len()
        }
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
