//! Value rules: every rule on both sides of its limit, on each type it applies
//! to, with the exact pointer, code, line and column of each issue; one report
//! for type errors and rule errors together; custom and cross-field rules; the
//! builder and `validate()`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use model_core::{ApiModel, Secret, Violation};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ApiModel)]
struct Ruled {
    #[api(min_length = 3, max_length = 8)]
    login: String,
    #[api(min_length = 2, max_length = 4)]
    nickname: Option<String>,
    #[api(min_items = 1, max_items = 3, unique_items, items(min_length = 1, max_length = 4))]
    tags: Vec<String>,
    #[api(minimum = 1, maximum = 10)]
    seats: u32,
    #[api(exclusive_minimum = -1, exclusive_maximum = 100.5, multiple_of = 0.5)]
    discount: f64,
    #[api(multiple_of = 5)]
    step: i64,
    #[api(min_items = 1, max_items = 2)]
    roles: BTreeSet<String>,
    #[api(min_properties = 1, max_properties = 2, items(maximum = 9))]
    limits: BTreeMap<String, u8>,
    #[api(pattern = "^[a-z]+(-[a-z]+)*$")]
    slug: String,
    #[api(format = "email")]
    email: String,
    // The text as written, regex characters and all.
    #[api(contains = "(ref)")]
    referral: String,
    #[api(format = "date")]
    birthday: Option<String>,
    #[api(min_length = 8)]
    password: Secret<String>,
}

fn valid() -> Value {
    json!({
        "login": "ada",
        "nickname": "al",
        "tags": ["a", "bcde"],
        "seats": 1,
        "discount": 0.5,
        "step": -10,
        "roles": ["admin"],
        "limits": {"cpu": 9},
        "slug": "stack-one",
        "email": "ada@example.com",
        "referral": "promo (ref) 7",
        "birthday": "1815-12-10",
        "password": "correct horse",
    })
}

/// The valid payload with `key` set to `value`, on one line.
fn with(key: &str, value: Value) -> String {
    let mut payload = valid();
    payload[key] = value;
    payload.to_string()
}

