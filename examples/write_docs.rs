//! Writes the docs of every type in `models`: a Markdown page per model and
//! enum, and a JSON Schema per model, into `models/docs/`.
//!
//! ```text
//! cargo run -p model-examples --example write_docs
//! ```
//!
//! A test fails when the committed files differ from what this writes.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../models").join(models::DOCS_DIR);
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {error}", dir.display());
        return ExitCode::FAILURE;
    }
    for (name, contents) in models::doc_files() {
        let path = dir.join(&name);
        if let Err(error) = std::fs::write(&path, contents) {
            eprintln!("cannot write {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote models/{}/{name}", models::DOCS_DIR);
    }
    ExitCode::SUCCESS
}
