//! `#[derive(ApiModel)]`. Use it through `model-core`, which re-exports it
//! beside the traits and types the generated code needs.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod builder;
mod case;
mod ctxt;
mod expand;
mod fallback;
mod model;
mod string_enum;
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
