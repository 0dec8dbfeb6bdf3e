//! Instruction counts of the rule shapes (`rule_shapes.rs`), for one
//! library at a time: run under cachegrind, as `report_cost` is.
//!
//! ```text
//! cargo build --release -p model-benches --example rules_vs_garde
//! valgrind --tool=cachegrind --cache-sim=no target/release/examples/rules_vs_garde "eight rules" broken api_model
//! valgrind --tool=cachegrind --cache-sim=no target/release/examples/rules_vs_garde "eight rules" broken garde
//! ```
//!
//! Each run parses the payload 10,000 times; the instructions of one parse
//! are the total's ten-thousandth, less the program's own start (a run with
//! `none` as the library).
use model_benches::rule_shapes::shapes;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [name, which, library] = &args[..] else {
        eprintln!("usage: rules_vs_garde <shape> <valid|broken> <api_model|garde|none>");
        std::process::exit(2);
    };
    let Some(shape) = shapes().into_iter().find(|shape| shape.name == name) else {
        let names: Vec<&str> = shapes().iter().map(|shape| shape.name).collect();
        eprintln!("no shape {name:?}; the shapes: {names:?}");
        std::process::exit(2);
    };
    let payload = if which == "broken" { &shape.broken } else { &shape.valid };
    let parse = match library.as_str() {
        "api_model" => shape.api_model,
        "garde" => shape.garde,
        _ => return,
    };
    let expected = if which == "broken" { shape.problems } else { 0 };
    assert_eq!(parse(payload), expected);
    for _ in 0..10_000 {
        std::hint::black_box(parse(std::hint::black_box(payload)));
    }
}
