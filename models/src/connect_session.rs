//! StackOne's Connect Session token and auth link.

use model_core::{json, ApiModel, Secret, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

/// A Connect Session, as `POST /connect_sessions` returns it (`201`): the
/// session token, and the hosted page where an end user connects an account.
///
/// `token` and `external_trigger_token` are credentials, held in `Secret`s:
/// neither `Debug` nor any report shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]
#[api(builder)]
pub struct ConnectSessionTokenAuthLink {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[api(example = "https://competent-newsstand.info/")]
    pub auth_link_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[api(example = json!([
        "ats", "hris", "hris-legacy", "crm", "iam", "marketing", "lms", "stackone", "documents", "ticketing", "screening"
    ]))]
    pub categories: Option<Vec<ConnectSessionTokenAuthLinkCategories>>,
    #[api(example = "2024-08-22T09:15:37.633Z")]
    pub created_at: Timestamp,
    /// External trigger token to be used to trigger actions on the account
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_trigger_token: Option<Secret<String>>,
    #[api(example = 2748.23)]
    pub id: Number,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Arbitrary set of key and values defined during the session token creation. This can be used to tag an account (eg. based on their pricing plan)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[api(example = json!({ "plan": "enterprise" }))]
    pub metadata: Option<Map<String, Value>>,
    #[api(example = 5922.31)]
    pub organization_id: Number,
    #[api(example = "<id>")]
    pub origin_owner_id: String,
    #[api(example = "<value>")]
    pub origin_owner_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin_username: Option<String>,
    #[api(example = "<id>")]
    pub project_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    pub token: Secret<String>,
    /// The connect session account type
    #[serde(skip_serializing_if = "Option::is_none")]
    #[api(example = "production")]
    pub r#type: Option<ConnectSessionTokenAuthLinkType>,
    /// The integration ID (UUID) associated with this connect session
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<String>,
}

/// A category of integrations a Connect Session may offer.
///
/// Open: the API keeps adding categories, so a value this version does not
/// know is kept in `Unknown` and written back unchanged, where StackOne's
/// TypeScript SDK rejects the whole response.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ApiModel)]
#[serde(rename_all = "kebab-case")]
pub enum ConnectSessionTokenAuthLinkCategories {
    /// Applicant tracking systems.
    Ats,
    /// Human resources information systems.
    Hris,
    /// The legacy HRIS integrations.
    HrisLegacy,
    /// Customer relationship management.
    Crm,
    /// Identity and access management.
    Iam,
    /// Marketing automation.
    Marketing,
    /// Learning management systems.
    Lms,
    /// StackOne's own platform.
    #[serde(rename = "stackone")]
    StackOne,
    /// Document storage.
    Documents,
    /// Ticketing and issue tracking.
    Ticketing,
    /// Background screening.
    Screening,
    /// Messaging (added after StackOne's SDK docs were written).
    Messaging,
    /// Accounting (added after StackOne's SDK docs were written).
    Accounting,
    /// Scheduling (added after StackOne's SDK docs were written).
    Scheduling,
    /// A category this version does not know yet, kept as it came.
    #[api(other)]
    Unknown(String),
}

/// The connect session account type.
///
/// Open: a value this version does not know is kept in `Unknown` and
/// written back unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ApiModel)]
#[serde(rename_all = "snake_case")]
pub enum ConnectSessionTokenAuthLinkType {
    /// An account on a production system.
    Production,
    /// An account for testing.
    Test,
    /// The provider's account type has no mapping.
    UnmappedValue,
    /// A type this version does not know yet, kept as it came.
    #[api(other)]
    Unknown(String),
}

/// A Connect Session, as `POST /connect_sessions/authenticate` returns it
/// (`201`): the auth link's fields without `auth_link_url` and `token`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]
#[api(builder)]
pub struct ConnectSession {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[api(example = json!(["ats", "hris"]))]
    pub categories: Option<Vec<ConnectSessionTokenAuthLinkCategories>>,
    #[api(example = "2024-08-22T09:15:37.633Z")]
    pub created_at: Timestamp,
    /// External trigger token to be used to trigger actions on the account
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_trigger_token: Option<Secret<String>>,
    #[api(example = 2748.23)]
    pub id: Number,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Arbitrary set of key and values defined during the session token creation. This can be used to tag an account (eg. based on their pricing plan)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[api(example = json!({ "plan": "enterprise" }))]
    pub metadata: Option<Map<String, Value>>,
    #[api(example = 5922.31)]
    pub organization_id: Number,
    #[api(example = "<id>")]
    pub origin_owner_id: String,
    #[api(example = "<value>")]
    pub origin_owner_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin_username: Option<String>,
    #[api(example = "<id>")]
    pub project_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The connect session account type
    #[serde(skip_serializing_if = "Option::is_none")]
    #[api(example = "production")]
    pub r#type: Option<ConnectSessionTokenAuthLinkType>,
}
