//! The pieces every emitter writes: a doc comment as tokens, a model's
//! field table, its `ModelTable` impl. A leaf: it calls no emitter.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::Field;
use crate::attr::Default;
use crate::rule;
use crate::ty::{may_hold_rules, mentions, option_inner};

/// The `ApiType` impl every emitter writes, and beside it the impls of
/// other crates' schema traits, which model-core writes out only when its
/// feature of that crate's name is on:
///
/// ```text
/// impl ApiType for #ident {
///     const TYPE: TypeDoc = #type_doc;
///     fn check(__node, __report) { #check }
///     #check_rules                  // when the type may hold rules
/// }
/// schema_impls! { [impl generics] [#ident<…>] [where clause] }   // schemars', utoipa's traits
/// ```
pub fn api_type_impl(
    generics: &syn::Generics,
    ident: &syn::Ident,
    type_doc: TokenStream,
    check: TokenStream,
    check_rules: Option<TokenStream>,
) -> TokenStream {
    let private = crate::path::private();
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::ApiType for #ident #ty_generics #where_clause {
            const TYPE: #private::TypeDoc = #type_doc;

            // `#[inline]` here and on every generated method: a method
            // nothing calls is then never compiled to machine code, which
            // keeps the derive's compile time near serde's.
            #[inline]
            fn check(__node: &#private::Node<'_>, __report: &mut #private::Report<'_>) {
                #check
            }

            #check_rules
        }

        // schemars' and utoipa's traits, written by model-core when its
        // feature of that crate's name is on.
        #private::schema_impls! { [#impl_generics] [#ident #ty_generics] [#where_clause] }
    }
}

