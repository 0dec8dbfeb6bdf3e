use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Name {
    #[api(items(min_length = 1))]
    name: String,
}

fn main() {}
