//! Every supported type against good and bad values, and bad input of every
//! kind: each case checks the exact pointers and codes, and that the report
//! agrees with serde.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset, Utc};
use model_core::{ApiModel, IssueKind};
use model_tests::{parse_agreeing, pointers_and_codes};
use serde::Deserialize;
use serde_json::{Map, Number, Value};

#[derive(Debug, PartialEq, Deserialize, ApiModel)]
struct Inner {
    name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiModel)]
#[serde(rename_all = "snake_case")]
enum Status {
    Draft,
    InReview,
}

/// A model that nests in itself.
#[derive(Debug, PartialEq, Deserialize, ApiModel)]
struct Chain {
    value: u8,
    next: Option<Box<Chain>>,
}

/// One optional field of each supported type, so each case sets just one.
#[derive(Debug, PartialEq, Deserialize, ApiModel)]
struct Everything {
    text: Option<String>,
    flag: Option<bool>,
    small: Option<u8>,
    signed: Option<i8>,
    wide: Option<i64>,
    unsigned: Option<u64>,
    huge: Option<i128>,
    size: Option<usize>,
    single: Option<f32>,
    double: Option<f64>,
    number: Option<Number>,
    utc: Option<DateTime<Utc>>,
    fixed: Option<DateTime<FixedOffset>>,
    any: Option<Value>,
    object: Option<Map<String, Value>>,
    list: Option<Vec<u16>>,
    boxed: Option<Box<Inner>>,
    hash: Option<HashMap<String, i32>>,
    tree: Option<BTreeMap<String, Vec<bool>>>,
    inner: Option<Inner>,
    status: Option<Status>,
}

type Expected<'a> = &'a [(&'a str, &'a str)];

const OK: Expected = &[];

fn check(json: &str, expected: Expected) {
    let result = parse_agreeing::<Everything>(json);
    let found = match &result {
        Ok(_) => Vec::new(),
        Err(error) => pointers_and_codes(error),
    };
    let expected: Vec<(String, &str)> = expected.iter().map(|&(pointer, code)| (pointer.to_owned(), code)).collect();
    assert_eq!(found, expected, "for {json}");
    if let Err(error) = result {
        for issue in error.issues() {
            assert!(issue.line().is_some() && issue.column().is_some(), "no position in {issue} for {json}");
        }
    }
}

