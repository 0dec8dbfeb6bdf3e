//! Instruction counts of value rules: run under cachegrind, as
//! `report_cost` does for the report.
//!
//! ```text
//! cargo build --release -p model-examples --example rule_cost
//! valgrind --tool=cachegrind --cache-sim=no target/release/examples/rule_cost valid
//! valgrind --tool=cachegrind --cache-sim=no target/release/examples/rule_cost broken
//! ```
//!
//! A sign-up with eight rules: lengths, a pattern, a range, rules on each
//! item, a URI, and lengths on two optional fields. `valid` parses a body
//! that meets them all; `broken` one whose types are right and which breaks
//! seven rules (seven issues, each with its line and column).
use model_core::ApiModel;

#[derive(Debug, serde::Deserialize, ApiModel)]
struct Signup {
    #[api(min_length = 3, max_length = 32)]
    login: String,
    #[api(pattern = "^[a-z0-9_]+$")]
    handle: String,
    #[api(minimum = 13, maximum = 130)]
    age: u32,
    #[api(max_items = 10, items(min_length = 1, max_length = 20))]
    tags: Vec<String>,
    #[api(format = "uri")]
    website: String,
    #[api(max_length = 200)]
    bio: Option<String>,
    #[api(min_length = 2)]
    nickname: Option<String>,
    #[api(multiple_of = 5)]
    donation: u32,
}

const VALID: &str = r#"{"login": "ada_lovelace", "handle": "ada_1815", "age": 36, "tags": ["math", "engines"],
    "website": "https://example.com/ada", "bio": "Wrote the first program.", "nickname": "ada", "donation": 25}"#;

const BROKEN: &str = r#"{"login": "ad", "handle": "Ada!", "age": 7, "tags": ["math", ""],
    "website": "not a uri", "bio": null, "nickname": "a", "donation": 26}"#;

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let body = if which == "broken" { BROKEN } else { VALID };
    let expected = if which == "broken" { 7 } else { 0 };
    let found = Signup::from_json(body).err().map_or(0, |error| error.issues().len());
    assert_eq!(found, expected, "{:?}", Signup::from_json(body));
    for _ in 0..10_000 {
        drop(std::hint::black_box(Signup::from_json(std::hint::black_box(body))));
    }
}
