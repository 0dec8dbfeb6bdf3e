use model_core::{ApiModel, ApiType};

/// A generic newtype: each `T` reads as itself.
#[derive(Debug, PartialEq, serde::Deserialize, ApiModel)]
struct Wrapper<T>(T);

#[derive(Debug, PartialEq, serde::Deserialize, ApiModel)]
#[serde(rename = "Count")]
struct Count(#[api(maximum = 10)] u8);

#[derive(Debug, serde::Deserialize, ApiModel)]
struct Holder {
    count: Wrapper<Count>,
    names: Wrapper<Vec<String>>,
}

fn main() {
    assert_eq!(Wrapper::<u8>::from_json("3").unwrap(), Wrapper(3));
    assert_eq!(Count::from_json("11").unwrap_err().issues()[0].code(), "out_of_range");
    let error = Holder::from_json(r#"{"count": 12, "names": [1]}"#).unwrap_err();
    let found: Vec<&str> = error.issues().iter().map(|issue| issue.pointer()).collect();
    assert_eq!(found, ["/count", "/names/0"]);
    assert_eq!(<Wrapper<Count> as ApiType>::TYPE.to_string(), "integer");
}
