use model_core::ApiModel;

#[derive(ApiModel)]
enum Never {}

fn main() {}
