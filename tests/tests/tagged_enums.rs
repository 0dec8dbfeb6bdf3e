//! Data enums with serde's derive and `ApiModel`: externally, internally and
//! adjacently tagged, and untagged, with struct, newtype and unit variants.

use model_core::{from_json, ApiModel, ApiType, ValidationError};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Debug, PartialEq, Serialize, Deserialize, model_core::ApiModel)]
struct Account {
    id: String,
    plan: Option<String>,
}

/// A webhook event.
#[derive(Debug, PartialEq, Serialize, Deserialize, model_core::ApiModel)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Event {
    /// An account was created.
    AccountCreated {
        account: Account,
        at: u64,
    },
    AccountDeleted(Account),
    Ping,
}

/// The same events, open: an event this version does not know is kept.
#[derive(Debug, PartialEq, Serialize, Deserialize, model_core::ApiModel)]
#[serde(tag = "type", rename_all = "snake_case")]
enum OpenEvent {
    AccountCreated {
        account: Account,
    },
    Ping,
    #[serde(untagged)]
    Unknown(Value),
}

#[derive(Debug, PartialEq, Serialize, Deserialize, model_core::ApiModel)]
#[serde(rename_all = "snake_case")]
enum External {
    Created { id: String },
    Renamed(String),
    Cleared,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, model_core::ApiModel)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Count(u8),
    Named { name: String },
    Empty,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, model_core::ApiModel)]
#[serde(untagged)]
enum Id {
    Number(u64),
    Text(String),
    Pair { prefix: String, number: u64 },
}

/// `(pointer, code, line:column)` of each issue, serde agreeing on `Err`.
fn issues<T: ApiType + serde::de::DeserializeOwned + std::fmt::Debug>(
    json: &str,
) -> Vec<(String, &'static str, String)> {
    let ours: Result<T, ValidationError> = from_json(json);
    assert_eq!(ours.is_ok(), serde_json::from_str::<T>(json).is_ok(), "{json}: {ours:?}");
    match ours {
        Ok(_) => Vec::new(),
        Err(error) => error
            .issues()
            .iter()
            .map(|issue| {
                let at = format!("{}:{}", issue.line().unwrap_or(0), issue.column().unwrap_or(0));
                (issue.pointer().to_owned(), issue.code(), at)
            })
            .collect(),
    }
}

