//! Fields serde reads alone: `#[serde(with)]`, `deserialize_with`, and
//! `#[api(serde)]` for a type with `Deserialize` and no `ApiType`.

use chrono::{DateTime, TimeZone, Utc};
use model_core::{ApiModel, ApiStruct};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::json;

/// A type from another crate: `Deserialize`, no `ApiType`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Money {
    amount: i64,
    currency: String,
}

/// Cents written as a string, as some APIs do.
fn cents_from_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    let text = String::deserialize(deserializer)?;
    text.parse().map_err(|_| serde::de::Error::custom(format!("expected cents as a string of digits, got {text:?}")))
}

#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
#[api(builder)]
struct Charge {
    id: String,
    /// Unix seconds.
    #[serde(with = "chrono::serde::ts_seconds")]
    created: DateTime<Utc>,
    #[serde(deserialize_with = "cents_from_string")]
    cents: u64,
    #[api(serde)]
    price: Money,
    #[api(serde)]
    refund: Option<Money>,
}

#[test]
fn valid_input_reads_as_serde_reads_it() {
    let charge = Charge::from_json(
        r#"{"id": "ch_1", "created": 1700000000, "cents": "1250", "price": {"amount": 1250, "currency": "eur"}}"#,
    )
    .unwrap();
    assert_eq!(charge.created, Utc.timestamp_opt(1_700_000_000, 0).unwrap());
    assert_eq!((charge.cents, charge.refund), (1250, None));
}

#[test]
fn each_field_is_checked_by_its_own_function_at_its_pointer() {
    let json = "{\n  \"created\": \"yesterday\",\n  \"cents\": \"12.50\",\n  \"price\": {\"amount\": \"x\", \"currency\": \"eur\"},\n  \"refund\": null\n}";
    let error = Charge::from_json(json).unwrap_err();
    let found: Vec<_> = error
        .issues()
        .iter()
        .map(|issue| (issue.pointer(), issue.code(), issue.expected(), issue.line(), issue.column()))
        .collect();
    assert_eq!(
        found,
        [
            ("/created", "invalid_value", "a unix timestamp in seconds", Some(2), Some(14)),
            ("/cents", "invalid_value", "cents as a string of digits, got \"12.50\"", Some(3), Some(12)),
            ("/price", "invalid_value", "i64", Some(4), Some(12)),
            ("/id", "missing", "string", Some(1), Some(1)),
        ]
    );
    // A field read by a function is required, as serde has it; `#[api(serde)]` on an `Option` is not.
    let error = Charge::from_json(r#"{"id": "a", "price": {"amount": 1, "currency": "eur"}}"#).unwrap_err();
    let missing: Vec<_> = error.issues().iter().map(|issue| issue.pointer()).collect();
    assert_eq!(missing, ["/created", "/cents"]);
    assert!(serde_json::from_str::<Charge>(r#"{"id": "a", "price": {"amount": 1, "currency": "eur"}}"#).is_err());
}

#[test]
fn docs_say_what_is_known() {
    let fields = Charge::fields();
    assert_eq!(fields[1].ty.to_string(), "any");
    assert_eq!(fields[1].description, Some("Unix seconds."));
    assert!(fields[1].required && fields[3].required && !fields[4].required);
    let schema = Charge::json_schema();
    assert_eq!(schema["properties"]["created"], json!({"description": "Unix seconds."}));
    assert_eq!(schema["required"], json!(["id", "created", "cents", "price"]));
}

#[test]
fn the_builder_takes_them_as_they_are() {
    let price = Money { amount: 1, currency: "eur".into() };
    let charge = Charge::builder()
        .id("ch_1")
        .created(Utc.timestamp_opt(1, 0).unwrap())
        .cents(100)
        .price(price.clone())
        .build()
        .unwrap();
    assert_eq!(charge.refund, None);
    let error = Charge::builder().id("ch_1").build().unwrap_err();
    let missing: Vec<_> = error.issues().iter().map(|issue| issue.pointer()).collect();
    assert_eq!(missing, ["/created", "/cents", "/price"]);
}

mod pin_codec {
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<model_core::Secret<u32>, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(deserializer)?;
        text.parse().map(model_core::Secret::new).map_err(|_| serde::de::Error::custom(format!("bad pin {text:?}")))
    }
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct Vault {
    #[serde(deserialize_with = "pin_codec::deserialize")]
    pin: model_core::Secret<u32>,
    keys: model_core::Secret<std::collections::HashMap<u16, String>>,
}

#[test]
fn a_secret_read_by_a_function_or_keyed_by_integers_is_not_quoted() {
    let error = Vault::from_json(r#"{"pin": "12x4", "keys": {"9999999": "canary"}}"#).unwrap_err();
    let shown = format!("{error} {}", serde_json::to_string(&error).unwrap());
    assert!(!shown.contains("12x4") && !shown.contains("canary"), "{shown}");
    // A key inside a secret is part of it: the pointer says `<secret>` in its
    // place, and what came is never quoted.
    let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.code(), issue.received())).collect();
    assert_eq!(found, [("/pin", "invalid_value", Some("string")), ("/keys/<secret>", "invalid_format", Some("key"))]);
    assert!(!shown.contains("9999999"), "{shown}");
}
