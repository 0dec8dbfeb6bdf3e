use model_core::{code, Violation};

fn main() {
    let _ = Violation::new("an urgent ticket needs a due date").code(code!("Needs Due Date"));
}