fn found(items: &[(&str, &'static str, &str)]) -> Vec<(String, &'static str, String)> {
    items.iter().map(|(pointer, code, at)| ((*pointer).to_owned(), *code, (*at).to_owned())).collect()
}

#[test]
fn internally_tagged() {
    assert_eq!(issues::<Event>(r#"{"type": "account_created", "account": {"id": "a"}, "at": 1}"#), found(&[]));
    assert_eq!(issues::<Event>(r#"{"type": "account_deleted", "id": "a"}"#), found(&[]));
    assert_eq!(issues::<Event>(r#"{"type": "ping", "extra": 1}"#), found(&[]));
    // A missing tag, at /type.
    assert_eq!(issues::<Event>(r#"{"account": {"id": "a"}}"#), found(&[("/type", "missing", "1:1")]));
    // An unknown one, with the allowed list and a suggestion.
    let error = from_json::<Event>(r#"{"type": "account_create"}"#).unwrap_err();
    let issue = &error.issues()[0];
    assert_eq!(
        (issue.pointer(), issue.code(), issue.suggestion()),
        ("/type", "unknown_variant", Some("account_created"))
    );
    assert_eq!(issue.expected(), "one of `account_created`, `account_deleted`, `ping`");
    // The chosen variant's fields, at their own pointers.
    let json = "{\n  \"type\": \"account_created\",\n  \"account\": {\"plan\": 1},\n  \"at\": \"now\"\n}";
    assert_eq!(
        issues::<Event>(json),
        found(&[
            ("/account/plan", "invalid_type", "3:23"),
            ("/account/id", "missing", "3:14"),
            ("/at", "invalid_type", "4:9")
        ])
    );
    assert_eq!(issues::<Event>(r#"{"type": "account_deleted", "id": 3}"#), found(&[("/id", "invalid_type", "1:35")]));
    assert_eq!(issues::<Event>(r#"{"type": 3}"#), found(&[("/type", "invalid_type", "1:10")]));
    assert_eq!(issues::<Event>(r#"[1]"#), found(&[("", "invalid_type", "1:1")]));
}

#[test]
fn an_open_event_keeps_what_it_does_not_know() {
    let unknown = json!({"type": "invoice_paid", "amount": 12});
    let event: OpenEvent = from_json(&unknown.to_string()).unwrap();
    assert_eq!(event, OpenEvent::Unknown(unknown.clone()));
    assert_eq!(serde_json::to_value(&event).unwrap(), unknown, "written back unchanged");
    // As serde reads it: a known tag whose variant does not read falls to
    // the catch-all too, so nothing is lost.
    let broken = json!({"type": "account_created", "account": {"id": 1}});
    assert_eq!(from_json::<OpenEvent>(&broken.to_string()).unwrap(), OpenEvent::Unknown(broken));
    // What no variant reads is still reported: here, not even an object.
    assert_eq!(issues::<OpenEvent>("[1]"), found(&[]), "a Value reads anything");
}

#[test]
fn externally_tagged() {
    assert_eq!(issues::<External>(r#"{"created": {"id": "a"}}"#), found(&[]));
    assert_eq!(issues::<External>(r#""cleared""#), found(&[]));
    assert_eq!(issues::<External>(r#"{"renamed": "b"}"#), found(&[]));
    assert_eq!(issues::<External>(r#"{"created": {"id": 1}}"#), found(&[("/created/id", "invalid_type", "1:20")]));
    assert_eq!(issues::<External>(r#"{"creatd": {}}"#), found(&[("/creatd", "unknown_variant", "1:2")]));
    assert_eq!(issues::<External>(r#""gone""#), found(&[("", "unknown_variant", "1:1")]));
    assert_eq!(issues::<External>(r#""created""#), found(&[("", "invalid_type", "1:1")]));
    assert_eq!(
        issues::<External>(r#"{"created": {"id": "a"}, "cleared": null}"#),
        found(&[("", "invalid_value", "1:1")])
    );
}

#[test]
fn adjacently_tagged() {
    assert_eq!(issues::<Adjacent>(r#"{"t": "Count", "c": 3}"#), found(&[]));
    assert_eq!(issues::<Adjacent>(r#"{"t": "Empty"}"#), found(&[]));
    assert_eq!(issues::<Adjacent>(r#"{"t": "Count", "c": 300}"#), found(&[("/c", "out_of_range", "1:21")]));
    assert_eq!(issues::<Adjacent>(r#"{"t": "Named", "c": {}}"#), found(&[("/c/name", "missing", "1:21")]));
    assert_eq!(issues::<Adjacent>(r#"{"t": "Count"}"#), found(&[("/c", "missing", "1:1")]));
    assert_eq!(issues::<Adjacent>(r#"{"c": 1}"#), found(&[("/t", "missing", "1:1")]));
}

#[test]
fn untagged_names_the_variants_tried_and_the_closest_ones_issues() {
    assert_eq!(issues::<Id>("7"), found(&[]));
    assert_eq!(issues::<Id>(r#""a-7""#), found(&[]));
    assert_eq!(issues::<Id>(r#"{"prefix": "a", "number": 7}"#), found(&[]));
    let error = from_json::<Id>(r#"{"prefix": "a", "number": "7"}"#).unwrap_err();
    let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
    assert_eq!(found, [("", "invalid_value"), ("/number", "invalid_type")]);
    assert_eq!(
        error.issues()[0].expected(),
        "Id as one of its variants Number, Text, Pair (none reads it; the closest, `Pair`, has the issues that follow)"
    );
}

#[test]
fn docs_list_the_variants_and_the_schema_is_one_of_them() {
    let pages = model_core::markdown::pages(&<Event as ApiType>::TYPE);
    let names: Vec<&str> = pages.iter().map(|page| page.name.as_str()).collect();
    assert_eq!(names, ["Event", "Account"]);
    let page = &pages[0].markdown;
    assert!(
        page.starts_with("# Event\n\nA webhook event.\n\nA value is an object whose `type` key names the variant"),
        "{page}"
    );
    assert!(
        page.contains("### `account_created`\n\nAn account was created.\n\n| Field | Type | Required | Description |"),
        "{page}"
    );
    assert!(page.contains("| `at` | *integer* | :heavy_check_mark: | N/A |"), "{page}");
    assert!(page.contains("### `account_deleted`\n\nContent: [Account](Account.md)"), "{page}");
    let schema = model_core::schema::json_schema(&<Event as ApiType>::TYPE);
    let variants = schema["oneOf"].as_array().unwrap();
    assert_eq!(variants.len(), 3);
    assert_eq!(variants[2], json!({"type": "object", "properties": {"type": {"const": "ping"}}, "required": ["type"]}));
    assert_eq!(variants[1]["allOf"][1], json!({"$ref": "#/$defs/Account"}));
    let open = model_core::schema::json_schema(&<OpenEvent as ApiType>::TYPE);
    assert!(open["anyOf"].is_array(), "a catch-all overlaps the others");
}

#[derive(Debug, PartialEq, Serialize, Deserialize, model_core::ApiModel)]
#[serde(tag = "type", rename_all = "snake_case")]
enum WithOther {
    Ping,
    Pong {
        at: u64,
    },
    #[serde(other)]
    Other,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, model_core::ApiModel)]
#[serde(deny_unknown_fields)]
struct Strict {
    id: String,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, model_core::ApiModel)]
#[serde(tag = "type")]
enum HoldsStrict {
    Item(Strict),
}

#[test]
fn serde_other_takes_unknown_names_only() {
    assert_eq!(issues::<WithOther>(r#"{"type": "pang"}"#), found(&[]));
    assert_eq!(issues::<WithOther>(r#"{"at": 1}"#), found(&[("/type", "missing", "1:1")]));
    assert_eq!(issues::<WithOther>(r#"{"type": 7}"#), found(&[("/type", "invalid_type", "1:10")]));
    assert_eq!(issues::<WithOther>(r#"{"type": "pong", "at": "x"}"#), found(&[("/at", "invalid_type", "1:24")]));
}

#[test]
fn tags_given_twice_and_unit_content_are_refused_as_serde_refuses_them() {
    assert_eq!(issues::<Event>(r#"{"type": "ping", "type": "ping"}"#), found(&[("/type", "duplicate_key", "1:18")]));
    assert_eq!(issues::<Adjacent>(r#"{"t": "Empty", "c": 5}"#), found(&[("/c", "invalid_type", "1:21")]));
    assert_eq!(issues::<Adjacent>(r#"{"t": "Empty", "c": null}"#), found(&[]));
}

#[test]
fn a_newtype_beside_an_internal_tag_reads_the_object_without_it() {
    // `Strict` denies unknown keys, yet the tag is not one of its keys.
    assert_eq!(issues::<HoldsStrict>(r#"{"type": "Item", "id": "a"}"#), found(&[]));
    assert_eq!(
        issues::<HoldsStrict>(r#"{"type": "Item", "id": "a", "x": 1}"#),
        found(&[("/x", "unknown_field", "1:29")])
    );
}

#[derive(Debug, PartialEq, Serialize, Deserialize, model_core::ApiModel)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
enum Renamed {
    UserAdded {
        user_name: String,
    },
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    UserRemoved {
        user_name: String,
    },
}

#[test]
fn rename_all_fields_and_a_variant_rename_all_name_the_fields_as_serde_does() {
    let added = Renamed::from_json(r#"{"kind": "user_added", "userName": "ada"}"#).unwrap();
    assert_eq!(added, Renamed::UserAdded { user_name: "ada".into() });
    let removed = Renamed::from_json(r#"{"kind": "user_removed", "USER_NAME": "ada"}"#).unwrap();
    assert_eq!(removed, Renamed::UserRemoved { user_name: "ada".into() });
    let error = Renamed::from_json(r#"{"kind": "user_added", "user_name": "ada"}"#).unwrap_err();
    assert_eq!(error.issues()[0].pointer(), "/userName");
    assert_eq!(error.issues()[0].code(), "missing");
    let schema = Renamed::json_schema();
    assert!(schema.to_string().contains("\"USER_NAME\""), "{schema}");
}
