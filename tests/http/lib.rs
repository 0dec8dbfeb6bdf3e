//! Helpers of the HTTP tests: see `tests/`.
#![forbid(unsafe_code)]
