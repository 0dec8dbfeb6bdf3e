//! Runtime against plain serde: parsing, the full report, serialization,
//! enum parsing and the builder. Each group holds a pair to compare.

use std::hint::black_box;
use std::str::FromStr;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use model_benches::{
    match_category, valid_known_categories, ClosedCategory, PlainAuthLink, PlainCategory, RuledSignup,
    SameTypesAuthLink, INVALID, VALID_SIGNUP,
};
use model_core::ApiModel;
use models::{ConnectSessionTokenAuthLink as AuthLink, ConnectSessionTokenAuthLinkCategories as Category};

fn from_json_valid(c: &mut Criterion) {
    let payload = valid_known_categories();
    assert!(AuthLink::from_json(&payload).is_ok() && serde_json::from_str::<PlainAuthLink>(&payload).is_ok());
    let mut group = c.benchmark_group("1_from_json_valid");
    group.bench_function("serde_json::from_str", |b| {
        b.iter(|| serde_json::from_str::<PlainAuthLink>(black_box(&payload)).unwrap());
    });
    group.bench_function("serde_json::from_str, same field types", |b| {
        b.iter(|| serde_json::from_str::<SameTypesAuthLink>(black_box(&payload)).unwrap());
    });
    group.bench_function("ApiModel::from_json", |b| b.iter(|| AuthLink::from_json(black_box(&payload)).unwrap()));
    group.finish();
}

fn report_invalid(c: &mut Criterion) {
    assert_eq!(AuthLink::from_json(INVALID).unwrap_err().issues().len(), 12);
    let mut group = c.benchmark_group("2_report_invalid");
    group.bench_function("serde_json::from_str (first error only)", |b| {
        b.iter(|| serde_json::from_str::<PlainAuthLink>(black_box(INVALID)).unwrap_err());
    });
    group.bench_function("ApiModel::from_json (full report)", |b| {
        b.iter(|| AuthLink::from_json(black_box(INVALID)).unwrap_err());
    });
    group.finish();
}

fn serialize(c: &mut Criterion) {
    let payload = valid_known_categories();
    let model = AuthLink::from_json(&payload).unwrap();
    let plain: PlainAuthLink = serde_json::from_str(&payload).unwrap();
    assert_eq!(serde_json::to_string(&model).unwrap(), serde_json::to_string(&plain).unwrap());
    let mut group = c.benchmark_group("3_serialize");
    group.bench_function("serde derive", |b| b.iter(|| serde_json::to_string(black_box(&plain)).unwrap()));
    group.bench_function("ApiModel", |b| b.iter(|| serde_json::to_string(black_box(&model)).unwrap()));
    group.finish();
}

fn enum_parsing(c: &mut Criterion) {
    let wires = ["ats", "hris-legacy", "stackone", "scheduling"];
    let mut group = c.benchmark_group("4_enum_from_str");
    group.bench_function("hand-written match", |b| {
        b.iter(|| wires.map(|wire| black_box(match_category(black_box(wire)))));
    });
    group.bench_function("ApiModel FromStr closed", |b| {
        b.iter(|| wires.map(|wire| black_box(ClosedCategory::from_str(black_box(wire)).ok())));
    });
    group.bench_function("ApiModel FromStr open", |b| {
        b.iter(|| wires.map(|wire| black_box(Category::from_str(black_box(wire)).ok())));
    });
    group.finish();

    let json = r#"["ats","hris","hris-legacy","crm","iam","marketing","lms","stackone","documents","ticketing","screening","messaging","accounting","scheduling"]"#;
    let mut group = c.benchmark_group("4_enum_deserialize");
    group.bench_function("serde derive", |b| {
        b.iter(|| serde_json::from_str::<Vec<PlainCategory>>(black_box(json)).unwrap());
    });
    group.bench_function("ApiModel closed", |b| {
        b.iter(|| serde_json::from_str::<Vec<ClosedCategory>>(black_box(json)).unwrap());
    });
    group.bench_function("ApiModel open", |b| {
        b.iter(|| serde_json::from_str::<Vec<Category>>(black_box(json)).unwrap());
    });
    group.finish();
}

/// serde followed by garde's `validate()`, on the twin of `RuledSignup`.
#[derive(Debug, serde::Deserialize, garde::Validate)]
struct GardeSignup {
    #[garde(length(chars, min = 3, max = 32))]
    login: String,
    #[garde(range(min = 13, max = 130))]
    age: u8,
    #[garde(length(max = 10), inner(length(chars, min = 1)))]
    tags: Vec<String>,
    #[garde(pattern(r"^https://"))]
    website: String,
    #[garde(skip)]
    #[allow(dead_code)]
    bio: Option<String>,
}

