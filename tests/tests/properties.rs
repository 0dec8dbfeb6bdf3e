//! Property tests: round trips, exact reports for dropped and mistyped keys,
//! and no panic, whatever the input.

use std::collections::BTreeSet;

use chrono::{TimeZone, Utc};
use model_core::{ApiModel, ApiStruct, Secret, Timestamp};
use model_tests::{parse_agreeing, MINIMAL_AUTH_LINK, REQUIRED_KEYS};
use models::{
    ConnectSessionTokenAuthLink as AuthLink, ConnectSessionTokenAuthLinkCategories as Category,
    ConnectSessionTokenAuthLinkType as LinkType,
};
use proptest::prelude::*;
use serde_json::{json, Map, Number, Value};

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<i64>().prop_map(Number::from),
        any::<u64>().prop_map(Number::from),
        any::<f64>().prop_filter_map("finite", Number::from_f64),
    ]
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    // Years 1 to 9999, any nanosecond: everything RFC 3339 can write.
    (-62_135_596_800_i64..253_402_300_799, 0..1_000_000_000_u32)
        .prop_filter_map("representable", |(seconds, nanos)| Utc.timestamp_opt(seconds, nanos).single())
        .prop_map(Timestamp::from)
}

/// Known categories, and strings of any kind, which parse to a known one or stay unknown.
fn category() -> impl Strategy<Value = Category> {
    prop_oneof![
        proptest::sample::select(<Category as model_core::ApiEnum>::WIRE_NAMES).prop_map(str::to_owned),
        "[a-z-]{0,12}"
    ]
    .prop_map(|wire| wire.parse().expect("an open enum takes any string"))
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(Value::Number),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

prop_compose! {
    fn auth_link()(
        account_id in proptest::option::of(any::<String>()),
        auth_link_url in any::<String>(),
        categories in proptest::option::of(prop::collection::vec(category(), 0..8)),
        created_at in timestamp(),
        external_trigger_token in proptest::option::of(any::<String>()),
        id in number(),
        label in proptest::option::of(any::<String>()),
        metadata in proptest::option::of(prop::collection::btree_map(any::<String>(), json_value(), 0..5)),
        organization_id in number(),
        strings in prop::array::uniform4(any::<String>()),
        origin_username in proptest::option::of(any::<String>()),
        provider in proptest::option::of(any::<String>()),
        r#type in proptest::option::of(prop_oneof![proptest::sample::select(<LinkType as model_core::ApiEnum>::WIRE_NAMES).prop_map(str::to_owned), "[a-z_]{0,10}"]),
        integration_id in proptest::option::of(any::<String>()),
    ) -> AuthLink {
        let [origin_owner_id, origin_owner_name, project_id, token] = strings;
        AuthLink {
            account_id,
            auth_link_url,
            categories,
            created_at,
            external_trigger_token: external_trigger_token.map(Secret::new),
            id,
            label,
            metadata: metadata.map(|map| map.into_iter().collect::<Map<String, Value>>()),
            organization_id,
            origin_owner_id,
            origin_owner_name,
            origin_username,
            project_id,
            provider,
            token: Secret::new(token),
            r#type: r#type.map(|wire| wire.parse::<LinkType>().expect("an open enum takes any string")),
            integration_id,
        }
    }
}

/// A value of a JSON type that `key` does not accept (never `null`, which optional fields take).
fn wrong_type_for(key: &str) -> Vec<Value> {
    match key {
        "id" | "organization_id" => vec![json!("1"), json!(true), json!([]), json!({})],
        "categories" => vec![json!("ats"), json!(1), json!(false), json!({})],
        "metadata" => vec![json!("x"), json!(1), json!(true), json!([])],
        _ => vec![json!(1), json!(true), json!([]), json!({})],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_auth_link_round_trips(link in auth_link()) {
        let text = serde_json::to_string(&link).unwrap();
        let again = AuthLink::from_json(&text).unwrap();
        prop_assert_eq!(&again, &link);
        prop_assert_eq!(serde_json::to_string(&again).unwrap(), text);
    }

    #[test]
    fn dropping_required_keys_reports_exactly_those(mask in 1_u8..=255) {
        let mut object: Map<String, Value> = serde_json::from_str(MINIMAL_AUTH_LINK).unwrap();
        let dropped: BTreeSet<String> =
            REQUIRED_KEYS.iter().enumerate().filter(|(bit, _)| mask & (1 << bit) != 0).map(|(_, key)| format!("/{key}")).collect();
        for pointer in &dropped {
            object.remove(&pointer[1..]);
        }
        let error = parse_agreeing::<AuthLink>(&Value::Object(object).to_string()).unwrap_err();
        let reported: BTreeSet<String> = error.issues().iter().map(|issue| issue.pointer().to_owned()).collect();
        prop_assert_eq!(reported, dropped);
        prop_assert!(error.issues().iter().all(|issue| issue.code() == "missing"));
    }

    #[test]
    fn one_mistyped_field_reports_exactly_that_pointer(field in 0_usize..17, choice in 0_usize..4) {
        let key = AuthLink::fields()[field].wire_name;
        let wrong = wrong_type_for(key).swap_remove(choice);
        let mut object: Map<String, Value> = serde_json::from_str(MINIMAL_AUTH_LINK).unwrap();
        object.insert(key.to_owned(), wrong);
        let error = parse_agreeing::<AuthLink>(&Value::Object(object).to_string()).unwrap_err();
        let found: Vec<(&str, &str)> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
        let pointer = format!("/{key}");
        prop_assert_eq!(found, vec![(pointer.as_str(), "invalid_type")]);
    }

    #[test]
    fn arbitrary_text_never_panics_and_agrees_with_serde(text in any::<String>()) {
        let _ = parse_agreeing::<AuthLink>(&text);
        let _ = AuthLink::from_slice(text.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        if let Err(error) = AuthLink::from_slice(&bytes) {
            prop_assert!(!error.issues().is_empty());
        }
    }

    #[test]
    fn arbitrary_json_never_panics_and_agrees_with_serde(value in json_value(), key in proptest::sample::select(&REQUIRED_KEYS[..])) {
        let _ = parse_agreeing::<AuthLink>(&value.to_string());
        // And planted in a real payload, where the walk goes deepest.
        let mut object: Map<String, Value> = serde_json::from_str(MINIMAL_AUTH_LINK).unwrap();
        object.insert(key.to_owned(), value.clone());
        object.insert("metadata".to_owned(), value.clone());
        let _ = parse_agreeing::<AuthLink>(&Value::Object(object).to_string());
        let _ = AuthLink::from_value(value);
    }
}

/// `(pointer, code)` of every issue, sorted: what two reports that list the
/// same issues in different orders share (`validate()` lists them in field
/// and rule order, a report from text in document order).
fn issue_set(error: &model_core::ValidationError) -> Vec<(&str, &str)> {
    let mut issues: Vec<(&str, &str)> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
    issues.sort_unstable();
    issues
}

/// Whether an issue's line and column are where its value starts in `text`:
/// the JSON read from there is the payload's value at the issue's pointer.
/// True for an issue at a value the payload does not have.
fn at_its_value(text: &str, payload: &Value, issue: &model_core::Issue) -> bool {
    let Some(expected) = payload.pointer(issue.pointer()) else { return true };
    let (Some(line), Some(column)) = (issue.line(), issue.column()) else { return false };
    let line_start: usize = text.split_inclusive('\n').take(line - 1).map(str::len).sum();
    let rest = &text[line_start + column - 1..];
    let read = serde_json::Deserializer::from_str(rest).into_iter::<Value>().next();
    matches!(read, Some(Ok(value)) if value == *expected)
}

/// A model with rules, for the properties of the rule pass: field rules
/// and a model rule, which runs whenever serde reads the value.
#[derive(Debug, serde::Deserialize, ApiModel)]
#[api(validate = Ruled::coherent)]
struct Ruled {
    #[api(min_length = 2, max_length = 5)]
    login: String,
    #[api(minimum = 1, maximum = 9, multiple_of = 2)]
    seats: Option<i32>,
    #[api(max_items = 2, unique_items, items(min_length = 1))]
    tags: Vec<String>,
    #[api(pattern = "^[a-c]+$")]
    code: Option<String>,
}

impl Ruled {
    /// A code needs seats (blamed on the absent `seats`), and a two-letter
    /// login needs a tag (blamed on the whole model).
    fn coherent(&self) -> Result<(), model_core::Violation> {
        if self.code.is_some() && self.seats.is_none() {
            return Err(model_core::Violation::new("a code needs seats")
                .at("seats")
                .code(model_core::code!("needs_seats")));
        }
        if self.login.len() == 2 && self.tags.is_empty() {
            return Err(model_core::Violation::new("a short login needs a tag"));
        }
        Ok(())
    }
}

/// Values near every limit of `Ruled`, and of the wrong type now and then.
fn ruled_payload() -> impl Strategy<Value = Value> {
    let text = prop_oneof![4 => "[a-d]{0,7}".prop_map(Value::from), 1 => json_value()];
    let seats = prop_oneof![4 => (-1_i32..12).prop_map(Value::from), 1 => json_value()];
    let tags = prop_oneof![4 => prop::collection::vec("[ab]{0,2}".prop_map(Value::from), 0..4).prop_map(Value::Array), 1 => json_value()];
    (text.clone(), seats, tags, text, any::<u8>()).prop_map(|(login, seats, tags, code, absent)| {
        let mut object = Map::new();
        for (bit, (key, value)) in
            [("login", login), ("seats", seats), ("tags", tags), ("code", code)].into_iter().enumerate()
        {
            if absent & (1 << bit) == 0 || bit == 0 && absent & 0x80 == 0 {
                object.insert(key.to_owned(), value);
            }
        }
        Value::Object(object)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// `from_json` is `Ok` exactly when serde is `Ok` and every rule holds;
    /// an error is never empty; and when only rules fail, the report holds
    /// exactly the issues `validate()` finds, now with positions.
    #[test]
    fn rules_report_exactly_what_serde_and_validate_say(payload in ruled_payload()) {
        let text = serde_json::to_string_pretty(&payload).unwrap();
        let ours = Ruled::from_json(&text);
        match serde_json::from_str::<Ruled>(&text) {
            Ok(typed) => match (typed.validate(), &ours) {
                (Ok(()), Ok(_)) => {}
                (Err(rules), Err(report)) => {
                    // The same issues; `validate()` lists them in field and
                    // rule order, the report in document order.
                    prop_assert_eq!(issue_set(report), issue_set(&rules));
                    prop_assert!(report.issues().iter().all(|issue| issue.line().is_some()));
                    for issue in report.issues() {
                        prop_assert!(at_its_value(&text, &payload, issue), "{:?} is not at its value in {}", issue, text);
                    }
                    // In document order: an issue at a value in its value's
                    // order; one at an absent value (the model rule's
                    // `/seats`) placed at the object and after what it holds,
                    // as a missing key is.
                    let places: Vec<(usize, usize, bool)> = report
                        .issues()
                        .iter()
                        .map(|i| (i.line().unwrap_or(0), i.column().unwrap_or(0), payload.pointer(i.pointer()).is_none()))
                        .collect();
                    let present: Vec<(usize, usize)> =
                        places.iter().filter(|place| !place.2).map(|&(line, column, _)| (line, column)).collect();
                    prop_assert!(present.windows(2).all(|pair| pair[0] <= pair[1]), "not in document order: {:?}", report.issues());
                    let first_absent = places.iter().position(|place| place.2).unwrap_or(places.len());
                    prop_assert!(places[first_absent..].iter().all(|place| place.2 && (place.0, place.1) == (1, 1)), "an absent value's issue before a present one's: {:?}", report.issues());
                }
                (rules, ours) => prop_assert!(false, "validate() says {:?}, from_json says {:?}", rules, ours),
            },
            Err(_) => prop_assert!(!ours.unwrap_err().issues().is_empty()),
        }
    }
}

/// The shapes of issue 11, for the agreement property.
#[allow(dead_code)]
mod shapes {
    use std::collections::{BTreeMap, HashMap};

    use model_core::{ApiModel, Patch};
    use serde::Deserialize;
    use serde_json::Value;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiModel)]
    #[serde(rename_all = "snake_case")]
    pub enum Region {
        Eu,
        Us,
    }

    #[derive(Debug, Deserialize, ApiModel)]
    pub struct Pagination {
        pub next: Option<String>,
        pub limit: u8,
    }

    #[derive(Debug, Deserialize, ApiModel)]
    #[serde(tag = "type", rename_all = "snake_case")]
    pub enum Internal {
        Created { id: u8, name: Option<String> },
        Deleted(Pagination),
        Ping,
    }

    #[derive(Debug, Deserialize, ApiModel)]
    #[serde(rename_all = "snake_case")]
    pub enum External {
        Created { id: u8 },
        Renamed(String),
        Cleared,
    }

    #[derive(Debug, Deserialize, ApiModel)]
    #[serde(untagged)]
    pub enum Untagged {
        Number(u8),
        Pair { prefix: String, number: u8 },
    }

    #[derive(Debug, Deserialize, ApiModel)]
    pub struct Shapes {
        pub id: Option<uuid::Uuid>,
        pub ip: Option<std::net::IpAddr>,
        pub born: Option<chrono::NaiveDate>,
        pub initial: Option<char>,
        pub by_year: Option<BTreeMap<u16, u8>>,
        pub by_region: Option<HashMap<Region, u8>>,
        #[serde(default, skip_serializing_if = "Patch::is_absent")]
        pub title: Patch<String>,
        #[serde(default, with = "chrono::serde::ts_seconds_option")]
        pub at: Option<chrono::DateTime<chrono::Utc>>,
        #[serde(flatten)]
        pub page: Pagination,
        #[serde(flatten)]
        pub extra: HashMap<String, Value>,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any value in any field of the new shapes: the report agrees with
    /// serde, and an error is never empty.
    #[test]
    fn new_shapes_agree_with_serde(
        value in json_value(),
        key in proptest::sample::select(&["id", "ip", "born", "initial", "by_year", "by_region", "title", "at", "next", "limit", "other"][..]),
    ) {
        let mut object = json!({"limit": 1, "by_region": {"eu": 1}, "title": null});
        object[key] = value.clone();
        let _ = parse_agreeing::<shapes::Shapes>(&object.to_string());
        let _ = parse_agreeing::<shapes::Shapes>(&value.to_string());
    }

    /// Data enums, whatever comes: the report agrees with serde.
    #[test]
    fn data_enums_agree_with_serde(
        value in json_value(),
        tag in proptest::sample::select(&["created", "deleted", "ping", "renamed", "cleared", "gone"][..]),
        key in proptest::sample::select(&["id", "name", "limit", "next", "prefix", "number"][..]),
    ) {
        let mut tagged = json!({"type": tag, "id": 1, "limit": 2});
        tagged[key] = value.clone();
        let _ = parse_agreeing::<shapes::Internal>(&tagged.to_string());
        let _ = parse_agreeing::<shapes::Internal>(&value.to_string());
        let _ = parse_agreeing::<shapes::External>(&json!({ tag: value.clone() }).to_string());
        let _ = parse_agreeing::<shapes::External>(&value.to_string());
        let mut pair = json!({"prefix": "p", "number": 1});
        pair[key] = value.clone();
        let _ = parse_agreeing::<shapes::Untagged>(&pair.to_string());
        let _ = parse_agreeing::<shapes::Untagged>(&value.to_string());
    }
}

/// Rules wherever the derive can put a model: data enums of every tagging,
/// a generic model, newtypes.
#[allow(dead_code)]
mod held {
    use model_core::ApiModel;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, ApiModel)]
    pub struct Member {
        #[api(min_length = 2, max_length = 4)]
        pub login: String,
        #[api(maximum = 9)]
        pub seats: u8,
    }

    #[derive(Debug, Deserialize, ApiModel)]
    pub struct Slug(#[api(pattern = "^[a-c]+$")] pub String);

    #[derive(Debug, Deserialize, ApiModel)]
    pub struct Page<T> {
        #[api(max_items = 2)]
        pub items: Vec<T>,
    }

    #[derive(Debug, Deserialize, ApiModel)]
    #[serde(tag = "type", rename_all = "snake_case")]
    pub enum Internal {
        Added { member: Member },
        Removed(Member),
    }

    #[derive(Debug, Deserialize, ApiModel)]
    #[serde(rename_all = "snake_case")]
    pub enum External {
        Added { member: Member },
        Removed(Member),
    }

    #[derive(Debug, Deserialize, ApiModel)]
    #[serde(tag = "t", content = "c", rename_all = "snake_case")]
    pub enum Adjacent {
        Added { member: Member },
        Removed(Member),
    }

    #[derive(Debug, Deserialize, ApiModel)]
    #[serde(untagged)]
    pub enum Untagged {
        Added { member: Member },
        Named(Slug),
    }

    #[derive(Debug, Deserialize, ApiModel)]
    pub struct Held {
        pub internal: Internal,
        pub external: External,
        pub adjacent: Adjacent,
        pub untagged: Untagged,
        pub page: Page<Member>,
        pub slug: Slug,
    }
}

/// A member near its limits, now and then of the wrong type.
fn member() -> impl Strategy<Value = Value> {
    let login = prop_oneof![6 => "[a-c]{0,6}".prop_map(Value::from), 1 => json_value()];
    let seats = prop_oneof![6 => (0_u8..14).prop_map(Value::from), 1 => json_value()];
    (login, seats).prop_map(|(login, seats)| json!({"login": login, "seats": seats}))
}

fn held_payload() -> impl Strategy<Value = Value> {
    let slug = prop_oneof![4 => "[a-d]{0,3}".prop_map(Value::from), 1 => json_value()];
    let variant = proptest::sample::select(&["added", "removed"][..]);
    (member(), variant, prop::collection::vec(member(), 0..4), slug.clone(), slug, any::<bool>()).prop_map(
        |(member, variant, items, slug, named, as_slug)| {
            let content = if variant == "added" { json!({ "member": member }) } else { member.clone() };
            let mut internal = content.clone();
            internal["type"] = json!(variant);
            json!({
                "internal": internal,
                "external": { variant: content },
                "adjacent": { "t": variant, "c": content },
                "untagged": if as_slug { named } else { json!({ "member": member }) },
                "page": { "items": items },
                "slug": slug,
            })
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Wherever a model with rules sits, `from_json` is `Ok` exactly when
    /// serde is `Ok` and `validate()` is `Ok`, and with the same issues.
    #[test]
    fn rules_held_anywhere_agree_with_serde_and_validate(payload in held_payload()) {
        let text = serde_json::to_string_pretty(&payload).unwrap();
        let ours = held::Held::from_json(&text);
        match serde_json::from_str::<held::Held>(&text) {
            Ok(typed) => match (typed.validate(), &ours) {
                (Ok(()), Ok(_)) => {}
                (Err(rules), Err(report)) => {
                    prop_assert_eq!(issue_set(report), issue_set(&rules), "{}", text);
                    for issue in report.issues() {
                        prop_assert!(at_its_value(&text, &payload, issue), "{:?} is not at its value in {}", issue, text);
                    }
                }
                (rules, ours) => prop_assert!(false, "validate() says {:?}, from_json says {:?} of {}", rules, ours, text),
            },
            Err(_) => prop_assert!(!ours.unwrap_err().issues().is_empty()),
        }
    }
}

/// Every pointer into `value`, its root excluded.
fn pointers(value: &Value, at: String, into: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let pointer = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                into.push(pointer.clone());
                pointers(member, pointer, into);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let pointer = format!("{at}/{index}");
                into.push(pointer.clone());
                pointers(item, pointer, into);
            }
        }
        _ => {}
    }
}

/// A valid `Everything` with one value replaced, or one key dropped: the
/// canary stays where it was, in the secrets.
fn mutated_everything() -> impl Strategy<Value = Value> {
    let mut all = Vec::new();
    pointers(&model_tests::shapes::valid(), String::new(), &mut all);
    (proptest::sample::select(all), json_value(), any::<bool>(), 1..4_usize).prop_map(
        |(pointer, replacement, drop, repeat)| {
            let mut payload = model_tests::shapes::valid();
            for step in 0..repeat {
                // Each repeat goes one level up: nearby values break together.
                let depth = pointer.matches('/').count().saturating_sub(step);
                let at: String = pointer.split('/').take(depth + 1).collect::<Vec<_>>().join("/");
                if at.is_empty() || payload.pointer(&at).is_none() {
                    continue;
                }
                let (parent, key) = at.rsplit_once('/').unwrap_or(("", ""));
                match payload.pointer_mut(parent) {
                    Some(Value::Object(members)) if drop => {
                        members.remove(key);
                    }
                    _ => {
                        if let Some(slot) = payload.pointer_mut(&at) {
                            *slot = replacement.clone();
                        }
                    }
                }
            }
            payload
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// Mutations of a payload of every shape (data enums of every tagging,
    /// flatten, `Patch`, rules, secrets in a map, an enum and an alias): the
    /// verdict is serde's and the rules', the issues are `validate()`'s when
    /// only rules break, and the canary planted in the secrets never shows.
    #[test]
    fn mutations_of_every_shape_agree_and_keep_secrets(payload in mutated_everything()) {
        use model_tests::shapes::{Everything, CANARY};
        let text = payload.to_string();
        let ours = Everything::from_json(&text);
        match (serde_json::from_str::<Everything>(&text), &ours) {
            (Ok(typed), Ok(_)) => prop_assert!(typed.validate().is_ok()),
            (Ok(typed), Err(report)) => {
                let rules = typed.validate();
                prop_assert!(rules.is_err(), "from_json refuses what serde and the rules accept: {} {:?}", text, report);
                prop_assert_eq!(issue_set(report), issue_set(rules.as_ref().unwrap_err()), "{}", text);
            }
            (Err(serde), Ok(_)) => prop_assert!(false, "Ok where serde refuses: {} {}", text, serde),
            (Err(_), Err(report)) => prop_assert!(!report.issues().is_empty()),
        }
        if let Err(error) = &ours {
            let shown = [error.to_string(), format!("{error:?}"), serde_json::to_string(error).unwrap()];
            for text in shown {
                prop_assert!(!text.contains(CANARY), "the canary shows: {}", text);
            }
        }
    }
}
