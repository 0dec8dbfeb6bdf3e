//! A crate that uses the derive as a user would, with only `model-core` and
//! `serde` as dependencies. CI's clippy run turns every lint below into an
//! error, so generated code must stay clean under all of them.
#![forbid(unsafe_code)]
#![deny(warnings, unused_qualifications, unused_results, missing_docs, missing_debug_implementations)]
#![deny(rust_2018_idioms, unreachable_pub, trivial_casts, trivial_numeric_casts)]
#![deny(clippy::pedantic)]

use std::collections::HashMap;

use model_core::{ApiModel, Secret};
use serde::{Deserialize, Serialize};

/// A user account, as an API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// The account's id.
    pub account_id: u64,
    /// Display name.
    pub display_name: String,
    /// Plan; open, so new plans are kept.
    pub plan: Plan,
    /// Role, closed.
    pub role: Option<Role>,
    /// Labels by key.
    #[serde(default)]
    pub labels: HashMap<String, String>,
    /// Sub-accounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Account>,
    /// API key; never printed.
    pub api_key: Secret<String>,
    #[serde(skip)]
    cache_hits: u32,
}

/// A billing plan.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ApiModel)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Plan {
    /// Free of charge.
    Free,
    /// Paid.
    #[serde(alias = "PRO")]
    Professional,
    /// A plan this crate does not know.
    #[api(other)]
    Other(String),
}

/// A role, from a closed list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiModel)]
pub enum Role {
    /// Reads.
    Viewer,
    /// Writes.
    Editor,
}

impl Account {
    /// How often the cache answered; not on the wire.
    #[must_use]
    pub fn cache_hits(&self) -> u32 {
        self.cache_hits
    }
}

#[cfg(test)]
mod tests {
    use super::{Account, ApiModel, Plan, Role};

    #[test]
    fn parses_and_reports() {
        let account = Account::from_json(
            r#"{"accountId": 7, "displayName": "A", "plan": "PRO", "apiKey": "k", "children": [
                {"accountId": 8, "displayName": "B", "plan": "ENTERPRISE", "role": "Viewer", "apiKey": "k2"}
            ]}"#,
        )
        .unwrap();
        assert_eq!(account.plan, Plan::Professional);
        assert_eq!(account.children[0].plan, Plan::Other("ENTERPRISE".to_owned()));
        assert_eq!(account.children[0].role, Some(Role::Viewer));
        assert_eq!(account.cache_hits(), 0);

        let error = Account::from_json(r#"{"accountId": -1, "children": [{"role": "Admin"}]}"#).unwrap_err();
        let pointers: Vec<&str> = error.issues().iter().map(model_core::Issue::pointer).collect();
        assert_eq!(
            pointers,
            [
                "/accountId",
                "/children/0/role",
                "/children/0/accountId",
                "/children/0/displayName",
                "/children/0/plan",
                "/children/0/apiKey",
                "/displayName",
                "/plan",
                "/apiKey"
            ]
        );
    }
}
