//! The pipeline: describe the input, check it, generate code; or, when the
//! input is wrong, report every mistake beside impls that keep the rest of the
//! user's crate free of follow-on errors.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{parse_quote, DeriveInput, GenericParam, Generics};

use crate::ast::Input;
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

/// The generics with `ApiType` required of every type parameter, as serde
/// requires its own traits of them.
pub fn with_api_type_bounds(generics: &Generics) -> Generics {
    let mut generics = generics.clone();
    let params: Vec<_> = generics
        .params
        .iter()
        .filter_map(|param| match param {
            GenericParam::Type(param) => Some(param.ident.clone()),
            _ => None,
        })
        .collect();
    let where_clause = generics.make_where_clause();
    for param in params {
        where_clause.predicates.push(parse_quote!(#param: ::model_core::__private::ApiType));
    }
    generics
}

/// The generics of a model's `ApiModel` impl: `ApiType` bounds, and for a
/// generic model, `Model<T>: DeserializeOwned`, which serde's derived impl
/// grants exactly when each parameter deserializes.
pub fn model_generics(node: &DeriveInput) -> Generics {
    let mut generics = with_api_type_bounds(&node.generics);
    if !node.generics.params.is_empty() {
        let ident = &node.ident;
        let (_, ty_generics, _) = node.generics.split_for_impl();
        generics
            .make_where_clause()
            .predicates
            .push(parse_quote!(#ident #ty_generics: ::model_core::__private::DeserializeOwned));
    }
    generics
}

/// A doc comment as an `Option<&'static str>` expression.
pub fn docs(docs: &Option<String>) -> TokenStream {
    match docs {
        Some(docs) => quote!(::core::option::Option::Some(#docs)),
        None => quote!(::core::option::Option::None),
    }
}
