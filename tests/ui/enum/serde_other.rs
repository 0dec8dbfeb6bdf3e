use model_core::ApiModel;

#[derive(ApiModel)]
enum Category {
    Ats,
    #[serde(other)]
    Unknown,
}

fn main() {}