#[test]
fn each_type_accepts_and_refuses_what_serde_does() {
    let table: &[(&str, &str, Expected)] = &[
        ("text", r#""x""#, OK),
        ("text", "1", &[("/text", "invalid_type")]),
        ("text", "[]", &[("/text", "invalid_type")]),
        ("flag", "true", OK),
        ("flag", r#""true""#, &[("/flag", "invalid_type")]),
        ("small", "255", OK),
        ("small", "256", &[("/small", "out_of_range")]),
        ("small", "300", &[("/small", "out_of_range")]),
        ("small", "-1", &[("/small", "out_of_range")]),
        ("small", "1.5", &[("/small", "invalid_type")]),
        ("small", "1e2", &[("/small", "invalid_type")]),
        ("small", r#""1""#, &[("/small", "invalid_type")]),
        ("signed", "-128", OK),
        ("signed", "-129", &[("/signed", "out_of_range")]),
        ("wide", "9223372036854775807", OK),
        ("wide", "9223372036854775808", &[("/wide", "out_of_range")]),
        ("unsigned", "18446744073709551615", OK),
        ("unsigned", "18446744073709551616", &[("/unsigned", "out_of_range")]),
        ("huge", "-170141183460469231731687303715884105728", OK),
        ("size", "-5", &[("/size", "out_of_range")]),
        ("single", "1.5", OK),
        ("single", "2", OK),
        ("double", "-0.0", OK),
        ("double", r#""1.0""#, &[("/double", "invalid_type")]),
        ("number", "1e300", OK),
        ("number", "1e400", &[("/number", "out_of_range")]),
        ("utc", r#""2024-01-01T00:00:00+05:00""#, OK),
        ("utc", r#""2024-01-01T00:00:00""#, &[("/utc", "invalid_format")]),
        ("utc", "5", &[("/utc", "invalid_type")]),
        ("fixed", r#""2024-01-01T00:00:00.5-03:30""#, OK),
        ("fixed", r#""2024-13-01T00:00:00Z""#, &[("/fixed", "invalid_format")]),
        ("any", r#"[1, {"a": null}, "x"]"#, OK),
        ("any", "1e400", &[("/any", "out_of_range")]),
        ("object", "{}", OK),
        ("object", "[]", &[("/object", "invalid_type")]),
        ("list", "[1, 2]", OK),
        (
            "list",
            r#"[1, "x", 70000, 2.5]"#,
            &[("/list/1", "invalid_type"), ("/list/2", "out_of_range"), ("/list/3", "invalid_type")],
        ),
        ("list", "{}", &[("/list", "invalid_type")]),
        ("boxed", r#"{"name": "x"}"#, OK),
        ("boxed", "{}", &[("/boxed/name", "missing")]),
        ("hash", r#"{"a": 1}"#, OK),
        ("hash", r#"{"a": "x", "b/c~": 2.5}"#, &[("/hash/a", "invalid_type"), ("/hash/b~1c~0", "invalid_type")]),
        ("hash", "[]", &[("/hash", "invalid_type")]),
        ("tree", r#"{"k": [true, 1]}"#, &[("/tree/k/1", "invalid_type")]),
        ("inner", r#"{"name": 1, "extra": 2}"#, &[("/inner/name", "invalid_type")]),
        ("inner", r#""x""#, &[("/inner", "invalid_type")]),
        ("inner", "null", OK),
        ("status", r#""in_review""#, OK),
        ("status", r#""InReview""#, &[("/status", "unknown_variant")]),
        ("status", "1", &[("/status", "invalid_type")]),
    ];
    for &(key, value, expected) in table {
        check(&format!(r#"{{"{key}": {value}}}"#), expected);
    }
}

#[test]
fn bad_input_of_every_kind() {
    let table: &[(&str, Expected)] = &[
        ("{}", OK),
        ("[]", &[("", "invalid_type")]),
        ("null", &[("", "invalid_type")]),
        ("\"x\"", &[("", "invalid_type")]),
        ("{", &[("", "syntax")]),
        ("", &[("", "syntax")]),
        ("{} x", &[("", "syntax")]),
        (r#"{"text": "a",}"#, &[("", "syntax")]),
        (r#"{"text": 'a'}"#, &[("", "syntax")]),
        (r#"{"text": "a", "text": "b"}"#, &[("/text", "duplicate_key")]),
        (r#"{"text": 1, "text": "b"}"#, &[("/text", "invalid_type"), ("/text", "duplicate_key")]),
        (r#"{"unknown": 1, "unknown": 2}"#, OK),
        (r#"{"text": "\ud800"}"#, &[("/text", "invalid_format")]),
        // A key serde_json cannot decode: the object is refused as a whole,
        // at its own place, before any member is read.
        (r#"{"text": 1, "\ud800": 2}"#, &[("", "syntax")]),
        (r#"{"a\nb": 1, "text": 2}"#, &[("/text", "invalid_type")]),
    ];
    for &(json, expected) in table {
        check(json, expected);
    }
}

#[test]
fn syntax_errors_carry_serde_json_position() {
    let error = Everything::from_json("{\n  \"text\": \"a\",\n  \"flag\": tru\n}").unwrap_err();
    let issue = &error.issues()[0];
    // serde_json finds the problem at the newline after `tru`.
    assert_eq!((issue.code(), issue.line(), issue.column()), ("syntax", Some(3), Some(14)));
    assert_eq!(issue.expected(), "valid JSON (expected ident)");
}

#[test]
fn nesting_stops_where_serde_json_stops() {
    // The root object is one level, so `any` may hold 126 more.
    let nested = |levels: usize| format!(r#"{{"any": {}{}}}"#, "[".repeat(levels), "]".repeat(levels));
    check(&nested(126), OK);
    check(&nested(127), &[("/any", "too_deep")]);
    check(&nested(100_000), &[("/any", "too_deep")]);
    let error = Everything::from_json(&nested(100_000)).unwrap_err();
    assert_eq!(error.issues()[0].column(), Some(9 + 126), "points at the bracket that is one too deep");

    // Typed nesting: each `Chain` is an object inside the one before.
    let chain = |levels: usize| {
        format!("{}{}", r#"{"value": 1, "next": "#.repeat(levels), "null}".to_owned() + &"}".repeat(levels - 1))
    };
    assert!(parse_agreeing::<Chain>(&chain(127)).is_ok());
    let error = parse_agreeing::<Chain>(&chain(128)).unwrap_err();
    assert_eq!(pointers_and_codes(&error), [("/next".repeat(127), "too_deep")]);
    let error = parse_agreeing::<Chain>(&chain(5).replacen("1", "300", 1)).unwrap_err();
    assert_eq!(pointers_and_codes(&error), [("/value".to_owned(), "out_of_range")]);

    // serde ignores an unknown key without reading it, however deep it goes.
    let ignored = format!(r#"{{"unknown": {}{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
    check(&ignored, OK);
}

#[test]
fn many_issues_come_in_input_order() {
    let json = r#"{
        "small": 999,
        "list": [1, "two", 3],
        "inner": {},
        "status": "archived",
        "utc": "soon"
    }"#;
    let error = parse_agreeing::<Everything>(json).unwrap_err();
    let found: Vec<(&str, &str, usize)> =
        error.issues().iter().map(|issue| (issue.pointer(), issue.code(), issue.line().unwrap())).collect();
    assert_eq!(
        found,
        [
            ("/small", "out_of_range", 2),
            ("/list/1", "invalid_type", 3),
            ("/inner/name", "missing", 4),
            ("/status", "unknown_variant", 5),
            ("/utc", "invalid_format", 6),
        ]
    );
    assert_eq!(error.issues()[0].expected(), "integer from 0 to 255");
    assert_eq!(error.issues()[3].expected(), "one of `draft`, `in_review`");
}

#[test]
fn bytes_and_values_are_reported_too() {
    let error = Everything::from_slice(b"{\"text\": \"a\xff\"}").unwrap_err();
    assert_eq!(pointers_and_codes(&error), [(String::new(), "syntax")]);
    assert_eq!((error.issues()[0].line(), error.issues()[0].column()), (Some(1), Some(12)));

    let error = Everything::from_slice(br#"{"small": 256}"#).unwrap_err();
    assert_eq!(pointers_and_codes(&error), [("/small".to_owned(), "out_of_range")]);

    let error = Everything::from_value(serde_json::json!({"small": 256, "inner": {}})).unwrap_err();
    // A `Value` keeps its keys in insertion order, and the report follows it.
    assert_eq!(
        pointers_and_codes(&error),
        [("/small".to_owned(), "out_of_range"), ("/inner/name".to_owned(), "missing")]
    );
    assert!(error.issues().iter().all(|issue| issue.line().is_none() && issue.column().is_none()));
    assert_eq!(Everything::from_value(serde_json::json!({"small": 255})).unwrap().small, Some(255));
}

#[test]
fn top_level_arrays_and_enums() {
    let items: Vec<Inner> = model_core::from_json(r#"[{"name": "a"}]"#).unwrap();
    assert_eq!(items, [Inner { name: "a".to_owned() }]);
    let error = model_core::from_json::<Vec<Inner>>(r#"[{"name": "a"}, {}, 3]"#).unwrap_err();
    assert_eq!(pointers_and_codes(&error), [("/1/name".to_owned(), "missing"), ("/2".to_owned(), "invalid_type")]);
    assert_eq!(error.model(), "Inner[]");
    assert_eq!(model_core::from_json::<Status>(r#""draft""#).unwrap(), Status::Draft);
}

#[test]
fn every_code_is_documented_and_distinct() {
    let codes: Vec<&str> = IssueKind::ALL.iter().map(|kind| kind.code()).collect();
    assert_eq!(
        codes,
        [
            "missing",
            "invalid_type",
            "invalid_format",
            "out_of_range",
            "unknown_variant",
            "unknown_field",
            "duplicate_key",
            "too_deep",
            "syntax",
            "invalid_value",
            "too_short",
            "too_long",
            "not_multiple_of",
            "pattern_mismatch",
            "not_unique",
            "too_many_issues"
        ]
    );
}

#[test]
fn display_is_one_line_per_issue() {
    let error = Everything::from_json("{\"small\": 300,\n \"status\": \"Draft\"}").unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid Everything: 2 issues\n  \
         - /small: out_of_range in `small`, expected integer from 0 to 255, got number 300 at 1:11\n  \
         - /status: unknown_variant in `status`, expected one of `draft`, `in_review`, got string \"Draft\" \
         (did you mean `draft`?) at 2:12"
    );
}

#[test]
fn a_report_stops_at_max_issues() {
    let items = vec!["\"x\""; model_core::check::MAX_ISSUES + 500].join(",");
    let input = format!(r#"{{"list": [{items}]}}"#);
    // By default the byte budget (8 bytes a byte of this 6 KB input) ends it first.
    let error = parse_agreeing::<Everything>(&input).unwrap_err();
    assert!(error.issues().len() < model_core::check::MAX_ISSUES / 2, "{}", error.issues().len());
    assert_eq!(error.issues().last().unwrap().code(), "too_many_issues");
    // With room in bytes, the count ends it.
    let limits = model_core::check::ReportLimits::default().per_input_byte(1000);
    let error = limits.from_json::<Everything>(&input).unwrap_err();
    assert_eq!(error.issues().len(), model_core::check::MAX_ISSUES + 1);
    assert_eq!(
        error.issues()[model_core::check::MAX_ISSUES - 1].pointer(),
        format!("/list/{}", model_core::check::MAX_ISSUES - 1)
    );
    assert_eq!(error.issues()[model_core::check::MAX_ISSUES].code(), "too_many_issues");
}

#[derive(Debug, PartialEq, Deserialize, ApiModel)]
struct Counter {
    number: u32,
    label: String,
}

#[test]
fn a_missing_key_names_a_near_key_that_came_instead() {
    let error = parse_agreeing::<Counter>("{\"numbr\": 1, \"label\": \"a\"}").unwrap_err();
    assert_eq!(pointers_and_codes(&error), [("/number".to_owned(), "missing")]);
    assert_eq!(error.issues()[0].found_key(), Some("numbr"));
    assert_eq!(
        error.issues()[0].to_string(),
        "/number: missing in `number`, expected integer (did you mean to write `number`? found `numbr`) at 1:1"
    );
    // A key far from every missing one is still ignored, and named nowhere.
    let error = parse_agreeing::<Counter>(r#"{"total": 1, "label": "a"}"#).unwrap_err();
    assert_eq!(error.issues()[0].found_key(), None);
    // The near key stays ignored: it is not an error of its own.
    assert_eq!(error.issues().len(), 1);
}

#[derive(Debug, PartialEq, Deserialize, ApiModel)]
#[serde(deny_unknown_fields)]
struct StrictCounter {
    number: u32,
}

#[test]
fn unknown_and_duplicate_keys_point_at_the_key() {
    let json = "{\n  \"number\": 1,\n  \"extra\":\n    2,\n  \"number\" : 3\n}";
    let error = parse_agreeing::<StrictCounter>(json).unwrap_err();
    let found: Vec<_> =
        error.issues().iter().map(|issue| (issue.pointer(), issue.code(), issue.line(), issue.column())).collect();
    assert_eq!(found, [("/extra", "unknown_field", Some(3), Some(3)), ("/number", "duplicate_key", Some(5), Some(3))]);
    // Escaped quotes inside a key do not end it early.
    let error = parse_agreeing::<StrictCounter>(r#"{"number": 1, "a\"b\\": 2}"#).unwrap_err();
    assert_eq!((error.issues()[0].pointer(), error.issues()[0].column()), ("/a\"b\\", Some(15)));
}
