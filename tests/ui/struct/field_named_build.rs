use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
#[api(builder)]
struct Deployment {
    build: u32,
}

fn main() {}
