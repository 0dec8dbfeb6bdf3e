use model_core::{ApiModel, Patch};

#[derive(serde::Deserialize, serde::Serialize, ApiModel)]
struct Update {
    body: Patch<String>,
    #[serde(default)]
    title: Patch<String>,
}

fn main() {}
