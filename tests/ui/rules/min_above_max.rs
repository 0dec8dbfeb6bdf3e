use model_core::ApiModel;

#[derive(serde::Deserialize, ApiModel)]
struct Login {
    #[api(min_length = 8, max_length = 4)]
    login: String,
    #[api(minimum = 10, maximum = 1.5)]
    score: f64,
    #[api(items(min_items = 3, max_items = 2))]
    grid: Vec<Vec<u8>>,
    #[api(items(min_length = 5, min_length = 3))]
    names: Vec<String>,
}

fn main() {}
