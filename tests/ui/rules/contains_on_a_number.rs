use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Referral {
    #[api(contains = "x")]
    count: u32,
}

fn main() {}
