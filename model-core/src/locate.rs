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
    let mut range = 0..targets.order.len();
    let mut at = skip_whitespace(text.as_bytes(), 0);
    let bytes = text.as_bytes();
    // `at` is where a value starts whose pointer is every target's in
    // `range` up to `open.len()` segments.
    while let Some(&byte) = bytes.get(at) {
        let depth = open.len();
        let exact = range.start + targets.order[range.clone()].partition_point(|&t| targets.len(t) == depth);
        for &target in &targets.order[range.start..exact] {
            found[target].0 = Some(Place { offset: at, sort: at });
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
                    let next = skip_whitespace(bytes, at + 1);
                    match member(text, next, &targets, Some(innermost)) {
                        Some((next, within)) => (at, range) = (next, within),
                        None => return finish(found),
                    }
                    break;
                }
                Some(b'}' | b']') => {
                    let place = Place { offset: innermost.offset, sort: at };
                    for &target in &targets.order[innermost.targets.clone()] {
                        found[target].1.get_or_insert(place);
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
    /// Each pointer's segments: where they start in `segments`, how many.
    spans: Vec<(usize, usize)>,
    /// The pointers' indices, sorted by their segments.
    order: Vec<usize>,
}

impl<'p> Targets<'p> {
    fn of(pointers: &[&'p str]) -> Self {
        let count = pointers.iter().map(|pointer| pointer.bytes().filter(|&byte| byte == b'/').count()).sum();
        let mut segments = Vec::with_capacity(count);
        let mut spans = Vec::with_capacity(pointers.len());
        for pointer in pointers {
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
            spans.push((start, segments.len() - start));
        }
        let mut targets = Targets { segments, spans, order: (0..pointers.len()).collect() };
        let mut order = std::mem::take(&mut targets.order);
        order.sort_unstable_by(|&a, &b| targets.of_target(a).cmp(targets.of_target(b)).then(a.cmp(&b)));
        targets.order = order;
        targets
    }

    fn of_target(&self, target: usize) -> &[&'p str] {
        let (start, len) = self.spans[target];
        &self.segments[start..start + len]
    }

    fn len(&self, target: usize) -> usize {
        self.spans[target].1
    }

    /// The targets of `range` grouped by their segment at `depth`, an
    /// array's index, in the order of the indices.
    fn items(&self, range: std::ops::Range<usize>, depth: usize) -> Items {
        let mut groups: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        let mut start = range.start;
        while start < range.end {
            let segment = self.segments[self.spans[self.order[start]].0 + depth];
            let end = start
                + self.order[start..range.end]
                    .iter()
                    .take_while(|&&target| self.segments[self.spans[target].0 + depth] == segment)
                    .count();
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
        let slice = &self.order[range.clone()];
        let at = |target: usize| {
            let (start, _) = self.spans[target];
            self.segments[start + depth]
        };
        // A few targets are looked through; many, searched.
        let first = if slice.len() <= 8 {
            slice.iter().position(|&target| at(target) >= segment).unwrap_or(slice.len())
        } else {
            slice.partition_point(|&target| at(target) < segment)
        };
        let end = first + slice[first..].iter().take_while(|&&target| at(target) == segment).count();
        range.start + first..range.start + end
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

    /// As deep as serde_json reads: the text was read by it first.
    #[test]
    fn the_deepest_text_serde_reads_is_walked() {
        let depth = crate::node::MAX_DEPTH;
        let text = format!("{}7{}", "[".repeat(depth), "]".repeat(depth));
        let pointer = "/0".repeat(depth - 1) + "/0";
        assert_eq!(offsets(&text, &[&pointer]), [Some(depth)]);
    }
}
