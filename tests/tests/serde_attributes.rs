//! The derive follows serde for everything serde decides: each case parses
//! with both and checks that they agree, and what the report says.

use std::collections::BTreeMap;

use model_core::{
    check::{JsonKind, Node, Report},
    doc::TypeDoc,
    ApiModel, ApiStruct, ApiType,
};
use model_tests::{parse_agreeing, pointers_and_codes};
use serde::{Deserialize, Serialize};

fn wire_names<T: ApiStruct>() -> Vec<&'static str> {
    T::fields().iter().map(|field| field.wire_name).collect()
}

macro_rules! rule_models {
    ($($model:ident => $rule:literal,)*) => {$(
        #[derive(Debug, Deserialize, ApiModel)]
        #[serde(rename_all = $rule)]
        #[allow(dead_code)]
        struct $model {
            outcome: Option<u8>,
            very_tasty: Option<u8>,
            r#type: Option<u8>,
        }
    )*};
}

rule_models! {
    Lower => "lowercase",
    Upper => "UPPERCASE",
    Pascal => "PascalCase",
    Camel => "camelCase",
    Snake => "snake_case",
    ScreamingSnake => "SCREAMING_SNAKE_CASE",
    Kebab => "kebab-case",
    ScreamingKebab => "SCREAMING-KEBAB-CASE",
}

