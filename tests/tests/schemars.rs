//! `schemars::JsonSchema` for derived types (model-core's `schemars`
//! feature): `schema_for!` carries the rules, the required list, nested
//! models, string enums and data enums, a schemars-derived struct can hold a
//! model, and the schema accepts what the parser accepts.

use model_core::{ApiModel, Secret, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// A ticket, as a client opens it.
#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct TicketCreate {
    /// What went wrong, in a line.
    #[api(min_length = 1, max_length = 80)]
    title: String,
    #[api(minimum = 1, maximum = 5)]
    priority: u8,
    status: Status,
    #[serde(default)]
    tags: Vec<String>,
    assignee: Option<Person>,
    event: Event,
}

#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct Person {
    #[api(format = "email")]
    email: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiModel)]
#[serde(rename_all = "snake_case")]
enum Status {
    Open,
    Closed,
}

#[derive(Debug, Serialize, Deserialize, ApiModel)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Event {
    Opened { by: Person },
    Closed { reason: String },
}

#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct Page<T> {
    items: Vec<T>,
    #[api(maximum = 100)]
    limit: u32,
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)] // Read only for its schema.
struct Login {
    user: String,
    password: Secret<String>,
    at: Timestamp,
}

fn schema_of<T: schemars::JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(T)).unwrap()
}

#[test]
fn schema_for_carries_rules_required_nested_models_and_enums() {
    let schema = schema_of::<TicketCreate>();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["title"], "TicketCreate");
    let properties = &schema["properties"];
    assert_eq!(properties["title"]["minLength"], 1);
    assert_eq!(properties["title"]["maxLength"], 80);
    assert_eq!(properties["title"]["description"], "What went wrong, in a line.");
    assert_eq!(properties["priority"]["minimum"], 1);
    assert_eq!(properties["priority"]["maximum"], 5);
    assert_eq!(properties["status"]["$ref"], "#/$defs/Status");
    let required: Vec<&str> = schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(required, ["title", "priority", "status", "event"]);
    let defs = &schema["$defs"];
    assert_eq!(defs["Status"]["enum"], json!(["open", "closed"]));
    assert_eq!(defs["Person"]["properties"]["email"]["format"], "email");
    // The data enum, one branch per variant, its tag a `const`.
    let branches = defs["Event"]["oneOf"].as_array().unwrap();
    assert_eq!(branches.len(), 2, "{:#}", defs["Event"]);
    let opened = &branches[0]["allOf"];
    assert_eq!(opened[0]["properties"]["kind"]["const"], "opened", "{:#}", defs["Event"]);
    assert_eq!(opened[1]["properties"]["by"]["$ref"], "#/$defs/Person");
}

#[test]
fn a_schemars_derived_struct_holds_a_model_with_its_rules() {
    #[derive(schemars::JsonSchema)]
    #[allow(dead_code)]
    struct Envelope {
        ticket: TicketCreate,
        page: Page<Person>,
        note: Option<String>,
    }
    let schema = schema_of::<Envelope>();
    assert_eq!(schema["properties"]["ticket"]["$ref"], "#/$defs/TicketCreate");
    assert_eq!(schema["properties"]["page"]["$ref"], "#/$defs/Page_Person");
    let defs = &schema["$defs"];
    assert_eq!(defs["TicketCreate"]["properties"]["title"]["minLength"], 1);
    assert_eq!(defs["Page_Person"]["properties"]["limit"]["maximum"], 100);
    assert_eq!(defs["Page_Person"]["properties"]["items"]["items"]["$ref"], "#/$defs/Person");
    for name in ["Status", "Person", "Event"] {
        assert!(defs.get(name).is_some(), "$defs has {name}: {defs:#}");
    }
    // Every reference resolves.
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    assert!(!validator.is_valid(&json!({})));
}

#[test]
fn field_types_of_model_core_have_schemas_too() {
    let schema = schema_of::<Login>();
    assert_eq!(schema["properties"]["password"], json!({"type": "string", "x-secret": true}), "{schema:#}");
    assert_eq!(schema["properties"]["at"]["format"], "date-time");
    assert_eq!(schema_of::<Secret<String>>()["type"], "string");
    assert_eq!(schema_of::<Timestamp>()["format"], "date-time");
}

#[test]
fn the_schemars_schema_accepts_what_the_parser_accepts() {
    let schema = schema_of::<TicketCreate>();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles");
    let valid = json!({
        "title": "Printer on fire",
        "priority": 1,
        "status": "open",
        "assignee": {"email": "ada@example.com"},
        "event": {"kind": "opened", "by": {"email": "bob@example.com"}},
    });
    let mut bodies = vec![valid.clone()];
    for (key, value) in [
        ("title", json!("")),
        ("title", json!("x".repeat(81))),
        ("priority", json!(0)),
        ("priority", json!(6)),
        ("status", json!("pending")),
        ("assignee", json!({"email": "not an address"})),
        ("assignee", Value::Null),
        ("event", json!({"kind": "closed", "reason": "fixed"})),
        ("event", json!({"kind": "reopened"})),
        ("event", json!({"kind": "opened", "by": {"email": "nope"}})),
        ("tags", json!(["a", "b"])),
    ] {
        let mut body = valid.clone();
        body[key] = value;
        bodies.push(body);
    }
    let mut accepted = 0;
    for body in &bodies {
        let ours = TicketCreate::from_json(&body.to_string()).is_ok();
        assert_eq!(ours, validator.is_valid(body), "{body}");
        accepted += usize::from(ours);
    }
    assert!(accepted >= 3 && accepted < bodies.len() - 3, "{accepted} of {}", bodies.len());
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)] // Read only for its schema.
struct Folder {
    #[api(min_length = 1)]
    name: String,
    children: Vec<Folder>,
}

#[test]
fn a_model_that_holds_itself_resolves() {
    let schema = schema_of::<Folder>();
    assert_eq!(schema["properties"]["children"]["items"]["$ref"], "#/$defs/Folder");
    assert_eq!(schema["$defs"]["Folder"]["properties"]["name"]["minLength"], 1);
    let validator = jsonschema::validator_for(&schema).expect("every reference resolves");
    assert!(validator.is_valid(&json!({"name": "a", "children": [{"name": "b", "children": []}]})));
    assert!(!validator.is_valid(&json!({"name": "a", "children": [{"name": "", "children": []}]})));
}
