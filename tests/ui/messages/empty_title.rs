use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
#[api(title = " ")]
struct Ticket {
    urgent: bool,
}

fn main() {}
