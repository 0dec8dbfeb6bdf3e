use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Deployment {
    build: u32,
}

fn main() {}
