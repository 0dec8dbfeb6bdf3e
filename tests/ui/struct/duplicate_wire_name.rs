use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
#[serde(rename_all = "camelCase")]
struct Link {
    auth_link_url: String,
    #[serde(rename = "authLinkUrl")]
    url: String,
}

fn main() {}
