//! String enums: one mapping, closed and open, walked both ways.

use std::str::FromStr;

use model_core::{ApiEnum, ApiModel};
use model_tests::{parse_agreeing, pointers_and_codes};
use models::{ConnectSessionTokenAuthLinkCategories as Category, ConnectSessionTokenAuthLinkType as LinkType};
use serde::Deserialize;
use serde_json::json;

/// Every known value of `E` through `as_str` → `FromStr` → serde → back.
fn walk_every_value<E>(expected: &[&str])
where
    E: ApiEnum
        + FromStr
        + std::fmt::Display
        + std::fmt::Debug
        + PartialEq
        + serde::Serialize
        + for<'de> Deserialize<'de>,
    <E as FromStr>::Err: std::fmt::Debug,
{
    assert_eq!(E::WIRE_NAMES, expected);
    assert_eq!(E::VALUES.len(), expected.len());
    for (value, &wire) in E::VALUES.iter().zip(expected) {
        assert_eq!(value.wire_name, wire);
        let parsed = E::from_str(wire).unwrap();
        assert_eq!(parsed.as_str(), wire);
        assert_eq!(parsed.to_string(), wire);
        assert!(parsed.is_known());
        assert_eq!(E::from_wire(wire).as_ref(), Some(&parsed));
        let written = serde_json::to_value(&parsed).unwrap();
        assert_eq!(written, json!(wire));
        let read: E = serde_json::from_value(written).unwrap();
        assert_eq!(read, parsed);
        assert_eq!(model_core::from_json::<E>(&format!("\"{wire}\"")).unwrap(), parsed);
        assert!(value.description.is_some(), "{wire} has a doc comment");
    }
}

#[test]
fn categories_walk_every_value() {
    walk_every_value::<Category>(&[
        "ats",
        "hris",
        "hris-legacy",
        "crm",
        "iam",
        "marketing",
        "lms",
        "stackone",
        "documents",
        "ticketing",
        "screening",
        "messaging",
        "accounting",
        "scheduling",
    ]);
    const { assert!(Category::OPEN) };
    assert_eq!(Category::HrisLegacy.as_ref(), "hris-legacy");
    assert_eq!(Category::try_from("stackone"), Ok(Category::StackOne));
}

#[test]
fn link_types_walk_every_value() {
    walk_every_value::<LinkType>(&["production", "test", "unmapped_value"]);
    const { assert!(LinkType::OPEN) };
}

#[test]
fn open_enums_keep_unknown_values_byte_for_byte() {
    let list: Vec<Category> = serde_json::from_str(r#"["ats","payroll"]"#).unwrap();
    assert_eq!(list, [Category::Ats, Category::Unknown("payroll".to_owned())]);
    assert!(!list[1].is_known());
    assert_eq!(serde_json::to_string(&list).unwrap(), r#"["ats","payroll"]"#);

    for unknown in ["payroll", "ATS", "hrisLegacy", "stackOne", "", "with \"quotes\" and ünïcödé", "\u{1F600}"] {
        let parsed: Category = unknown.parse().unwrap();
        assert_eq!(parsed, Category::Unknown(unknown.to_owned()));
        assert_eq!(parsed.as_str(), unknown);
        let json = serde_json::to_string(&parsed).unwrap();
        assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), parsed);
        assert_eq!(json, serde_json::to_string(unknown).unwrap());
    }
    // A known string never lands in the catch-all, escaped or not.
    assert_eq!(serde_json::from_str::<Category>(r#""\u0061ts""#).unwrap(), Category::Ats);
    let unknown_type: LinkType = serde_json::from_str(r#""sandbox""#).unwrap();
    assert_eq!(unknown_type, LinkType::Unknown("sandbox".to_owned()));
}

/// A closed enum, with an alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiModel)]
#[serde(rename_all = "kebab-case")]
enum Plan {
    Free,
    /// The paid plan.
    #[serde(alias = "professional")]
    Pro,
    Enterprise,
    HrisLegacy,
}

#[derive(Debug, PartialEq, Deserialize, ApiModel)]
struct Account {
    plan: Plan,
    history: Vec<Plan>,
}

#[test]
fn closed_enums_refuse_unknown_values_with_the_allowed_list() {
    const { assert!(!Plan::OPEN) };
    assert_eq!(Plan::from_str("pro"), Ok(Plan::Pro));
    assert_eq!(Plan::from_str("professional"), Ok(Plan::Pro));
    assert_eq!(Plan::Pro.as_str(), "pro");

    let cases = [
        ("ATS", None),
        ("Free", Some("free")),
        ("hrisLegacy", Some("hris-legacy")),
        ("entreprise", Some("enterprise")),
        ("Professional", Some("pro")),
    ];
    for (input, suggestion) in cases {
        let error = Plan::from_str(input).unwrap_err();
        assert_eq!(error.received(), input);
        assert_eq!(error.allowed(), ["free", "pro", "enterprise", "hris-legacy"]);
        assert_eq!(error.suggestion(), suggestion, "{input}");
    }
    assert_eq!(
        Plan::from_str("Free").unwrap_err().to_string(),
        "unknown Plan value \"Free\", expected one of `free`, `pro`, `enterprise`, `hris-legacy` (did you mean `free`?)"
    );
}

#[test]
fn closed_enums_inside_models_report_at_the_pointer() {
    let error =
        parse_agreeing::<Account>(r#"{"plan": "FREE", "history": ["free", "gold", "hrisLegacy", 3]}"#).unwrap_err();
    assert_eq!(
        pointers_and_codes(&error),
        [
            ("/plan".to_owned(), "unknown_variant"),
            ("/history/1".to_owned(), "unknown_variant"),
            ("/history/2".to_owned(), "unknown_variant"),
            ("/history/3".to_owned(), "invalid_type"),
        ]
    );
    let issue = &error.issues()[2];
    assert_eq!(issue.expected(), "one of `free`, `pro`, `enterprise`, `hris-legacy`");
    assert_eq!(issue.received(), Some("string \"hrisLegacy\""));
    assert_eq!(issue.suggestion(), Some("hris-legacy"));
    assert_eq!(error.issues()[0].suggestion(), Some("free"));
    assert_eq!(error.issues()[1].suggestion(), None);
    assert_eq!(issue.wire_name(), Some("history"));

    let serde_error = serde_json::from_str::<Plan>(r#""gold""#).unwrap_err().to_string();
    assert!(
        serde_error.contains("unknown variant `gold`, expected one of `free`, `pro`, `enterprise`, `hris-legacy`"),
        "{serde_error}"
    );
}

#[test]
fn docs_are_data() {
    assert_eq!(Plan::VALUES[1].description, Some("The paid plan."));
    assert_eq!(Plan::VALUES[1].aliases, ["professional"]);
    assert_eq!(Plan::VALUES[0].description, None);
    assert_eq!(Category::DESCRIPTION.map(|d| d.starts_with("A category")), Some(true));
    assert_eq!(Category::VALUES[2].rust_name, "HrisLegacy");
}

#[test]
fn display_honours_width_and_alignment() {
    assert_eq!(format!("[{:>8}]", Plan::Free), "[    free]");
    assert_eq!(format!("[{:<6}]", Category::Ats), "[ats   ]");
    assert_eq!(format!("[{:^9}]", Category::Unknown("pay".to_owned())), "[   pay   ]");
    assert_eq!(format!("[{:.2}]", Category::Hris), "[hr]");
}
