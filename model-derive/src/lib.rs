//! `#[derive(ApiModel)]`. Use it through `model-core`, which re-exports it
//! beside the traits and types the generated code needs.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod bound;
mod builder;
mod case;
mod ctxt;
mod expand;
mod fallback;
// model-core's `format_names.rs`, copied for the same reason as `suggest`.
mod formats;
mod model;
mod newtype;
mod path;
mod rule;
mod string_enum;
mod table;
// The runtime's own "did you mean", so attribute keys and wire values are
// matched by one rule: a copy of model-core's `suggest.rs`, as a proc-macro
// crate cannot depend on the crate that re-exports it, and a published crate
// holds only its own files. model-core's `tests/suggest_copy.rs` keeps the
// two the same.
mod suggest;
mod ty;
mod union;
mod valid;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// See `model_core` for what the derive gives structs and enums, and the
/// attributes it reads.
#[proc_macro_derive(ApiModel, attributes(api, serde))]
pub fn derive_api_model(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
