use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Slug {
    #[api(pattern = "^[a-z+$")]
    slug: String,
}

fn main() {}
