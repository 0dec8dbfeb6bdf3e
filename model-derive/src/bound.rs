//! The where-clauses of generated impls, one function per rule, each as serde
//! bounds its own impls.

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{parse_quote, DeriveInput, GenericParam, Generics};

use crate::ast::Struct;

/// Each type parameter is `ApiType`: for an input whose fields could not be read.
pub fn params_api_type(generics: &Generics) -> Generics {
    let private = crate::path::private();
    let mut generics = generics.clone();
    let params: Vec<Ident> = type_params(&generics).cloned().collect();
    let where_clause = generics.make_where_clause();
    for param in params {
        where_clause.predicates.push(parse_quote!(#param: #private::ApiType));
    }
    generics
}

/// Each wire field whose type mentions a type parameter is `ApiType`, as
/// serde asks `Deserialize` of exactly those fields.
pub fn fields_api_type(input: &Struct) -> Generics {
    let private = crate::path::private();
    fields_bounded(input, input.original.generics.clone(), &parse_quote!(#private::ApiType))
}

/// The same fields also deserialize: `build()` asks a field's `Deserialize`
/// for the value of an absent key.
pub fn fields_deserialize_owned(input: &Struct, generics: Generics) -> Generics {
    let private = crate::path::private();
    fields_bounded(input, generics, &parse_quote!(#private::DeserializeOwned))
}

fn fields_bounded(input: &Struct, mut generics: Generics, bound: &syn::Path) -> Generics {
    let params: Vec<Ident> = type_params(&generics).cloned().collect();
    if params.is_empty() {
        return generics;
    }
    let where_clause = generics.make_where_clause();
    for field in input.wire_fields() {
        if mentions(field.ty.to_token_stream(), &params) {
            let ty = field.ty;
            where_clause.predicates.push(parse_quote!(#ty: #bound));
        }
    }
    generics
}

/// A generic model deserializes, which `ApiModel` requires and serde's own
/// impl grants under bounds of its choosing.
pub fn self_deserialize_owned(mut generics: Generics, node: &DeriveInput) -> Generics {
    let private = crate::path::private();
    if type_params(&node.generics).next().is_none() {
        return generics;
    }
    let ident = &node.ident;
    let (_, ty_generics, _) = node.generics.split_for_impl();
    generics.make_where_clause().predicates.push(parse_quote!(#ident #ty_generics: #private::DeserializeOwned));
    generics
}

/// The bounds of a model's `ApiType` and `ApiModel` impls: also each type
/// parameter that names the model (see [`named_params`]) is `ApiType`.
pub fn model(input: &Struct) -> Generics {
    let private = crate::path::private();
    let mut generics = fields_api_type(input);
    let named = named_params(input);
    let params: Vec<Ident> = type_params(&input.original.generics).cloned().collect();
    if !named.is_empty() {
        let where_clause = generics.make_where_clause();
        for param in named {
            where_clause.predicates.push(parse_quote!(#param: #private::ApiType));
        }
        // A field with rules is read alone to run them (`check_then_rules`).
        for field in input.wire_fields().filter(|field| !field.attrs.rules.is_empty()) {
            if mentions(field.ty.to_token_stream(), &params) {
                let ty = field.ty;
                where_clause.predicates.push(parse_quote!(#ty: #private::DeserializeOwned));
            }
        }
    }
    self_deserialize_owned(generics, input.original)
}

/// The type parameters that are part of a generic model's name (`User` in
/// `Page_User`): those a field the report checks mentions, so that each
/// instantiation is a type of its own. A parameter only a field serde reads
/// alone mentions is left out of the name (it is still bounded `ApiType`
/// through its field, by `fields_api_type`, which also lets the derive ask
/// whether such a field holds a `Secret`).
pub fn named_params<'a>(input: &'a Struct) -> Vec<&'a Ident> {
    type_params(&input.original.generics)
        .filter(|param| {
            let param = std::slice::from_ref(*param);
            input.wire_fields().any(|field| !field.opaque() && mentions(field.ty.to_token_stream(), param))
        })
        .collect()
}

/// The bounds of a builder's `build()`.
pub fn build(input: &Struct) -> Generics {
    fields_deserialize_owned(input, model(input))
}

fn type_params(generics: &Generics) -> impl Iterator<Item = &Ident> {
    generics.params.iter().filter_map(|param| match param {
        GenericParam::Type(param) => Some(&param.ident),
        GenericParam::Lifetime(_) | GenericParam::Const(_) => None,
    })
}

fn mentions(tokens: TokenStream, params: &[Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => params.contains(&ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        TokenTree::Punct(_) | TokenTree::Literal(_) => false,
    })
}
