// User types named like what generated code uses must not break it.
#![allow(dead_code, non_camel_case_types)]

struct Result;
struct Option;
struct Some;
struct None;
struct Ok;
struct Err;
struct String;
struct Vec;
struct Box;
struct Value;
struct Map;
struct ApiType;
struct ApiModel;
struct Node;
struct Report;
struct core;
struct std;
struct serde;
struct serde_json;

#[derive(::core::fmt::Debug, ::serde::Deserialize, ::model_core::ApiModel)]
struct Link {
    url: ::std::string::String,
    count: ::std::option::Option<u32>,
    status: Status,
}

#[derive(::core::fmt::Debug, ::model_core::ApiModel)]
enum Status {
    Live,
    #[api(other)]
    Unknown(::std::string::String),
}

fn main() {
    use ::model_core::ApiModel as _;
    let link = Link::from_json(r#"{"url": "u", "status": "Live"}"#).unwrap();
    assert_eq!(link.status.as_str(), "Live");
    let error = Link::from_json(r#"{"status": 1}"#).unwrap_err();
    assert_eq!(error.issues().len(), 2);
}