fn rules_valid(c: &mut Criterion) {
    use garde::Validate;
    assert!(RuledSignup::from_json(VALID_SIGNUP).is_ok());
    assert!(serde_json::from_str::<GardeSignup>(VALID_SIGNUP).unwrap().validate().is_ok());
    let mut group = c.benchmark_group("6_rules_valid");
    group.bench_function("serde_json::from_str + garde validate()", |b| {
        b.iter(|| {
            let signup = serde_json::from_str::<GardeSignup>(black_box(VALID_SIGNUP)).unwrap();
            signup.validate().unwrap();
            signup
        });
    });
    group.bench_function("ApiModel::from_json (rules included)", |b| {
        b.iter(|| RuledSignup::from_json(black_box(VALID_SIGNUP)).unwrap());
    });
    group.finish();
}

/// The auth link's ten-problem payload (issue 14), with eserde beside.
const TEN_PROBLEMS: &str = r#"{"created_at": "yesterday", "id": "1", "categories": ["ats", 7], "label": 3}"#;

/// The auth link as eserde reads it: its derive, with serde's own impls
/// (`compat`) for the field types eserde does not know.
#[derive(Debug, eserde::Deserialize)]
#[allow(dead_code)]
struct EserdeAuthLink {
    account_id: Option<String>,
    auth_link_url: String,
    #[eserde(compat)]
    categories: Option<Vec<model_benches::PlainCategory>>,
    #[eserde(compat)]
    created_at: model_core::Timestamp,
    external_trigger_token: Option<String>,
    #[eserde(compat)]
    id: serde_json::Number,
    label: Option<String>,
    #[eserde(compat)]
    metadata: Option<serde_json::Map<String, serde_json::Value>>,
    #[eserde(compat)]
    organization_id: serde_json::Number,
    origin_owner_id: String,
    origin_owner_name: String,
    origin_username: Option<String>,
    project_id: String,
    provider: Option<String>,
    token: String,
}

fn report_against_eserde(c: &mut Criterion) {
    let ours = AuthLink::from_json(TEN_PROBLEMS).unwrap_err().issues().len();
    let theirs = eserde::json::from_str::<EserdeAuthLink>(TEN_PROBLEMS).unwrap_err().iter().count();
    println!("ten-problem payload: ApiModel reports {ours} issues, eserde {theirs}");
    let mut group = c.benchmark_group("7_report_vs_eserde");
    group.bench_function("eserde::json::from_str", |b| {
        b.iter(|| eserde::json::from_str::<EserdeAuthLink>(black_box(TEN_PROBLEMS)).unwrap_err());
    });
    group.bench_function("ApiModel::from_json (full report)", |b| {
        b.iter(|| AuthLink::from_json(black_box(TEN_PROBLEMS)).unwrap_err());
    });
    group.finish();
}

/// A chain of models, for the report's cost in depth.
#[derive(Debug, serde::Deserialize, model_core::ApiModel)]
#[allow(dead_code)]
struct Chain {
    value: u8,
    next: Option<Box<Chain>>,
}

