use model_core::ApiModel;

fn trimmed<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let value: String = serde::Deserialize::deserialize(deserializer)?;
    Ok(value.trim().to_owned())
}

#[derive(serde::Deserialize, ApiModel)]
struct Link {
    #[serde(deserialize_with = "trimmed")]
    #[api(min_length = 1)]
    url: String,
}

fn main() {}
