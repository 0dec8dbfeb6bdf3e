use model_core::ApiModel;

#[derive(ApiModel)]
enum Tagged<T> {
    Plain,
    Marker(std::marker::PhantomData<T>),
}

fn main() {}
