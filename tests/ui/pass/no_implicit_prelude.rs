// Generated code names everything by full path, so it compiles without the prelude.
#[no_implicit_prelude]
mod models {
    #[derive(::serde::Deserialize, ::model_core::ApiModel)]
    #[api(builder)]
    #[api(validate = Link::consistent)]
    pub struct Link {
        #[api(min_length = 1, pattern = "^https?://", example = "https://a.io")]
        pub url: ::std::string::String,
        #[api(max_items = 3, items(validate = Tag::is_known_tag))]
        pub tags: ::std::vec::Vec<Tag>,
        #[api(max_length = 10)]
        pub note: ::std::option::Option<::std::string::String>,
        #[api(minimum = 0, multiple_of = 2)]
        pub weight: ::std::option::Option<u8>,
    }

    impl Link {
        fn consistent(&self) -> ::std::result::Result<(), &'static str> {
            ::std::result::Result::Ok(())
        }
    }

    impl Tag {
        fn is_known_tag(&self) -> ::std::result::Result<(), ::std::string::String> {
            ::std::result::Result::Ok(())
        }
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
    let link = models::Link::from_json(r#"{"url": "https://u", "tags": ["alpha", "beta"]}"#).unwrap();
    assert_eq!(link.tags.len(), 2);
    assert!(models::Link::builder().url("u").build().is_err());
    assert!(models::Link::from_json(r#"{"url": "ftp://x", "tags": []}"#).is_err());
    assert!(models::Link::check_examples().is_empty());
}
