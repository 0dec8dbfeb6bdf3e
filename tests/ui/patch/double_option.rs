use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Update {
    #[serde(default)]
    body: Option<Option<String>>,
}

fn main() {}
