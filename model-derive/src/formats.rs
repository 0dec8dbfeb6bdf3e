//! The names of `format = "…"`: what the attribute accepts (JSON Schema's
//! word for the format) and the unit type in model-core that checks it.
//!
//! One list for both crates: model-derive holds a byte-for-byte copy, as a
//! proc-macro crate cannot depend on the crate that re-exports it, and
//! model-core's `tests/shared_copies.rs` keeps the two the same.

/// `(name, checker)`, in the order of model-core's `doc::Format` variants.
pub const FORMAT_NAMES: &[(&str, &str)] = &[
    ("email", "Email"),
    ("uri", "Uri"),
    ("uuid", "Uuid"),
    ("ipv4", "Ipv4"),
    ("ipv6", "Ipv6"),
    ("hostname", "Hostname"),
    ("date", "Date"),
];
