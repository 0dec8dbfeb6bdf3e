use model_core::ApiModel;

#[derive(ApiModel)]
enum Category {
    Ats,
    #[api(other = true)]
    Unknown(String),
}

fn main() {}
