//! A model of your own: a struct, a closed and an open enum, a secret, and
//! what each gives you.
//!
//! ```text
//! cargo run -p model-examples --example custom_model
//! ```

use model_core::{ApiEnum, ApiModel, Secret};
use serde::{Deserialize, Serialize};

/// A webhook subscription, as a billing API might return it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]
#[api(builder)]
#[serde(rename_all = "camelCase")]
pub struct Webhook {
    /// Where events are delivered.
    pub target_url: String,
    /// Events this hook receives.
    pub events: Vec<Event>,
    pub status: Status,
    /// Signs each delivery; never printed.
    pub signing_secret: Secret<String>,
    #[serde(default)]
    pub retries: u8,
    pub description: Option<String>,
}

/// What happened: open, so events added later are kept, not refused.
#[derive(Debug, Clone, PartialEq, Eq, ApiModel)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    InvoicePaid,
    InvoiceFailed,
    /// An event this version does not know yet.
    #[api(other)]
    Other(String),
}

/// Whether the hook delivers: closed, so a typo is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiModel)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Paused,
}

fn main() {
    let good = r#"{
        "targetUrl": "https://example.com/hooks",
        "events": ["invoice_paid", "subscription_renewed"],
        "status": "active",
        "signingSecret": "whsec_4f9c2a"
    }"#;
    let hook = Webhook::from_json(good).expect("the sample is valid");
    println!("parsed: {hook:#?}\n");
    println!("written back: {}\n", serde_json::to_string(&hook).expect("a model serializes"));

    let bad = r#"{
        "targetUrl": 42,
        "events": ["invoice_paid", null],
        "status": "Paused",
        "signingSecret": 12345,
        "retries": 1000
    }"#;
    match Webhook::from_json(bad) {
        Ok(_) => unreachable!("the sample is broken"),
        Err(report) => {
            println!("{report}\n");
            for issue in report.issues() {
                println!(
                    "{:<16} {:<16} line {} column {}",
                    issue.pointer(),
                    issue.code(),
                    issue.line().unwrap_or(0),
                    issue.column().unwrap_or(0)
                );
            }
        }
    }

    println!("\nknown statuses: {:?}", Status::WIRE_NAMES);
    match "pasued".parse::<Status>() {
        Ok(status) => println!("parsed {status}"),
        Err(error) => println!("{error}"),
    }

    let built = Webhook::builder().target_url("https://example.com").retries(3).build();
    match built {
        Ok(hook) => println!("built {hook:?}"),
        Err(report) => println!("\nbuilder: {report}"),
    }
}
