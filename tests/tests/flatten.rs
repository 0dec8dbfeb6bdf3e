//! `#[serde(flatten)]`: a shared model's fields, and a map that keeps the
//! keys the model does not know, in the parent's object.

use std::collections::HashMap;

use model_core::{ApiModel, ApiStruct};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Paging, shared by several responses.
#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
struct Pagination {
    /// Where the next page starts.
    next: Option<String>,
    #[api(maximum = 100)]
    limit: u8,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
struct AccountList {
    items: Vec<String>,
    #[serde(flatten)]
    page: Pagination,
    #[serde(flatten)]
    extra: HashMap<String, Value>,
}

#[test]
fn flattened_fields_read_at_the_parents_level() {
    let list = AccountList::from_json(r#"{"items": ["a"], "next": "p2", "limit": 10, "trace": {"id": 1}}"#).unwrap();
    assert_eq!(list.page, Pagination { next: Some("p2".into()), limit: 10 });
    assert_eq!(list.extra["trace"], json!({"id": 1}));
}

#[test]
fn flattened_issues_point_at_the_parents_keys() {
    let json = "{\n  \"items\": [1],\n  \"limit\": \"ten\",\n  \"next\": 3\n}";
    let error = AccountList::from_json(json).unwrap_err();
    let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.code(), issue.line())).collect();
    assert_eq!(
        found,
        [
            ("/items/0", "invalid_type", Some(2)),
            ("/limit", "invalid_type", Some(3)),
            ("/next", "invalid_type", Some(4))
        ]
    );

    let error = AccountList::from_json(r#"{"items": []}"#).unwrap_err();
    let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
    assert_eq!(found, [("/limit", "missing")]);

    // The flattened model's rules, at the parent's level too.
    let error = AccountList::from_json(r#"{"items": [], "limit": 101}"#).unwrap_err();
    assert_eq!((error.issues()[0].pointer(), error.issues()[0].code()), ("/limit", "out_of_range"));
    let list = AccountList { items: vec![], page: Pagination { next: None, limit: 101 }, extra: HashMap::new() };
    assert_eq!(list.validate().unwrap_err().issues()[0].pointer(), "/limit");
}

#[test]
fn docs_and_schema_list_the_flattened_fields_in_the_parent() {
    let names: Vec<&str> = AccountList::doc().wire_fields().iter().map(|field| field.wire_name).collect();
    assert_eq!(names, ["items", "next", "limit"]);
    let page = AccountList::docs_markdown();
    assert!(page.contains("| `next` | *string* | :heavy_minus_sign: | Where the next page starts. |"), "{page}");
    assert!(!page.contains("| `page` |") && !page.contains("| `extra` |"), "{page}");
    let schema = AccountList::json_schema();
    assert_eq!(schema["required"], json!(["items", "limit"]));
    assert_eq!(schema["additionalProperties"], json!({}));
    assert!(schema["properties"].get("page").is_none());
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct Strict {
    id: String,
    #[serde(flatten)]
    page: Pagination,
}

#[test]
fn without_a_map_unknown_keys_are_ignored_as_serde_does() {
    assert!(Strict::from_json(r#"{"id": "a", "limit": 1, "other": true}"#).is_ok());
    assert!(serde_json::from_str::<Strict>(r#"{"id": "a", "limit": 1, "other": true}"#).is_ok());
}
