//! Twins of the models that derive only serde, so each benchmark compares
//! `ApiModel` with plain serde on the same input.
#![forbid(unsafe_code)]

pub mod rule_shapes;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

/// `ConnectSessionTokenAuthLink` field for field, with serde's derives alone.
/// Its enums are serde's own (closed) twins; `created_at` is the same strict
/// `Timestamp`, so only what `ApiModel` adds is measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlainAuthLink {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    pub auth_link_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<PlainCategory>>,
    pub created_at: model_core::Timestamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_trigger_token: Option<String>,
    pub id: Number,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
    pub organization_id: Number,
    pub origin_owner_id: String,
    pub origin_owner_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin_username: Option<String>,
    pub project_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    pub token: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<PlainLinkType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<String>,
}

/// `ConnectSessionTokenAuthLink` with the very same field types (the open
/// enums, `Secret`, `Timestamp`) and serde's derive alone: against it,
/// `from_json` shows what `ApiModel` itself adds to valid input.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SameTypesAuthLink {
    pub account_id: Option<String>,
    pub auth_link_url: String,
    pub categories: Option<Vec<models::ConnectSessionTokenAuthLinkCategories>>,
    pub created_at: model_core::Timestamp,
    pub external_trigger_token: Option<model_core::Secret<String>>,
    pub id: Number,
    pub label: Option<String>,
    pub metadata: Option<Map<String, Value>>,
    pub organization_id: Number,
    pub origin_owner_id: String,
    pub origin_owner_name: String,
    pub origin_username: Option<String>,
    pub project_id: String,
    pub provider: Option<String>,
    pub token: model_core::Secret<String>,
    pub r#type: Option<models::ConnectSessionTokenAuthLinkType>,
    pub integration_id: Option<String>,
}

/// The categories as serde's derive would have them: closed, with
/// `#[serde(other)]` able to keep only that something unknown came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlainCategory {
    Ats,
    Hris,
    HrisLegacy,
    Crm,
    Iam,
    Marketing,
    Lms,
    #[serde(rename = "stackone")]
    StackOne,
    Documents,
    Ticketing,
    Screening,
    Messaging,
    Accounting,
    Scheduling,
    #[serde(other)]
    Unknown,
}

/// The same categories through `ApiModel`, closed, to compare with serde's
/// derive on equal terms (the open enum is 24 bytes wide, this one 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, model_core::ApiModel)]
#[serde(rename_all = "kebab-case")]
pub enum ClosedCategory {
    Ats,
    Hris,
    HrisLegacy,
    Crm,
    Iam,
    Marketing,
    Lms,
    #[serde(rename = "stackone")]
    StackOne,
    Documents,
    Ticketing,
    Screening,
    Messaging,
    Accounting,
    Scheduling,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlainLinkType {
    Production,
    Test,
    UnmappedValue,
    #[serde(other)]
    Unknown,
}

/// A hand-written `match`, the floor for parsing a known category.
pub fn match_category(wire: &str) -> Option<PlainCategory> {
    Some(match wire {
        "ats" => PlainCategory::Ats,
        "hris" => PlainCategory::Hris,
        "hris-legacy" => PlainCategory::HrisLegacy,
        "crm" => PlainCategory::Crm,
        "iam" => PlainCategory::Iam,
        "marketing" => PlainCategory::Marketing,
        "lms" => PlainCategory::Lms,
        "stackone" => PlainCategory::StackOne,
        "documents" => PlainCategory::Documents,
        "ticketing" => PlainCategory::Ticketing,
        "screening" => PlainCategory::Screening,
        "messaging" => PlainCategory::Messaging,
        "accounting" => PlainCategory::Accounting,
        "scheduling" => PlainCategory::Scheduling,
        _ => return None,
    })
}

/// A valid auth link with every field, as the API sends it.
pub const VALID: &str = include_str!("../examples/payloads/auth_link_valid.json");

/// A valid auth link whose categories are all known, so serde's closed twin reads the same input.
pub fn valid_known_categories() -> String {
    VALID.replace(", \"payroll\"", "")
}

/// An auth link with twelve problems: ten wrong values, two missing keys.
pub const INVALID: &str = r#"{
  "auth_link_url": null,
  "categories": ["ats", 7, "hris"],
  "created_at": "2024-08-22 09:15:37",
  "external_trigger_token": 12345,
  "id": "2748",
  "label": ["Acme"],
  "metadata": "plan=enterprise",
  "organization_id": true,
  "origin_owner_id": 1,
  "project_id": "proj_7f36f39b",
  "type": 3
}"#;

/// A sign-up with five rules, written once with `ApiModel`.
#[derive(Debug, Clone, PartialEq, Deserialize, model_core::ApiModel)]
pub struct RuledSignup {
    #[api(min_length = 3, max_length = 32)]
    pub login: String,
    #[api(minimum = 13, maximum = 130)]
    pub age: u8,
    #[api(max_items = 10, items(min_length = 1))]
    pub tags: Vec<String>,
    #[api(pattern = "^https://")]
    pub website: String,
    pub bio: Option<String>,
}

/// A valid sign-up, for the rules benchmark.
pub const VALID_SIGNUP: &str = r#"{
    "login": "ada_lovelace",
    "age": 36,
    "tags": ["math", "engines", "poetry"],
    "website": "https://example.com/ada",
    "bio": "Wrote the first program."
}"#;