/// `(pointer, code, expected, received, line, column)` of one issue.
type Found = (String, &'static str, String, Option<String>, usize, usize);

/// Every issue of `json`.
fn issues(json: &str) -> Vec<Found> {
    let error = Ruled::from_json(json).expect_err(json);
    error
        .issues()
        .iter()
        .map(|issue| {
            (
                issue.pointer().to_owned(),
                issue.code(),
                issue.expected().to_owned(),
                issue.received().map(str::to_owned),
                issue.line().unwrap(),
                issue.column().unwrap(),
            )
        })
        .collect()
}

/// The 1-based column of the value of the first `"key":` in one-line JSON,
/// plus `within` bytes into the value.
fn column_of(json: &str, key: &str, within: usize) -> usize {
    json.find(&format!("\"{key}\":")).unwrap() + key.len() + 3 + within + 1
}

#[test]
fn the_valid_payload_passes_every_rule() {
    let parsed = Ruled::from_json(&valid().to_string()).unwrap();
    assert_eq!(parsed.login, "ada");
    assert!(parsed.validate().is_ok());
}

#[test]
fn each_rule_on_each_side_of_its_limit() {
    // (key, value just inside the limit, value just outside, pointer, code, expected, received, offset of the issue in the value)
    type Case = (&'static str, Value, Value, &'static str, &'static str, &'static str, &'static str, usize);
    let cases: Vec<Case> = vec![
        ("login", json!("abc"), json!("ab"), "/login", "too_short", "at least 3 characters", "2", 0),
        ("login", json!("abcdefgh"), json!("abcdefghi"), "/login", "too_long", "at most 8 characters", "9", 0),
        // Characters, not bytes: three scalar values in nine bytes.
        ("login", json!("日本語"), json!("日本"), "/login", "too_short", "at least 3 characters", "2", 0),
        ("nickname", json!("ab"), json!("a"), "/nickname", "too_short", "at least 2 characters", "1", 0),
        ("nickname", Value::Null, json!("abcde"), "/nickname", "too_long", "at most 4 characters", "5", 0),
        ("tags", json!(["a"]), json!([]), "/tags", "too_short", "at least 1 item", "0", 0),
        ("tags", json!(["a", "b", "c"]), json!(["a", "b", "c", "d"]), "/tags", "too_long", "at most 3 items", "4", 0),
        (
            "tags",
            json!(["a", "b"]),
            json!(["a", "a"]),
            "/tags/1",
            "not_unique",
            "no two items equal",
            "a repeat of an earlier item",
            5,
        ),
        ("tags", json!(["abcd"]), json!([""]), "/tags/0", "too_short", "at least 1 character", "0", 1),
        ("tags", json!(["abcd"]), json!(["a", "abcde"]), "/tags/1", "too_long", "at most 4 characters", "5", 5),
        ("seats", json!(10), json!(0), "/seats", "out_of_range", "at least 1", "0", 0),
        ("seats", json!(1), json!(11), "/seats", "out_of_range", "at most 10", "11", 0),
        ("discount", json!(-0.5), json!(-1.0), "/discount", "out_of_range", "greater than -1", "-1", 0),
        ("discount", json!(100.0), json!(100.5), "/discount", "out_of_range", "less than 100.5", "100.5", 0),
        ("discount", json!(1.5), json!(1.25), "/discount", "not_multiple_of", "a multiple of 0.5", "1.25", 0),
        ("step", json!(15), json!(16), "/step", "not_multiple_of", "a multiple of 5", "16", 0),
        ("roles", json!(["a", "b"]), json!([]), "/roles", "too_short", "at least 1 item", "0", 0),
        ("roles", json!(["a", "b"]), json!(["a", "b", "c"]), "/roles", "too_long", "at most 2 items", "3", 0),
        ("limits", json!({"a": 1, "b": 2}), json!({}), "/limits", "too_short", "at least 1 key", "0", 0),
        ("limits", json!({"a": 1}), json!({"a": 1, "b": 2, "c": 3}), "/limits", "too_long", "at most 2 keys", "3", 0),
        ("limits", json!({"a": 9}), json!({"a": 1, "b": 10}), "/limits/b", "out_of_range", "at most 9", "10", 11),
        (
            "slug",
            json!("a-b"),
            json!("a--b"),
            "/slug",
            "pattern_mismatch",
            "matching `^[a-z]+(-[a-z]+)*$`",
            "string \"a--b\"",
            0,
        ),
        (
            "email",
            json!("a@b.co"),
            json!("a.b.co"),
            "/email",
            "invalid_format",
            "an email address",
            "string \"a.b.co\"",
            0,
        ),
        (
            "referral",
            json!("(ref)"),
            json!("promo ref 7"),
            "/referral",
            "pattern_mismatch",
            "containing `(ref)`",
            "string \"promo ref 7\"",
            0,
        ),
        (
            "birthday",
            json!("2024-02-29"),
            json!("2023-02-29"),
            "/birthday",
            "invalid_format",
            "a date (YYYY-MM-DD)",
            "string \"2023-02-29\"",
            0,
        ),
        // A secret is counted, never quoted.
        ("password", json!("12345678"), json!("1234567"), "/password", "too_short", "at least 8 characters", "7", 0),
    ];
    for (key, inside, outside, pointer, code, expected, received, within) in cases {
        let good = with(key, inside.clone());
        assert!(Ruled::from_json(&good).is_ok(), "{key} = {inside} should pass: {:?}", Ruled::from_json(&good));
        let bad = with(key, outside.clone());
        let column = column_of(&bad, key, within);
        assert_eq!(
            issues(&bad),
            [(pointer.to_owned(), code, expected.to_owned(), Some(received.to_owned()), 1, column)],
            "{key} = {outside}"
        );
        // serde alone accepts it: only the rule refuses.
        assert!(serde_json::from_str::<Ruled>(&bad).is_ok());
    }
}

#[test]
fn a_broken_secret_is_never_quoted() {
    let bad = with("password", json!("hunter2"));
    let error = Ruled::from_json(&bad).unwrap_err();
    assert!(!error.to_string().contains("hunter2"), "{error}");
    assert!(!format!("{error:?}").contains("hunter2"));
}

#[derive(Debug, Deserialize, ApiModel)]
#[api(builder)]
#[allow(dead_code)]
struct Signup {
    #[api(min_length = 3)]
    login: String,
    age: u8,
    #[api(format = "email")]
    email: String,
    #[api(max_items = 1)]
    teams: Vec<String>,
    plan: String,
}

#[test]
fn type_errors_missing_fields_and_rules_come_in_one_report_in_document_order() {
    let json =
        "{\n  \"login\": \"ab\",\n  \"age\": \"forty\",\n  \"email\": \"nobody\",\n  \"teams\": [\"a\", \"b\"]\n}";
    let error = Signup::from_json(json).unwrap_err();
    let found: Vec<_> = error
        .issues()
        .iter()
        .map(|issue| (issue.pointer(), issue.code(), issue.line().unwrap(), issue.column().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("/login", "too_short", 2, 12),
            ("/age", "invalid_type", 3, 10),
            ("/email", "invalid_format", 4, 12),
            ("/teams", "too_long", 5, 12),
            ("/plan", "missing", 1, 1),
        ]
    );
}

fn no_spaces(value: &str) -> Result<(), String> {
    if value.contains(' ') {
        Err(format!("no spaces allowed, found {}", value.matches(' ').count()))
    } else {
        Ok(())
    }
}

#[derive(Debug, Deserialize, ApiModel)]
#[api(validate = Booking::ordered)]
struct Booking {
    #[api(validate = no_spaces)]
    room: String,
    #[api(validate = no_spaces)]
    note: Option<String>,
    start: u32,
    end: u32,
}

impl Booking {
    fn ordered(&self) -> Result<(), Violation> {
        if self.start < self.end {
            return Ok(());
        }
        Err(Violation::new(format!("`end` ({}) must come after `start` ({})", self.end, self.start))
            .at("end")
            .at("start"))
    }
}

#[test]
fn custom_field_rules_and_cross_field_rules_carry_their_messages() {
    let json = r#"{"room": "a b", "note": "x y z", "start": 9, "end": 3}"#;
    let error = Booking::from_json(json).unwrap_err();
    let found: Vec<_> = error
        .issues()
        .iter()
        .map(|issue| (issue.pointer(), issue.code(), issue.expected(), issue.column().unwrap()))
        .collect();
    // The cross-field rule runs whenever serde reads the value, field
    // rules broken or not: every rule's problem in one report.
    assert_eq!(
        found,
        [
            ("/room", "invalid_value", "no spaces allowed, found 1", 10),
            ("/note", "invalid_value", "no spaces allowed, found 2", 25),
            ("/start", "invalid_value", "`end` (3) must come after `start` (9)", 43),
            ("/end", "invalid_value", "`end` (3) must come after `start` (9)", 53),
        ]
    );

    let json = r#"{"room": "a", "start": 9, "end": 3}"#;
    let error = Booking::from_json(json).unwrap_err();
    let found: Vec<_> =
        error.issues().iter().map(|issue| (issue.pointer(), issue.expected(), issue.column())).collect();
    assert_eq!(
        found,
        // In document order, though the rule named `end` first.
        [
            ("/start", "`end` (3) must come after `start` (9)", Some(24)),
            ("/end", "`end` (3) must come after `start` (9)", Some(34)),
        ]
    );
    assert!(Booking::from_json(r#"{"room": "a", "start": 1, "end": 3}"#).is_ok());
}

#[derive(Debug, Deserialize, ApiModel)]
struct Team {
    #[api(min_length = 1)]
    name: String,
    members: Vec<Ruled>,
    lead: Option<Box<Ruled>>,
}

#[test]
fn rules_of_nested_models_are_checked_at_their_pointers() {
    let mut member = valid();
    member["login"] = json!("x");
    let mut lead = valid();
    lead["seats"] = json!(99);
    let json = json!({"name": "", "members": [valid(), member], "lead": lead}).to_string();
    let error = Team::from_json(&json).unwrap_err();
    let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
    assert_eq!(found, [("/name", "too_short"), ("/members/1/login", "too_short"), ("/lead/seats", "out_of_range")]);
    assert!(error.issues().iter().all(|issue| issue.line() == Some(1)));
}

#[test]
fn the_builder_and_validate_run_the_rules() {
    let built = Signup::builder().login("ab").age(40).email("nobody").teams(vec![]).plan("free").build();
    let error = built.unwrap_err();
    let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.code(), issue.line())).collect();
    assert_eq!(found, [("/login", "too_short", None), ("/email", "invalid_format", None)]);

    let mut signup = Signup::builder().login("ada").age(40).email("a@b.co").teams(vec![]).plan("free").build().unwrap();
    signup.teams = vec!["a".into(), "b".into()];
    let error = signup.validate().unwrap_err();
    assert_eq!(error.issues()[0].to_string(), "/teams: too_long in `teams`, expected at most 1 item, got 2");
}

#[test]
fn from_value_reports_rules_without_positions() {
    let error =
        Signup::from_value(json!({"login": "a", "age": 1, "email": "a@b.co", "teams": [], "plan": "x"})).unwrap_err();
    let issue = &error.issues()[0];
    assert_eq!((issue.pointer(), issue.code(), issue.line()), ("/login", "too_short", None));
}

#[derive(Debug, Deserialize, ApiModel)]
struct Inventory {
    #[api(items(min_length = 2))]
    by_sku: HashMap<String, String>,
    #[api(items(items(minimum = 0)))]
    grid: Vec<Vec<i32>>,
    #[api(maximum = 3)]
    code: Option<Box<u32>>,
}

#[test]
fn items_reach_map_values_and_nested_arrays() {
    let json = r#"{"by_sku": {"a-1": "ok", "b/2": "x"}, "grid": [[1, -2]], "code": 4}"#;
    let error = Inventory::from_json(json).unwrap_err();
    let found: Vec<_> =
        error.issues().iter().map(|issue| (issue.pointer(), issue.code(), issue.column().unwrap())).collect();
    assert_eq!(
        found,
        [("/by_sku/b~12", "too_short", 33), ("/grid/0/1", "out_of_range", 52), ("/code", "out_of_range", 66)]
    );
}

/// An index is written into the pointer only when an issue needs it: items
/// that pass between broken ones, and lists in lists, keep every pointer
/// whole.
#[test]
fn pointers_into_lists_are_whole_whichever_items_break() {
    let json = r#"{"by_sku": {}, "grid": [[1, -2], [3], [], [-4, 5, -6], [7]]}"#;
    let error = Inventory::from_json(json).unwrap_err();
    let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.wire_name())).collect();
    assert_eq!(found, [("/grid/0/1", Some("grid")), ("/grid/3/0", Some("grid")), ("/grid/3/2", Some("grid"))]);

    let mut member = valid();
    member["login"] = json!("x");
    let members = [valid(), valid(), member.clone(), valid(), member];
    let json = json!({"name": "a", "members": members, "lead": null}).to_string();
    let error = Team::from_json(&json).unwrap_err();
    let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.wire_name())).collect();
    assert_eq!(found, [("/members/2/login", Some("login")), ("/members/4/login", Some("login"))]);
}

