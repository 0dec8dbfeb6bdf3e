//! The main job: parse what `POST /connect_sessions` returns.
//!
//! ```text
//! cargo run -p model-examples --example auth_link                 # the bundled samples
//! cargo run -p model-examples --example auth_link -- reply.json   # your own payloads
//! ```
//!
//! For each payload it prints the model (secrets redacted) or the full report.

use std::process::ExitCode;

use model_core::ApiModel;
use model_examples::{BROKEN_AUTH_LINK, VALID_AUTH_LINK};
use models::ConnectSessionTokenAuthLink;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let payloads: Vec<(String, String)> = if paths.is_empty() {
        vec![
            ("bundled payloads/auth_link_valid.json".to_owned(), VALID_AUTH_LINK.to_owned()),
            ("bundled payloads/auth_link_broken.json".to_owned(), BROKEN_AUTH_LINK.to_owned()),
        ]
    } else {
        let mut payloads = Vec::new();
        for path in paths {
            match std::fs::read_to_string(&path) {
                Ok(text) => payloads.push((path, text)),
                Err(error) => {
                    eprintln!("cannot read {path}: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        payloads
    };

    for (name, text) in &payloads {
        println!("== {name}");
        match ConnectSessionTokenAuthLink::from_json(text) {
            Ok(link) => {
                println!("{link:#?}");
                let categories = link.categories.iter().flatten();
                let unknown: Vec<&str> = categories.filter(|c| !c.is_known()).map(|c| c.as_str()).collect();
                if !unknown.is_empty() {
                    println!("kept categories this version does not know: {unknown:?}");
                }
                println!("send the user to {}", link.auth_link_url);
            }
            Err(report) => {
                println!("{report}");
                println!("as data: {} issues, codes {:?}", report.issues().len(), codes(&report));
            }
        }
        println!();
    }
    ExitCode::SUCCESS
}

fn codes(report: &model_core::ValidationError) -> Vec<&'static str> {
    report.issues().iter().map(model_core::Issue::code).collect()
}
