//! Sample payloads bundled with the examples, as `POST /connect_sessions` might answer.
#![forbid(unsafe_code)]

/// A valid auth link: every field, an unknown category and an unknown key.
pub const VALID_AUTH_LINK: &str = include_str!("payloads/auth_link_valid.json");

/// A broken auth link, with a problem in most fields.
pub const BROKEN_AUTH_LINK: &str = include_str!("payloads/auth_link_broken.json");
