use model_core::ApiModel;
use std::collections::HashMap;

#[derive(serde::Deserialize, ApiModel)]
struct Link {
    url: String,
    #[serde(flatten)]
    rest: HashMap<String, String>,
}

fn main() {}