#[test]
fn docs_and_schema_show_the_rules() {
    let page = Inventory::docs_markdown();
    assert!(page.contains("| `by_sku` | map of *string* | :heavy_check_mark: | N/A<br/>**Rules:** each item at least 2 characters. |  |"), "{page}");
    assert!(page.contains("| `code` | *integer* | :heavy_minus_sign: | N/A<br/>**Rules:** at most 3. |  |"), "{page}");
    let page = Ruled::docs_markdown();
    assert!(page.contains("**Rules:** matching `^[a-z]+(-[a-z]+)*$`."), "{page}");
    assert!(page.contains("**Rules:** containing `(ref)`."), "{page}");
    let schema = Ruled::json_schema();
    // JSON Schema has no keyword for a substring: a pattern of the text, escaped.
    assert_eq!(schema["properties"]["referral"], json!({"type": "string", "pattern": "\\(ref\\)"}));
    assert_eq!(schema["properties"]["login"], json!({"type": "string", "minLength": 3, "maxLength": 8}));
    assert_eq!(
        schema["properties"]["tags"],
        json!({"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 4}, "minItems": 1, "maxItems": 3, "uniqueItems": true})
    );
    assert_eq!(schema["properties"]["seats"], json!({"type": "integer", "minimum": 1, "maximum": 10}));
    assert_eq!(
        schema["properties"]["discount"],
        json!({"type": "number", "exclusiveMinimum": -1, "exclusiveMaximum": 100.5, "multipleOf": 0.5})
    );
    assert_eq!(schema["properties"]["email"], json!({"type": "string", "format": "email"}));
    assert_eq!(schema["properties"]["birthday"], json!({"type": ["string", "null"], "format": "date"}));
}

/// Credentials whose rules break: nothing of them is quoted.
#[derive(Debug, Deserialize, ApiModel)]
struct Credentials {
    #[api(pattern = "^sk_")]
    key: String,
    #[api(maximum = 9999)]
    pin: Secret<u32>,
}

#[derive(Debug, Deserialize, ApiModel)]
struct Vault {
    credentials: Secret<Credentials>,
}

#[test]
fn rules_inside_a_secret_never_quote_it() {
    let json = r#"{"credentials": {"key": "pk_canary", "pin": 123456}}"#;
    let error = Vault::from_json(json).unwrap_err();
    let shown = format!("{error} {error:?} {}", serde_json::to_string(&error).unwrap());
    assert!(!shown.contains("canary") && !shown.contains("123456"), "{shown}");
    let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.code(), issue.received())).collect();
    assert_eq!(
        found,
        [
            ("/credentials/key", "pattern_mismatch", Some("string")),
            ("/credentials/pin", "out_of_range", Some("number"))
        ]
    );
}

