//! PATCH bodies: `Patch<T>` keeps an absent key, `null` and a value apart.

use model_core::{ApiModel, ApiStruct, Patch};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
#[api(builder)]
struct IssueUpdate {
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    title: Patch<String>,
    /// The issue's text.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    body: Patch<String>,
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    #[api(maximum = 10)]
    priority: Patch<u8>,
}

#[test]
fn absent_null_and_value_are_three_things() {
    let update = IssueUpdate::from_json(r#"{"body": null, "priority": 3}"#).unwrap();
    assert_eq!(update.title, Patch::Absent);
    assert_eq!(update.body, Patch::Null);
    assert_eq!(update.priority, Patch::Value(3));
    assert_eq!(serde_json::to_value(&update).unwrap(), json!({"body": null, "priority": 3}));
    assert_eq!(update.body.clone().apply(Some("old".to_owned())), None);
    assert_eq!(update.title.apply(Some("kept".to_owned())), Some("kept".to_owned()));
}

#[test]
fn a_wrong_value_and_a_broken_rule_are_reported() {
    let error = IssueUpdate::from_json(r#"{"title": 1, "priority": 11}"#).unwrap_err();
    let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.code(), issue.column())).collect();
    assert_eq!(found, [("/title", "invalid_type", Some(11)), ("/priority", "out_of_range", Some(26))]);
}

#[test]
fn the_builder_leaves_unset_fields_absent() {
    let update = IssueUpdate::builder().title("New".to_owned()).body(Patch::Null).build().unwrap();
    assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"title":"New","body":null}"#);
}

#[test]
fn docs_and_schema_say_null_clears() {
    let fields = IssueUpdate::fields();
    assert!(!fields[1].required && fields[1].nullable());
    let page = IssueUpdate::docs_markdown();
    assert!(
        page.contains("| `body` | *string* (`null` clears it) | :heavy_minus_sign: | The issue's text. |"),
        "{page}"
    );
    let schema = IssueUpdate::json_schema();
    assert_eq!(schema["properties"]["priority"], json!({"type": ["integer", "null"], "minimum": 0, "maximum": 10}));
    assert!(schema.get("required").is_none());
}
