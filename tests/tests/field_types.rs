//! The common field types a real API needs, each against good and bad values,
//! in docs and in the schema: UUIDs, URLs, dates, IP addresses, characters,
//! shared pointers, and maps keyed by integers or enums.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::Arc;

use model_core::{ApiModel, ApiStruct};
use model_tests::parse_agreeing;
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ApiModel)]
#[serde(rename_all = "snake_case")]
enum Region {
    Eu,
    Us,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, ApiModel)]
struct Everything {
    id: Option<uuid::Uuid>,
    homepage: Option<url::Url>,
    born: Option<chrono::NaiveDate>,
    ip: Option<IpAddr>,
    v4: Option<Ipv4Addr>,
    v6: Option<Ipv6Addr>,
    initial: Option<char>,
    short: Option<Box<str>>,
    label: Option<Cow<'static, str>>,
    shared: Option<Arc<Region>>,
    by_year: Option<BTreeMap<u16, String>>,
    by_region: Option<HashMap<Region, u8>>,
    opens: Option<chrono::NaiveTime>,
    local: Option<chrono::NaiveDateTime>,
    timeout: Option<std::time::Duration>,
}

/// `(pointer, code, line, column)` of the report on `{key: value}` (one
/// line of compact JSON), or `None` when it parses.
fn verdict(key: &str, value: serde_json::Value) -> Option<Vec<(String, &'static str, usize, usize)>> {
    let json = json!({ key: value }).to_string();
    parse_agreeing::<Everything>(&json).err().map(|error| {
        error
            .issues()
            .iter()
            .map(|issue| (issue.pointer().to_owned(), issue.code(), issue.line().unwrap(), issue.column().unwrap()))
            .collect()
    })
}

#[test]
fn each_type_takes_good_values_and_reports_bad_ones() {
    let good = [
        ("id", json!("123e4567-e89b-12d3-a456-426614174000")),
        ("homepage", json!("https://api.stackone.com/connect")),
        ("born", json!("1815-12-10")),
        ("ip", json!("10.0.0.1")),
        ("ip", json!("::1")),
        ("v4", json!("192.168.0.1")),
        ("v6", json!("2001:db8::1")),
        ("initial", json!("é")),
        ("short", json!("abc")),
        ("label", json!("abc")),
        ("shared", json!("eu")),
        ("by_year", json!({"2024": "leap", "1999": "not"})),
        ("by_region", json!({"eu": 1, "us": 2})),
        ("opens", json!("09:30")),
        ("opens", json!("09:30:15.25")),
        ("local", json!("2024-02-29T09:30:00")),
        ("timeout", json!({"secs": 30, "nanos": 500})),
    ];
    for (key, value) in good {
        assert_eq!(verdict(key, value.clone()), None, "{key}: {value}");
    }
    // (key, value, pointer, code, column): a value's issue at the value, a key's at the key.
    let bad = [
        ("id", json!("not-a-uuid"), "/id", "invalid_format", 7),
        ("id", json!(12), "/id", "invalid_type", 7),
        ("homepage", json!("/relative"), "/homepage", "invalid_format", 13),
        ("born", json!("2023-02-29"), "/born", "invalid_format", 9),
        ("ip", json!("10.0.0"), "/ip", "invalid_format", 7),
        ("v4", json!("::1"), "/v4", "invalid_format", 7),
        ("v6", json!("10.0.0.1"), "/v6", "invalid_format", 7),
        ("initial", json!("ab"), "/initial", "invalid_format", 12),
        ("shared", json!("asia"), "/shared", "unknown_variant", 11),
        ("by_year", json!({"2024": "a", "MMXXIV": "b"}), "/by_year/MMXXIV", "invalid_format", 24),
        ("by_year", json!({"70000": "a"}), "/by_year/70000", "invalid_format", 13),
        ("by_region", json!({"eu": 1, "asia": 2}), "/by_region/asia", "unknown_variant", 22),
        ("by_region", json!({"eu": 300}), "/by_region/eu", "out_of_range", 20),
        ("opens", json!("25:00"), "/opens", "invalid_format", 10),
        ("local", json!("2024-02-29T09:30:00Z"), "/local", "invalid_format", 10),
        ("timeout", json!({"secs": -1, "nanos": 0}), "/timeout/secs", "out_of_range", 20),
        ("timeout", json!({"secs": 1}), "/timeout/nanos", "missing", 12),
    ];
    for (key, value, pointer, code, column) in bad {
        assert_eq!(verdict(key, value.clone()), Some(vec![(pointer.to_owned(), code, 1, column)]), "{key}: {value}");
    }
}

#[test]
fn a_bad_key_is_reported_at_the_key_with_a_suggestion() {
    let json = "{\n  \"by_region\": {\"eu\": 1, \"uss\": 2}\n}";
    let error = Everything::from_json(json).unwrap_err();
    let issue = &error.issues()[0];
    assert_eq!((issue.pointer(), issue.code(), issue.suggestion()), ("/by_region/uss", "unknown_variant", Some("us")));
    assert_eq!((issue.line(), issue.column(), issue.received()), (Some(2), Some(26), Some("key \"uss\"")));
}

#[test]
fn docs_and_schema_name_each_type() {
    let cells: Vec<String> = Everything::fields().iter().map(|field| field.ty.to_string()).collect();
    assert_eq!(
        cells,
        [
            "UUID",
            "URI",
            "date",
            "IP address",
            "IPv4 address",
            "IPv6 address",
            "character",
            "string",
            "string",
            "Region",
            "map of string by integer",
            "map of integer by Region",
            "time (hh:mm:ss)",
            "local date-time (no offset)",
            "Duration",
        ]
    );
    let schema = Everything::json_schema();
    let properties = &schema["properties"];
    assert_eq!(properties["id"], json!({"type": ["string", "null"], "format": "uuid"}));
    assert_eq!(properties["homepage"], json!({"type": ["string", "null"], "format": "uri"}));
    assert_eq!(properties["born"], json!({"type": ["string", "null"], "format": "date"}));
    assert_eq!(
        properties["ip"],
        json!({"type": ["string", "null"], "anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]})
    );
    assert_eq!(properties["initial"], json!({"type": ["string", "null"], "minLength": 1, "maxLength": 1}));
    assert_eq!(
        properties["by_region"],
        json!({"type": ["object", "null"], "propertyNames": {"$ref": "#/$defs/Region"},
               "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 255}})
    );
    assert!(schema["$defs"]["Region"].is_object(), "the key enum is linked");
    let page = Everything::docs_markdown();
    assert!(page.contains("| `by_region` | map of *integer* by [Region](Region.md) |"), "{page}");
}

#[test]
fn values_round_trip() {
    let json = json!({
        "id": "123e4567-e89b-12d3-a456-426614174000", "homepage": "https://a.io/", "born": "2024-02-29",
        "ip": "::1", "v4": "1.2.3.4", "v6": "::1", "initial": "x", "short": "s", "label": "l", "shared": "us",
        "by_year": {"1999": "a"}, "by_region": {"eu": 1},
        "opens": "09:30:00", "local": "2024-02-29T09:30:00", "timeout": {"secs": 1, "nanos": 2}
    });
    let parsed = Everything::from_value(json.clone()).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), json);
}
