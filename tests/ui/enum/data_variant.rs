use model_core::ApiModel;

#[derive(ApiModel)]
enum Shape {
    Circle,
    Square { side: f64 },
}

fn main() {}
