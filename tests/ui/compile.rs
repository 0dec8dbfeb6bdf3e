//! Compile-fail cases, one misuse per file in a folder per topic, and
//! compile-pass hygiene cases in `pass/`. Every folder here is found by
//! itself: a new one runs without editing this file. The `.stderr`
//! snapshots belong to the toolchain pinned in `rust-toolchain.toml`;
//! regenerate them with `TRYBUILD=overwrite`.

use std::path::Path;

#[test]
fn ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut topics: Vec<String> = std::fs::read_dir(root)
        .expect("the crate's own folder is readable")
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name != "pass" && name != "target")
        .collect();
    topics.sort();
    assert!(topics.len() >= 6, "expected the compile-fail topics beside compile.rs, found {topics:?}");
    let t = trybuild::TestCases::new();
    for topic in &topics {
        t.compile_fail(format!("{topic}/*.rs"));
    }
    t.pass("pass/*.rs");
}
