//! The local StackOne server's `GET /openapi.json`: an OpenAPI 3.1 document
//! that the OpenAPI Initiative's own schema accepts, and whose component
//! schemas accept exactly the bodies the parser accepts, for every model the
//! routes read or write.

use model_core::ApiModel;
use model_http_tests::{post_json, start_server};
use models::{ConnectSession, ConnectSessionAuthenticate, ConnectSessionCreate, ConnectSessionTokenAuthLink};
use serde_json::{json, Value};

/// The OpenAPI 3.1 schema of documents (see `openapi-3.1/README.md`).
const OPENAPI_3_1: &str = include_str!("../openapi-3.1/schema.json");

async fn served_document(base: &str) -> Value {
    let response = reqwest::get(format!("{base}/openapi.json")).await.expect("the server answers");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    serde_json::from_slice(&response.bytes().await.expect("a body")).expect("a JSON document")
}

#[tokio::test]
async fn the_served_document_is_openapi_3_1_and_describes_both_routes() {
    let base = start_server().await;
    let document = served_document(&base).await;

    let schema: Value = serde_json::from_str(OPENAPI_3_1).unwrap();
    let validator = jsonschema::draft202012::new(&schema).expect("the OpenAPI schema compiles");
    let errors: Vec<String> =
        validator.iter_errors(&document).map(|error| format!("{error} at {}", error.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The schema bites: a document without `info`, or with a response
    // without its description, is refused.
    let mut without_info = document.clone();
    without_info.as_object_mut().unwrap().remove("info");
    assert!(!validator.is_valid(&without_info));
    let mut broken_response = document.clone();
    broken_response["paths"]["/connect_sessions"]["post"]["responses"]["201"]
        .as_object_mut()
        .unwrap()
        .remove("description");
    assert!(!validator.is_valid(&broken_response));

    let create = &document["paths"]["/connect_sessions"]["post"];
    assert_eq!(
        create["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ConnectSessionCreate"
    );
    assert_eq!(
        create["responses"]["201"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ConnectSessionTokenAuthLink"
    );
    for status in ["400", "413", "415", "422"] {
        let problem = &create["responses"][status]["content"]["application/problem+json"]["schema"]["$ref"];
        assert_eq!(problem, "#/components/schemas/Problem", "{status}");
    }
    let authenticate = &document["paths"]["/connect_sessions/authenticate"]["post"];
    assert_eq!(
        authenticate["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ConnectSessionAuthenticate"
    );
    assert_eq!(
        authenticate["responses"]["201"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ConnectSession"
    );
    assert!(authenticate["responses"]["404"]["content"]["application/problem+json"].is_object());

    let schemas = &document["components"]["schemas"];
    // The SDK's defaults, from `#[serde(default = …)]`.
    let create_schema = &schemas["ConnectSessionCreate"];
    assert_eq!(create_schema["properties"]["expires_in"]["default"], 1800, "{create_schema:#}");
    assert!(create_schema["required"].as_array().unwrap().contains(&json!("origin_owner_id")));
    // The issue list a client reads from a 422.
    let issue = &schemas["Issue"]["properties"];
    for key in ["pointer", "code", "detail", "expected", "line", "column"] {
        assert!(issue.get(key).is_some(), "Issue has no `{key}`: {issue:#}");
    }
}

/// A validator of the component `name` within `document`: its references
/// resolve against the document itself.
fn component_validator(document: &Value, name: &str) -> jsonschema::Validator {
    let mut root = document.clone();
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    root["$ref"] = json!(format!("#/components/schemas/{name}"));
    jsonschema::options().should_validate_formats(true).build(&root).expect("the component compiles")
}

/// `valid` and, for each of its keys, the body without it and with it set
/// to values of every JSON kind: the parser and the component must agree
/// on each. Returns how many each accepted, to show both sides were reached.
fn agree<T: ApiModel>(document: &Value, name: &str, valid: &Value) -> (usize, usize) {
    let validator = component_validator(document, name);
    let mut bodies = vec![valid.clone()];
    let keys: Vec<String> = valid.as_object().expect("a model is an object").keys().cloned().collect();
    for key in &keys {
        let mut without = valid.clone();
        without.as_object_mut().unwrap().remove(key);
        bodies.push(without);
        for value in [
            json!(null),
            json!(7),
            json!(-1),
            json!("text"),
            json!(""),
            json!(true),
            json!([]),
            json!({}),
            json!(["ats"]),
        ] {
            let mut changed = valid.clone();
            changed[key] = value;
            bodies.push(changed);
        }
    }
    let mut unknown = valid.clone();
    unknown["not_a_field"] = json!(1);
    bodies.push(unknown);
    let (mut accepted, mut refused) = (0, 0);
    for body in &bodies {
        let text = body.to_string();
        let ours = T::from_json(&text).is_ok();
        let theirs = validator.is_valid(body);
        assert_eq!(ours, theirs, "{name}: from_json says {ours}, the document says {theirs}, for {text}");
        if ours {
            accepted += 1;
        } else {
            refused += 1;
        }
    }
    (accepted, refused)
}

#[tokio::test]
async fn each_models_component_accepts_what_the_parser_accepts() {
    let base = start_server().await;
    let document = served_document(&base).await;
    let client = reqwest::Client::new();

    // Real bodies, as the routes exchange them.
    let create = json!({
        "origin_owner_id": "org_8823",
        "origin_owner_name": "Acme Ltd",
        "categories": ["ats", "hris"],
        "provider": "greenhouse",
        "expires_in": 600,
    });
    let link = post_json(&client, &format!("{base}/connect_sessions"), &create.to_string()).await;
    assert_eq!(link.status, 201, "{}", link.text());
    let link = link.json();
    let authenticate = json!({ "token": link["token"] });
    let session = post_json(&client, &format!("{base}/connect_sessions/authenticate"), &authenticate.to_string()).await;
    assert_eq!(session.status, 201, "{}", session.text());
    let session = session.json();

    let counts = [
        agree::<ConnectSessionCreate>(&document, "ConnectSessionCreate", &create),
        agree::<ConnectSessionAuthenticate>(&document, "ConnectSessionAuthenticate", &authenticate),
        agree::<ConnectSessionTokenAuthLink>(&document, "ConnectSessionTokenAuthLink", &link),
        agree::<ConnectSession>(&document, "ConnectSession", &session),
    ];
    for (accepted, refused) in counts {
        assert!(accepted > 1 && refused > 5, "both sides reached: {counts:?}");
    }
}

#[test]
fn the_ticket_services_document_lists_query_and_path_parameters() {
    let document = model_examples::ticket_service::openapi();
    let schema: Value = serde_json::from_str(OPENAPI_3_1).unwrap();
    let validator = jsonschema::draft202012::new(&schema).expect("the OpenAPI schema compiles");
    let errors: Vec<String> =
        validator.iter_errors(&document).map(|error| format!("{error} at {}", error.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let list = &document["paths"]["/tickets"]["get"];
    let names: Vec<&str> = list["parameters"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["status", "tag", "limit", "page"]);
    let limit = &list["parameters"][2];
    assert_eq!((&limit["in"], &limit["required"]), (&json!("query"), &json!(false)));
    assert_eq!(limit["schema"]["maximum"], 100);
    assert_eq!(limit["schema"]["default"], 20);
    assert_eq!(limit["description"], "Tickets a page, at most 100.");
    assert_eq!(list["parameters"][0]["schema"]["anyOf"][0]["$ref"], "#/components/schemas/Status");
    assert!(document["components"]["schemas"]["Status"].is_object());
    assert!(list["responses"]["422"]["content"]["application/problem+json"].is_object());
    let find = &document["paths"]["/tickets/{id}"]["get"];
    assert_eq!(find["parameters"][0]["in"], "path");
    assert_eq!(find["parameters"][0]["required"], true);
    assert_eq!(find["parameters"][0]["schema"]["minimum"], 1);
}
