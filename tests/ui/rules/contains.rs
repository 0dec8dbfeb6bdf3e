use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Referral {
    #[api(contains = 3)]
    code: String,
}

fn main() {}
