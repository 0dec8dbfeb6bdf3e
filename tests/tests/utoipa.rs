//! `utoipa::ToSchema` for derived types (model-core's `utoipa` feature):
//! utoipa's `OpenApi` derive takes the models as components with their
//! rules, required lists, nested models, string enums and data enums, and
//! `ApiJsonRejection` names the extractor's answers in `responses(…)`. The
//! conversion into utoipa's schema types loses nothing the document needs:
//! each component, written back as JSON, is the schema `Components` writes.

use std::collections::BTreeMap;

use model_core::axum::ApiJsonRejection;
use model_core::schema::Components;
use model_core::{ApiModel, ApiType, Patch, Secret, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::OpenApi;

/// A ticket, as a client opens it.
#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct TicketCreate {
    /// What went wrong, in a line.
    #[api(min_length = 1, max_length = 80, example = "Printer on fire")]
    title: String,
    #[api(minimum = 1, maximum = 5)]
    priority: u8,
    status: Status,
    #[serde(default)]
    #[api(max_items = 3, unique_items, items(pattern = "^[a-z]+$"))]
    tags: Vec<String>,
    assignee: Option<Person>,
    event: Event,
}

#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct Ticket {
    id: u64,
    title: String,
    status: Status,
    opened_at: Timestamp,
}

#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct Person {
    #[api(format = "email")]
    email: String,
    #[serde(skip_deserializing)]
    id: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ApiModel)]
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
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Note(String),
    Count(u32),
}

#[derive(Debug, Serialize, Deserialize, ApiModel)]
#[serde(untagged)]
enum Loose {
    Number(i64),
    Person(Person),
}

#[derive(Debug, Serialize, Deserialize, ApiModel)]
enum External {
    Plain,
    Pair { left: u8, right: u8 },
}

/// Every other shape a component may take.
#[derive(Debug, Serialize, Deserialize, ApiModel)]
#[serde(deny_unknown_fields)]
struct Shapes {
    #[api(min_properties = 1, items(minimum = 0))]
    counts: BTreeMap<String, i32>,
    by_status: BTreeMap<Status, u32>,
    #[api(multiple_of = 0.5, exclusive_maximum = 10)]
    ratio: f64,
    #[api(pattern = "^[a-z]", contains = "-")]
    slug: String,
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    nickname: Patch<String>,
    password: Secret<String>,
    anything: Value,
    adjacent: Adjacent,
    loose: Loose,
    external: External,
    #[serde(default = "seven")]
    #[api(maximum = 7)]
    seven: u8,
}

fn seven() -> u8 {
    7
}

#[derive(OpenApi)]
#[openapi(components(schemas(TicketCreate, Ticket, Shapes)))]
struct Document;

fn document() -> Value {
    serde_json::to_value(Document::openapi()).unwrap()
}

#[test]
fn the_openapi_derive_carries_rules_required_nested_models_and_enums() {
    let document = document();
    let schemas = &document["components"]["schemas"];
    let ticket = &schemas["TicketCreate"];
    assert_eq!(ticket["properties"]["title"]["minLength"], 1, "{ticket:#}");
    assert_eq!(ticket["properties"]["title"]["maxLength"], 80);
    assert_eq!(ticket["properties"]["title"]["description"], "What went wrong, in a line.");
    assert_eq!(ticket["properties"]["priority"]["maximum"], 5);
    assert_eq!(ticket["properties"]["tags"]["items"]["pattern"], "^[a-z]+$");
    assert_eq!(ticket["properties"]["status"]["$ref"], "#/components/schemas/Status");
    assert_eq!(ticket["required"], json!(["title", "priority", "status", "event"]));
    // The types it refers to are components too, without being listed.
    assert_eq!(schemas["Status"]["enum"], json!(["open", "closed"]));
    assert_eq!(schemas["Person"]["properties"]["email"]["format"], "email");
    assert_eq!(schemas["Person"]["properties"]["id"]["readOnly"], true);
    let opened = &schemas["Event"]["oneOf"][0]["allOf"];
    assert_eq!(opened[0]["properties"]["kind"]["enum"], json!(["opened"]), "{:#}", schemas["Event"]);
    assert_eq!(opened[1]["properties"]["by"]["$ref"], "#/components/schemas/Person");
}

