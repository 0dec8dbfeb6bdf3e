use model_core::ApiModel;

#[derive(ApiModel)]
enum Category {
    Ats,
    #[api(othr)]
    Unknown(String),
}

fn main() {}