/// `depth` nested links, the innermost value out of range.
fn chain(depth: usize) -> String {
    let mut json = String::from(r#"{"value": 300}"#);
    for _ in 1..depth {
        json = format!(r#"{{"value": 1, "next": {json}}}"#);
    }
    json
}

/// An id that is a number or a string; `true` is neither.
#[derive(Debug, serde::Deserialize, ApiModel)]
#[serde(untagged)]
#[allow(dead_code)]
enum Id {
    Number(u64),
    Text(String),
}

#[derive(Debug, serde::Deserialize, ApiModel)]
#[allow(dead_code)]
struct IdBox {
    id: Id,
}

/// `items` objects whose untagged id no variant reads.
fn untagged_ids(items: usize) -> String {
    format!("[{}]", vec![r#"{"id": true}"#; items].join(","))
}

/// About `bytes` of auth links in an array, `problems` of them with one
/// wrong field each.
fn links(bytes: usize, problems: usize) -> String {
    let valid = valid_known_categories();
    let broken = valid.replacen("\"origin_owner_id\": \"owner_8812\"", "\"origin_owner_id\": 7", 1);
    assert_ne!(valid, broken);
    let count = (bytes / valid.len()).max(problems).max(1);
    let items: Vec<&str> =
        (0..count).map(|index| if index < problems { broken.as_str() } else { valid.as_str() }).collect();
    format!("[{}]", items.join(","))
}

fn report_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("8_report_scaling");
    group.sample_size(10);
    for (label, bytes, problems) in [
        ("1 KB, 1 problem", 1_000, 1),
        ("100 KB, 1 problem", 100_000, 1),
        // A thousand broken links take about 1 MB at least.
        ("1 MB, 1000 problems", 1_000_000, 1000),
        ("10 MB, 1 problem", 10_000_000, 1),
        ("10 MB, 1000 problems", 10_000_000, 1000),
    ] {
        let payload = links(bytes, problems);
        let issues = model_core::from_json::<Vec<AuthLink>>(&payload).unwrap_err().issues().len();
        assert_eq!(issues, problems.min(model_core::check::MAX_ISSUES));
        group.throughput(criterion::Throughput::Bytes(payload.len() as u64));
        group.bench_function(label, |b| {
            b.iter(|| model_core::from_json::<Vec<AuthLink>>(black_box(&payload)).unwrap_err());
        });
    }
    // Each item's variants are tried: the time per byte stays the same.
    for items in [1_000, 10_000] {
        let payload = untagged_ids(items);
        assert!(model_core::from_json::<Vec<IdBox>>(&payload).is_err());
        group.throughput(criterion::Throughput::Bytes(payload.len() as u64));
        group.bench_function(format!("untagged, {items} items"), |b| {
            b.iter(|| model_core::from_json::<Vec<IdBox>>(black_box(&payload)).unwrap_err())
        });
    }
    for depth in [1, 10, 100] {
        let payload = chain(depth);
        assert_eq!(Chain::from_json(&payload).unwrap_err().issues().len(), 1);
        group.throughput(criterion::Throughput::Bytes(payload.len() as u64));
        group.bench_function(format!("nesting {depth}"), |b| {
            b.iter(|| Chain::from_json(black_box(&payload)).unwrap_err())
        });
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    let model = AuthLink::from_json(&valid_known_categories()).unwrap();
    let mut group = c.benchmark_group("5_build");
    group.bench_function("struct literal (clone of fields)", |b| {
        b.iter_batched(|| model.clone(), |model| AuthLink { ..model }, BatchSize::SmallInput);
    });
    // Every field moves into the builder, so neither side drops anything while timed.
    group.bench_function("builder().build()", |b| {
        b.iter_batched(
            || model.clone(),
            |m| {
                let mut builder = AuthLink::builder()
                    .auth_link_url(m.auth_link_url)
                    .created_at(m.created_at)
                    .id(m.id)
                    .organization_id(m.organization_id)
                    .origin_owner_id(m.origin_owner_id)
                    .origin_owner_name(m.origin_owner_name)
                    .project_id(m.project_id)
                    .token(m.token);
                builder = match m.account_id {
                    Some(value) => builder.account_id(value),
                    None => builder,
                };
                builder = match m.categories {
                    Some(value) => builder.categories(value),
                    None => builder,
                };
                builder = match m.external_trigger_token {
                    Some(value) => builder.external_trigger_token(value),
                    None => builder,
                };
                builder = match m.label {
                    Some(value) => builder.label(value),
                    None => builder,
                };
                builder = match m.metadata {
                    Some(value) => builder.metadata(value),
                    None => builder,
                };
                builder = match m.origin_username {
                    Some(value) => builder.origin_username(value),
                    None => builder,
                };
                builder = match m.provider {
                    Some(value) => builder.provider(value),
                    None => builder,
                };
                builder = match m.r#type {
                    Some(value) => builder.r#type(value),
                    None => builder,
                };
                builder = match m.integration_id {
                    Some(value) => builder.integration_id(value),
                    None => builder,
                };
                builder.build().unwrap()
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

/// Rule shapes side by side with serde + garde (`rule_shapes.rs`): valid
/// input, then input whose types are right and whose rules are broken.
fn rule_shapes(c: &mut Criterion) {
    for shape in model_benches::rule_shapes::shapes() {
        for (which, payload, problems) in [("valid", &shape.valid, 0), ("broken", &shape.broken, shape.problems)] {
            assert_eq!(((shape.garde)(payload), (shape.api_model)(payload)), (problems, problems), "{}", shape.name);
            let mut group = c.benchmark_group(format!("9_rules {} {which}", shape.name));
            group.bench_function("serde_json::from_str + garde validate()", |b| {
                b.iter(|| (shape.garde)(black_box(payload)));
            });
            group.bench_function("ApiModel::from_json", |b| b.iter(|| (shape.api_model)(black_box(payload))));
            group.finish();
        }
    }
}

criterion_group!(
    benches,
    from_json_valid,
    report_invalid,
    serialize,
    enum_parsing,
    rules_valid,
    report_against_eserde,
    report_scaling,
    build,
    rule_shapes
);
criterion_main!(benches);