/// What utoipa's types make the same schema say, each meaning the same:
/// `const` as a one-value `enum`, `allOf` beside a type as an `allOf` of
/// both, a reference in `propertyNames` as the one member of an `allOf`;
/// and the one thing it has no field for, a `title` beside `anyOf`, gone.
fn as_utoipa_writes(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            if object.contains_key("anyOf") {
                object.remove("title");
            }
            if let Some(value) = object.remove("const") {
                object.insert("enum".to_owned(), json!([value]));
            }
            if object.contains_key("allOf") && object.contains_key("type") {
                let mut members = object.remove("allOf").unwrap().as_array().unwrap().clone();
                members.insert(0, Value::Object(std::mem::take(object)));
                object.insert("allOf".to_owned(), Value::Array(members));
            }
            if let Some(names) = object.get_mut("propertyNames") {
                if names.get("$ref").is_some() {
                    *names = json!({ "allOf": [names.take()] });
                }
            }
            object.values_mut().for_each(as_utoipa_writes);
        }
        Value::Array(items) => items.iter_mut().for_each(as_utoipa_writes),
        _ => {}
    }
}

#[test]
fn each_component_is_the_schema_components_writes() {
    let document = document();
    let listed = [TicketCreate::TYPE, Ticket::TYPE, Shapes::TYPE];
    let ours = Components::new(&listed).schemas();
    let theirs = document["components"]["schemas"].as_object().unwrap();
    assert_eq!(ours.keys().collect::<Vec<_>>().len(), theirs.len(), "{:?} against {:?}", ours.keys(), theirs.keys());
    for (name, schema) in ours {
        let mut expected = schema.clone();
        as_utoipa_writes(&mut expected);
        assert_eq!(theirs[&name], expected, "{name}");
    }
}

#[test]
fn the_components_accept_what_the_parser_accepts() {
    let mut root = document();
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    root["$ref"] = json!("#/components/schemas/TicketCreate");
    let validator = jsonschema::options().should_validate_formats(true).build(&root).expect("the document compiles");
    let valid = json!({
        "title": "Printer on fire",
        "priority": 1,
        "status": "open",
        "tags": ["office"],
        "event": {"kind": "opened", "by": {"email": "bob@example.com"}},
    });
    let mut bodies = vec![valid.clone()];
    for (key, value) in [
        ("title", json!("")),
        ("priority", json!(9)),
        ("status", json!("pending")),
        ("tags", json!(["a", "a"])),
        ("tags", json!(["A"])),
        ("assignee", json!({"email": "nope"})),
        ("event", json!({"kind": "closed", "reason": "fixed"})),
        ("event", json!({"kind": "reopened"})),
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
    assert_eq!(accepted, 2);
}

#[utoipa::path(
    post,
    path = "/tickets",
    request_body = TicketCreate,
    responses((status = 201, description = "Opened", body = Ticket), ApiJsonRejection)
)]
#[allow(dead_code)]
fn open_ticket() {}

#[derive(OpenApi)]
#[openapi(paths(open_ticket))]
struct Routes;

#[test]
fn the_rejection_documents_the_extractors_answers() {
    let document = serde_json::to_value(Routes::openapi()).unwrap();
    let post = &document["paths"]["/tickets"]["post"];
    assert_eq!(
        post["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/TicketCreate"
    );
    for status in ["400", "413", "415", "422"] {
        let problem = &post["responses"][status]["content"]["application/problem+json"]["schema"];
        assert_eq!(problem["required"], json!(["type", "title", "status", "detail"]), "{status}: {post:#}");
        let issue = &problem["properties"]["errors"]["items"];
        for key in ["pointer", "code", "detail", "expected", "line", "column"] {
            assert!(issue["properties"].get(key).is_some(), "{status}: no `{key}`");
        }
    }
    // The document as a whole is OpenAPI 3.1.
    let schema: Value = serde_json::from_str(include_str!("../http/openapi-3.1/schema.json")).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&document).map(|error| error.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
