//! The two request bodies of the Connect Sessions resource.

use model_core::{json, ApiModel, Secret};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use crate::connect_session::ConnectSessionTokenAuthLinkCategories;

/// The body of `POST /connect_sessions`: who connects an account, and to what.
///
/// The builder sends what StackOne's SDK sends when a field is not set:
/// `expires_in` 1800, `multiple` false, `type` production. A request read
/// without them gets the same values.
///
/// ```
/// use models::{ConnectSessionCreate, ConnectSessionCreateType};
///
/// let request = ConnectSessionCreate::builder().origin_owner_id("org_1").origin_owner_name("Acme").build()?;
/// assert_eq!(request.r#type, Some(ConnectSessionCreateType::Production));
/// assert_eq!(
///     serde_json::to_string(&request).unwrap(),
///     r#"{"expires_in":1800,"multiple":false,"origin_owner_id":"org_1","origin_owner_name":"Acme","type":"production"}"#,
/// );
/// # Ok::<(), model_core::ValidationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]
#[api(builder)]
#[api(example = json!({
    "categories": ["ats", "hris"],
    "expires_in": 1800,
    "multiple": false,
    "origin_owner_id": "<id>",
    "origin_owner_name": "<value>",
    "provider": "greenhouse",
    "type": "production"
}))]
pub struct ConnectSessionCreate {
    /// The unique identifier for the account associated with this connect session. When this field is present, the hub will launch in edit mode using the retrieved token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// The categories of the provider to connect to
    #[serde(skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<ConnectSessionTokenAuthLinkCategories>>,
    /// How long the session should be valid for in seconds
    #[serde(default = "default_expires_in", skip_serializing_if = "Option::is_none")]
    #[api(example = 1800)]
    pub expires_in: Option<Number>,
    /// The label to be applied to the account associated with this connect session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The metadata for the connection
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
    /// If set, this connect session will allow creation of multiple accounts with the same origin owner id and provider. Has no effect if account_id is set.
    #[serde(default = "default_multiple", skip_serializing_if = "Option::is_none")]
    pub multiple: Option<bool>,
    /// The origin owner identifier
    #[api(example = "<id>")]
    pub origin_owner_id: String,
    /// The origin owner name
    #[api(example = "<value>")]
    pub origin_owner_name: String,
    /// The origin username
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin_username: Option<String>,
    /// The provider to connect to
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The provider version to connect to
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_version: Option<String>,
    /// The connect session account type
    #[serde(default = "default_type", skip_serializing_if = "Option::is_none")]
    pub r#type: Option<ConnectSessionCreateType>,
}

fn default_expires_in() -> Option<Number> {
    Some(Number::from(1800))
}

fn default_multiple() -> Option<bool> {
    Some(false)
}

fn default_type() -> Option<ConnectSessionCreateType> {
    Some(ConnectSessionCreateType::Production)
}

/// The account type a new connect session creates.
///
/// Open: a value this version does not know is kept in `Unknown` and
/// written back unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ApiModel)]
#[serde(rename_all = "snake_case")]
pub enum ConnectSessionCreateType {
    /// An account on a production system.
    Production,
    /// An account for testing.
    Test,
    /// A type this version does not know yet, kept as it came.
    #[api(other)]
    Unknown(String),
}

/// The body of `POST /connect_sessions/authenticate`: the session token to
/// exchange for the session it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]
#[api(builder)]
pub struct ConnectSessionAuthenticate {
    /// The token to authenticate with
    pub token: Secret<String>,
}
