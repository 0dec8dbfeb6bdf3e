use model_core::ApiModel;

#[derive(serde::Deserialize)]
struct Coordinates {
    lat: f64,
    lon: f64,
}

#[derive(serde::Deserialize, ApiModel)]
struct Place {
    name: String,
    at: Coordinates,
}

fn main() {}
