use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Point(f64, f64);

fn main() {}
