//! The derive holds copies of two runtime files, so that attribute keys and
//! wire values are matched by one rule (`suggest.rs`) and `format = "…"`
//! knows the formats the runtime checks (`format_names.rs`); the copies
//! must stay the same.

use std::path::Path;

fn same(runtime: &str, derive: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let runtime_text = std::fs::read_to_string(root.join("src").join(runtime)).unwrap();
    let derive_text = std::fs::read_to_string(root.join("../model-derive/src").join(derive)).unwrap();
    assert_eq!(
        runtime_text, derive_text,
        "model-derive/src/{derive} differs from model-core/src/{runtime}: copy it over"
    );
}

#[test]
fn the_derive_suggests_as_the_runtime_does() {
    same("suggest.rs", "suggest.rs");
}

#[test]
fn the_derive_knows_the_formats_the_runtime_checks() {
    same("format_names.rs", "formats.rs");
}
