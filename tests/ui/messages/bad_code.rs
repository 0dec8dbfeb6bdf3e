use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Ticket {
    #[api(min_length = 3, code = "Too-Short")]
    title: String,
}

fn main() {}
