//! An independent validator, the `jsonschema` crate, must accept exactly what
//! `from_json` accepts, over a set of valid and invalid payloads.
//!
//! Stated exceptions, where JSON itself is read differently, so no payload
//! below exercises them: duplicate keys (a `serde_json::Value` keeps only the
//! last), nesting deeper than serde_json's limit (it cannot become a `Value`),
//! numbers beyond `f64` and strings with lone surrogates (likewise), and
//! integers written with a fraction such as `1.0` (JSON Schema counts them as
//! integers; serde refuses them for integer types), and a model written as a
//! JSON array of its fields in order, which serde's derive also accepts.

use model_core::{ApiModel, ApiType};
use model_tests::{with_key, without_key, MINIMAL_AUTH_LINK, REQUIRED_KEYS, VALID_AUTH_LINK};
use models::ConnectSessionTokenAuthLink as AuthLink;
use serde::Deserialize;
use serde_json::{json, Value};

fn validator<T: ApiType>() -> jsonschema::Validator {
    let schema = model_core::json_schema(&T::TYPE);
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema is valid")
}

fn assert_agree<T: ApiModel>(validator: &jsonschema::Validator, payload: &str) -> bool {
    let ours = T::from_json(payload).is_ok();
    let instance: Value = serde_json::from_str(payload).expect("payloads here are JSON");
    let theirs = validator.is_valid(&instance);
    assert_eq!(ours, theirs, "from_json says {ours}, the schema says {theirs}, for {payload}");
    ours
}

#[test]
fn auth_link_schema_and_parser_agree() {
    let validator = validator::<AuthLink>();
    let mut payloads = vec![VALID_AUTH_LINK.to_owned(), MINIMAL_AUTH_LINK.to_owned()];
    for key in REQUIRED_KEYS {
        payloads.push(without_key(MINIMAL_AUTH_LINK, key));
        payloads.push(with_key(MINIMAL_AUTH_LINK, key, Value::Null));
    }
    let values: &[(&str, Value)] = &[
        ("account_id", json!(1)),
        ("account_id", json!("a")),
        ("categories", json!(["ats", "payroll"])),
        ("categories", json!(["ats", 7])),
        ("categories", json!("ats")),
        ("categories", json!([])),
        ("created_at", json!("2024-08-22T09:15:37Z")),
        ("created_at", json!("2024-08-22T09:15:37.123456789+05:30")),
        ("created_at", json!("2024-08-22T09:15:37")),
        ("created_at", json!("2024-08-22 09:15:37Z")),
        ("created_at", json!("2024-08-22t09:15:37z")),
        ("created_at", json!("2024-08-22T09:15:37+0530")),
        ("created_at", json!("+12024-08-22T09:15:37Z")),
        ("created_at", json!(" 2024-08-22T09:15:37Z")),
        ("created_at", json!("2024-08-22T23:59:60Z")),
        ("created_at", json!("2024-02-30T09:15:37Z")),
        ("created_at", json!("2024-08-22")),
        ("created_at", json!("yesterday")),
        ("created_at", json!(1_724_318_137)),
        ("external_trigger_token", json!(12345)),
        ("id", json!(1)),
        ("id", json!(-2.5e10)),
        ("id", json!("1")),
        ("id", json!(true)),
        ("metadata", json!({})),
        ("metadata", json!({"a": [1, {"b": null}]})),
        ("metadata", json!([])),
        ("metadata", json!("x")),
        ("label", json!(["x"])),
        ("type", json!("test")),
        ("type", json!("sandbox")),
        ("type", json!(3)),
        ("integration_id", json!(false)),
        ("unknown_key", json!({"anything": [1, 2, 3]})),
    ];
    for (key, value) in values {
        payloads.push(with_key(MINIMAL_AUTH_LINK, key, value.clone()));
    }
    payloads.extend(["[]", "null", "\"x\"", "{}"].map(str::to_owned));

    let accepted = payloads.iter().filter(|payload| assert_agree::<AuthLink>(&validator, payload)).count();
    assert!(
        accepted > 10 && accepted < payloads.len() - 10,
        "both kinds are exercised: {accepted} of {}",
        payloads.len()
    );
}

/// A model with the types the auth link lacks: integers, closed enums,
/// aliases, maps, nested and recursive models, unknown fields denied.
#[derive(Debug, Deserialize, ApiModel)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Wide {
    #[serde(alias = "n")]
    count: u8,
    flag: Option<bool>,
    level: Level,
    scores: Option<std::collections::BTreeMap<String, i16>>,
    next: Option<Box<Wide>>,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Debug, Clone, Copy, ApiModel)]
#[serde(rename_all = "UPPERCASE")]
enum Level {
    Low,
    #[serde(alias = "MID")]
    Medium,
}

#[test]
fn wide_schema_and_parser_agree() {
    let validator = validator::<Wide>();
    let payloads = [
        r#"{"count": 1, "level": "LOW"}"#,
        r#"{"n": 1, "level": "MID"}"#,
        r#"{"count": 1, "n": 1, "level": "LOW"}"#,
        r#"{"level": "LOW"}"#,
        r#"{"count": 256, "level": "LOW"}"#,
        r#"{"count": -1, "level": "LOW"}"#,
        r#"{"count": 1, "level": "low"}"#,
        r#"{"count": 1, "level": "MEDIUM", "flag": null, "tags": ["a"]}"#,
        r#"{"count": 1, "level": "LOW", "extra": 1}"#,
        r#"{"count": 1, "level": "LOW", "scores": {"a": -32768, "b": 32767}}"#,
        r#"{"count": 1, "level": "LOW", "scores": {"a": 40000}}"#,
        r#"{"count": 1, "level": "LOW", "next": {"count": 2, "level": "LOW", "next": null}}"#,
        r#"{"count": 1, "level": "LOW", "next": {"count": 2}}"#,
        r#"{"count": 1, "level": "LOW", "next": {"count": 2, "level": "LOW", "next": {"n": 3, "level": "HIGH"}}}"#,
        r#"{"count": 1, "level": "LOW", "tags": null}"#,
        r#"{"count": 1, "level": "LOW", "flag": "yes"}"#,
    ];
    let accepted = payloads.iter().filter(|payload| assert_agree::<Wide>(&validator, payload)).count();
    // Accepted: the plain one, the aliases, the nullable flag, the scores, the nested one.
    assert_eq!(accepted, 5);
}
