//! What the examples share: sample payloads, as `POST /connect_sessions`
//! might answer, [`fake_stackone`], a local StackOne server, and
//! [`ticket_service`], a small service read with the query, form and path
//! extractors.
#![forbid(unsafe_code)]

pub mod fake_stackone;
pub mod ticket_service;

/// A valid auth link: every field, an unknown category and an unknown key.
pub const VALID_AUTH_LINK: &str = include_str!("payloads/auth_link_valid.json");

/// A broken auth link, with a problem in most fields.
pub const BROKEN_AUTH_LINK: &str = include_str!("payloads/auth_link_broken.json");
