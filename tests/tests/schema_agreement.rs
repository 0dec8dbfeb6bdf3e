//! An independent validator, the `jsonschema` crate, must accept exactly what
//! `from_json` accepts, over a set of valid and invalid payloads.
//!
//! Stated exceptions, where JSON itself is read differently, so no payload
//! below exercises them: duplicate keys (a `serde_json::Value` keeps only the
//! last), nesting deeper than serde_json's limit (it cannot become a `Value`),
//! numbers beyond `f64` and strings with lone surrogates (likewise), and
//! integers written with a fraction such as `1.0` (JSON Schema counts them as
//! integers; serde refuses them for integer types), and a model written as a
//! JSON array of its fields in order, which serde's derive also accepts.
//!
//! One exception where the two read a format apart: an email with a display
//! name, `Ada <ada@example.com>`. JSON Schema's `email` is RFC 5321's
//! `Mailbox`, the address alone, and the parser refuses it; the `jsonschema`
//! crate accepts it. A test pins both answers, so that a change on either
//! side is seen.

use model_core::{ApiModel, ApiType};
use model_tests::{with_key, without_key, MINIMAL_AUTH_LINK, REQUIRED_KEYS, VALID_AUTH_LINK};
use models::ConnectSessionTokenAuthLink as AuthLink;
use serde::Deserialize;
use serde_json::{json, Value};

fn validator<T: ApiType>() -> jsonschema::Validator {
    let schema = model_core::schema::json_schema(&T::TYPE);
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema is valid")
}

fn assert_agree<T: ApiModel>(validator: &jsonschema::Validator, payload: &str) -> bool {
    let ours = T::from_json(payload).is_ok();
    let instance: Value = serde_json::from_str(payload).expect("payloads here are JSON");
    let theirs = validator.is_valid(&instance);
    assert_eq!(ours, theirs, "from_json says {ours}, the schema says {theirs}, for {payload}");
    ours
}

#[test]
fn auth_link_schema_and_parser_agree() {
    let validator = validator::<AuthLink>();
    let mut payloads = vec![VALID_AUTH_LINK.to_owned(), MINIMAL_AUTH_LINK.to_owned()];
    for key in REQUIRED_KEYS {
        payloads.push(without_key(MINIMAL_AUTH_LINK, key));
        payloads.push(with_key(MINIMAL_AUTH_LINK, key, Value::Null));
    }
    let values: &[(&str, Value)] = &[
        ("account_id", json!(1)),
        ("account_id", json!("a")),
        ("categories", json!(["ats", "payroll"])),
        ("categories", json!(["ats", 7])),
        ("categories", json!("ats")),
        ("categories", json!([])),
        ("created_at", json!("2024-08-22T09:15:37Z")),
        ("created_at", json!("2024-08-22T09:15:37.123456789+05:30")),
        ("created_at", json!("2024-08-22T09:15:37")),
        ("created_at", json!("2024-08-22 09:15:37Z")),
        ("created_at", json!("2024-08-22t09:15:37z")),
        ("created_at", json!("2024-08-22T09:15:37+0530")),
        ("created_at", json!("+12024-08-22T09:15:37Z")),
        ("created_at", json!(" 2024-08-22T09:15:37Z")),
        ("created_at", json!("2024-08-22T23:59:60Z")),
        ("created_at", json!("2024-02-30T09:15:37Z")),
        ("created_at", json!("2024-08-22")),
        ("created_at", json!("yesterday")),
        ("created_at", json!(1_724_318_137)),
        ("external_trigger_token", json!(12345)),
        ("id", json!(1)),
        ("id", json!(-2.5e10)),
        ("id", json!("1")),
        ("id", json!(true)),
        ("metadata", json!({})),
        ("metadata", json!({"a": [1, {"b": null}]})),
        ("metadata", json!([])),
        ("metadata", json!("x")),
        ("label", json!(["x"])),
        ("type", json!("test")),
        ("type", json!("sandbox")),
        ("type", json!(3)),
        ("integration_id", json!(false)),
        ("unknown_key", json!({"anything": [1, 2, 3]})),
    ];
    for (key, value) in values {
        payloads.push(with_key(MINIMAL_AUTH_LINK, key, value.clone()));
    }
    payloads.extend(["[]", "null", "\"x\"", "{}"].map(str::to_owned));

    let accepted = payloads.iter().filter(|payload| assert_agree::<AuthLink>(&validator, payload)).count();
    assert!(
        accepted > 10 && accepted < payloads.len() - 10,
        "both kinds are exercised: {accepted} of {}",
        payloads.len()
    );
}

