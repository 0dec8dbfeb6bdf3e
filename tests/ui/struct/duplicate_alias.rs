use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Link {
    id: String,
    #[serde(alias = "id")]
    legacy_id: String,
}

fn main() {}
