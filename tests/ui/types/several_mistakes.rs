use model_core::ApiModel;

#[derive(ApiModel)]
#[serde(rename_all = "Kebab-Case")]
enum Category {
    Ats,
    #[serde(rename = "Ats")]
    Applicants,
    Shape(u8),
    #[api(othr)]
    Unknown(String),
    #[api(other)]
    Fallback(Box<str>),
}

fn main() {}