/// A model with the types the auth link lacks: integers, closed enums,
/// aliases, maps, nested and recursive models, unknown fields denied.
#[derive(Debug, Deserialize, ApiModel)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Wide {
    #[serde(alias = "n")]
    count: u8,
    flag: Option<bool>,
    level: Level,
    scores: Option<std::collections::BTreeMap<String, i16>>,
    next: Option<Box<Wide>>,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Debug, Clone, Copy, ApiModel)]
#[serde(rename_all = "UPPERCASE")]
enum Level {
    Low,
    #[serde(alias = "MID")]
    Medium,
}

#[test]
fn wide_schema_and_parser_agree() {
    let validator = validator::<Wide>();
    let payloads = [
        r#"{"count": 1, "level": "LOW"}"#,
        r#"{"n": 1, "level": "MID"}"#,
        r#"{"count": 1, "n": 1, "level": "LOW"}"#,
        r#"{"level": "LOW"}"#,
        r#"{"count": 256, "level": "LOW"}"#,
        r#"{"count": -1, "level": "LOW"}"#,
        r#"{"count": 1, "level": "low"}"#,
        r#"{"count": 1, "level": "MEDIUM", "flag": null, "tags": ["a"]}"#,
        r#"{"count": 1, "level": "LOW", "extra": 1}"#,
        r#"{"count": 1, "level": "LOW", "scores": {"a": -32768, "b": 32767}}"#,
        r#"{"count": 1, "level": "LOW", "scores": {"a": 40000}}"#,
        r#"{"count": 1, "level": "LOW", "next": {"count": 2, "level": "LOW", "next": null}}"#,
        r#"{"count": 1, "level": "LOW", "next": {"count": 2}}"#,
        r#"{"count": 1, "level": "LOW", "next": {"count": 2, "level": "LOW", "next": {"n": 3, "level": "HIGH"}}}"#,
        r#"{"count": 1, "level": "LOW", "tags": null}"#,
        r#"{"count": 1, "level": "LOW", "flag": "yes"}"#,
    ];
    let accepted = payloads.iter().filter(|payload| assert_agree::<Wide>(&validator, payload)).count();
    // Accepted: the plain one, the aliases, the nullable flag, the scores, the nested one.
    assert_eq!(accepted, 5);
}

/// Every rule, each on a field of its own, so a payload tests one rule.
#[derive(Debug, Deserialize, ApiModel)]
struct Ruled {
    #[api(min_length = 2, max_length = 4)]
    text: Option<String>,
    #[api(pattern = "^[a-z]+(-[a-z]+)*$")]
    slug: Option<String>,
    // Regex characters in the text: the schema's pattern escapes them.
    #[api(contains = "(v1.2)*")]
    version: Option<String>,
    // Beside a pattern: both hold, the second under `allOf`.
    #[api(pattern = "^[a-z]", contains = "-")]
    kebab: Option<String>,
    #[api(format = "email")]
    email: Option<String>,
    #[api(format = "uri")]
    uri: Option<String>,
    #[api(format = "uuid")]
    uuid: Option<String>,
    #[api(format = "ipv4")]
    ipv4: Option<String>,
    #[api(format = "ipv6")]
    ipv6: Option<String>,
    #[api(format = "hostname")]
    hostname: Option<String>,
    #[api(format = "date")]
    date: Option<String>,
    #[api(minimum = -3, maximum = 3)]
    closed: Option<i32>,
    // Looser than the type's own range: the type's bound stays.
    #[api(minimum = -5, maximum = 300)]
    byte: Option<u8>,
    #[api(exclusive_minimum = -1.5, exclusive_maximum = 1.5)]
    open: Option<f64>,
    #[api(multiple_of = 3)]
    triple: Option<i64>,
    #[api(multiple_of = 0.25)]
    quarter: Option<f64>,
    #[api(min_items = 2, max_items = 3, unique_items, items(min_length = 1, max_length = 1))]
    list: Option<Vec<String>>,
    #[api(items(minimum = 0))]
    numbers: Option<Vec<i64>>,
    #[api(min_properties = 1, max_properties = 2, items(maximum = 9))]
    map: Option<std::collections::BTreeMap<String, u8>>,
}