/// The call that checks the rules of what a field's `value` holds (a model,
/// or a collection of them), at the field's key, or at the object's own
/// level for a flattened field; `None` when its type holds none, or serde
/// reads the field alone.
pub fn held_rules(field: &Field, value: &TokenStream) -> Option<TokenStream> {
    if !may_hold_rules(field.ty) || field.opaque() {
        return None;
    }
    let private = crate::path::private();
    // Spanned at the type, where a type without `ApiType` is blamed once.
    let ty = field.ty;
    let check_rules = quote_spanned!(ty.span()=> <#ty as #private::ApiType>::check_rules);
    let wire_name = &field.wire_name;
    Some(if field.attrs.flatten.is_some() {
        quote!(#check_rules(#value, __report);)
    } else {
        quote!(#private::nested_rules(__report, #wire_name, #value, #check_rules);)
    })
}

/// A doc comment as an `Option<&'static str>` expression.
pub fn docs(docs: &Option<String>) -> TokenStream {
    match docs {
        Some(docs) => quote!(::core::option::Option::Some(#docs)),
        None => quote!(::core::option::Option::None),
    }
}

/// `impl<__Marker: ?Sized> ModelTable<__Marker> for Model { const DOC: ModelDoc = #doc; }`:
/// generic over a marker, so rustc evaluates the table only where it is used
/// (see `model_core::__private::ModelTable`).
pub fn model_table(generics: &syn::Generics, ident: &syn::Ident, doc: TokenStream) -> TokenStream {
    let private = crate::path::private();
    let (_, ty_generics, where_clause) = generics.split_for_impl();
    let mut with_marker = generics.clone();
    with_marker.params.push(syn::parse_quote!(__Marker: ?::core::marker::Sized));
    let (impl_generics, _, _) = with_marker.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::ModelTable<__Marker> for #ident #ty_generics #where_clause {
            const DOC: #private::ModelDoc = #doc;
        }
    }
}

/// `field_table(rust names, wire names, doc comments, field types, rare
/// parts)` for `fields`: a column each, then a `FieldParts` for each field
/// with more to say (see `FieldDoc::table` in model-core for why columns).
pub fn field_table<'a>(fields: impl Iterator<Item = &'a Field<'a>>, container_default: bool) -> TokenStream {
    let private = crate::path::private();
    let fields: Vec<&Field> = fields.collect();
    let rust_names = fields.iter().map(|field| &field.rust_name);
    let wire_names = fields.iter().map(|field| &field.wire_name);
    let descriptions = fields.iter().map(|field| field.attrs.docs.as_deref().unwrap_or(""));
    let types = fields.iter().map(|field| {
        let ty = field.ty;
        if field.opaque() {
            quote!(#private::FieldType::OPAQUE)
        } else {
            // Spanned at the type, so a type without `ApiType` is blamed
            // once, where it is written.
            quote_spanned!(ty.span()=> <#ty as #private::ApiType>::FIELD)
        }
    });
    let rare = fields.iter().enumerate().filter_map(|(index, field)| rare_parts(index, field, container_default));
    quote! {
        #private::field_table(
            [#(#rust_names),*],
            [#(#wire_names),*],
            [#(#descriptions),*],
            [#(#types),*],
            &[#(#rare),*],
        )
    }
}

/// The `FieldParts` of a field whose names, doc comment and type do not
/// say everything; `None` for the common field that has nothing more.
fn rare_parts(index: usize, field: &Field, container_default: bool) -> Option<TokenStream> {
    let private = crate::path::private();
    let ty = field.ty;
    let span = ty.span();
    // A type that holds a `Secret` keeps serde's words, which may quote it,
    // out: known by its type where it is an `ApiType` (through an alias, a
    // re-export), else by a `Secret` written in it.
    let spelled = mentions(ty, "Secret");
    let secret = quote_spanned! {span=>
        {
            #[allow(unused_imports)]
            use #private::{ProbeApiType as _, ProbeOther as _};
            #spelled || (&#private::SecretProbe::<#ty>::NEW).holds_secret()
        }
    };
    let check = if let Some(path) = &field.attrs.deserialize_with {
        Some(quote_spanned! {path.span()=>
            |__node, __report| #private::check_with(__node, __report, |__text| {
                let mut __de = #private::serde_json::Deserializer::from_str(__text);
                #path(&mut __de).map(|_: #ty| ())
            }, #secret)
        })
    } else if field.attrs.api_serde.is_some() {
        Some(quote_spanned! {span=>
            |__node, __report| #private::check_with(
                __node,
                __report,
                #private::read_as::<#ty>,
                #secret,
            )
        })
    } else if field.attrs.rules.is_empty() {
        None
    } else {
        let rules_fn = rules_fn(index);
        Some(quote_spanned! {span=>
            |__node, __report| #private::check_then_rules::<#ty>(__node, __report, Self::#rules_fn)
        })
    };
    let required =
        if container_default || !matches!(field.attrs.default, Default::None) || field.attrs.flatten.is_some() {
            Some(false)
        } else if field.opaque() {
            // serde's own rule: a missing `Option` is `None`, unless a function reads it.
            Some(field.attrs.deserialize_with.is_some() || option_inner(ty).is_none())
        } else {
            None
        };
    let mut parts = Vec::new();
    if let Some(required) = required {
        parts.push(quote!(required: ::core::option::Option::Some(#required),));
    }
    if let Some(check) = check {
        parts.push(quote!(check: ::core::option::Option::Some(#check),));
    }
    let aliases = &field.attrs.aliases;
    if !aliases.is_empty() {
        parts.push(quote!(aliases: &[#(#aliases),*],));
    }
    if field.attrs.read_only {
        parts.push(quote!(read_only: true,));
    }
    if !field.attrs.examples.is_empty() {
        let examples = field.attrs.examples.iter().map(example_fn);
        parts.push(quote!(examples: &[#(#examples),*],));
    }
    if field.attrs.deprecated {
        parts.push(quote!(deprecated: true,));
    }
    if !field.attrs.rules.is_empty() {
        let rules = rule::data(&field.attrs.rules);
        parts.push(quote!(rules: #rules,));
    }
    let default = match &field.attrs.default {
        Default::None => None,
        // A generic function, not a closure: one body fewer to compile.
        Default::Trait => Some(quote_spanned!(span=> #private::example(#private::example_default::<#ty>))),
        Default::Path(path) => Some(quote_spanned! {span=>
            #private::example(|| #private::example_value(&#path()))
        }),
    };
    if let Some(default) = default {
        parts.push(quote!(default: ::core::option::Option::Some(#default),));
    }
    if field.attrs.flatten.is_some() {
        parts.push(quote!(flatten: true,));
    }
    if parts.is_empty() {
        return None;
    }
    Some(quote! {
        #private::FieldParts { index: #index, #(#parts)* ..#private::FieldParts::PLAIN }
    })
}

/// `Example::new(|| example_value(&(expr)))`: serialized only when docs ask.
pub fn example_fn(expr: &syn::Expr) -> TokenStream {
    let private = crate::path::private();
    quote_spanned! {expr.span()=>
        #private::example(|| #private::example_value(&(#expr)))
    }
}

pub fn rules_fn(index: usize) -> syn::Ident {
    quote::format_ident!("__api_rules_{}", index)
}
