//! The rest of the Connect Sessions resource: the create and authenticate
//! request bodies and the session, on the wire as StackOne's SDK writes them.

use model_core::{ApiModel, ApiStruct};
use models::{
    ConnectSession, ConnectSessionAuthenticate, ConnectSessionCreate, ConnectSessionCreateType,
    ConnectSessionTokenAuthLinkCategories as Category,
};
use serde_json::json;

#[test]
fn the_builder_applies_the_sdks_defaults_and_writes_no_nulls() {
    let request = ConnectSessionCreate::builder()
        .origin_owner_id("org_1")
        .origin_owner_name("Acme")
        .categories(vec![Category::Ats, Category::Unknown("payroll".into())])
        .label(None::<String>)
        .build()
        .unwrap();
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({
            "categories": ["ats", "payroll"],
            "expires_in": 1800,
            "multiple": false,
            "origin_owner_id": "org_1",
            "origin_owner_name": "Acme",
            "type": "production",
        })
    );
    // Set explicitly, the defaults give way; cleared, they are not sent.
    let request = ConnectSessionCreate::builder()
        .origin_owner_id("org_1")
        .origin_owner_name("Acme")
        .expires_in(serde_json::Number::from(60))
        .multiple(None::<bool>)
        .r#type(ConnectSessionCreateType::Test)
        .build()
        .unwrap();
    assert_eq!(
        serde_json::to_string(&request).unwrap(),
        r#"{"expires_in":60,"origin_owner_id":"org_1","origin_owner_name":"Acme","type":"test"}"#
    );
    let error = ConnectSessionCreate::builder().build().unwrap_err();
    let missing: Vec<_> = error.issues().iter().map(|issue| issue.pointer()).collect();
    assert_eq!(missing, ["/origin_owner_id", "/origin_owner_name"]);
}

#[test]
fn a_create_request_reads_as_the_server_sees_it() {
    let request = ConnectSessionCreate::from_json(
        r#"{"origin_owner_id": "o", "origin_owner_name": "n", "label": null, "type": "sandbox", "categories": ["crm"]}"#,
    )
    .unwrap();
    assert_eq!(request.label, None);
    assert_eq!(request.expires_in, Some(1800.into()), "absent: the default");
    assert_eq!(request.r#type, Some(ConnectSessionCreateType::Unknown("sandbox".into())));
    let error = ConnectSessionCreate::from_json(r#"{"origin_owner_id": 1, "expires_in": "soon"}"#).unwrap_err();
    let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
    assert_eq!(
        found,
        [("/origin_owner_id", "invalid_type"), ("/expires_in", "invalid_type"), ("/origin_owner_name", "missing")]
    );
}

#[test]
fn the_authenticate_token_is_a_secret() {
    let request = ConnectSessionAuthenticate::from_json(r#"{"token": "sess_canary"}"#).unwrap();
    assert_eq!(request.token.expose(), "sess_canary");
    assert!(!format!("{request:?}").contains("sess_canary"));
    let error = ConnectSessionAuthenticate::from_json(r#"{"token": ["sess_canary"]}"#).unwrap_err();
    assert!(!error.to_string().contains("sess_canary"), "{error}");
    assert_eq!(serde_json::to_string(&request).unwrap(), r#"{"token":"sess_canary"}"#);
}

#[test]
fn a_session_is_the_auth_link_without_its_url_and_token() {
    let session = ConnectSession::from_json(
        r#"{"created_at": "2024-08-22T09:15:37.633Z", "id": 1, "organization_id": 2, "origin_owner_id": "o",
            "origin_owner_name": "n", "project_id": "p", "categories": ["ats", "scheduling", "future"],
            "type": "unmapped_value", "external_trigger_token": "ett_canary"}"#,
    )
    .unwrap();
    assert_eq!(session.categories.as_ref().unwrap()[2], Category::Unknown("future".into()));
    assert!(!format!("{session:?}").contains("ett_canary"));
    let names: Vec<&str> = ConnectSession::fields().iter().map(|field| field.wire_name).collect();
    assert!(!names.contains(&"auth_link_url") && !names.contains(&"token"));
    assert_eq!(names.len(), 14);
}