#[test]
fn an_email_with_a_display_name_is_refused_though_the_jsonschema_crate_accepts_it() {
    let validator = validator::<Ruled>();
    let payload = json!({"email": "Ada <ada@example.com>"});
    let error = Ruled::from_json(&payload.to_string()).unwrap_err();
    assert_eq!(error.issues()[0].code(), "invalid_format");
    assert_eq!(error.issues()[0].pointer(), "/email");
    assert!(validator.is_valid(&payload), "the jsonschema crate now refuses it: drop this exception");
    // The address alone is accepted by both.
    assert!(assert_agree::<Ruled>(&validator, &json!({"email": "ada@example.com"}).to_string()));
}

#[test]
fn rules_schema_and_parser_agree_on_both_sides_of_every_limit() {
    let validator = validator::<Ruled>();
    let mut payloads: Vec<(&str, Value)> = Vec::new();
    for length in 0..=5 {
        payloads.push(("text", json!("é".repeat(length))));
    }
    for number in -5..=5 {
        payloads.push(("closed", json!(number)));
        payloads.push(("triple", json!(number)));
        payloads.push(("open", json!(f64::from(number) / 2.0)));
        payloads.push(("quarter", json!(f64::from(number) / 8.0)));
        payloads.push(("numbers", json!([1, number])));
    }
    for byte in [-6, -5, -1, 0, 255, 256, 300, 301] {
        payloads.push(("byte", json!(byte)));
    }
    for count in 0..=4 {
        let distinct: Vec<String> = (0..count).map(|index| format!("{index}")).collect();
        payloads.push(("list", json!(distinct)));
        let keys: serde_json::Map<String, Value> =
            (0..count).map(|index| (format!("k{index}"), json!(index))).collect();
        payloads.push(("map", Value::Object(keys)));
    }
    payloads.extend([
        ("list", json!(["a", "a"])),
        ("list", json!(["a", ""])),
        ("map", json!({"a": 9, "b": 10})),
        ("slug", json!("stack-one")),
        ("slug", json!("stack--one")),
        ("slug", json!("Stack")),
        ("version", json!("api (v1.2)* beta")),
        ("version", json!("(v1.2)*")),
        ("version", json!("api v1.2 beta")),
        ("version", json!("(v1x2)")),
        ("version", json!("(v1.2)")),
        ("kebab", json!("stack-one")),
        ("kebab", json!("stackone")),
        ("kebab", json!("-stack")),
        ("email", json!("ada@example.com")),
        ("email", json!("ada.example.com")),
        ("email", json!("ada@@example.com")),
        ("uri", json!("https://api.stackone.com/connect_sessions?x=1")),
        ("uri", json!("urn:isbn:0451450523")),
        ("uri", json!("/connect_sessions")),
        ("uri", json!("not a uri")),
        ("uuid", json!("123e4567-e89b-12d3-a456-426614174000")),
        ("uuid", json!("123e4567e89b12d3a456426614174000")),
        ("uuid", json!("123e4567-e89b-12d3-a456-42661417400g")),
        ("ipv4", json!("192.168.0.1")),
        ("ipv4", json!("192.168.0")),
        ("ipv4", json!("256.1.1.1")),
        ("ipv6", json!("::1")),
        ("ipv6", json!("2001:db8::8a2e:370:7334")),
        ("ipv6", json!("2001:db8::8a2e::7334")),
        ("ipv6", json!("192.168.0.1")),
        ("hostname", json!("api.stackone.com")),
        ("hostname", json!("-api.stackone.com")),
        ("hostname", json!("api_stackone.com")),
        ("hostname", json!("a".repeat(64))),
        ("date", json!("2024-02-29")),
        ("date", json!("2023-02-29")),
        ("date", json!("2024-2-29")),
        ("date", json!("2024-02-29T00:00:00Z")),
    ]);
    let mut accepted = 0;
    for (key, value) in &payloads {
        let payload = json!({ key.to_owned(): value }).to_string();
        accepted += usize::from(assert_agree::<Ruled>(&validator, &payload));
    }
    // Both sides of every limit were reached.
    assert!(accepted > 30 && accepted < payloads.len() - 30, "{accepted} of {}", payloads.len());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ApiModel)]
#[serde(rename_all = "snake_case")]
enum Region {
    Eu,
    Us,
}

