use model_core::ApiModel;

#[derive(ApiModel)]
enum Category {
    Ats,
    #[api(other)]
    #[serde(rename = "unknown")]
    Unknown(String),
}

fn main() {}
