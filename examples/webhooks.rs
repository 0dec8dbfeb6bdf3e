//! A webhook consumer for two real-world shapes, with no wrapper type: a
//! GitHub-style issue and a Stripe-style PaymentIntent, delivered in one
//! `Event` enum tagged by `type`. UUID ids, URL fields, Unix-seconds
//! timestamps, a `Decimal` amount, status enums, a `metadata` map.
//!
//! ```sh
//! cargo run -p model-examples --example webhooks
//! ```

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use model_core::{ApiModel, ApiType};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use url::Url;
use uuid::Uuid;

/// Someone on the issue tracker.
#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct User {
    #[api(min_length = 1, max_length = 39)]
    login: String,
    avatar_url: Url,
}

/// An issue, as a GitHub-style tracker sends it.
#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct Issue {
    id: Uuid,
    html_url: Url,
    #[api(min_length = 1)]
    title: String,
    state: IssueState,
    labels: Vec<String>,
    user: User,
    /// When it was opened, in Unix seconds.
    #[serde(with = "chrono::serde::ts_seconds")]
    created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiModel)]
#[serde(rename_all = "snake_case")]
enum IssueState {
    Open,
    Closed,
}

/// A payment, as a Stripe-style API sends it.
#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct PaymentIntent {
    #[api(pattern = "^pi_[A-Za-z0-9]+$")]
    id: String,
    /// In the currency's main unit, exact.
    amount: Decimal,
    #[api(pattern = "^[a-z]{3}$")]
    currency: String,
    status: PaymentStatus,
    customer: Option<Uuid>,
    #[serde(with = "chrono::serde::ts_seconds")]
    created: DateTime<Utc>,
    #[serde(default)]
    metadata: HashMap<String, String>,
}

/// Open: a status this version does not know is kept.
#[derive(Debug, Clone, PartialEq, Eq, ApiModel)]
#[serde(rename_all = "snake_case")]
enum PaymentStatus {
    RequiresPaymentMethod,
    Processing,
    Succeeded,
    Canceled,
    #[api(other)]
    Other(String),
}

/// What the webhook endpoint receives.
#[derive(Debug, Serialize, Deserialize, ApiModel)]
#[serde(tag = "type")]
enum Event {
    #[serde(rename = "issues.opened")]
    IssueOpened { issue: Issue },
    #[serde(rename = "payment_intent.succeeded")]
    PaymentSucceeded { data: PaymentIntent },
}

const ISSUE_OPENED: &str = r#"{
  "type": "issues.opened",
  "issue": {
    "id": "5f0c7e2a-8d1b-4c3e-9a6f-2b7d4e1c0a93",
    "html_url": "https://github.example/acme/api/issues/42",
    "title": "Reports should say every problem at once",
    "state": "open",
    "labels": ["enhancement"],
    "user": {"login": "ada", "avatar_url": "https://avatars.example/ada.png"},
    "created_at": 1764151200
  }
}"#;

const PAYMENT_SUCCEEDED: &str = r#"{
  "type": "payment_intent.succeeded",
  "data": {
    "id": "pi_3Nw8Xk2eZvKYlo2C",
    "amount": "1250.50",
    "currency": "eur",
    "status": "succeeded",
    "customer": "0b6f4d6e-3c1f-4a55-bb2a-8f0f7c9d1e22",
    "created": 1764151260,
    "metadata": {"order": "A-1024"}
  }
}"#;

/// Every field of a payment wrong in its own way.
const PAYMENT_BROKEN: &str = r#"{
  "type": "payment_intent.succeeded",
  "data": {
    "id": "ch_3Nw8",
    "amount": "twelve",
    "currency": "EURO",
    "status": "refunded",
    "customer": "not-a-uuid",
    "created": "yesterday",
    "metadata": {"order": 1024}
  }
}"#;

const UNKNOWN_TYPE: &str = r#"{"type": "payment_intent.succeded", "data": {}}"#;

fn main() {
    for (name, payload) in
        [("issue opened", ISSUE_OPENED), ("payment succeeded", PAYMENT_SUCCEEDED), ("broken payment", PAYMENT_BROKEN)]
    {
        match model_core::from_json::<Event>(payload) {
            Ok(Event::IssueOpened { issue }) => {
                println!("{name}: #{} \"{}\" by {} at {}", issue.id, issue.title, issue.user.login, issue.created_at);
            }
            Ok(Event::PaymentSucceeded { data }) => {
                println!("{name}: {} {} {} ({:?})", data.id, data.amount, data.currency, data.status);
            }
            Err(error) => println!("{name}: {error}"),
        }
    }
    match model_core::from_json::<Event>(UNKNOWN_TYPE) {
        Ok(event) => println!("unknown type: read as {event:?}"),
        Err(error) => println!("unknown type: {error}"),
    }

    println!("\nThe event's docs, as data:");
    for page in model_core::markdown::pages(&<Event as ApiType>::TYPE) {
        println!("  {}", page.file_name());
    }
    let schema = model_core::schema::json_schema(&<Event as ApiType>::TYPE);
    println!("  schema: {} variants in oneOf", schema["oneOf"].as_array().map_or(0, Vec::len));
    assert!(PaymentIntent::check_examples().is_empty());
}
