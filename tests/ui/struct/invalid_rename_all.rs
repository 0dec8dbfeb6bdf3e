use model_core::ApiModel;

// serde's derive reports the unknown rule on a struct; the derive adds nothing.
#[derive(serde::Deserialize, ApiModel)]
#[serde(rename_all = "snake-case")]
struct Invoice {
    invoice_number: String,
}

fn main() {}
