// Generated code is warning-free under strict lints.
#![deny(warnings, unused_qualifications, unused_results, missing_debug_implementations)]
#![deny(rust_2018_idioms, unreachable_pub, trivial_casts, unused_import_braces)]

use model_core::ApiModel;

/// A documented model.
#[derive(Debug, serde::Deserialize, ApiModel)]
pub struct Link {
    /// The URL.
    pub url: String,
    secret: Option<model_core::Secret<String>>,
}

/// A documented enum.
#[derive(Debug, ApiModel)]
pub enum Kind {
    /// Hosted.
    Hosted,
}

fn main() {
    let link = Link::from_json(r#"{"url": "u"}"#).unwrap();
    assert!(link.secret.is_none());
    assert_eq!(Kind::Hosted.as_str(), "Hosted");
}
