//! Shared by the integration tests: the bundled payloads and helpers that
//! compare a report with serde's own verdict.
#![forbid(unsafe_code)]

use std::fmt::Debug;

pub mod shapes;

use model_core::{ApiType, ValidationError};
use serde::de::DeserializeOwned;

/// A valid auth link with every field, unknown keys and an unknown category.
pub const VALID_AUTH_LINK: &str = include_str!("../../examples/payloads/auth_link_valid.json");

/// An auth link with a problem in most fields.
pub const BROKEN_AUTH_LINK: &str = include_str!("../../examples/payloads/auth_link_broken.json");

/// The smallest valid auth link: required fields only.
pub const MINIMAL_AUTH_LINK: &str = r#"{
    "auth_link_url": "https://competent-newsstand.info/",
    "created_at": "2024-08-22T09:15:37.633Z",
    "id": 2748.23,
    "organization_id": 5922.31,
    "origin_owner_id": "<id>",
    "origin_owner_name": "<value>",
    "project_id": "<id>",
    "token": "<value>"
}"#;

/// The auth link's required keys, in declaration order.
pub const REQUIRED_KEYS: [&str; 8] = [
    "auth_link_url",
    "created_at",
    "id",
    "organization_id",
    "origin_owner_id",
    "origin_owner_name",
    "project_id",
    "token",
];

/// Parses `json` both ways and checks they agree: `Ok` exactly when serde's
/// `from_str` is `Ok`, and an error is never empty. Returns the report.
pub fn parse_agreeing<T: ApiType + DeserializeOwned + Debug>(json: &str) -> Result<T, ValidationError> {
    let ours = model_core::from_json::<T>(json);
    let serde = serde_json::from_str::<T>(json);
    assert_eq!(ours.is_ok(), serde.is_ok(), "report and serde disagree on {json}: {ours:?} / {serde:?}");
    if let Err(error) = &ours {
        assert!(!error.issues().is_empty(), "an empty report for {json}");
    }
    ours
}

/// `(pointer, code)` of every issue, in order.
pub fn pointers_and_codes(error: &ValidationError) -> Vec<(String, &'static str)> {
    error.issues().iter().map(|issue| (issue.pointer().to_owned(), issue.code())).collect()
}

/// Replaces the value of `key` in a JSON object text, or adds it.
pub fn with_key(json: &str, key: &str, value: serde_json::Value) -> String {
    let mut object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(json).expect("a test payload is a JSON object");
    object.insert(key.to_owned(), value);
    serde_json::Value::Object(object).to_string()
}

/// Removes `key` from a JSON object text.
pub fn without_key(json: &str, key: &str) -> String {
    let mut object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(json).expect("a test payload is a JSON object");
    object.remove(key);
    serde_json::Value::Object(object).to_string()
}

/// The README's Rust snippets, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
