use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Link {
    #[serde(deserialize_with = "no_such_function")]
    url: String,
    #[serde(with = "chrono_like::ts")]
    at: u64,
}

fn main() {}
