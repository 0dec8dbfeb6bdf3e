//! "Did you mean": the closest known name to a near miss.
//!
//! The derive includes this very file (`#[path]` in `model-derive`), so an
//! attribute key and a wire value are matched by the same rule.

/// The candidate `input` most likely meant, if any is close: first one equal
/// to it ignoring case, `-`, `_` and spaces (`hrisLegacy` → `hris-legacy`),
/// else the one within a small edit distance (`hirs` → `hris`).
pub(crate) fn closest<'a>(input: &str, candidates: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    // Nothing to compare with: no folding, no allocation.
    candidates.clone().next()?;
    let folded = fold(input);
    if let Some(same) = candidates.clone().find(|candidate| fold(candidate) == folded) {
        return Some(same);
    }
    let limit = (folded.chars().count() / 3).max(1);
    candidates
        .map(|candidate| (strsim::damerau_levenshtein(&folded, &fold(candidate)), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// `` `a`, `b`, `c` ``: names listed for a report.
#[allow(dead_code)] // The derive lists names its own way.
pub(crate) fn list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = names.map(|name| format!("`{name}`")).collect();
    quoted.join(", ")
}

fn fold(name: &str) -> String {
    name.chars().filter(|ch| !matches!(ch, '-' | '_' | ' ')).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::closest;

    const CATEGORIES: [&str; 4] = ["ats", "hris", "hris-legacy", "stackone"];

    #[test]
    fn near_misses() {
        let cases = [
            ("ATS", Some("ats")),
            ("hrisLegacy", Some("hris-legacy")),
            ("stackOne", Some("stackone")),
            ("hirs", Some("hris")),
            ("payroll", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(closest(input, CATEGORIES.into_iter()), expected, "{input}");
        }
    }
}
