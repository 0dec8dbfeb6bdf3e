use model_core::ApiModel;

// Without #[api(builder)] the derive writes no builder, so `build` and
// `__marker` are field names like any other.
#[derive(Debug, serde::Deserialize, ApiModel)]
struct Deployment {
    build: u32,
    __marker: bool,
}

fn main() {
    let deployment = Deployment::from_json(r#"{"build": 7, "__marker": true}"#).unwrap();
    assert_eq!((deployment.build, deployment.__marker), (7, true));
}
