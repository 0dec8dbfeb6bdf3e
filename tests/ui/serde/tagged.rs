use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
#[serde(tag = "kind")]
struct Link {
    url: String,
}

fn main() {}
