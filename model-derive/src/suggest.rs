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
    if let Some(same) = candidates.clone().find(|candidate| folded(candidate).eq(folded(input))) {
        return Some(same);
    }
    let length = folded(input).count();
    let limit = (length / 3).max(1);
    let input = fold(input);
    candidates
        // The distance is at least the difference in length: most
        // candidates are ruled out without being folded or compared.
        .filter(|candidate| folded(candidate).count().abs_diff(length) <= limit)
        .map(|candidate| (strsim::damerau_levenshtein(&input, &fold(candidate)), candidate))
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
    folded(name).collect()
}

/// `name` lower-cased, without `-`, `_` and spaces.
fn folded(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().filter(|ch| !matches!(ch, '-' | '_' | ' ')).flat_map(char::to_lowercase)
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
