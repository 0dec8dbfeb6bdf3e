use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
#[serde(tag = "type", deny_unknown_fields)]
enum Event {
    Created { id: String },
    #[serde(skip_deserializing)]
    Internal { id: String },
}

fn main() {}
