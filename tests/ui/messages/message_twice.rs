use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Ticket {
    #[api(min_length = 3, message = "too short", message = "really")]
    title: String,
}

fn main() {}
