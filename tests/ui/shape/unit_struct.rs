use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Nothing;

fn main() {}
