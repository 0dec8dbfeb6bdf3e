use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
#[serde(transparent)]
struct Url {
    inner: String,
}

fn main() {}
