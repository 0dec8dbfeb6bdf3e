use model_core::ApiModel;

#[derive(ApiModel)]
enum Category {
    Ats,
    #[api(other, other)]
    Unknown(String),
}

fn main() {}
