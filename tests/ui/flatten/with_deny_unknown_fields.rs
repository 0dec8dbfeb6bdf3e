use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Page {
    limit: u8,
}

#[derive(serde::Deserialize, ApiModel)]
#[serde(deny_unknown_fields)]
struct Listing {
    id: String,
    #[serde(flatten)]
    #[api(min_length = 1)]
    page: Page,
}

fn main() {}
