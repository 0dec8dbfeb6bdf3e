use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Account {
    login: String,
    #[serde(skip_deserializing)]
    #[api(min_length = 1)]
    server_id: String,
    #[api(multiple_of = 0)]
    step: u32,
}

fn main() {}
