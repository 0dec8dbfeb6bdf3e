//! One contract for every derived type: structs, string enums and data
//! enums all implement `ApiModel`, and a rule of any model reachable from a
//! value holds on the valid-input path, in `validate()` and in the report,
//! whatever holds it.
// Some models here are only read, never looked into.
#![allow(dead_code)]

use model_core::{from_json, ApiModel};
use serde::{Deserialize, Serialize};

#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
struct Sender {
    #[api(min_length = 1)]
    login: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiModel)]
#[serde(rename_all = "snake_case")]
enum Status {
    Open,
    Closed,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
#[serde(tag = "action", rename_all = "snake_case")]
enum Internal {
    Opened { sender: Sender, status: Status },
    Closed(Sender),
    Ping,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
#[serde(rename_all = "snake_case")]
enum External {
    Opened { sender: Sender },
    Closed(Sender),
    Ping,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
#[serde(tag = "t", content = "c", rename_all = "snake_case")]
enum Adjacent {
    Opened { sender: Sender },
    Closed(Sender),
    Ping,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
#[serde(untagged)]
enum Untagged {
    Opened { sender: Sender, number: u32 },
    Closed(Sender),
}

/// Rules behind every wrapper the derive walks.
#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
struct Holder {
    event: Option<Box<Internal>>,
    events: Vec<External>,
    by_name: std::collections::BTreeMap<String, Adjacent>,
}

/// Each case: the text, the pointers of the issues it must give.
fn refused<T: ApiModel + std::fmt::Debug>(json: &str, pointers: &[&str]) {
    // serde itself reads it: only the rule is broken.
    serde_json::from_str::<T>(json).unwrap_or_else(|error| panic!("serde refuses {json}: {error}"));
    let error = T::from_json(json).expect_err(json);
    let found: Vec<(&str, &str)> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
    let expected: Vec<(&str, &str)> = pointers.iter().map(|pointer| (*pointer, "too_short")).collect();
    assert_eq!(found, expected, "{json}");
    // The generic entry point and the slice reader agree.
    assert_eq!(from_json::<T>(json).unwrap_err().issues(), error.issues());
    assert_eq!(T::from_slice(json.as_bytes()).unwrap_err().issues(), error.issues());
}

/// The value serde reads breaks its rule in `validate()` too, with the same pointers.
fn invalid_in_code<T: ApiModel>(json: &str, pointers: &[&str]) {
    let value: T = serde_json::from_str(json).unwrap();
    let error = value.validate().expect_err(json);
    let found: Vec<&str> = error.issues().iter().map(|issue| issue.pointer()).collect();
    assert_eq!(found, pointers, "{json}");
}

#[test]
fn every_derived_type_reads_through_the_same_trait() {
    let sender = Sender::from_json(r#"{"login": "ada"}"#).unwrap();
    assert_eq!(sender.login, "ada");
    assert_eq!(Status::from_json(r#""closed""#).unwrap(), Status::Closed);
    assert_eq!(Status::from_json(r#""shut""#).unwrap_err().issues()[0].code(), "unknown_variant");
    let event = Internal::from_json(r#"{"action": "closed", "login": "ada"}"#).unwrap();
    assert_eq!(event, Internal::Closed(Sender { login: "ada".into() }));
    assert_eq!(Internal::from_value(serde_json::json!({"action": "ping"})).unwrap(), Internal::Ping);

    assert!(Internal::json_schema()["oneOf"].is_array(), "{}", Internal::json_schema());
    assert_eq!(Status::json_schema()["enum"], serde_json::json!(["open", "closed"]));
    assert!(Internal::docs_markdown().starts_with("# Internal\n"));
    assert!(Status::docs_markdown().contains("## Values"));
    assert!(Internal::check_examples().is_empty());
}

#[test]
fn rules_inside_an_internally_tagged_enum_hold() {
    let struct_variant = r#"{"action": "opened", "sender": {"login": ""}, "status": "open"}"#;
    refused::<Internal>(struct_variant, &["/sender/login"]);
    invalid_in_code::<Internal>(struct_variant, &["/sender/login"]);
    let newtype = r#"{"action": "closed", "login": ""}"#;
    refused::<Internal>(newtype, &["/login"]);
    invalid_in_code::<Internal>(newtype, &["/login"]);
    assert!(Internal::from_json(r#"{"action": "ping"}"#).is_ok());
}

#[test]
fn rules_inside_an_externally_tagged_enum_hold() {
    let struct_variant = r#"{"opened": {"sender": {"login": ""}}}"#;
    refused::<External>(struct_variant, &["/opened/sender/login"]);
    invalid_in_code::<External>(struct_variant, &["/opened/sender/login"]);
    let newtype = r#"{"closed": {"login": ""}}"#;
    refused::<External>(newtype, &["/closed/login"]);
    invalid_in_code::<External>(newtype, &["/closed/login"]);
    assert!(External::from_json(r#""ping""#).is_ok());
}

#[test]
fn rules_inside_an_adjacently_tagged_enum_hold() {
    let struct_variant = r#"{"t": "opened", "c": {"sender": {"login": ""}}}"#;
    refused::<Adjacent>(struct_variant, &["/c/sender/login"]);
    invalid_in_code::<Adjacent>(struct_variant, &["/c/sender/login"]);
    let newtype = r#"{"t": "closed", "c": {"login": ""}}"#;
    refused::<Adjacent>(newtype, &["/c/login"]);
    invalid_in_code::<Adjacent>(newtype, &["/c/login"]);
}

#[test]
fn rules_inside_an_untagged_enum_hold_in_the_variant_serde_picks() {
    // serde reads the first variant, so the report names its broken rule
    // alone, not "none of the variants reads it".
    let struct_variant = r#"{"sender": {"login": ""}, "number": 1}"#;
    refused::<Untagged>(struct_variant, &["/sender/login"]);
    invalid_in_code::<Untagged>(struct_variant, &["/sender/login"]);
    let newtype = r#"{"login": ""}"#;
    refused::<Untagged>(newtype, &["/login"]);
    invalid_in_code::<Untagged>(newtype, &["/login"]);
    assert!(Untagged::from_json(r#"{"login": "ada"}"#).is_ok());
    // When no variant reads, the variants tried are named.
    let error = Untagged::from_json(r#"{"login": 1}"#).unwrap_err();
    assert!(error.issues()[0].expected().contains("none reads it"), "{error}");
}

/// An open data enum: a known tag whose content serde refuses goes to the catch-all.
#[derive(Debug, Deserialize, ApiModel)]
#[serde(tag = "action", rename_all = "snake_case")]
enum OpenEvent {
    Opened {
        sender: Sender,
    },
    #[serde(untagged)]
    Unknown(serde_json::Value),
}

#[derive(Debug, Deserialize, ApiModel)]
struct Delivery {
    event: OpenEvent,
    attempt: u8,
}

#[test]
fn a_value_serde_keeps_in_the_catch_all_gets_no_issues() {
    let kept = r#"{"event": {"action": "opened", "sender": 7}, "attempt": 1}"#;
    assert!(matches!(Delivery::from_json(kept).unwrap().event, OpenEvent::Unknown(_)));
    // Another field's problem triggers the report: still nothing at /event.
    let error = Delivery::from_json(r#"{"event": {"action": "opened", "sender": 7}, "attempt": -1}"#).unwrap_err();
    let found: Vec<&str> = error.issues().iter().map(|issue| issue.pointer()).collect();
    assert_eq!(found, ["/attempt"]);
    // A variant serde reads keeps its rules.
    refused::<Delivery>(
        r#"{"event": {"action": "opened", "sender": {"login": ""}}, "attempt": 1}"#,
        &["/event/sender/login"],
    );
}

#[test]
fn rules_behind_options_boxes_lists_and_maps_hold() {
    let json = r#"{
        "event": {"action": "closed", "login": ""},
        "events": ["ping", {"opened": {"sender": {"login": ""}}}],
        "by_name": {"x": {"t": "closed", "c": {"login": ""}}}
    }"#;
    refused::<Holder>(json, &["/event/login", "/events/1/opened/sender/login", "/by_name/x/c/login"]);
    invalid_in_code::<Holder>(json, &["/event/login", "/events/1/opened/sender/login", "/by_name/x/c/login"]);
}

#[test]
fn a_list_of_models_is_read_through_the_generic_entry_point() {
    let error = from_json::<Vec<Internal>>(r#"[{"action": "ping"}, {"action": "closed", "login": ""}]"#).unwrap_err();
    assert_eq!(error.issues()[0].pointer(), "/1/login");
}

#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct Tagged {
    #[api(unique_items, items(pattern = "^[a-z]+$"))]
    tags: Vec<String>,
    count: u8,
    event: Internal,
    #[api(max_length = 3)]
    note: String,
}

#[test]
fn issues_are_listed_in_document_order_whatever_found_them() {
    let rules_only = r#"{"tags": ["a", "B", "a"], "count": 1, "event": {"action": "ping"}, "note": "abc"}"#;
    let pointers = |json: &str| -> Vec<(String, String)> {
        let error = Tagged::from_json(json).unwrap_err();
        error.issues().iter().map(|issue| (issue.pointer().to_owned(), issue.code().to_owned())).collect()
    };
    let expected = [("/tags/1", "pattern_mismatch"), ("/tags/2", "not_unique")];
    assert_eq!(pointers(rules_only), expected.map(|(p, c)| (p.to_owned(), c.to_owned())));

    // Rules, type errors and a data enum's variant, in the order the text has them;
    // a missing key after its object's present ones.
    let mixed = r#"{
        "note": "too long",
        "event": {"action": "closed", "login": ""},
        "tags": ["B", "c"],
        "count": "x"
    }"#;
    let found = pointers(mixed);
    let found: Vec<(&str, &str)> = found.iter().map(|(p, c)| (p.as_str(), c.as_str())).collect();
    assert_eq!(
        found,
        [
            ("/note", "too_long"),
            ("/event/login", "too_short"),
            ("/tags/0", "pattern_mismatch"),
            ("/count", "invalid_type"),
        ]
    );
    let error = Tagged::from_json(r#"{"event": {"action": "opened", "status": "open"}, "note": "abcd"}"#).unwrap_err();
    let found: Vec<(&str, &str)> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
    assert_eq!(
        found,
        [("/event/sender", "missing"), ("/note", "too_long"), ("/tags", "missing"), ("/count", "missing")]
    );
    let lines: Vec<Option<usize>> = error.issues().iter().map(|issue| issue.line()).collect();
    assert_eq!(lines, [Some(1); 4]);
}

#[derive(Debug, Deserialize, ApiModel)]
struct User {
    #[api(min_length = 1)]
    login: String,
}

#[derive(Debug, Deserialize, ApiModel)]
struct Team {
    name: String,
}

/// One page of a list.
#[derive(Debug, Deserialize, ApiModel)]
struct Page<T> {
    items: Vec<T>,
    next: Option<String>,
}

#[derive(Debug, Deserialize, ApiModel)]
struct Dashboard {
    users: Page<User>,
    teams: Page<Team>,
}

#[test]
fn each_instantiation_of_a_generic_model_is_a_type_of_its_own() {
    let schema = Dashboard::json_schema();
    let defs = schema["$defs"].as_object().unwrap();
    let keys: Vec<&str> = defs.keys().map(String::as_str).collect();
    assert_eq!(keys, ["Page_User", "User", "Page_Team", "Team"]);
    assert_eq!(schema["properties"]["users"]["$ref"], "#/$defs/Page_User");
    assert_eq!(schema["properties"]["teams"]["$ref"], "#/$defs/Page_Team");
    assert_eq!(defs["Page_User"]["properties"]["items"]["items"]["$ref"], "#/$defs/User");
    assert_eq!(defs["Page_Team"]["properties"]["items"]["items"]["$ref"], "#/$defs/Team");
    assert_eq!(defs["Page_Team"]["title"], "Page_Team");

    let pages = model_core::markdown::pages(&<Dashboard as model_core::ApiType>::TYPE);
    let names: Vec<&str> = pages.iter().map(|page| page.name.as_str()).collect();
    assert_eq!(names, ["Dashboard", "Page_User", "User", "Page_Team", "Team"]);
    assert!(pages[0].markdown.contains("[Page_User](Page_User.md)"), "{}", pages[0].markdown);

    // Reports name the instantiation, and the parser reads each right.
    let error = Dashboard::from_json(r#"{"users": [], "teams": {"items": [{"name": 1}]}}"#).unwrap_err();
    let found: Vec<(&str, &str)> = error.issues().iter().map(|issue| (issue.pointer(), issue.expected())).collect();
    assert_eq!(found, [("/users", "Page_User"), ("/teams/items/0/name", "string")]);
    let error = Dashboard::from_json(r#"{"users": {"items": [{"login": ""}]}, "teams": {"items": []}}"#).unwrap_err();
    assert_eq!(error.issues()[0].pointer(), "/users/items/0/login");
    assert_eq!(Page::<Team>::from_json("[]").unwrap_err().model(), "Page_Team");
}

mod billing {
    /// An invoice of the billing service.
    #[derive(Debug, serde::Deserialize, model_core::ApiModel)]
    pub struct Invoice {
        pub total: f64,
    }
}

mod shop {
    /// An invoice of the shop.
    #[derive(Debug, serde::Deserialize, model_core::ApiModel)]
    pub struct Invoice {
        pub number: String,
    }
}

#[derive(Debug, Deserialize, ApiModel)]
struct Statement {
    billed: billing::Invoice,
    sold: shop::Invoice,
}

#[test]
fn two_models_of_one_name_in_different_modules_are_told_apart() {
    let schema = Statement::json_schema();
    let defs = schema["$defs"].as_object().unwrap();
    let keys: Vec<&str> = defs.keys().map(String::as_str).collect();
    assert_eq!(keys, ["contract.billing.Invoice", "contract.shop.Invoice"]);
    assert_eq!(schema["properties"]["billed"]["$ref"], "#/$defs/contract.billing.Invoice");
    assert_eq!(schema["properties"]["sold"]["$ref"], "#/$defs/contract.shop.Invoice");
    assert!(defs["contract.shop.Invoice"]["properties"]["number"].is_object());
    let pages = model_core::markdown::pages(&<Statement as model_core::ApiType>::TYPE);
    let names: Vec<&str> = pages.iter().map(|page| page.name.as_str()).collect();
    assert_eq!(names, ["Statement", "contract.billing.Invoice", "contract.shop.Invoice"]);
    // Alone, each keeps its plain name.
    assert!(billing::Invoice::json_schema().get("$defs").is_none());
    assert_eq!(billing::Invoice::json_schema()["title"], "Invoice");
}

/// A ticket's id.
#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
struct TicketId(uuid::Uuid);

/// A short name for URLs.
#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
struct Slug(#[api(min_length = 2, pattern = "^[a-z-]+$")] String);

#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct Ticket {
    id: TicketId,
    slug: Slug,
    tags: Vec<Slug>,
    owner: Option<Wrapped>,
}

/// A newtype around a model: that model's rules hold through it.
#[derive(Debug, Serialize, Deserialize, ApiModel)]
struct Wrapped(Sender);

#[test]
fn a_newtype_is_the_value_it_holds_with_rules_of_its_own() {
    let id = "67e55044-10b1-426f-9247-bb680e5fe0c8";
    assert_eq!(TicketId::from_json(&format!("\"{id}\"")).unwrap(), TicketId(id.parse().unwrap()));
    assert_eq!(Slug::from_json(r#""ab""#).unwrap(), Slug("ab".into()));

    // At the root, the issue is at the value's own pointer, "".
    let error = Slug::from_json(r#""A""#).unwrap_err();
    let found: Vec<(&str, &str)> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
    assert_eq!(found, [("", "too_short"), ("", "pattern_mismatch")]);
    assert_eq!(error.model(), "string");
    assert_eq!(TicketId::from_json("12").unwrap_err().issues()[0].code(), "invalid_type");
    assert_eq!(Slug("x".into()).validate().unwrap_err().issues()[0].pointer(), "");

    let json = r#"{"id": "nope", "slug": "a", "tags": ["ok", "Bc"], "owner": {"login": ""}}"#;
    let error = Ticket::from_json(json).unwrap_err();
    let found: Vec<(&str, &str)> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
    assert_eq!(
        found,
        [
            ("/id", "invalid_format"),
            ("/slug", "too_short"),
            ("/tags/1", "pattern_mismatch"),
            ("/owner/login", "too_short")
        ]
    );
    // Only rules broken: the valid-input path and validate() find them too.
    let json =
        r#"{"id": "67e55044-10b1-426f-9247-bb680e5fe0c8", "slug": "ab", "tags": ["Bc"], "owner": {"login": ""}}"#;
    let error = Ticket::from_json(json).unwrap_err();
    let found: Vec<&str> = error.issues().iter().map(|issue| issue.pointer()).collect();
    assert_eq!(found, ["/tags/0", "/owner/login"]);
    let typed: Ticket = serde_json::from_str(json).unwrap();
    let found: Vec<String> = typed.validate().unwrap_err().issues().iter().map(|i| i.pointer().to_owned()).collect();
    assert_eq!(found, ["/tags/0", "/owner/login"]);

    // The schema is the value's, with the newtype's rules and words.
    let schema = Ticket::json_schema();
    assert_eq!(schema["properties"]["slug"]["minLength"], 2);
    assert_eq!(schema["properties"]["slug"]["type"], "string");
    assert_eq!(schema["properties"]["slug"]["description"], "A short name for URLs.");
    assert_eq!(schema["properties"]["tags"]["items"]["pattern"], "^[a-z-]+$");
    assert_eq!(schema["properties"]["id"]["format"], "uuid");
    assert_eq!(Slug::json_schema()["minLength"], 2);
    assert!(Ticket::docs_markdown().contains("(at least 2 characters"), "{}", Ticket::docs_markdown());
}

/// Every `$ref` in `value`.
fn references(value: &serde_json::Value, into: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(members) => {
            if let Some(serde_json::Value::String(target)) = members.get("$ref") {
                into.push(target.clone());
            }
            members.values().for_each(|member| references(member, into));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| references(item, into)),
        _ => {}
    }
}

#[test]
fn openapi_components_hold_every_linked_type_and_every_reference_resolves() {
    use model_core::schema::Components;
    use model_core::ApiType;

    let roots = [<Dashboard as ApiType>::TYPE, <Vec<Ticket> as ApiType>::TYPE, <Statement as ApiType>::TYPE];
    let components = Components::new(&roots);
    let schemas = components.schemas();
    let mut names: Vec<&str> = schemas.keys().map(String::as_str).collect();
    names.sort_unstable();
    // A newtype (`Wrapped`) is inline, so only what it holds is a component.
    assert_eq!(
        names,
        [
            "Dashboard",
            "Page_Team",
            "Page_User",
            "Sender",
            "Statement",
            "Team",
            "Ticket",
            "User",
            "contract.billing.Invoice",
            "contract.shop.Invoice"
        ]
    );
    let document = serde_json::json!({ "components": { "schemas": schemas } });
    let mut targets = Vec::new();
    references(&document, &mut targets);
    assert!(!targets.is_empty());
    for target in &targets {
        let pointer = target.strip_prefix('#').unwrap();
        assert!(document.pointer(pointer).is_some(), "{target} does not resolve");
    }
    // A request body of a list refers to the component of its items; and an
    // instance validates against the component as against the parser.
    assert_eq!(components.schema(&roots[1])["items"]["$ref"], "#/components/schemas/Ticket");
    let mut rooted = document.clone();
    rooted["$ref"] = serde_json::json!("#/components/schemas/Dashboard");
    let validator = jsonschema::validator_for(&rooted).unwrap();
    let valid = r#"{"users": {"items": [{"login": "ada"}]}, "teams": {"items": [{"name": "core"}]}}"#;
    let invalid = r#"{"users": {"items": [{"login": ""}]}, "teams": {"items": [{"name": 1}]}}"#;
    for (payload, ok) in [(valid, true), (invalid, false)] {
        let value: serde_json::Value = serde_json::from_str(payload).unwrap();
        assert_eq!(validator.is_valid(&value), ok, "{payload}");
        assert_eq!(Dashboard::from_json(payload).is_ok(), ok, "{payload}");
    }
}

#[test]
fn an_openapi_document_describes_bodies_answers_and_the_extractors_problems() {
    use model_core::axum::ApiJsonRejection;
    use model_core::openapi::OpenApi;

    let document = OpenApi::new("Tickets", "1.0.0")
        .post::<Ticket, Ticket>("/tickets", "Open a ticket")
        .get::<Vec<Ticket>>("/tickets", "List tickets")
        .patch::<Slug, Ticket>("/tickets/{id}/slug", "Rename a ticket")
        .delete("/tickets/{id}", "Close a ticket")
        .post::<Internal, Internal>("/webhooks", "Receive an event")
        .to_value();
    assert_eq!(document["openapi"], "3.1.0");
    let mut targets = Vec::new();
    references(&document, &mut targets);
    for target in &targets {
        assert!(document.pointer(target.strip_prefix('#').unwrap()).is_some(), "{target} does not resolve");
    }
    let tickets = &document["paths"]["/tickets"];
    assert_eq!(
        tickets["get"]["responses"]["200"]["content"]["application/json"]["schema"]["items"]["$ref"],
        "#/components/schemas/Ticket"
    );
    assert!(tickets["get"]["responses"].get("422").is_none(), "a route without a body has no body to refuse");
    for status in ["400", "413", "415", "422"] {
        let answer = &tickets["post"]["responses"][status]["content"]["application/problem+json"]["schema"];
        assert_eq!(answer["$ref"], "#/components/schemas/Problem", "{status}");
    }
    assert_eq!(document["paths"]["/tickets/{id}"]["delete"]["responses"]["204"]["description"], "Success");

    // What the extractor answers validates against what the document says.
    let mut rooted = document.clone();
    rooted["$ref"] = serde_json::json!("#/components/schemas/Problem");
    let validator = jsonschema::validator_for(&rooted).unwrap();
    let refused = Ticket::from_json(r#"{"id": "x", "slug": "A", "tags": [1], "owner": {"login": ""}}"#).unwrap_err();
    let problem = ApiJsonRejection::Invalid(refused).problem();
    assert!(validator.is_valid(&problem), "{problem:#}");
    assert!(validator.is_valid(&ApiJsonRejection::UnsupportedMediaType.problem()));
    let mut wrong = problem.clone();
    wrong["errors"][0]["code"] = serde_json::json!("no_such_code");
    assert!(!validator.is_valid(&wrong));
}
