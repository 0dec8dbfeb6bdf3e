//! The auth-link model against the wire format in `shared/reference/auth-link.md`.

use chrono::{TimeZone, Utc};
use model_core::{ApiModel, ApiStruct, Secret};
use model_tests::{
    parse_agreeing, pointers_and_codes, with_key, without_key, BROKEN_AUTH_LINK, MINIMAL_AUTH_LINK, VALID_AUTH_LINK,
};
use models::{ConnectSessionTokenAuthLink as AuthLink, ConnectSessionTokenAuthLinkCategories as Category};
use serde_json::{json, Value};

#[test]
fn the_acceptance_payload_reports_exactly_these_pointers() {
    let payload = r#"{"created_at":"yesterday","id":"1","categories":["ats",7],"label":3}"#;
    let error = parse_agreeing::<AuthLink>(payload).unwrap_err();
    let mut pointers: Vec<&str> = error.issues().iter().map(|issue| issue.pointer()).collect();
    pointers.sort_unstable();
    assert_eq!(
        pointers,
        [
            "/auth_link_url",
            "/categories/1",
            "/created_at",
            "/id",
            "/label",
            "/organization_id",
            "/origin_owner_id",
            "/origin_owner_name",
            "/project_id",
            "/token",
        ]
    );
    let located: Vec<(&str, &str, usize, usize)> = error
        .issues()
        .iter()
        .map(|issue| (issue.pointer(), issue.code(), issue.line().unwrap(), issue.column().unwrap()))
        .collect();
    // Columns are 1-based and point at the value's first character; a missing
    // key points at its enclosing object.
    assert_eq!(
        located,
        [
            ("/created_at", "invalid_format", 1, 15),
            ("/id", "invalid_type", 1, 32),
            ("/categories/1", "invalid_type", 1, 56),
            ("/label", "invalid_type", 1, 67),
            ("/auth_link_url", "missing", 1, 1),
            ("/organization_id", "missing", 1, 1),
            ("/origin_owner_id", "missing", 1, 1),
            ("/origin_owner_name", "missing", 1, 1),
            ("/project_id", "missing", 1, 1),
            ("/token", "missing", 1, 1),
        ]
    );
    assert_eq!(error.model(), "ConnectSessionTokenAuthLink");
    assert_eq!(error.issues()[2].wire_name(), Some("categories"));
    assert_eq!(error.issues()[0].expected(), "date-time");
    assert_eq!(error.issues()[0].received(), Some("string \"yesterday\""));
}

#[test]
fn the_broken_sample_reports_every_problem_in_order() {
    let error = parse_agreeing::<AuthLink>(BROKEN_AUTH_LINK).unwrap_err();
    assert_eq!(
        pointers_and_codes(&error),
        [
            ("/auth_link_url".to_owned(), "invalid_type"),
            ("/categories/1".to_owned(), "invalid_type"),
            ("/created_at".to_owned(), "invalid_format"),
            ("/external_trigger_token".to_owned(), "invalid_type"),
            ("/id".to_owned(), "invalid_type"),
            ("/label".to_owned(), "invalid_type"),
            ("/metadata".to_owned(), "invalid_type"),
            ("/type".to_owned(), "invalid_type"),
            ("/type".to_owned(), "duplicate_key"),
            ("/token".to_owned(), "missing"),
        ]
    );
    let lines: Vec<usize> = error.issues().iter().map(|issue| issue.line().unwrap()).collect();
    assert_eq!(lines, [2, 3, 4, 5, 6, 7, 8, 13, 14, 1]);
}

#[test]
fn valid_payload_round_trips() {
    let link = parse_agreeing::<AuthLink>(VALID_AUTH_LINK).unwrap();
    let written = serde_json::to_string(&link).unwrap();
    let again = AuthLink::from_json(&written).unwrap();
    assert_eq!(again, link);
    assert_eq!(serde_json::to_string(&again).unwrap(), written);

    for payload in [MINIMAL_AUTH_LINK, VALID_AUTH_LINK] {
        let link = AuthLink::from_json(payload).unwrap();
        let value = serde_json::to_value(&link).unwrap();
        assert_eq!(AuthLink::from_value(value.clone()).unwrap(), link);
        assert_eq!(AuthLink::from_slice(value.to_string().as_bytes()).unwrap(), link);
    }
}

