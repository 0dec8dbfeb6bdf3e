use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Contact {
    #[api(format = "e-mail")]
    email: String,
    #[api(format = "phone")]
    phone: String,
}

fn main() {}
