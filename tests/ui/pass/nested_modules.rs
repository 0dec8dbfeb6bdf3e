mod api {
    pub mod v1 {
        #[derive(Debug, serde::Deserialize, model_core::ApiModel)]
        #[api(builder)]
        pub struct Link {
            pub url: String,
            pub kind: super::shared::Kind,
        }
    }

    pub mod shared {
        #[derive(Debug, PartialEq, model_core::ApiModel)]
        pub enum Kind {
            Hosted,
        }
    }
}

fn main() {
    use model_core::ApiModel;
    let link = api::v1::Link::from_json(r#"{"url": "u", "kind": "Hosted"}"#).unwrap();
    assert_eq!(link.kind, api::shared::Kind::Hosted);
    assert!(api::v1::Link::builder().url("u").build().is_err());
}
