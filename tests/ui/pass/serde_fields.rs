// Fields serde reads alone: `deserialize_with`, `with`, `#[api(serde)]`.
use model_core::ApiModel;

fn trimmed<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let value: String = serde::Deserialize::deserialize(deserializer)?;
    Ok(value.trim().to_owned())
}

mod upper {
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        let value: String = serde::Deserialize::deserialize(deserializer)?;
        Ok(value.to_uppercase())
    }

    pub fn serialize<S: serde::Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&value.to_lowercase())
    }
}

#[derive(serde::Deserialize)]
struct Opaque(u8);

#[derive(serde::Deserialize, serde::Serialize, ApiModel)]
struct Link {
    #[serde(deserialize_with = "trimmed")]
    url: String,
    #[serde(with = "upper")]
    code: String,
    #[serde(skip_serializing)]
    #[api(serde)]
    weight: Option<Opaque>,
}

fn main() {
    let link = Link::from_json(r#"{"url": " a ", "code": "x", "weight": 3}"#).unwrap();
    assert_eq!((link.url.as_str(), link.code.as_str()), ("a", "X"));
    assert_eq!(link.weight.map(|weight| weight.0), Some(3));
    assert!(Link::from_json(r#"{"url": 1, "code": "x"}"#).is_err());
}