#[test]
fn every_field_is_read() {
    let link = AuthLink::from_json(VALID_AUTH_LINK).unwrap();
    assert_eq!(link.account_id.as_deref(), Some("acc_01J8ZQ4M3T"));
    assert_eq!(link.auth_link_url, "https://app.stackone.com/connect/session?token=redacted");
    assert_eq!(
        link.categories.as_deref(),
        Some(
            &[
                Category::Ats,
                Category::Hris,
                Category::HrisLegacy,
                Category::Crm,
                Category::Messaging,
                Category::Unknown("payroll".to_owned()),
            ][..]
        )
    );
    assert_eq!(*link.created_at, Utc.timestamp_millis_opt(1_724_318_137_633).unwrap());
    assert_eq!(link.external_trigger_token, Some(Secret::new("f0bc3d88-2178-5423-8c81-b81d6c9da824".to_owned())));
    assert_eq!(link.id.as_f64(), Some(2748.23));
    assert_eq!(link.label.as_deref(), Some("Acme Corp"));
    let metadata = Value::Object(link.metadata.clone().unwrap());
    assert_eq!(metadata, json!({"plan": "enterprise", "seats": 250, "tags": ["beta", null, {"region": "eu-west-1"}]}));
    assert_eq!(link.organization_id.as_f64(), Some(5922.31));
    assert_eq!(link.origin_owner_id, "owner_8812");
    assert_eq!(link.origin_owner_name, "Acme Corp");
    assert_eq!(link.origin_username.as_deref(), Some("jane.doe@acme.example"));
    assert_eq!(link.project_id, "proj_7f36f39b");
    assert_eq!(link.provider.as_deref(), Some("bamboohr"));
    assert_eq!(link.token.expose(), "sess_live_4f9c2a7e1b3d");
    assert_eq!(link.r#type.as_ref().map(|t| t.as_str()), Some("production"));
    assert_eq!(link.integration_id.as_deref(), Some("7c1e6a2b-5d4f-4e3a-9b8c-1d2e3f4a5b6c"));
}

#[test]
fn absent_and_null_optional_fields_are_both_none() {
    let optional = [
        "account_id",
        "categories",
        "external_trigger_token",
        "label",
        "metadata",
        "origin_username",
        "provider",
        "type",
        "integration_id",
    ];
    let minimal = AuthLink::from_json(MINIMAL_AUTH_LINK).unwrap();
    for key in optional {
        let null = parse_agreeing::<AuthLink>(&with_key(MINIMAL_AUTH_LINK, key, Value::Null)).unwrap();
        assert_eq!(null, minimal, "{key}: null");
        let absent =
            parse_agreeing::<AuthLink>(&without_key(&with_key(VALID_AUTH_LINK, key, Value::Null), key)).unwrap();
        let nulled = parse_agreeing::<AuthLink>(&with_key(VALID_AUTH_LINK, key, Value::Null)).unwrap();
        assert_eq!(absent, nulled, "{key}: absent");
    }
    assert!(minimal.account_id.is_none() && minimal.metadata.is_none() && minimal.r#type.is_none());
}

#[test]
fn required_fields_may_be_neither_absent_nor_null() {
    let required = [
        ("auth_link_url", "string"),
        ("created_at", "date-time"),
        ("id", "number"),
        ("organization_id", "number"),
        ("origin_owner_id", "string"),
        ("origin_owner_name", "string"),
        ("project_id", "string"),
        ("token", "string"),
    ];
    assert_eq!(AuthLink::fields().iter().filter(|field| field.required).count(), required.len());
    for (key, expected) in required {
        let pointer = format!("/{key}");
        let error = parse_agreeing::<AuthLink>(&without_key(MINIMAL_AUTH_LINK, key)).unwrap_err();
        assert_eq!(pointers_and_codes(&error), [(pointer.clone(), "missing")], "{key}");
        assert_eq!(error.issues()[0].expected(), expected);
        let error = parse_agreeing::<AuthLink>(&with_key(MINIMAL_AUTH_LINK, key, Value::Null)).unwrap_err();
        assert_eq!(pointers_and_codes(&error), [(pointer, "invalid_type")], "{key}");
        assert_eq!(error.issues()[0].received(), Some("null"));
    }
}

#[test]
fn created_at_needs_an_offset_and_is_written_in_utc() {
    let cases = [
        ("2024-08-22T09:15:37.633Z", Some("2024-08-22T09:15:37.633Z")),
        ("2024-08-22T11:15:37.633+02:00", Some("2024-08-22T09:15:37.633Z")),
        ("2024-08-22T09:15:37.123456789-00:30", Some("2024-08-22T09:45:37.123456789Z")),
        ("2024-08-22T09:15:37Z", Some("2024-08-22T09:15:37Z")),
        ("2024-08-22t09:15:37z", Some("2024-08-22T09:15:37Z")),
        ("2024-08-22T23:59:60Z", Some("2024-08-22T23:59:60Z")),
        ("2024-08-22T09:15:37", None),
        ("2024-08-22 09:15:37Z", None),
        ("2024-08-22T09:15:37+0200", None),
        (" 2024-08-22T09:15:37Z", None),
        ("+12024-08-22T09:15:37Z", None),
        ("2024-08-22", None),
        ("yesterday", None),
    ];
    for (input, written) in cases {
        let result = parse_agreeing::<AuthLink>(&with_key(MINIMAL_AUTH_LINK, "created_at", json!(input)));
        match (result, written) {
            (Ok(link), Some(written)) => {
                let value = serde_json::to_value(&link).unwrap();
                assert_eq!(value["created_at"], json!(written), "{input}");
            }
            (Err(error), None) => {
                assert_eq!(pointers_and_codes(&error), [("/created_at".to_owned(), "invalid_format")], "{input}");
            }
            (result, _) => panic!("{input}: unexpected {result:?}"),
        }
    }
}

#[test]
fn ids_accept_any_json_number_and_keep_it() {
    for number in ["2748.23", "2748", "-1", "1e3", "18446744073709551615"] {
        let payload = MINIMAL_AUTH_LINK.replace("2748.23", number);
        let link = parse_agreeing::<AuthLink>(&payload).unwrap();
        assert_eq!(link.id.to_string(), serde_json::from_str::<serde_json::Number>(number).unwrap().to_string());
    }
    for (value, code) in [(json!("2748"), "invalid_type"), (json!(true), "invalid_type"), (json!([1]), "invalid_type")]
    {
        let error = parse_agreeing::<AuthLink>(&with_key(MINIMAL_AUTH_LINK, "id", value)).unwrap_err();
        assert_eq!(pointers_and_codes(&error), [("/id".to_owned(), code)]);
    }
}

#[test]
fn metadata_is_kept_as_it_came() {
    let metadata = json!({"plan": "enterprise", "nested": {"a": [1, 2.5, "x", null, true]}, "": {}});
    let link = parse_agreeing::<AuthLink>(&with_key(MINIMAL_AUTH_LINK, "metadata", metadata.clone())).unwrap();
    assert_eq!(Value::Object(link.metadata.clone().unwrap()), metadata);
    assert_eq!(serde_json::to_value(&link).unwrap()["metadata"], metadata);
    let error = parse_agreeing::<AuthLink>(&with_key(MINIMAL_AUTH_LINK, "metadata", json!([1]))).unwrap_err();
    assert_eq!(pointers_and_codes(&error), [("/metadata".to_owned(), "invalid_type")]);
}

#[test]
fn unknown_keys_are_ignored() {
    let payload = with_key(MINIMAL_AUTH_LINK, "future_field", json!({"deep": [1, {"x": null}]}));
    assert_eq!(parse_agreeing::<AuthLink>(&payload).unwrap(), AuthLink::from_json(MINIMAL_AUTH_LINK).unwrap());
}

#[test]
fn secrets_never_show() {
    let canary = "CANARY-7f36f39bb209";
    let link = AuthLink::from_json(&with_key(
        &with_key(MINIMAL_AUTH_LINK, "token", json!(canary)),
        "external_trigger_token",
        json!(canary),
    ))
    .unwrap();
    assert!(!format!("{link:?}").contains(canary));
    assert!(!format!("{link:#?}").contains(canary));
    assert_eq!(link.token.expose(), canary);
    assert_eq!(serde_json::to_value(&link).unwrap()["token"], json!(canary), "the API still gets the real value");

    let builder = AuthLink::builder().token(canary).external_trigger_token(canary);
    assert!(!format!("{builder:?}").contains(canary));

    // A duplicated key is refused before its value is checked: it must not be quoted.
    let duplicated = MINIMAL_AUTH_LINK.replacen('{', &format!("{{\"token\": \"{canary}\", "), 1);
    let error = parse_agreeing::<AuthLink>(&duplicated).unwrap_err();
    assert_eq!(pointers_and_codes(&error), [("/token".to_owned(), "duplicate_key")]);
    assert_eq!(error.issues()[0].received(), None);
    assert!(!format!("{error} {error:?}").contains(canary));
}

#[test]
fn deeply_nested_metadata_is_an_issue_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let payload = MINIMAL_AUTH_LINK.replacen('{', &format!("{{\"metadata\": {{\"tags\": {deep}}}, "), 1);
    let error = parse_agreeing::<AuthLink>(&payload).unwrap_err();
    assert_eq!(pointers_and_codes(&error), [("/metadata".to_owned(), "too_deep")]);
    let issue = &error.issues()[0];
    assert_eq!(issue.expected(), "at most 127 nested arrays and objects");
    assert_eq!(issue.line(), Some(1));
    // The root, `metadata` and 125 arrays fit; the bracket after them does not.
    assert_eq!(issue.column(), Some(r#"{"metadata": {"tags": "#.len() + 125 + 1));
}
