use model_core::ApiModel;

#[derive(ApiModel)]
enum Category {
    #[serde(rename = 5)]
    Ats,
}

fn main() {}
