//! Real API models built with `#[derive(ApiModel)]`.
//!
//! The first is StackOne's [`ConnectSessionTokenAuthLink`], the object
//! `POST /connect_sessions` returns.
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

pub use crate::connect_session::{
    ConnectSessionTokenAuthLink, ConnectSessionTokenAuthLinkBuilder, ConnectSessionTokenAuthLinkCategories,
    ConnectSessionTokenAuthLinkType,
};

use model_core::{ApiType, TypeDoc};

/// The models this crate defines for their own sake; the enums and nested
/// models they use follow from them.
pub const ROOTS: &[TypeDoc] = &[<ConnectSessionTokenAuthLink as ApiType>::TYPE];

/// Where the generated docs live, relative to this crate.
pub const DOCS_DIR: &str = "docs";

/// The command that writes [`doc_files`] into [`DOCS_DIR`].
pub const WRITE_DOCS: &str = "cargo run -p model-examples --example write_docs";

/// Every generated docs file, as (file name, contents): a Markdown page per
/// model and enum, and a JSON Schema per root model.
pub fn doc_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for root in ROOTS {
        for page in model_core::pages(root) {
            if !files.iter().any(|(name, _)| *name == page.file_name()) {
                files.push((page.file_name(), page.markdown));
            }
        }
        let schema = model_core::json_schema(root);
        let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
        files.push((format!("{root}.schema.json"), text));
    }
    files
}
