use model_core::ApiModel;

#[derive(ApiModel)]
enum Category {
    #[serde(rename = "ats", rename = "ATS")]
    Ats,
}

fn main() {}
