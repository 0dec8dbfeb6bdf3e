//! Instruction counts of the report: run under cachegrind.
use model_core::ApiModel;
use models::ConnectSessionTokenAuthLink as AuthLink;

const TEN_PROBLEMS: &str = r#"{"created_at": "yesterday", "id": "1", "categories": ["ats", 7], "label": 3}"#;

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let broken = model_examples::BROKEN_AUTH_LINK;
    let valid = model_examples::VALID_AUTH_LINK;
    for _ in 0..10_000 {
        match which.as_str() {
            "ten" => drop(std::hint::black_box(AuthLink::from_json(std::hint::black_box(TEN_PROBLEMS)))),
            "broken" => drop(std::hint::black_box(AuthLink::from_json(std::hint::black_box(broken)))),
            _ => drop(std::hint::black_box(AuthLink::from_json(std::hint::black_box(valid)))),
        }
    }
}
