use model_core::ApiModel;

#[derive(ApiModel)]
enum Category {
    Ats,
    #[api(other)]
    Unknown(u32),
}

fn main() {}