/// The common types of issue 11, each on a field of its own.
#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct Typed {
    id: Option<uuid::Uuid>,
    homepage: Option<url::Url>,
    born: Option<chrono::NaiveDate>,
    ip: Option<std::net::IpAddr>,
    v4: Option<std::net::Ipv4Addr>,
    v6: Option<std::net::Ipv6Addr>,
    initial: Option<char>,
    short: Option<Box<str>>,
    shared: Option<std::sync::Arc<Region>>,
    by_year: Option<std::collections::BTreeMap<u16, u8>>,
    by_region: Option<std::collections::HashMap<Region, u8>>,
    tags: Option<std::collections::BTreeSet<String>>,
    amount: Option<rust_decimal::Decimal>,
    opens: Option<chrono::NaiveTime>,
    local: Option<chrono::NaiveDateTime>,
    timeout: Option<std::time::Duration>,
}

/// Stated exceptions, where a crate's parser is laxer than the format and so
/// no payload below uses them: the `uuid` crate also reads braced, URN and
/// unhyphenated UUIDs; the `url` crate reads WHATWG URLs (a space or a
/// backslash inside); chrono's `NaiveDate` reads more than four year digits;
/// an integer key beyond its type's range matches the key pattern;
/// `rust_decimal` also reads `"1e3"` and `"1_000"`, which the pattern does not;
/// chrono's `NaiveTime` and `NaiveDateTime` also read spaces around their
/// parts; a `Duration` may also come as `[secs, nanos]`.
#[test]
fn common_types_schema_and_parser_agree() {
    let validator = validator::<Typed>();
    let payloads: Vec<(&str, Value)> = vec![
        ("id", json!("123e4567-e89b-12d3-a456-426614174000")),
        ("id", json!("123e4567-e89b-12d3-a456-42661417400")),
        ("id", json!("not a uuid")),
        ("id", json!(7)),
        ("homepage", json!("https://api.stackone.com/connect_sessions?x=1#top")),
        ("homepage", json!("mailto:ada@example.com")),
        ("homepage", json!("/relative/path")),
        ("homepage", json!("")),
        ("born", json!("2024-02-29")),
        ("born", json!("2023-02-29")),
        ("born", json!("2024-13-01")),
        ("born", json!("yesterday")),
        ("ip", json!("10.0.0.1")),
        ("ip", json!("2001:db8::8a2e:370:7334")),
        ("ip", json!("10.0.0")),
        ("ip", json!("host.example")),
        ("v4", json!("255.255.255.255")),
        ("v4", json!("256.0.0.1")),
        ("v4", json!("::1")),
        ("v6", json!("::1")),
        ("v6", json!("1::2::3")),
        ("v6", json!("10.0.0.1")),
        ("initial", json!("x")),
        ("initial", json!("é")),
        ("initial", json!("")),
        ("initial", json!("xy")),
        ("short", json!("abc")),
        ("short", json!(1)),
        ("shared", json!("eu")),
        ("shared", json!("asia")),
        ("by_year", json!({"2024": 1, "0": 2})),
        ("by_year", json!({"-1": 1})),
        ("by_year", json!({"year": 1})),
        ("by_year", json!({"2024": 300})),
        ("by_region", json!({"eu": 1, "us": 2})),
        ("by_region", json!({"asia": 1})),
        ("tags", json!(["a", "b"])),
        ("tags", json!(["a", 1])),
        ("amount", json!("1250.50")),
        ("amount", json!(-3)),
        ("amount", json!(12.5)),
        ("amount", json!("twelve")),
        ("amount", json!(true)),
        ("opens", json!("09:30")),
        ("opens", json!("23:59:59.5")),
        ("opens", json!("24:00")),
        ("opens", json!("noon")),
        ("local", json!("2024-02-29T09:30:00")),
        ("local", json!("2024-02-29T09:30:00+01:00")),
        ("local", json!("2024-02-29")),
        ("timeout", json!({"secs": 1, "nanos": 2})),
        ("timeout", json!({"secs": 1})),
        ("timeout", json!({"secs": 1, "nanos": 2, "extra": 3})),
        ("timeout", json!("1s")),
    ];
    let mut accepted = 0;
    for (key, value) in &payloads {
        let payload = json!({ key.to_owned(): value }).to_string();
        accepted += usize::from(assert_agree::<Typed>(&validator, &payload));
    }
    assert!(accepted >= 15 && payloads.len() - accepted >= 15, "{accepted} of {}", payloads.len());
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct Pagination {
    next: Option<String>,
    limit: u8,
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct Listing {
    items: Vec<String>,
    #[serde(flatten)]
    page: Pagination,
    #[serde(flatten)]
    extra: std::collections::HashMap<String, u8>,
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct Update {
    #[serde(default, skip_serializing_if = "model_core::Patch::is_absent")]
    title: model_core::Patch<String>,
}

/// Flattened models and maps, and PATCH fields. (A field serde reads alone,
/// `#[api(serde)]` or `with`, has the schema `{}`: the schema cannot say what
/// its function accepts, so it is left out here.)
#[test]
fn flatten_and_patch_schema_and_parser_agree() {
    let listing = validator::<Listing>();
    for payload in [
        r#"{"items": [], "limit": 1}"#,
        r#"{"items": [], "limit": 1, "next": null, "extra": 3}"#,
        r#"{"items": [], "limit": 1, "extra": "x"}"#,
        r#"{"items": [], "limit": 300}"#,
        r#"{"items": []}"#,
        r#"{"limit": 1}"#,
        r#"{"items": [1], "limit": 1}"#,
    ] {
        assert_agree::<Listing>(&listing, payload);
    }
    let update = validator::<Update>();
    for payload in [r#"{}"#, r#"{"title": null}"#, r#"{"title": "t"}"#, r#"{"title": 1}"#] {
        assert_agree::<Update>(&update, payload);
    }
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct Account {
    id: String,
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(dead_code)]
enum Internal {
    Created { account: Account, at: u64 },
    Deleted(Account),
    Ping,
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
enum External {
    Created { id: String },
    Renamed(String),
    Cleared,
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(tag = "t", content = "c")]
#[allow(dead_code)]
enum Adjacent {
    Count(u8),
    Named { name: String },
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(untagged)]
#[allow(dead_code)]
enum Untagged {
    Number(u64),
    Pair { prefix: String, number: u64 },
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(tag = "type")]
#[allow(dead_code)]
enum Open {
    Ping,
    #[serde(untagged)]
    Unknown(Value),
}

fn agree_on<T: ApiModelish>(payloads: &[&str]) -> usize {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&model_core::schema::json_schema(&<T as ApiType>::TYPE))
        .expect("the schema is valid");
    payloads
        .iter()
        .filter(|payload| {
            let ours = model_core::from_json::<T>(payload).is_ok();
            let theirs = validator.is_valid(&serde_json::from_str(payload).unwrap());
            assert_eq!(ours, theirs, "from_json says {ours}, the schema says {theirs}, for {payload}");
            ours
        })
        .count()
}

/// What `agree_on` needs: a data enum is an `ApiType`, not an `ApiModel`.
trait ApiModelish: ApiType + serde::de::DeserializeOwned {}

impl<T: ApiType + serde::de::DeserializeOwned> ApiModelish for T {}

#[test]
fn data_enums_schema_and_parser_agree() {
    let accepted = agree_on::<Internal>(&[
        r#"{"type": "created", "account": {"id": "a"}, "at": 1}"#,
        r#"{"type": "deleted", "id": "a"}"#,
        r#"{"type": "ping"}"#,
        r#"{"type": "ping", "other": 1}"#,
        r#"{"type": "created", "account": {}, "at": 1}"#,
        r#"{"type": "deleted"}"#,
        r#"{"type": "gone"}"#,
        r#"{"account": {"id": "a"}}"#,
        r#"{"type": 1}"#,
        r#"[]"#,
    ]);
    assert_eq!(accepted, 4);
    let accepted = agree_on::<External>(&[
        r#"{"created": {"id": "a"}}"#,
        r#"{"renamed": "b"}"#,
        r#""cleared""#,
        r#""created""#,
        r#"{"created": {"id": 1}}"#,
        r#"{"gone": 1}"#,
        r#"{"created": {"id": "a"}, "renamed": "b"}"#,
        r#"7"#,
    ]);
    assert_eq!(accepted, 3);
    let accepted = agree_on::<Adjacent>(&[
        r#"{"t": "Count", "c": 3}"#,
        r#"{"t": "Named", "c": {"name": "n"}}"#,
        r#"{"t": "Count", "c": 300}"#,
        r#"{"t": "Count"}"#,
        r#"{"c": 3}"#,
        r#"{"t": "Other", "c": 3}"#,
    ]);
    assert_eq!(accepted, 2);
    let accepted =
        agree_on::<Untagged>(&[r#"7"#, r#"{"prefix": "a", "number": 7}"#, r#""7""#, r#"{"prefix": "a"}"#, r#"-1"#]);
    assert_eq!(accepted, 2);
    let accepted = agree_on::<Open>(&[r#"{"type": "ping"}"#, r#"{"type": "pong", "x": 1}"#, r#"[1]"#, r#"null"#]);
    assert_eq!(accepted, 4);
}
