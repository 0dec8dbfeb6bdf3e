// Generated code names everything by full path, so it compiles without the prelude.
#[no_implicit_prelude]
mod models {
    #[derive(::serde::Deserialize, ::model_core::ApiModel)]
    pub struct Link {
        pub url: ::std::string::String,
        pub tags: ::std::vec::Vec<Tag>,
        pub note: ::std::option::Option<::std::string::String>,
    }

    #[derive(::model_core::ApiModel)]
    #[serde(rename_all = "lowercase")]
    pub enum Tag {
        Alpha,
        #[api(other)]
        Other(::std::string::String),
    }
}

fn main() {
    use model_core::ApiModel;
    let link = models::Link::from_json(r#"{"url": "u", "tags": ["alpha", "beta"]}"#).unwrap();
    assert_eq!(link.tags.len(), 2);
    assert!(models::Link::builder().url("u").build().is_err());
}
