use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Link {
    #[serde(rename(serialize = "url", deserialize = "link"))]
    url: String,
}

fn main() {}
