use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
enum Shape {
    Empty(),
    Wrapped(#[serde(with = "as_text")] u8),
    #[serde(other)]
    Other,
}

#[derive(serde::Deserialize, ApiModel)]
#[serde(tag = "type")]
enum Held {
    Creds(#[api(serde)] String),
}

mod as_text {
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(_: D) -> Result<u8, D::Error> {
        Ok(0)
    }
}

fn main() {}
