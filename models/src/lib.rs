//! Real API models built with `#[derive(ApiModel)]`: StackOne's Connect
//! Sessions resource.
//!
//! | call | request body | `201` response |
//! | --- | --- | --- |
//! | `POST /connect_sessions` | [`ConnectSessionCreate`] | [`ConnectSessionTokenAuthLink`] |
//! | `POST /connect_sessions/authenticate` | [`ConnectSessionAuthenticate`] | [`ConnectSession`] |
//!
//! One open enum of categories serves the three models that have them
//! ([`ConnectSessionTokenAuthLinkCategories`], also named
//! [`ConnectSessionCreateCategories`] and [`ConnectSessionCategories`] as in
//! StackOne's SDK): StackOne's SDK declares one closed enum per model with
//! the same values, so a category the API adds breaks each of them, and a
//! category read from one model cannot be sent in another without a
//! conversion. Open, a new category is kept as it came.
//!
//! ```
//! use model_core::ApiModel;
//! use models::ConnectSessionTokenAuthLink;
//!
//! let link = ConnectSessionTokenAuthLink::from_json(r#"{
//!     "auth_link_url": "https://competent-newsstand.info/",
//!     "created_at": "2024-08-22T09:15:37.633Z",
//!     "id": 2748.23,
//!     "organization_id": 5922.31,
//!     "origin_owner_id": "<id>",
//!     "origin_owner_name": "<value>",
//!     "project_id": "<id>",
//!     "token": "sess_example_token"
//! }"#)?;
//! assert_eq!(link.token.expose(), "sess_example_token");
//! assert!(!format!("{link:?}").contains("sess_example_token"));
//! # Ok::<(), model_core::ValidationError>(())
//! ```
#![forbid(unsafe_code)]

mod connect_session;
mod create;

pub use crate::connect_session::{
    ConnectSession, ConnectSessionBuilder, ConnectSessionTokenAuthLink, ConnectSessionTokenAuthLinkBuilder,
    ConnectSessionTokenAuthLinkCategories, ConnectSessionTokenAuthLinkType,
};
pub use crate::create::{
    ConnectSessionAuthenticate, ConnectSessionAuthenticateBuilder, ConnectSessionCreate, ConnectSessionCreateBuilder,
    ConnectSessionCreateType,
};

/// The categories of a [`ConnectSessionCreate`]: the same open enum as the auth link's.
pub type ConnectSessionCreateCategories = ConnectSessionTokenAuthLinkCategories;

/// The categories of a [`ConnectSession`]: the same open enum as the auth link's.
pub type ConnectSessionCategories = ConnectSessionTokenAuthLinkCategories;

use model_core::{doc::TypeDoc, ApiType};

/// The models this crate defines for their own sake; the enums and nested
/// models they use follow from them.
pub const ROOTS: &[TypeDoc] = &[
    <ConnectSessionCreate as ApiType>::TYPE,
    <ConnectSessionTokenAuthLink as ApiType>::TYPE,
    <ConnectSessionAuthenticate as ApiType>::TYPE,
    <ConnectSession as ApiType>::TYPE,
];

/// Where the generated docs live, relative to this crate.
pub const DOCS_DIR: &str = "docs";

/// The command that writes [`doc_files`] into [`DOCS_DIR`].
pub const WRITE_DOCS: &str = "cargo run -p model-examples --example write_docs";

/// Every generated docs file, as (file name, contents): a Markdown page per
/// model and enum, and a JSON Schema per root model.
pub fn doc_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for root in ROOTS {
        for page in model_core::markdown::pages(root) {
            if !files.iter().any(|(name, _)| *name == page.file_name()) {
                files.push((page.file_name(), page.markdown));
            }
        }
        let schema = model_core::schema::json_schema(root);
        let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
        files.push((format!("{root}.schema.json"), text));
    }
    files
}
