use model_core::ApiModel;

#[derive(ApiModel)]
enum Category {
    Ats,
    #[api(other)]
    Unknown(String),
    #[api(other)]
    Other(String),
}

fn main() {}
