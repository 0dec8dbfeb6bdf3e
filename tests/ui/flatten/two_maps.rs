use std::collections::HashMap;

use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Listing {
    id: String,
    #[serde(flatten)]
    extra: HashMap<String, serde_json::Value>,
    #[serde(flatten)]
    more: HashMap<String, String>,
}

fn main() {}
