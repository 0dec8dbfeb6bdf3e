//! The derive holds a copy of `suggest.rs`, so that attribute keys and wire
//! values are matched by one rule; the copy must stay the same.

#[test]
fn the_derive_suggests_as_the_runtime_does() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let runtime = std::fs::read_to_string(root.join("src/suggest.rs")).unwrap();
    let derive = std::fs::read_to_string(root.join("../model-derive/src/suggest.rs")).unwrap();
    assert_eq!(runtime, derive, "model-derive/src/suggest.rs differs from model-core/src/suggest.rs: copy it over");
}
