use model_core::ApiModel;

#[derive(ApiModel)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
