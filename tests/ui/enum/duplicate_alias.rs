use model_core::ApiModel;

#[derive(ApiModel)]
#[serde(rename_all = "lowercase")]
enum Plan {
    Free,
    #[serde(alias = "free")]
    Trial,
}

fn main() {}
