use model_core::{ApiModel, ApiStruct};

#[derive(Debug, serde::Deserialize, ApiModel)]
#[api(builder)]
struct Session {
    r#type: Option<Kind>,
    r#match: u8,
}

#[derive(Debug, PartialEq, ApiModel)]
#[serde(rename_all = "lowercase")]
enum Kind {
    r#Struct,
    Enum,
}

fn main() {
    let wire: Vec<&str> = Session::fields().iter().map(|field| field.wire_name).collect();
    assert_eq!(wire, ["type", "match"]);
    let session = Session::from_json(r#"{"type": "struct", "match": 1}"#).unwrap();
    assert_eq!(session.r#type, Some(Kind::r#Struct));
    let error = Session::from_json(r#"{"type": 1}"#).unwrap_err();
    assert_eq!(error.issues()[0].pointer(), "/type");
    assert!(Session::builder().r#type(Kind::Enum).r#match(2).build().is_ok());
}
