use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Seats {
    #[api(min_length = 1)]
    count: u32,
    #[api(maximum = 10)]
    name: Option<String>,
    #[api(min_items = 1)]
    tags: std::collections::HashMap<String, String>,
    #[api(unique_items)]
    roles: std::collections::BTreeSet<String>,
}

fn main() {}
