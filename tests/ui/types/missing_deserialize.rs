use model_core::ApiModel;

#[derive(ApiModel)]
struct Link {
    url: String,
}

fn main() {}
