//! The pipeline, and only the pipeline: describe the input, check it,
//! generate code; or, when the input is wrong, report every mistake beside
//! impls that keep the rest of the user's crate free of follow-on errors.
//! The emitters it calls share their pieces through `table`, a leaf.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::Input;
use crate::ctxt::Ctxt;
use crate::{fallback, model, newtype, path, string_enum, union};

pub fn derive(node: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::default();
    let input = Input::from_syn(&mut cx, node);
    let krate = input.as_ref().and_then(Input::krate).cloned();
    path::with_crate(krate.as_ref(), || expand(node, cx, input))
}

fn expand(node: &DeriveInput, mut cx: Ctxt, input: Option<Input<'_>>) -> TokenStream {
    if let Some(input) = &input {
        input.validate(&mut cx);
    }
    let serde_refuses = matches!(&input, Some(Input::Struct(input)) if input.attrs.serde_refuses);
    // serde's derive writes a data enum's impls; this derive must not stand in for them.
    let data_enum = matches!(&input, Some(Input::Enum(input)) if input.is_data());
    match (input, cx.check()) {
        // serde's derive fails on this input and says why; any impl of ours
        // would only add errors about the missing `Deserialize`.
        (_, checked) if serde_refuses => checked.err().map(|errors| errors.to_compile_error()).unwrap_or_default(),
        (Some(Input::Struct(input)), Ok(())) => model::expand(&input),
        (Some(Input::Newtype(input)), Ok(())) => newtype::expand(&input),
        (Some(Input::Enum(input)), Ok(())) if input.is_data() => union::expand(&input),
        (Some(Input::Enum(input)), Ok(())) => string_enum::expand(&input),
        (_, checked) => {
            let errors = checked.err().map(|errors| errors.to_compile_error());
            let fallback = fallback::expand(node, data_enum);
            quote!(#fallback #errors)
        }
    }
}
