//! One model of every shape a hostile payload can reach: data enums of every
//! tagging holding models with rules, a flattened struct, a `Patch`, and
//! secrets in a map, in an enum and behind an alias. The mutation property
//! test and the fuzz target read it.

use std::collections::HashMap;

use model_core::{ApiModel, Patch, Secret};
use serde::Deserialize;

/// Planted in every secret of [`valid`], as a value, a key and a variant's content.
pub const CANARY: &str = "sk_canary_7313";

#[derive(Debug, Deserialize, ApiModel)]
pub struct Member {
    #[api(min_length = 2, max_length = 8)]
    pub login: String,
    #[api(maximum = 9)]
    pub seats: u8,
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Internal {
    Added { member: Member },
    Removed(Member),
    Ping,
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(rename_all = "snake_case")]
pub enum External {
    Added { member: Member },
    Removed(Member),
    Ping,
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(tag = "t", content = "c", rename_all = "snake_case")]
pub enum Adjacent {
    Added { member: Member },
    Removed(Member),
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(untagged)]
pub enum Untagged {
    Added { member: Member },
    Name(String),
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(rename_all = "snake_case")]
pub enum Credential {
    ApiKey(String),
    Password { value: String },
}

#[derive(Debug, Deserialize, ApiModel)]
pub struct Extra {
    #[api(max_length = 5)]
    pub note: Option<String>,
}

/// A secret behind an alias.
pub type ApiKey = Secret<String>;

#[derive(Debug, Deserialize, ApiModel)]
pub struct Everything {
    pub internal: Internal,
    pub external: External,
    pub adjacent: Adjacent,
    pub untagged: Untagged,
    #[serde(flatten)]
    pub extra: Extra,
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub title: Patch<String>,
    pub keys: Secret<HashMap<String, u8>>,
    pub credential: Option<Secret<Credential>>,
    pub key: Option<ApiKey>,
}

/// A valid [`Everything`], the canary in each secret.
pub fn valid() -> serde_json::Value {
    serde_json::json!({
        "internal": {"type": "added", "member": {"login": "ada", "seats": 1}},
        "external": {"removed": {"login": "bob", "seats": 2}},
        "adjacent": {"t": "removed", "c": {"login": "cy", "seats": 3}},
        "untagged": {"member": {"login": "dee", "seats": 4}},
        "note": "hi",
        "title": null,
        "keys": { CANARY: 1, "other": 2 },
        "credential": {"password": {"value": CANARY}},
        "key": CANARY,
    })
}
