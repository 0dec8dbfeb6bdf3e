//! `from_pairs`: a model read from text pairs (query strings, forms, path
//! parameters), each value as its field's type, every problem at once, no
//! secret echoed, and a cost linear in the pairs.

use model_core::{from_pairs, ApiModel, Patch, Secret, Timestamp};
use serde::Deserialize;

#[derive(Debug, Deserialize, ApiModel)]
#[serde(deny_unknown_fields)]
struct Search {
    #[serde(alias = "q")]
    query: String,
    #[serde(default)]
    ids: Vec<u64>,
    since: Option<Timestamp>,
    id: Option<uuid::Uuid>,
    price: Option<rust_decimal::Decimal>,
    ratio: Option<f64>,
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    note: Patch<String>,
    owner: Option<Owner>,
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)] // Only ever refused here.
struct Owner {
    name: String,
}

fn found<T: std::fmt::Debug>(result: Result<T, model_core::ValidationError>) -> Vec<(String, String, Option<String>)> {
    let error = result.unwrap_err();
    error
        .issues()
        .iter()
        .map(|issue| (issue.pointer().to_owned(), issue.code().to_owned(), issue.received().map(str::to_owned)))
        .collect()
}

#[test]
fn each_value_is_read_as_its_fields_type() {
    let search: Search = from_pairs([
        ("q", "printer"),
        ("ids", "3"),
        ("ids", "18446744073709551615"),
        ("since", "2024-05-01T10:00:00Z"),
        ("id", "123e4567-e89b-12d3-a456-426614174000"),
        ("price", "12.50"),
        ("ratio", "-0.25"),
        ("note", "call back"),
    ])
    .unwrap();
    assert_eq!(search.query, "printer");
    assert_eq!(search.ids, [3, u64::MAX]);
    assert_eq!(search.since.unwrap().to_string(), "2024-05-01T10:00:00Z");
    assert_eq!(search.price.unwrap().to_string(), "12.50");
    assert_eq!(search.ratio, Some(-0.25));
    assert_eq!(search.note, Patch::Value("call back".to_owned()));

    // Empty values of fields that are not text are absent.
    let sparse: Search =
        from_pairs([("query", ""), ("ratio", ""), ("since", ""), ("id", "")]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((sparse.query.as_str(), sparse.ratio, sparse.since, sparse.id), ("", None, None, None));
}

#[test]
fn every_problem_at_once_in_the_order_the_keys_came() {
    let result = from_pairs::<Search, _, _>([
        ("ids", "7"),
        ("ids", "-1"),
        ("ratio", "fast"),
        ("query", "a"),
        ("q", "b"),
        ("owner", "ada"),
        ("since", "yesterday"),
        ("color", "red"),
    ]);
    assert_eq!(
        found(result),
        [
            ("/ids/1".to_owned(), "out_of_range".to_owned(), Some("number -1".to_owned())),
            ("/ratio".to_owned(), "invalid_type".to_owned(), Some("string \"fast\"".to_owned())),
            // `q` is an alias of `query`: the same key twice.
            ("/query".to_owned(), "duplicate_key".to_owned(), None),
            ("/owner".to_owned(), "invalid_type".to_owned(), Some("string \"ada\"".to_owned())),
            ("/since".to_owned(), "invalid_format".to_owned(), Some("string \"yesterday\"".to_owned())),
            ("/color".to_owned(), "unknown_field".to_owned(), None),
        ]
    );
}

#[derive(Debug, Deserialize, ApiModel)]
struct Reset {
    #[api(min_length = 20)]
    token: Secret<String>,
    #[api(minimum = 1000)]
    pin: Secret<u32>,
}

#[test]
fn a_secret_is_never_echoed() {
    let error = from_pairs::<Reset, _, _>([("token", "hunter2"), ("pin", "42")]).unwrap_err();
    let text = format!("{error} {error:?} {}", serde_json::to_string(&error).unwrap());
    for secret in ["hunter2", "42"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    assert_eq!(error.issues().len(), 2);
    let typed = from_pairs::<Reset, _, _>([("token", "x"), ("pin", "abc")]).unwrap_err();
    assert!(!format!("{typed:?}").contains("abc"));
}

#[test]
fn many_pairs_cost_a_pass_each() {
    // 200,000 pairs of 20,000 distinct unknown keys and a long list: one
    // pass, bounded report.
    let pairs: Vec<(String, String)> = (0..200_000)
        .map(|index| {
            if index % 10 == 0 {
                (format!("k{index}"), "x".to_owned())
            } else {
                ("ids".to_owned(), index.to_string())
            }
        })
        .collect();
    let error = from_pairs::<Search, _, _>(pairs).unwrap_err();
    assert!(error.issues().len() <= model_core::check::MAX_ISSUES + 1, "{}", error.issues().len());
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Only ever refused here.
struct Hostile {
    #[serde(default)]
    #[api(items(min_length = 1))]
    tag: Vec<String>,
    #[serde(default)]
    limit: u32,
    #[serde(default)]
    #[api(min_length = 20)]
    token: Secret<String>,
}

#[test]
fn the_worst_pairs_get_a_bounded_report_that_shows_no_secret() {
    let long_key = "k".repeat(100_000);
    let long_number = "9".repeat(1_000_000);
    let mut pairs: Vec<(String, String)> = vec![(long_key.clone(), "x".to_owned()), ("limit".to_owned(), long_number)];
    // Many problems under one key: 100,000 empty tags, each too short.
    pairs.extend((0..100_000).map(|_| ("tag".to_owned(), String::new())));
    // A secret given many times: one duplicate issue, its values never shown.
    pairs.extend((0..1_000).map(|index| ("token".to_owned(), format!("hunter{index}"))));
    let error = from_pairs::<Hostile, _, _>(pairs).unwrap_err();
    let json = serde_json::to_string(&error).unwrap();
    assert!(error.issues().len() <= model_core::check::MAX_ISSUES + 1, "{}", error.issues().len());
    assert!(json.len() < 1 << 20, "{} bytes", json.len());
    assert!(!json.contains("hunter"), "a secret in the report");
    // Keys are cut in pointers, received values at 40 characters.
    assert!(error.issues().iter().all(|issue| issue.pointer().len() < 300), "a pointer not cut");
    assert!(error
        .issues()
        .iter()
        .all(|issue| issue.received().map_or(true, |received| received.chars().count() <= 60)));
    let codes: std::collections::BTreeSet<&str> = error.issues().iter().map(|issue| issue.code()).collect();
    for code in ["duplicate_key", "invalid_type", "too_short", "too_many_issues"] {
        assert!(codes.contains(code), "{code} in {codes:?}");
    }
}
