//! The pipeline: describe the input, check it, generate code; or, when the
//! input is wrong, report every mistake beside impls that keep the rest of the
//! user's crate free of follow-on errors.

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{parse_quote, DeriveInput, GenericParam, Generics};

use crate::ast::{Input, Struct};
use crate::ctxt::Ctxt;
use crate::{fallback, model, string_enum};

pub fn derive(node: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::default();
    let input = Input::from_syn(&mut cx, node);
    if let Ok(input) = &input {
        input.validate(&mut cx);
    }
    match (input, cx.check()) {
        (Ok(Input::Struct(input)), Ok(())) => model::expand(&input),
        (Ok(Input::Enum(input)), Ok(())) => string_enum::expand(&input),
        (input, checked) => {
            let errors = [input.err(), checked.err()].into_iter().flatten().reduce(|mut all, error| {
                all.combine(error);
                all
            });
            let errors = errors.map(|errors| errors.to_compile_error());
            let fallback = fallback::expand(node);
            quote!(#fallback #errors)
        }
    }
}

/// The generics with `ApiType` required of every type parameter: for an
/// input whose fields could not be read.
pub fn with_api_type_bounds(generics: &Generics) -> Generics {
    let mut generics = generics.clone();
    let params: Vec<Ident> = type_params(&generics).cloned().collect();
    let where_clause = generics.make_where_clause();
    for param in params {
        where_clause.predicates.push(parse_quote!(#param: ::model_core::__private::ApiType));
    }
    generics
}

/// The generics of a model's impls, bounded as serde bounds its own: each
/// wire field whose type mentions a type parameter must be `ApiType`, and
/// a generic model must deserialize (serde's impl asks the same of each
/// parameter).
pub fn model_generics(input: &Struct) -> Generics {
    let node = input.original;
    let mut generics = node.generics.clone();
    let params: Vec<Ident> = type_params(&node.generics).cloned().collect();
    if params.is_empty() {
        return generics;
    }
    let where_clause = generics.make_where_clause();
    for field in input.wire_fields() {
        if mentions(field.ty.to_token_stream(), &params) {
            let ty = field.ty;
            where_clause.predicates.push(parse_quote!(#ty: ::model_core::__private::ApiType));
        }
    }
    let ident = &node.ident;
    let (_, ty_generics, _) = node.generics.split_for_impl();
    where_clause.predicates.push(parse_quote!(#ident #ty_generics: ::model_core::__private::DeserializeOwned));
    generics
}

fn type_params(generics: &Generics) -> impl Iterator<Item = &Ident> {
    generics.params.iter().filter_map(|param| match param {
        GenericParam::Type(param) => Some(&param.ident),
        _ => None,
    })
}

fn mentions(tokens: TokenStream, params: &[Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => params.contains(&ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}

/// A doc comment as an `Option<&'static str>` expression.
pub fn docs(docs: &Option<String>) -> TokenStream {
    match docs {
        Some(docs) => quote!(::core::option::Option::Some(#docs)),
        None => quote!(::core::option::Option::None),
    }
}
