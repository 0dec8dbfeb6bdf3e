//! A canary planted in both secret fields must never appear in any `Debug`
//! or `Display` string the library produces, on any error path.

use model_core::{ApiModel, Secret};
use model_tests::{with_key, MINIMAL_AUTH_LINK};
use models::ConnectSessionTokenAuthLink as AuthLink;
use serde_json::{json, Value};

/// Digits, so it can also be planted as a number.
const CANARY: &str = "7313371337";
const SECRET_KEYS: [&str; 2] = ["token", "external_trigger_token"];

/// Every text the library makes of a result: the error, each issue, the model.
fn everything_shown(result: &Result<AuthLink, model_core::ValidationError>) -> Vec<String> {
    let mut shown = vec![format!("{result:?}"), format!("{result:#?}")];
    match result {
        Ok(link) => shown.push(format!("{link:?}")),
        Err(error) => {
            shown.push(error.to_string());
            for issue in error.issues() {
                shown.push(issue.to_string());
                shown.push(format!("{issue:?}"));
                shown.extend(
                    [issue.expected(), issue.received().unwrap_or(""), issue.suggestion().unwrap_or("")]
                        .map(str::to_owned),
                );
            }
        }
    }
    shown
}

/// The planted values: each a different error path, each holding the canary.
fn planted() -> Vec<(&'static str, Value)> {
    let number: Value = serde_json::from_str(CANARY).unwrap();
    vec![
        ("a valid value", json!(CANARY)),
        ("a wrong type: number", number.clone()),
        ("a wrong type: array", json!([CANARY])),
        ("a wrong type inside nested values", json!({ "nested": [{ "deeper": CANARY }, number] })),
        ("a long string", json!(format!("{CANARY}{}", "x".repeat(100)))),
        ("null", Value::Null),
        ("a wrong type: boolean", json!(true)),
    ]
}

fn assert_hidden(label: &str, shown: &[String]) {
    for text in shown {
        assert!(!text.contains(CANARY), "{label}: the canary shows in {text}");
    }
}

#[test]
fn the_canary_never_shows() {
    for (label, value) in planted() {
        for key in SECRET_KEYS {
            // Alone, and beside other errors, so the report walks every field.
            let payload = with_key(MINIMAL_AUTH_LINK, key, value.clone());
            let broken = with_key(&with_key(&payload, "id", json!("1")), "created_at", json!("soon"));
            for text in [payload, broken] {
                let label = format!("{key} = {label}");
                assert_hidden(&label, &everything_shown(&AuthLink::from_json(&text)));
                assert_hidden(&label, &everything_shown(&AuthLink::from_slice(text.as_bytes())));
                let value: Value = serde_json::from_str(&text).unwrap();
                assert_hidden(&label, &everything_shown(&AuthLink::from_value(value)));
            }
        }
    }
}

#[test]
fn the_canary_never_shows_on_text_level_paths() {
    let cases = [
        // A wrong format: a string that is not Unicode.
        format!(r#"{{"token": "\ud800{CANARY}"}}"#),
        // The same key twice, refused before the second value is checked.
        format!(r#"{{"token": "a", "token": "{CANARY}"}}"#),
        format!(r#"{{"external_trigger_token": "{CANARY}", "external_trigger_token": "{CANARY}"}}"#),
        // Broken JSON right after the secret.
        format!(r#"{{"token": "{CANARY}", "#),
        format!(r#"{{"token": "{CANARY}" "id": 1}}"#),
        format!(r#"{{"token": {CANARY}1e999}}"#),
    ];
    for case in &cases {
        assert_hidden(case, &everything_shown(&AuthLink::from_json(case)));
        assert_hidden(case, &everything_shown(&AuthLink::from_slice(case.as_bytes())));
    }
}

#[test]
fn models_builders_and_docs_never_show_it() {
    let link = AuthLink::from_json(&with_key(
        &with_key(MINIMAL_AUTH_LINK, "token", json!(CANARY)),
        "external_trigger_token",
        json!(CANARY),
    ))
    .unwrap();
    assert_hidden("model", &[format!("{link:?}"), format!("{link:#?}"), format!("{:?}", link.token)]);
    let builder = AuthLink::builder().token(CANARY).external_trigger_token(Secret::new(CANARY.to_owned()));
    assert_hidden("builder", &[format!("{builder:?}"), format!("{builder:#?}")]);
    let docs = [AuthLink::docs_markdown(), AuthLink::json_schema().to_string()];
    assert_hidden("docs", &docs);
    assert!(!docs[0].contains("f0bc3d88"), "the sample token of StackOne's SDK docs is not published either");

    // Serialization still sends the real value: the API needs it.
    assert_eq!(serde_json::to_value(&link).unwrap()["token"], json!(CANARY));
    assert_eq!(link.token.expose(), CANARY);
}

/// A secret behind an alias, read by a function whose error quotes its input.
type ApiKey = Secret<String>;

fn quoting_reader<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<ApiKey, D::Error> {
    let text: String = serde::Deserialize::deserialize(deserializer)?;
    if text.starts_with("sk_") {
        return Ok(Secret::new(text));
    }
    Err(serde::de::Error::custom(format!("not a key: {text}")))
}

#[derive(Debug, serde::Deserialize, ApiModel)]
#[allow(dead_code)] // only ever refused
struct Client {
    #[serde(deserialize_with = "quoting_reader")]
    key: ApiKey,
    name: String,
}

#[test]
fn a_secret_behind_an_alias_is_known_by_its_type() {
    let json = format!(r#"{{"key": "{CANARY}", "name": 1}}"#);
    let error = Client::from_json(&json).unwrap_err();
    let codes: Vec<&str> = error.issues().iter().map(|issue| issue.pointer()).collect();
    assert_eq!(codes, ["/key", "/name"]);
    let mut shown = vec![error.to_string(), format!("{error:?}"), serde_json::to_string(&error).unwrap()];
    shown.extend(error.issues().iter().map(ToString::to_string));
    assert_hidden("an aliased secret read by a function", &shown);
}

/// Named like a secret, but not one: flattening it is fine.
#[derive(Debug, serde::Deserialize, ApiModel)]
struct SecretSettings {
    rotation_days: u32,
}

#[derive(Debug, serde::Deserialize, ApiModel)]
struct Vault {
    #[serde(flatten)]
    settings: SecretSettings,
}

#[test]
fn a_type_named_like_a_secret_is_not_one() {
    let vault = Vault::from_json(r#"{"rotation_days": 30}"#).unwrap();
    assert_eq!(vault.settings.rotation_days, 30);
}
