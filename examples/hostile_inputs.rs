//! The hostile inputs of the hostile-input issue, measured: for each, the
//! input's size, the report's size as JSON, its issues and the time to make
//! it. Run one case per process to read its peak memory:
//!
//! ```sh
//! cargo run --release -p model-examples --example hostile_inputs -- long-key
//! /usr/bin/time -v target/release/examples/hostile_inputs untagged-496k 2>&1 | grep Maximum
//! ```
//!
//! Cases: `long-key` (one 100 KB key over 1,000 wrong values), `long-key-400k`,
//! `untagged-62k` and `untagged-496k` (a list of objects whose untagged id no
//! variant reads), `secret-map` (a key inside a `Secret` map). No case: all.

use std::collections::HashMap;
use std::time::Instant;

use model_core::{ApiModel, Secret, ValidationError};
use serde::Deserialize;

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct Bytes {
    m: HashMap<String, Vec<u8>>,
}

#[derive(Debug, Deserialize, ApiModel)]
#[serde(untagged)]
#[allow(dead_code)]
enum Id {
    Number(u64),
    Text(String),
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct IdBox {
    id: Id,
}

#[derive(Debug, Deserialize, ApiModel)]
#[allow(dead_code)]
struct Vault {
    by_name: Secret<HashMap<String, u8>>,
}

/// A parse that must fail, for one case.
type Refuse = fn(&str) -> Result<(), ValidationError>;

/// One hostile input: its name on the command line, how it is made, how it is read.
struct Case {
    name: &'static str,
    input: fn() -> String,
    parse: Refuse,
}

fn long_key(len: usize) -> String {
    let values = vec!["-1"; 1000].join(",");
    format!(r#"{{"m": {{"{}": [{values}]}}}}"#, "k".repeat(len))
}

fn untagged(items: usize) -> String {
    let items = vec![r#"{"id": true}"#; items].join(",");
    format!("[{items}]")
}

fn measure(name: &str, input: &str, parse: Refuse) {
    let start = Instant::now();
    let error = parse(input).expect_err("every case is refused");
    let elapsed = start.elapsed();
    let json = serde_json::to_string(&error).map_or(0, |json| json.len());
    let longest = error.issues().iter().map(|issue| issue.pointer().len()).max().unwrap_or(0);
    println!(
        "{name}: input {} bytes, report {json} bytes as JSON, {} issues, longest pointer {longest} bytes, {:.1} ms",
        input.len(),
        error.issues().len(),
        elapsed.as_secs_f64() * 1000.0
    );
}

fn main() {
    let chosen: Option<String> = std::env::args().nth(1);
    let cases: [Case; 5] = [
        Case { name: "long-key", input: || long_key(100_000), parse: |text| Bytes::from_json(text).map(drop) },
        Case { name: "long-key-400k", input: || long_key(400_000), parse: |text| Bytes::from_json(text).map(drop) },
        Case {
            name: "untagged-62k",
            input: || untagged(4_400),
            parse: |text| model_core::from_json::<Vec<IdBox>>(text).map(drop),
        },
        Case {
            name: "untagged-496k",
            input: || untagged(35_400),
            parse: |text| model_core::from_json::<Vec<IdBox>>(text).map(drop),
        },
        Case {
            name: "secret-map",
            input: || r#"{"by_name": {"sk_live_51HoNEY": "x"}}"#.to_owned(),
            parse: |text| {
                let error = Vault::from_json(text).map(drop).unwrap_err();
                assert!(!error.to_string().contains("sk_live"), "the secret shows: {error}");
                Err(error)
            },
        },
    ];
    for case in cases {
        if chosen.as_deref().map_or(true, |chosen| chosen == case.name) {
            measure(case.name, &(case.input)(), case.parse);
        }
    }
}
