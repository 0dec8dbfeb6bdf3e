use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
#[api(description = "an urgent ticket has a due date")]
struct Ticket {
    urgent: bool,
}

fn main() {}