/// A model whose name is a common leaf type's: its rules still run.
mod named_like_a_leaf {
    #[derive(Debug, serde::Deserialize, model_core::ApiModel)]
    pub struct Value {
        #[api(min_length = 2)]
        pub text: String,
    }
}

#[derive(Debug, Deserialize, ApiModel)]
struct HoldsValue {
    inner: named_like_a_leaf::Value,
    #[serde(skip_deserializing)]
    cached: Option<named_like_a_leaf::Value>,
}

#[test]
fn a_model_named_like_a_leaf_type_has_its_rules_run() {
    let error = HoldsValue::from_json(r#"{"inner": {"text": "a"}}"#).unwrap_err();
    assert_eq!(error.issues()[0].pointer(), "/inner/text");
    // A field serde never reads is not checked, whatever it holds.
    let mut value = HoldsValue::from_json(r#"{"inner": {"text": "ab"}}"#).unwrap();
    value.cached = Some(named_like_a_leaf::Value { text: String::new() });
    assert!(value.validate().is_ok());
}

#[test]
fn the_typed_pass_and_the_report_agree_on_cross_field_rules() {
    // A field rule and the cross-field rule broken together: both passes
    // find both (the report in document order, `validate()` in the order
    // the rules name their places).
    let json = r#"{"room": "a b", "start": 9, "end": 3}"#;
    let booking = serde_json::from_str::<Booking>(json).unwrap();
    let mut typed: Vec<_> =
        booking.validate().unwrap_err().issues().iter().map(|i| (i.pointer().to_owned(), i.code())).collect();
    let report: Vec<_> =
        Booking::from_json(json).unwrap_err().issues().iter().map(|i| (i.pointer().to_owned(), i.code())).collect();
    assert_eq!(
        report,
        [
            ("/room".to_owned(), "invalid_value"),
            ("/start".to_owned(), "invalid_value"),
            ("/end".to_owned(), "invalid_value")
        ]
    );
    typed.sort();
    let mut sorted_report = report.clone();
    sorted_report.sort();
    assert_eq!(typed, sorted_report);
}

#[derive(Debug, Deserialize, ApiModel)]
struct Roster {
    #[api(max_items = 1)]
    members: Vec<Ruled>,
}

#[test]
fn a_field_rule_holds_beside_the_rules_of_what_it_holds() {
    let mut member = valid();
    member["login"] = json!("x");
    let json = json!({"members": [member, valid()]}).to_string();
    let report = Roster::from_json(&json).unwrap_err();
    let found: Vec<_> = report.issues().iter().map(|i| (i.pointer(), i.code())).collect();
    // The report in document order: the list starts before its first member.
    assert_eq!(found, [("/members", "too_long"), ("/members/0/login", "too_short")]);
    let typed = serde_json::from_str::<Roster>(&json).unwrap().validate().unwrap_err();
    let found: Vec<_> = typed.issues().iter().map(|i| (i.pointer(), i.code())).collect();
    assert_eq!(found, [("/members/0/login", "too_short"), ("/members", "too_long")]);
}
