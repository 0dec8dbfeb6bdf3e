use std::collections::BTreeMap;
use std::fmt::Debug;

use model_core::{ApiModel, ApiType};

#[derive(Debug, serde::Deserialize, ApiModel)]
struct Page<T, M = String>
where
    T: Debug + Clone,
{
    items: Vec<T>,
    meta: Option<M>,
    by_key: BTreeMap<String, T>,
}

#[derive(Debug, serde::Deserialize, ApiModel)]
struct Envelope<T: Debug, const N: usize> {
    data: T,
    #[serde(skip)]
    slots: std::marker::PhantomData<[u8; N]>,
}

/// `K` is used only in a skipped field, so it needs no `ApiType`, as serde needs no `Deserialize` of it.
#[derive(Debug, serde::Deserialize, ApiModel)]
struct Tagged<K> {
    id: String,
    #[serde(skip)]
    kind: std::marker::PhantomData<K>,
}

#[derive(Debug)]
struct NotAnApiType;

fn parse<T: ApiModel + Debug>(json: &str) -> Result<T, model_core::ValidationError> {
    T::from_json(json)
}

fn main() {
    let page: Page<u8> = parse(r#"{"items": [1], "by_key": {}}"#).unwrap();
    assert_eq!(page.items, [1]);
    let error = parse::<Page<u8, bool>>(r#"{"items": [300], "meta": "x", "by_key": {"a": -1}}"#).unwrap_err();
    assert_eq!(error.issues().len(), 3);
    let envelope: Envelope<Page<u8>, 4> = parse(r#"{"data": {"items": [], "by_key": {}}}"#).unwrap();
    assert_eq!(envelope.slots, std::marker::PhantomData);
    assert!(format!("{:?}", envelope.data).starts_with("Page"));
    // Each instantiation is named with its type arguments, `M` by its default.
    assert_eq!(<Page<u8> as ApiType>::TYPE.to_string(), "Page_u8_string");
    let tagged: Tagged<NotAnApiType> = parse(r#"{"id": "a"}"#).unwrap();
    assert_eq!((tagged.id.as_str(), tagged.kind), ("a", std::marker::PhantomData));
}
