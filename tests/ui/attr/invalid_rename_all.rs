use model_core::ApiModel;

#[derive(ApiModel)]
#[serde(rename_all = "kebab")]
enum Category {
    HrisLegacy,
}

fn main() {}
