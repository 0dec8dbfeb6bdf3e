//! Field docs as data, the Markdown pages and JSON Schema made from them, and
//! the examples check. The committed files under `models/docs/` are the
//! golden files: they must equal what the code generates now.

use std::path::Path;

use model_core::{doc::TypeDoc, json, ApiEnum, ApiModel, ApiStruct, ApiType};
use models::{
    ConnectSessionTokenAuthLink as AuthLink, ConnectSessionTokenAuthLinkCategories as Category,
    ConnectSessionTokenAuthLinkType as LinkType,
};
use serde::Deserialize;

#[test]
fn committed_docs_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../models").join(models::DOCS_DIR);
    let files = models::doc_files();
    // Four models and three enums, a page each, and a schema per model.
    assert_eq!(files.len(), 11);
    let mut on_disk: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().file_name().into_string().unwrap()).collect();
    let mut expected: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    on_disk.sort();
    expected.sort();
    assert_eq!(on_disk, expected, "models/docs holds exactly the generated files");
    for (name, generated) in files {
        let committed = std::fs::read_to_string(dir.join(&name)).unwrap_or_default();
        assert!(
            committed == generated,
            "models/{}/{name} is stale or missing; regenerate it with `{}`",
            models::DOCS_DIR,
            models::WRITE_DOCS
        );
    }
}

/// The table of StackOne's SDK docs, in its order, with its Required marks and its two descriptions.
const SEED_ROWS: [(&str, bool, Option<&str>); 15] = [
    ("account_id", false, None),
    ("auth_link_url", true, None),
    ("categories", false, None),
    ("created_at", true, None),
    ("external_trigger_token", false, Some("External trigger token to be used to trigger actions on the account")),
    ("id", true, None),
    ("label", false, None),
    (
        "metadata",
        false,
        Some(
            "Arbitrary set of key and values defined during the session token creation. \
             This can be used to tag an account (eg. based on their pricing plan)",
        ),
    ),
    ("organization_id", true, None),
    ("origin_owner_id", true, None),
    ("origin_owner_name", true, None),
    ("origin_username", false, None),
    ("project_id", true, None),
    ("provider", false, None),
    ("token", true, None),
];

#[test]
fn the_page_has_the_seeds_rows_then_the_live_apis() {
    let page = AuthLink::docs_markdown();
    let rows: Vec<&str> = page.lines().filter(|line| line.starts_with("| `")).collect();
    assert_eq!(rows.len(), 17);
    for (row, (wire_name, required, description)) in rows.iter().zip(SEED_ROWS) {
        let cells: Vec<&str> = row.split(" | ").collect();
        assert_eq!(cells[0], format!("| `{wire_name}`"));
        let mark = if required { ":heavy_check_mark:" } else { ":heavy_minus_sign:" };
        assert_eq!(cells[2], mark, "{wire_name}");
        assert_eq!(cells[3], description.unwrap_or("N/A"), "{wire_name}");
    }
    assert!(rows[15].starts_with("| `type` | [ConnectSessionTokenAuthLinkType](ConnectSessionTokenAuthLinkType.md) | :heavy_minus_sign: | The connect session account type |"));
    assert!(rows[16].starts_with("| `integration_id` | *string* | :heavy_minus_sign: | The integration ID (UUID) associated with this connect session |"));
    assert!(page.starts_with("# ConnectSessionTokenAuthLink\n\nA Connect Session"));
    assert!(page.contains("## Example Usage\n\n```json\n{\n  \"auth_link_url\": \"https://competent-newsstand.info/\""));
    assert!(page.contains("| Field | Type | Required | Description | Example |"));
    assert!(page.contains(
        "| `categories` | [ConnectSessionTokenAuthLinkCategories](ConnectSessionTokenAuthLinkCategories.md)[] |"
    ));
}

#[test]
fn fields_are_data() {
    let fields = AuthLink::fields();
    let described: Vec<(&str, String, bool, bool, bool)> = fields
        .iter()
        .map(|field| (field.wire_name, field.ty.to_string(), field.required, field.nullable(), field.secret()))
        .collect();
    assert_eq!(described[2], ("categories", "ConnectSessionTokenAuthLinkCategories[]".to_owned(), false, true, false));
    assert_eq!(described[3], ("created_at", "date-time".to_owned(), true, false, false));
    assert_eq!(described[4], ("external_trigger_token", "string".to_owned(), false, true, true));
    assert_eq!(described[5], ("id", "number".to_owned(), true, false, false));
    assert_eq!(described[14], ("token", "string".to_owned(), true, false, true));
    assert_eq!(fields[15].rust_name, "type");
    assert_eq!(fields[1].examples[0].value().unwrap(), json!("https://competent-newsstand.info/"));
    assert!(fields.iter().all(|field| !field.deprecated));

    let doc = Category::doc();
    assert!(doc.open);
    assert_eq!(doc.values.len(), 14);
    assert_eq!(LinkType::doc().values[2].wire_name, "unmapped_value");
    let TypeDoc::Array(item) = fields[2].ty.innermost() else { panic!("categories is a list") };
    assert!(matches!(item, TypeDoc::Enum(_)));
}

