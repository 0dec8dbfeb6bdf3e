use model_core::ApiModel;

#[derive(ApiModel)]
#[serde(rename_all_fields = "camelCase")]
enum Status {
    #[serde(skip)]
    Open,
    Closed,
}

fn main() {}
