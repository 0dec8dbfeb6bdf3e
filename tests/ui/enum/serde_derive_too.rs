use model_core::ApiModel;

// The derive writes `Serialize` and `Deserialize` for a string enum itself;
// deriving them from serde too is rustc's E0119, at `ApiModel`.
#[derive(serde::Serialize, serde::Deserialize, ApiModel)]
#[serde(rename_all = "snake_case")]
enum State {
    Open,
    Closed,
}

fn main() {}
