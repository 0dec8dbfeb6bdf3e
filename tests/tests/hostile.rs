//! Input built to hurt: a report stays within a small multiple of the input
//! whatever its shape, cuts every text it copies, and keeps keys and
//! variant names inside a secret out of every output.
// The models here are only ever refused.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

use model_core::check::{ReportLimits, KEY_LIMIT};
use model_core::{ApiModel, Secret, ValidationError};
use serde::Deserialize;

#[derive(Debug, Deserialize, ApiModel)]
struct Bytes {
    m: HashMap<String, Vec<u8>>,
}

#[derive(Debug, Deserialize, ApiModel)]
struct Nested {
    n: BTreeMap<String, Nested>,
    v: Option<Vec<u8>>,
}

/// Every text the library makes of an error: `Display`, `Debug`, JSON.
fn shown(error: &ValidationError) -> Vec<String> {
    let mut shown = vec![error.to_string(), format!("{error:?}"), serde_json::to_string(error).unwrap()];
    for issue in error.issues() {
        shown.push(issue.to_string());
        shown.push(format!("{issue:?}"));
    }
    shown
}

/// The report's JSON is within the stated bound: the budget (the larger of
/// 16 KiB and 8 bytes a byte of input), plus the one issue that closes it.
fn assert_bounded(input: &str, error: &ValidationError) {
    let json = serde_json::to_string(error).unwrap().len();
    let display = error.to_string().len();
    let bound = ReportLimits::default().budget(input.len()) + 1024;
    assert!(json <= bound, "report of {json} bytes for {} bytes of input (bound {bound})", input.len());
    assert!(display <= bound, "Display of {display} bytes for {} bytes of input", input.len());
}

#[test]
fn a_long_key_over_many_wrong_values_is_cut_and_the_report_bounded() {
    let key = "k".repeat(100_000);
    let values = vec!["-1"; 1000].join(",");
    let input = format!(r#"{{"m": {{"{key}": [{values}]}}}}"#);
    let error = Bytes::from_json(&input).unwrap_err();
    assert_bounded(&input, &error);
    let first = &error.issues()[0];
    let cut = format!("/m/{}…/0", "k".repeat(KEY_LIMIT));
    assert_eq!(first.pointer(), cut);
    assert_eq!(first.wire_name(), Some(format!("{}…", "k".repeat(KEY_LIMIT)).as_str()));
    // Each issue now costs about 500 bytes of JSON, not 200 KB: all 1,000 fit.
    assert_eq!(error.issues().len(), 1000);
}

#[test]
fn deep_nesting_under_long_keys_stays_bounded() {
    let key = "x".repeat(1000);
    let depth = 100;
    let mut input = String::new();
    for _ in 0..depth {
        input.push_str(&format!(r#"{{"n": {{"{key}": "#));
    }
    input.push_str(&format!(r#"{{"n": {{}}, "v": [{}]}}"#, vec!["-1"; 2000].join(",")));
    for _ in 0..depth {
        input.push_str("}}");
    }
    let error = Nested::from_json(&input).unwrap_err();
    assert_bounded(&input, &error);
    assert!(error.issues().iter().all(|issue| issue.pointer().len() <= depth * (KEY_LIMIT + 8) + 64));
}

#[test]
fn many_small_issues_in_a_small_body_stay_within_the_floor() {
    let input = format!(r#"{{"m": {{"a": [{}]}}}}"#, vec!["true"; 5000].join(","));
    let error = Bytes::from_json(&input).unwrap_err();
    assert_bounded(&input, &error);
    let limits = ReportLimits::default().max_bytes(4096);
    let error = limits.from_json::<Bytes>(&input).unwrap_err();
    assert!(serde_json::to_string(&error).unwrap().len() <= 4096 + 1024);
    assert_eq!(error.issues().last().unwrap().code(), "too_many_issues");
}

#[test]
fn long_strings_are_quoted_cut() {
    let input = format!(r#"{{"m": {{"a": ["{}"]}}}}"#, "s".repeat(1 << 20));
    let error = Bytes::from_json(&input).unwrap_err();
    let received = error.issues()[0].received().unwrap();
    assert!(received.len() < 64 && received.ends_with('…'), "{received}");
    assert_bounded(&input, &error);
}

const SECRET: &str = "sk_live_51HoNEYp0t";

#[derive(Debug, Deserialize, ApiModel)]
#[serde(rename_all = "snake_case")]
enum Credential {
    ApiKey(String),
    Password { value: String },
}

#[derive(Debug, Deserialize, ApiModel)]
struct Vault {
    by_name: Secret<HashMap<String, u8>>,
    credential: Option<Secret<Credential>>,
    plain: u8,
}

#[test]
fn keys_and_variant_names_inside_a_secret_never_show() {
    let inputs = [
        format!(r#"{{"by_name": {{"{SECRET}": "x"}}, "plain": 1}}"#),
        format!(r#"{{"by_name": {{"{SECRET}": -5, "b": 1}}, "plain": "p"}}"#),
        format!(r#"{{"by_name": {{}}, "credential": {{"{SECRET}": "x"}}, "plain": 1}}"#),
        format!(r#"{{"by_name": {{}}, "credential": {{"password": {{"{SECRET}": 1}}}}, "plain": 1}}"#),
        format!(r#"{{"by_name": {{}}, "credential": "{SECRET}", "plain": 1}}"#),
    ];
    for input in &inputs {
        let error = Vault::from_json(input).unwrap_err();
        for text in shown(&error) {
            assert!(!text.contains(SECRET), "the secret shows for {input}: {text}");
            assert!(!text.contains("sk_live"), "part of the secret shows for {input}: {text}");
        }
    }
    let error = Vault::from_json(&inputs[0]).unwrap_err();
    assert_eq!(error.issues()[0].pointer(), "/by_name/<secret>");
}
