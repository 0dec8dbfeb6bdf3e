use model_core::ApiModel;

#[derive(ApiModel)]
#[serde(rename_all = "kebab-case")]
enum Category {
    HrisLegacy,
    Hris,
    #[serde(rename = "hris-legacy")]
    OldHris,
}

fn main() {}
