use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Link {
    #[api(other)]
    url: String,
}

fn main() {}