/// A payload built from field examples must hold every required field.
#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct HalfExampled {
    #[api(example = "A-1")]
    number: String,
    total: f64,
    #[api(example = "paid")]
    note: Option<String>,
}

/// Field examples that break the field's rules.
#[derive(Debug, Deserialize, ApiModel)]
#[api(no_example_test)]
#[allow(dead_code)]
struct RuleBreakingExamples {
    #[api(min_length = 3, example = "ab")]
    login: String,
    #[api(maximum = 10, example = 11)]
    seats: u8,
}

#[test]
fn a_payload_missing_a_required_field_is_not_shown() {
    assert_eq!(HalfExampled::doc().example_payload(), None);
    assert!(!HalfExampled::docs_markdown().contains("## Example Usage"));
    assert!(HalfExampled::check_examples().is_empty());
}

#[test]
fn the_derive_writes_a_test_of_the_examples() {
    // Generated beside `HalfExampled`, whose examples are sound.
    __api_examples_of_HalfExampled();
    let panic =
        std::panic::catch_unwind(model_core::__private_0_1::assert_examples::<RuleBreakingExamples>).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.starts_with("the examples of RuleBreakingExamples would teach what the API refuses:\n"),
        "{message}"
    );
    assert!(message.contains("RuleBreakingExamples.login: example 1: too_short"), "{message}");
}

#[test]
fn examples_that_break_a_rule_are_reported() {
    let problems: Vec<String> = RuleBreakingExamples::check_examples().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "RuleBreakingExamples.login: example 1: too_short, expected at least 3 characters, got 2",
            "RuleBreakingExamples.seats: example 1: out_of_range, expected at most 10, got 11",
            "RuleBreakingExamples: example payload: /login: too_short, expected at least 3 characters, got 2",
            "RuleBreakingExamples: example payload: /seats: out_of_range, expected at most 10, got 11",
        ]
    );
}

#[test]
fn every_model_in_models_has_sound_examples() {
    for root in models::ROOTS {
        let problems = model_core::examples::check_examples(root);
        assert!(problems.is_empty(), "{problems:#?}");
    }
    let payload = AuthLink::doc().example_payload().unwrap();
    assert_eq!(payload["token"], json!(model_core::doc::SECRET_PLACEHOLDER));
    assert!(AuthLink::from_value(payload).is_ok(), "the Example Usage payload parses");
}

// Its mistakes are the point: `check_examples` is asserted below.
#[derive(Debug, Deserialize, ApiModel)]
#[api(no_example_test)]
#[allow(dead_code)]
struct SeedMistakes {
    /// The Example column of StackOne's SDK docs.
    #[api(example = json!(["ats", "hrisLegacy", "crm", "stackOne"]))]
    categories: Vec<Category>,
    #[api(example = "production", example = "staging")]
    r#type: LinkType,
    #[api(example = "2024-08-22")]
    created_at: chrono::DateTime<chrono::Utc>,
    #[api(example = "s3cr3t")]
    token: model_core::Secret<String>,
    #[deprecated]
    #[api(example = 1)]
    old: Option<u8>,
}

#[test]
fn the_examples_check_catches_the_seeds_mistakes() {
    let problems: Vec<String> = SeedMistakes::check_examples().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "SeedMistakes.categories: example 1: /1: `hrisLegacy` is not a known ConnectSessionTokenAuthLinkCategories value (did you mean `hris-legacy`?)",
            "SeedMistakes.categories: example 1: /3: `stackOne` is not a known ConnectSessionTokenAuthLinkCategories value (did you mean `stackone`?)",
            "SeedMistakes.type: example 2: `staging` is not a known ConnectSessionTokenAuthLinkType value",
            "SeedMistakes.created_at: example 1: invalid_format, expected date-time, got string \"2024-08-22\"",
            "SeedMistakes.token: a secret has no example: docs would publish it",
            "SeedMistakes: example payload: /created_at: invalid_format, expected date-time, got string \"2024-08-22\"",
            "SeedMistakes: example payload: /categories/1: `hrisLegacy` is not a known ConnectSessionTokenAuthLinkCategories value (did you mean `hris-legacy`?)",
            "SeedMistakes: example payload: /categories/3: `stackOne` is not a known ConnectSessionTokenAuthLinkCategories value (did you mean `stackone`?)",
        ]
    );
    let page = SeedMistakes::docs_markdown();
    assert!(!page.contains("s3cr3t"), "a secret's example is never published");
    assert!(page.contains("| `old` | *integer* | :heavy_minus_sign: | **Deprecated.** N/A | 1 |"));
    assert!(SeedMistakes::fields()[4].deprecated);
    assert!(!SeedMistakes::json_schema().to_string().contains("s3cr3t"));
}

/// A model-level example, checked with `from_json`'s own check.
// Its mistakes are the point: `check_examples` is asserted below.
#[derive(Debug, Deserialize, ApiModel)]
#[api(no_example_test)]
#[allow(dead_code)]
#[api(example = json!({ "plan": "free", "seats": 300 }))]
struct Subscription {
    plan: Plan,
    seats: u8,
}

