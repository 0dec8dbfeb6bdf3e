use model_core::ApiModel;

#[derive(ApiModel)]
#[serde(rename_al = "kebab-case")]
enum Category {
    Ats,
}

fn main() {}