#[test]
fn rename_all_spells_fields_as_serde_does() {
    let table: [(Vec<&str>, [&str; 3]); 8] = [
        (wire_names::<Lower>(), ["outcome", "very_tasty", "type"]),
        (wire_names::<Upper>(), ["OUTCOME", "VERY_TASTY", "TYPE"]),
        (wire_names::<Pascal>(), ["Outcome", "VeryTasty", "Type"]),
        (wire_names::<Camel>(), ["outcome", "veryTasty", "type"]),
        (wire_names::<Snake>(), ["outcome", "very_tasty", "type"]),
        (wire_names::<ScreamingSnake>(), ["OUTCOME", "VERY_TASTY", "TYPE"]),
        (wire_names::<Kebab>(), ["outcome", "very-tasty", "type"]),
        (wire_names::<ScreamingKebab>(), ["OUTCOME", "VERY-TASTY", "TYPE"]),
    ];
    for (names, expected) in table {
        assert_eq!(names, expected);
    }
    // And serde reads the same keys: a wrong type under each is reported.
    let error = parse_agreeing::<ScreamingKebab>(r#"{"VERY-TASTY": "x", "very_tasty": "ignored"}"#).unwrap_err();
    assert_eq!(pointers_and_codes(&error), [("/VERY-TASTY".to_owned(), "invalid_type")]);
    let error = parse_agreeing::<Camel>(r#"{"veryTasty": 1000, "type": -1}"#).unwrap_err();
    assert_eq!(
        pointers_and_codes(&error),
        [("/veryTasty".to_owned(), "out_of_range"), ("/type".to_owned(), "out_of_range")]
    );
}

fn default_total() -> f64 {
    1.0
}

#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
#[serde(rename_all = "camelCase")]
struct Order {
    /// Overrides the rule.
    #[serde(rename = "ORDER-ID", alias = "id", alias = "orderNo")]
    order_id: String,
    #[serde(default)]
    line_items: Vec<String>,
    #[serde(default = "default_total")]
    grand_total: f64,
    #[serde(skip)]
    cached: Option<u32>,
    #[serde(skip_deserializing)]
    computed: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[test]
fn rename_alias_default_and_skip() {
    // `skip` is off the wire; `skip_deserializing` is written, so it is
    // documented, as read-only: never required, never read.
    assert_eq!(wire_names::<Order>(), ["ORDER-ID", "lineItems", "grandTotal", "computed", "note"]);
    let required: Vec<bool> = Order::fields().iter().map(|field| field.required).collect();
    assert_eq!(required, [true, false, false, false, false]);
    let read_only: Vec<bool> = Order::fields().iter().map(|field| field.read_only).collect();
    assert_eq!(read_only, [false, false, false, true, false]);
    assert_eq!(Order::fields()[0].aliases, ["id", "orderNo"]);

    let cases: &[(&str, &[(&str, &str)])] = &[
        (r#"{"ORDER-ID": "a"}"#, &[]),
        (r#"{"id": "a"}"#, &[]),
        (r#"{"orderNo": "a", "lineItems": ["x"], "grandTotal": 2}"#, &[]),
        (r#"{"order_id": "a"}"#, &[("/ORDER-ID", "missing")]),
        (r#"{"id": "a", "ORDER-ID": "b"}"#, &[("/ORDER-ID", "duplicate_key")]),
        (
            r#"{"id": 1, "lineItems": [1], "grandTotal": null}"#,
            &[("/id", "invalid_type"), ("/lineItems/0", "invalid_type"), ("/grandTotal", "invalid_type")],
        ),
        (r#"{"id": "a", "cached": "not read", "computed": "not read"}"#, &[]),
    ];
    for &(json, expected) in cases {
        let found = match parse_agreeing::<Order>(json) {
            Ok(_) => Vec::new(),
            Err(error) => pointers_and_codes(&error),
        };
        let expected: Vec<(String, &str)> = expected.iter().map(|&(p, c)| (p.to_owned(), c)).collect();
        assert_eq!(found, expected, "{json}");
    }
    let order = Order::from_json(r#"{"id": "a"}"#).unwrap();
    assert_eq!((order.grand_total, order.line_items.len(), order.cached, order.computed), (1.0, 0, None, 0));
    assert_eq!(Order::fields()[0].description, Some("Overrides the rule."));
}

#[derive(Debug, PartialEq, Deserialize, ApiModel)]
#[serde(deny_unknown_fields)]
struct Strict {
    name: String,
    count: u32,
}

#[test]
fn deny_unknown_fields_reports_each_with_a_suggestion() {
    let error = parse_agreeing::<Strict>(r#"{"name": "a", "cuont": 1, "zzz": 2}"#).unwrap_err();
    assert_eq!(
        pointers_and_codes(&error),
        [
            ("/cuont".to_owned(), "unknown_field"),
            ("/zzz".to_owned(), "unknown_field"),
            ("/count".to_owned(), "missing")
        ]
    );
    assert_eq!(error.issues()[0].suggestion(), Some("count"));
    assert_eq!(error.issues()[1].suggestion(), None);
}

#[derive(Debug, Default, PartialEq, Deserialize, ApiModel)]
#[serde(default)]
struct AllDefault {
    name: String,
    count: u32,
}

#[test]
fn container_default_makes_every_field_optional() {
    assert!(AllDefault::fields().iter().all(|field| !field.required));
    assert_eq!(parse_agreeing::<AllDefault>("{}").unwrap(), AllDefault::default());
    let error = parse_agreeing::<AllDefault>(r#"{"count": "x"}"#).unwrap_err();
    assert_eq!(pointers_and_codes(&error), [("/count".to_owned(), "invalid_type")]);
}

#[derive(Debug, PartialEq, Deserialize, ApiModel)]
#[api(builder)]
struct Page<T>
where
    T: Clone,
{
    items: Vec<T>,
    next: Option<String>,
    extra: BTreeMap<String, T>,
}

#[test]
fn generic_models() {
    let page = parse_agreeing::<Page<u8>>(r#"{"items": [1, 2], "extra": {}}"#).unwrap();
    assert_eq!(page.items, [1, 2]);
    let error = parse_agreeing::<Page<u8>>(r#"{"items": [1, 256], "extra": {"a": "x"}}"#).unwrap_err();
    assert_eq!(
        pointers_and_codes(&error),
        [("/items/1".to_owned(), "out_of_range"), ("/extra/a".to_owned(), "invalid_type")]
    );
    assert_eq!(Page::<u8>::fields()[0].ty.to_string(), "integer[]");
    let page = Page::<String>::builder().items(vec!["a".to_owned()]).extra(BTreeMap::new()).build().unwrap();
    assert_eq!(page.next, None);
}

/// A user's own type: a non-empty string, checked by its own `Deserialize`.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(try_from = "String")]
struct NonEmpty(String);

impl TryFrom<String> for NonEmpty {
    type Error = &'static str;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        if value.is_empty() {
            Err("empty")
        } else {
            Ok(NonEmpty(value))
        }
    }
}

impl ApiType for NonEmpty {
    const TYPE: TypeDoc = TypeDoc::String;
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        report.check_leaf::<Self>(node, &[JsonKind::String], &Self::TYPE);
    }
}

#[derive(Debug, PartialEq, Deserialize, ApiModel)]
struct Profile {
    name: NonEmpty,
    nick: Option<NonEmpty>,
}

#[test]
fn a_users_own_type() {
    assert!(parse_agreeing::<Profile>(r#"{"name": "a", "nick": null}"#).is_ok());
    let error = parse_agreeing::<Profile>(r#"{"name": "", "nick": 3}"#).unwrap_err();
    assert_eq!(
        pointers_and_codes(&error),
        [("/name".to_owned(), "invalid_format"), ("/nick".to_owned(), "invalid_type")]
    );
}

/// serde refuses more than the check knows: the report still never comes back empty.
#[derive(Debug, PartialEq)]
struct Even(u32);

impl<'de> Deserialize<'de> for Even {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = u32::deserialize(deserializer)?;
        if value % 2 == 0 {
            Ok(Even(value))
        } else {
            Err(serde::de::Error::custom("odd"))
        }
    }
}

impl ApiType for Even {
    const TYPE: TypeDoc = TypeDoc::Integer { min: 0, max: u32::MAX as u128 };
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        // Deliberately incomplete: only the JSON type.
        if node.kind() != JsonKind::Number {
            report.push(node, model_core::IssueKind::InvalidType, "integer");
        }
    }
}

#[derive(Debug, PartialEq, Deserialize, ApiModel)]
struct Counter {
    value: Even,
}

#[test]
fn an_incomplete_check_falls_back_to_serde() {
    assert!(parse_agreeing::<Counter>(r#"{"value": 2}"#).is_ok());
    let error = parse_agreeing::<Counter>("{\n\"value\": 3}").unwrap_err();
    assert_eq!(pointers_and_codes(&error), [(String::new(), "invalid_value")]);
    assert_eq!(error.issues()[0].line(), Some(2));
}

#[test]
fn an_output_only_field_is_documented_as_read_only() {
    let page = Order::docs_markdown();
    let row = page.lines().find(|line| line.starts_with("| `computed`")).unwrap();
    assert_eq!(
        row,
        "| `computed` | *integer* | :heavy_minus_sign: | **Read-only:** sent by the API, ignored on input. N/A |  |"
    );
    let schema = Order::json_schema();
    assert_eq!(schema["properties"]["computed"]["readOnly"], true);
    assert!(!schema.to_string().contains(r#"["computed"]"#), "never required, alone or among aliases");
    assert_eq!(schema["properties"].get("cached"), None, "`skip` stays off the wire");
}

/// A model whose container rename names it everywhere.
#[derive(Debug, PartialEq, Deserialize, ApiModel)]
#[api(builder)]
#[serde(rename = "Invoice")]
struct InvoiceV2 {
    number: String,
}

#[derive(Debug, PartialEq, Eq, ApiModel)]
#[serde(rename = "Colour")]
enum Color {
    Red,
}

#[test]
fn a_container_rename_names_the_type_in_docs_schema_and_reports() {
    assert_eq!(InvoiceV2::doc().name, "Invoice");
    assert!(InvoiceV2::docs_markdown().starts_with("# Invoice\n"));
    assert_eq!(InvoiceV2::json_schema()["title"], "Invoice");
    assert_eq!(InvoiceV2::from_json("{}").unwrap_err().model(), "Invoice");
    assert_eq!(InvoiceV2::builder().build().unwrap_err().model(), "Invoice");
    assert_eq!(<Color as model_core::ApiEnum>::doc().name, "Colour");
    assert!("Blue".parse::<Color>().unwrap_err().to_string().starts_with("unknown Colour value"));
}
