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

/// An externally tagged enum that keeps what it cannot read.
#[derive(Debug, Deserialize, ApiModel)]
enum Kept {
    Created {
        id: u32,
    },
    #[serde(untagged)]
    Raw(String),
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(tag = "type")]
enum KeptTagged {
    A,
    #[serde(untagged)]
    Other(serde_json::Value),
}

#[test]
fn whatever_the_tagged_form_refuses_goes_to_the_catch_all_as_in_serde() {
    // A unit's name for a variant with content: serde keeps it as `Raw`.
    let error = model_core::from_json::<Vec<Kept>>(r#"["Created", {"Created": {"id": 1}}, 5]"#).unwrap_err();
    let found: Vec<&str> = error.issues().iter().map(|issue| issue.pointer()).collect();
    assert_eq!(found, ["/2"], "{error}");
    // A duplicate tag: serde keeps the value in the catch-all.
    let twice = r#"[{"type": "A", "type": "A"}]"#;
    assert!(serde_json::from_str::<Vec<KeptTagged>>(twice).is_ok());
    assert!(model_core::from_json::<Vec<KeptTagged>>(twice).is_ok());
}

#[derive(Debug, Deserialize, ApiModel)]
struct Login {
    #[api(min_length = 12)]
    password: String,
    name: String,
}

#[derive(Debug, Deserialize, ApiModel)]
struct Account {
    creds: Secret<Login>,
}

#[test]
fn a_near_miss_key_inside_a_secret_is_not_quoted_and_a_long_one_is_cut() {
    let error = Account::from_json(r#"{"creds": {"nam": "n", "password": "p"}}"#).unwrap_err();
    assert!(error.issues().iter().all(|issue| issue.found_key().is_none()), "{error:?}");
    for text in shown(&error) {
        assert!(!text.contains("`nam`") && !text.contains("\"nam\""), "a key inside a secret shows: {text}");
    }
    // Outside a secret, the near miss is named.
    let error = Login::from_json(r#"{"nam": "n", "password": "123456789012"}"#).unwrap_err();
    assert_eq!(error.issues()[0].found_key(), Some("nam"));
    let long = format!("name{}", "_".repeat(100_000));
    let error = Login::from_json(&format!(r#"{{"{long}": "n", "password": "123456789012"}}"#)).unwrap_err();
    let found = error.issues()[0].found_key().unwrap_or_default();
    assert!(found.chars().count() <= KEY_LIMIT + 1, "{} characters quoted", found.len());
}

#[test]
fn rules_inside_a_secret_are_at_the_same_pointer_from_text_and_in_code() {
    let json = r#"{"creds": {"password": "short", "name": "n"}}"#;
    let from_text = Account::from_json(json).unwrap_err();
    let in_code = serde_json::from_str::<Account>(json).unwrap().validate().unwrap_err();
    assert_eq!(from_text.issues()[0].pointer(), "/creds/password");
    assert_eq!(in_code.issues()[0].pointer(), "/creds/password");
}

#[derive(Debug, Deserialize, ApiModel)]
struct Page<T> {
    items: Vec<T>,
}

#[derive(Debug, Deserialize, ApiModel)]
struct Counts {
    small: Page<u8>,
    large: Page<i64>,
    maybe: Page<Option<u8>>,
}

#[test]
fn instantiations_that_differ_only_in_width_or_nullability_are_two_types() {
    let schema = Counts::json_schema();
    let defs = schema["$defs"].as_object().unwrap();
    let mut keys: Vec<&str> = defs.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["Page_i64", "Page_u8", "Page_u8_or_null"]);
    assert_eq!(defs["Page_u8"]["properties"]["items"]["items"]["maximum"], 255);
}

#[derive(Debug, Deserialize, ApiModel)]
struct Names {
    #[api(items(min_length = 2))]
    names: Vec<String>,
}

#[test]
fn bytes_that_are_not_utf8_in_a_skipped_string_keep_the_bodys_budget() {
    // serde skips the unknown key without reading its string; the rules
    // break, and there is no text to place them in.
    let mut body = format!(r#"{{"names": [{}], "junk": ""#, vec![r#""a""#; 5000].join(",")).into_bytes();
    body.extend_from_slice(b"\xff\"}");
    let error = Names::from_slice(&body).unwrap_err();
    assert!(error.issues().len() > 100, "{} issues for {} bytes", error.issues().len(), body.len());
    assert!(error.issues().iter().all(|issue| issue.line().is_none()));
    let json = serde_json::to_string(&error).unwrap().len();
    assert!(json <= ReportLimits::default().budget(body.len()) + 1024, "{json} bytes");
}

/// A newtype, the new path that reads input, around a secret map.
#[derive(Debug, Deserialize, ApiModel)]
struct Keyring(Secret<HashMap<String, Vec<u8>>>);

#[test]
fn a_newtype_around_a_secret_keeps_it_under_a_long_key_and_many_problems() {
    let key = format!("{SECRET}{}", "k".repeat(100_000));
    let input = format!(r#"{{"{key}": [{}]}}"#, vec!["-1"; 1000].join(","));
    let error = Keyring::from_json(&input).unwrap_err();
    assert_bounded(&input, &error);
    assert_eq!(error.issues()[0].pointer(), "/<secret>/0");
    for text in shown(&error) {
        assert!(!text.contains("sk_live"), "the secret key shows: {}", &text[..text.len().min(200)]);
    }
}

#[derive(Debug, Deserialize, ApiModel)]
struct Words(#[api(items(min_length = 2))] Vec<String>);

#[derive(Debug, Deserialize, ApiModel)]
struct Tags {
    tags: HashMap<String, Words>,
}

/// A report whose only problems are broken rules is placed by one scan of
/// the text: under a 100 KB key, 200,000 broken items and a map of 50,000
/// keys, every issue kept is at its value and the report stays bounded.
#[test]
fn a_rule_only_report_of_many_issues_under_long_keys_is_placed_and_bounded() {
    let key = "k".repeat(100_000);
    let items = vec!["\"x\""; 200_000].join(",");
    let input = format!(r#"{{"tags": {{"{key}": [{items}]}}}}"#);
    let error = Tags::from_json(&input).unwrap_err();
    assert_bounded(&input, &error);
    let kept = &error.issues()[..error.issues().len() - 1];
    assert!(kept.len() >= 100, "{} issues", kept.len());
    let cut = format!("/tags/{}…", "k".repeat(KEY_LIMIT));
    for (index, issue) in kept.iter().enumerate() {
        assert_eq!(issue.pointer(), format!("{cut}/{index}"));
        // Each `"x"` is four bytes on from the one before.
        let first = input.find("[\"x\"").unwrap() + 2;
        assert_eq!((issue.line(), issue.column()), (Some(1), Some(first + 4 * index)));
    }
    assert_eq!(error.issues().last().unwrap().code(), "too_many_issues");

    let members: Vec<String> = (0..50_000).map(|n| format!(r#""k{n}": ["ab", "x"]"#)).collect();
    let input = format!(r#"{{"tags": {{{}}}}}"#, members.join(", "));
    let error = Tags::from_json(&input).unwrap_err();
    assert_bounded(&input, &error);
    for issue in &error.issues()[..error.issues().len() - 1] {
        let key = issue.pointer().strip_prefix("/tags/").and_then(|rest| rest.strip_suffix("/1")).unwrap();
        let at = input.find(&format!(r#""{key}": ["ab", "x"]"#)).unwrap() + key.len() + 12;
        assert_eq!(issue.column(), Some(at));
    }
}

#[derive(Debug, Deserialize, ApiModel)]
struct Link {
    #[api(min_length = 2)]
    name: String,
    next: Option<Box<Link>>,
}

/// As deep as serde reads, with a broken rule at every level: the report
/// keeps what its budget holds (the pointers grow with depth), each issue
/// at its own value.
#[test]
fn a_rule_broken_at_every_level_of_a_deep_chain_is_placed_at_each() {
    let depth = 120;
    let input = format!(r#"{}{{"name": "x"}}{}"#, r#"{"name": "x", "next": "#.repeat(depth), "}".repeat(depth));
    let error = Link::from_json(&input).unwrap_err();
    assert_bounded(&input, &error);
    let (last, kept) = error.issues().split_last().unwrap();
    assert_eq!(last.code(), "too_many_issues");
    assert!(kept.len() > 30, "{} issues", kept.len());
    for (level, issue) in kept.iter().enumerate() {
        assert_eq!(issue.pointer(), format!("{}/name", "/next".repeat(level)));
        // Each level opens with `{"name": "x", "next": `, 22 bytes.
        assert_eq!(issue.column(), Some(level * 22 + 10));
    }
}
