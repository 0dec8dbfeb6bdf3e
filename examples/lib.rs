//! Sample payloads bundled with the examples.
