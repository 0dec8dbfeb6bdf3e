use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
#[serde(tag = "type")]
enum Event {
    Created { r#type: String, id: String },
    Moved(String, String),
    #[serde(untagged)]
    Unknown(serde_json::Value),
    #[serde(other)]
    Other,
}

#[derive(serde::Deserialize, ApiModel)]
#[serde(content = "c")]
enum NoTag {
    A(u8),
    #[api(other)]
    B(String),
}

fn main() {}
