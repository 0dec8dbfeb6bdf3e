use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Ticket {
    #[api(min_length = 3)]
    #[api(example = "Printer on fire", message = "a title says what went wrong")]
    title: String,
}

fn main() {}
