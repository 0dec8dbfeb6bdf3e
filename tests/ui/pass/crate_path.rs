//! A crate that re-exports model-core under another name: the derive names
//! it through `#[api(crate = "…")]` (as serde's `#[serde(crate = "…")]`).

mod my_api {
    pub use model_core as runtime;
}

use my_api::runtime::ApiModel;

#[derive(Debug, serde::Deserialize, ApiModel)]
#[api(crate = "my_api::runtime")]
struct Ticket {
    #[api(min_length = 1)]
    title: String,
    status: Status,
}

#[derive(Debug, PartialEq, ApiModel)]
#[api(crate = "my_api::runtime")]
#[serde(rename_all = "snake_case")]
enum Status {
    Open,
    Closed,
}

#[derive(Debug, serde::Deserialize, ApiModel)]
#[api(crate = "my_api::runtime")]
#[serde(tag = "type", rename_all = "snake_case")]
enum Event {
    Opened { ticket: Ticket },
}

#[derive(Debug, serde::Deserialize, ApiModel)]
#[api(crate = "my_api::runtime")]
struct Slug(#[api(min_length = 2)] String);

fn main() {
    let ticket = Ticket::from_json(r#"{"title": "t", "status": "open"}"#).unwrap();
    assert_eq!((ticket.title.as_str(), ticket.status), ("t", Status::Open));
    assert!(Event::from_json(r#"{"type": "opened", "ticket": {"title": "", "status": "open"}}"#).is_err());
    assert!(Slug::from_json(r#""x""#).is_err());
}