/// How much is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiModel)]
#[serde(rename_all = "lowercase")]
enum Plan {
    /// Nothing.
    Free,
    /// Something.
    Pro,
}

#[test]
fn a_model_example_must_parse() {
    let problems: Vec<String> = Subscription::check_examples().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["Subscription: example payload: /seats: out_of_range, expected integer from 0 to 255, got number 300"]
    );
    assert_eq!(
        Plan::docs_markdown(),
        "# Plan\n\nHow much is paid.\n\nThis enum is **closed**: a value not listed here is refused.\n\n\
         ## Values\n\n| Name | Value | Description |\n| ---- | ----- | ----------- |\n\
         | `Free` | free | Nothing. |\n| `Pro` | pro | Something. |\n"
    );
    assert_eq!(
        Plan::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Plan",
            "description": "How much is paid.",
            "type": "string",
            "enum": ["free", "pro"]
        })
    );
}

#[test]
fn schema_has_types_formats_required_and_defs() {
    let schema = AuthLink::json_schema();
    assert_eq!(schema["$schema"], json!("https://json-schema.org/draft/2020-12/schema"));
    assert_eq!(
        schema["properties"]["created_at"],
        json!({ "type": "string", "format": "date-time", "examples": ["2024-08-22T09:15:37.633Z"] })
    );
    assert_eq!(schema["properties"]["account_id"], json!({ "type": ["string", "null"] }));
    assert_eq!(schema["properties"]["token"], json!({ "type": "string", "x-secret": true }));
    assert_eq!(schema["properties"]["type"]["anyOf"][0], json!({ "$ref": "#/$defs/ConnectSessionTokenAuthLinkType" }));
    assert_eq!(schema["$defs"]["ConnectSessionTokenAuthLinkCategories"]["anyOf"][1], json!({ "type": "string" }));
    assert_eq!(schema["required"].as_array().map(Vec::len), Some(8));
    assert_eq!(<Vec<AuthLink> as ApiType>::TYPE.to_string(), "ConnectSessionTokenAuthLink[]");
}

/// Secrets given examples every way there is, and integer types wider than JSON's.
// Its mistakes are the point: `check_examples` is asserted below.
#[derive(Debug, Deserialize, ApiModel)]
#[api(no_example_test)]
#[allow(dead_code)]
#[api(example = json!({ "name": "a", "token": "LEAKED-1", "keys": ["LEAKED-2"], "wide": 1 }))]
struct LeakyDocs {
    #[api(example = "a")]
    name: String,
    token: model_core::Secret<String>,
    #[api(example = json!(["LEAKED-3"]))]
    keys: Vec<model_core::Secret<String>>,
    wide: Option<u128>,
    huge: Option<i128>,
}

#[test]
fn secrets_never_reach_docs_schema_or_debug() {
    let problems: Vec<String> = LeakyDocs::check_examples().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "LeakyDocs.keys: a secret has no example: docs would publish it",
            "LeakyDocs: the model example gives secret `token` a value: docs would publish it",
            "LeakyDocs: the model example gives secret `keys` a value: docs would publish it",
        ]
    );
    let shown = [
        LeakyDocs::docs_markdown(),
        LeakyDocs::json_schema().to_string(),
        format!("{:?}", LeakyDocs::doc()),
        format!("{:?}", LeakyDocs::fields()),
        format!("{problems:?}"),
    ];
    for text in &shown {
        assert!(!text.contains("LEAKED"), "a secret example shows in {text}");
    }
    assert_eq!(
        LeakyDocs::doc().example_payload(),
        Some(json!({ "name": "a", "token": model_core::doc::SECRET_PLACEHOLDER, "wide": 1 }))
    );
    let schema = LeakyDocs::json_schema();
    assert_eq!(schema["properties"]["wide"], json!({ "type": ["integer", "null"], "minimum": 0 }));
    assert_eq!(schema["properties"]["huge"], json!({ "type": ["integer", "null"] }));
    assert_eq!(schema["properties"]["keys"]["x-secret"], json!(true));
}

/// A model that requires itself: no finite payload is valid, so the docs'
/// payload search must end, with none.
#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct Loop {
    #[api(example = 1)]
    id: u8,
    next: Box<Loop>,
}

#[test]
fn a_model_that_requires_itself_ends_with_no_payload() {
    assert_eq!(Loop::doc().example_payload(), None);
    assert!(Loop::json_schema()["properties"]["next"] == json!({ "$ref": "#" }));
}

/// Cells that would break a table or vanish as HTML.
#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct Awkward {
    /// One | two <b>three</b>
    ///
    /// Second paragraph.
    #[serde(rename = "a|b")]
    #[api(example = "<id> & co")]
    pipe: String,
}

#[test]
fn table_cells_are_escaped() {
    let page = Awkward::docs_markdown();
    let row = page.lines().find(|line| line.starts_with("| `a")).unwrap();
    assert_eq!(
        row,
        "| `a\\|b` | *string* | :heavy_check_mark: | One \\| two &lt;b&gt;three&lt;/b&gt;<br/><br/>Second paragraph. | &lt;id&gt; &amp; co |"
    );
}
