//! `Model::builder()…build()`: required fields at construction.

use chrono::{TimeZone, Utc};
use model_core::{ApiModel, Secret};
use model_tests::{pointers_and_codes, MINIMAL_AUTH_LINK};
use models::{ConnectSessionTokenAuthLink as AuthLink, ConnectSessionTokenAuthLinkCategories as Category};
use serde::Deserialize;

#[test]
fn build_lists_every_unset_required_field_at_once() {
    let error = AuthLink::builder().label("only optional").build().unwrap_err();
    let pointers: Vec<String> = pointers_and_codes(&error)
        .into_iter()
        .map(|(pointer, code)| {
            assert_eq!(code, "missing");
            pointer
        })
        .collect();
    assert_eq!(
        pointers,
        [
            "/auth_link_url",
            "/created_at",
            "/id",
            "/organization_id",
            "/origin_owner_id",
            "/origin_owner_name",
            "/project_id",
            "/token"
        ]
    );
    assert!(error.issues().iter().all(|issue| issue.line().is_none()));
    assert_eq!(error.model(), "ConnectSessionTokenAuthLink");

    let error = AuthLink::builder().token("t").project_id("p").build().unwrap_err();
    assert_eq!(error.issues().len(), 6);
}

#[test]
fn build_needs_no_none_for_optional_fields() {
    let built = AuthLink::builder()
        .auth_link_url("https://competent-newsstand.info/")
        .created_at(Utc.timestamp_millis_opt(1_724_318_137_633).unwrap())
        .id(serde_json::Number::from_f64(2748.23).unwrap())
        .organization_id(serde_json::Number::from_f64(5922.31).unwrap())
        .origin_owner_id("<id>")
        .origin_owner_name("<value>")
        .project_id("<id>")
        .token("<value>")
        .build()
        .unwrap();
    assert_eq!(built, AuthLink::from_json(MINIMAL_AUTH_LINK).unwrap());

    let with_optional = AuthLink::builder()
        .categories(vec![Category::Ats, Category::Hris])
        .external_trigger_token("f0bc3d88")
        .r#type(models::ConnectSessionTokenAuthLinkType::Test)
        .build()
        .unwrap_err();
    assert_eq!(with_optional.issues().len(), 8, "optional fields set, required still missing");
}

#[test]
fn setters_take_what_converts() {
    let token: Secret<String> = Secret::new("s".to_owned());
    let builder = AuthLink::builder().token(token).origin_owner_id(String::from("o")).label("l");
    let shown = format!("{builder:?}");
    assert!(shown.contains("token: <set>") && shown.contains("label: <set>") && shown.contains("id: <unset>"));
    assert!(shown.contains("type: <unset>"), "Rust names without r#: {shown}");
}

fn ten() -> u32 {
    10
}

#[derive(Debug, PartialEq, Deserialize, ApiModel)]
#[api(builder)]
struct Settings {
    name: String,
    #[serde(default)]
    retries: u8,
    #[serde(default = "ten")]
    timeout: u32,
    #[serde(skip)]
    cache: Vec<u8>,
    nickname: Option<String>,
}

#[test]
fn defaults_and_skipped_fields_follow_serde() {
    let built = Settings::builder().name("a").build().unwrap();
    assert_eq!(built, Settings::from_json(r#"{"name": "a"}"#).unwrap());
    assert_eq!((built.retries, built.timeout, built.cache.len(), built.nickname), (0, 10, 0, None));
    let built = Settings::builder().name("a").retries(3).timeout(1).nickname("n").build().unwrap();
    assert_eq!((built.retries, built.timeout, built.nickname.as_deref()), (3, 1, Some("n")));
    let error = Settings::builder().retries(1).build().unwrap_err();
    assert_eq!(pointers_and_codes(&error), [("/name".to_owned(), "missing")]);
}

#[derive(Debug, PartialEq, Deserialize, ApiModel)]
#[api(builder)]
struct Note {
    text: String,
    author: Option<String>,
    token: Option<Secret<String>>,
    pages: Option<u16>,
    boxed: Box<Option<u8>>,
    hidden: Secret<Option<String>>,
}

#[test]
fn optional_setters_take_a_value_or_an_option() {
    let maybe_author: Option<String> = Some("ada".to_owned());
    let built = Note::builder().text("t").author("bob").author(maybe_author).token("k").pages(3).build().unwrap();
    assert_eq!(built.author.as_deref(), Some("ada"));
    assert_eq!(built.token.as_ref().map(Secret::expose).map(String::as_str), Some("k"));
    assert_eq!(built.pages, Some(3));

    // `None` clears a field set before, of any type.
    let none: Option<&str> = None;
    let cleared = Note::builder().text("t").author("bob").author(none).pages(3).pages(None).build().unwrap();
    assert_eq!((cleared.author, cleared.pages), (None, None));

    // An absent optional field is what serde makes of an absent key, wrappers included.
    let parsed = Note::from_json(r#"{"text": "t"}"#).unwrap();
    assert_eq!(Note::builder().text("t").build().unwrap(), parsed);
    assert_eq!((*parsed.boxed, parsed.hidden.expose()), (None, &None));
}
