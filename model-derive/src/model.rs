//! Code generation for structs.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Struct;
use crate::attr::Default;
use crate::table::{api_type_impl, docs, example_fn, field_table, held_rules, model_table, rules_fn};
use crate::ty::option_inner;
use crate::{bound, builder, rule};

// Input:
//     #[derive(ApiModel)]
//     struct Invoice { number: String, note: Option<String> }
//
// Output:
//     const _: () = {
//         impl ApiType for Invoice {
//             const TYPE: TypeDoc = TypeDoc::Model(<Self as ApiModel>::doc);
//             fn check(node, report) { check_model::<Self>(node, report, None) }
//         }
//         impl<__Marker: ?Sized> ModelTable<__Marker> for Invoice {
//             const DOC: ModelDoc = model_doc("Invoice", None, &field_table(
//                 ["number", "note"],                                     // rust names
//                 ["number", "note"],                                     // wire names
//                 ["", ""],                                               // doc comments
//                 [<String as ApiType>::FIELD, <Option<String> as ApiType>::FIELD],
//                 &[],                                 // FieldParts of fields with more to say
//             ), None, false);
//         }
//         impl ApiModel for Invoice {}
//         impl ApiStruct for Invoice {}
//     };
//     pub struct InvoiceBuilder { .. }   // with #[api(builder)]: see builder.rs
//
// A field with rules (`#[api(min_length = 1)] number: String`) adds
//     impl Invoice { fn __api_rules_0(__value: &String, __rules: &mut Rules) { __rules.min_length(__value, 1); } }
// which both the field's check (`check_then_rules`) and `check_rules` call.
pub fn expand(input: &Struct) -> TokenStream {
    let private = crate::path::private();
    let ident = &input.original.ident;
    let name = &input.name;
    // Both impls need the model's bounds: the check reads `ApiModel::DOC`.
    let generics = bound::model(input);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let container_default = !matches!(input.attrs.default, Default::None);
    let fields = field_table(input.wire_fields(), container_default);
    let rules = rules(input);
    let check_rules = check_rules(input);
    let model_rule = match &input.attrs.validate {
        Some(path) => quote! {
            ::core::option::Option::Some(|__node, __report| {
                #private::model_rule_on_node::<Self, _>(__node, __report, #path)
            })
        },
        None => quote!(::core::option::Option::None),
    };
    let deny_unknown_fields = input.attrs.deny_unknown_fields;
    let description = docs(&input.attrs.docs);
    let example = match input.attrs.examples.first() {
        Some(example) => {
            let example = example_fn(example);
            quote!(::core::option::Option::Some(#example))
        }
        None => quote!(::core::option::Option::None),
    };
    let params = bound::named_params(input);
    let rule_description = match &input.attrs.rule_description {
        Some(description) => quote!(::core::option::Option::Some(#description)),
        None => quote!(::core::option::Option::None),
    };
    let doc = quote! {
        #private::with_rule(#private::model_doc(
            #name,
            #description,
            &#fields,
            #example,
            #deny_unknown_fields,
            ::core::module_path!(),
            &[#(<#params as #private::ApiType>::TYPE),*],
        ), #rule_description)
    };
    // Written only when given, so a model without one costs no more tokens.
    let doc = match &input.attrs.title {
        Some(title) => quote!(#private::titled(#doc, #title)),
        None => doc,
    };
    let table = model_table(&generics, ident, doc);
    let builder = input.attrs.builder.then(|| builder::expand(input));
    let example_test = example_test(input);

    let api_type = api_type_impl(
        &generics,
        ident,
        quote!(#private::TypeDoc::Model(<Self as #private::ApiStruct>::doc)),
        quote!(#private::check_model::<Self>(__node, __report, #model_rule);),
        check_rules,
    );

    quote! {
        const _: () = {
            #api_type

            #rules

            #table

            #[automatically_derived]
            impl #impl_generics #private::ApiModel for #ident #ty_generics #where_clause {}

            #[automatically_derived]
            impl #impl_generics #private::ApiStruct for #ident #ty_generics #where_clause {}
        };

        #builder
        #example_test
    }
}

/// A test in the user's crate that fails on an example the parser or a rule
/// refuses, so that a wrong example breaks `cargo test` with no test written.
/// Only for a model with examples, not generic, declared at module level (a
/// test inside a function body cannot run, and is skipped without a warning).
fn example_test(input: &Struct) -> TokenStream {
    let private = crate::path::private();
    let has_examples =
        !input.attrs.examples.is_empty() || input.fields.iter().any(|field| !field.attrs.examples.is_empty());
    if !has_examples || input.attrs.no_example_test || !input.original.generics.params.is_empty() {
        return quote!();
    }
    let ident = &input.original.ident;
    let test = quote::format_ident!("__api_examples_of_{}", ident);
    quote! {
        #[cfg(test)]
        #[::core::prelude::v1::test]
        #[doc(hidden)]
        #[allow(non_snake_case, unnameable_test_items)]
        fn #test() {
            #private::assert_examples::<#ident>();
        }
    }
}

/// The inherent impl holding one function per field with rules.
fn rules(input: &Struct) -> TokenStream {
    let private = crate::path::private();
    let functions: Vec<TokenStream> = input
        .wire_fields()
        .enumerate()
        .filter(|(_, field)| !field.attrs.rules.is_empty())
        .map(|(index, field)| {
            let name = rules_fn(index);
            let ty = field.ty;
            let checks = rule::checks(&field.attrs.rules, "__value", option_inner(ty).is_some());
            quote! {
                #[doc(hidden)]
                #[inline]
                fn #name(__value: &#ty, __rules: &mut #private::Rules<'_, '_, '_>) {
                    #checks
                }
            }
        })
        .collect();
    if functions.is_empty() {
        return quote!();
    }
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        #[allow(non_snake_case, deprecated)]
        impl #impl_generics #ident #ty_generics #where_clause {
            #(#functions)*
        }
    }
}

/// `check_rules`: each field's rules, the rules inside each field
/// that may hold some, then the model's own rule.
fn check_rules(input: &Struct) -> Option<TokenStream> {
    let private = crate::path::private();
    let mut calls = Vec::new();
    for (index, field) in input.wire_fields().enumerate() {
        // A field serde never reads holds what the model gave it, not input.
        if field.attrs.read_only {
            continue;
        }
        let name = field.ident;
        let wire_name = &field.wire_name;
        // What the value holds first, then its own rules, as the report's
        // second read finds them.
        calls.extend(held_rules(field, &quote!(&self.#name)));
        if !field.attrs.rules.is_empty() {
            let rules_fn = rules_fn(index);
            calls.push(quote! {
                #private::field_rules(__report, #wire_name, &self.#name, Self::#rules_fn);
            });
        }
    }
    if let Some(path) = &input.attrs.validate {
        // Whenever serde reads the value, field rules broken or not, as in
        // the report's second read: every rule's problem in one report.
        calls.push(quote! {
            #private::model_rule(__report, ::core::option::Option::None, #path(self));
        });
    }
    // Without any, the trait's default (which does nothing) serves.
    if calls.is_empty() {
        return None;
    }
    Some(quote! {
        #[inline]
        fn check_rules(&self, __report: &mut #private::Report<'_>) {
            #(#calls)*
        }
    })
}
