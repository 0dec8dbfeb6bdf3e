//! Code generation for newtype structs: the value they hold, with rules of
//! their own.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::Newtype;
use crate::table::{api_type_impl, docs};
use crate::ty::{may_hold_rules, option_inner};
use crate::{bound, rule};

// Input:
//     #[derive(Deserialize, ApiModel)]
//     struct Slug(#[api(min_length = 2)] String);
//
// Output:
//     const _: () = {
//         impl ApiType for Slug {
//             const TYPE: TypeDoc = TypeDoc::Newtype(&newtype_doc("Slug", None, &<String as ApiType>::TYPE,
//                 &[Rule::MinLength(2)], module_path!()));
//             fn check(node, report) { check_then_rules::<String>(node, report, Self::__api_rules) }
//             fn check_rules(&self, report) { <String as ApiType>::check_rules(&self.0, report); own_rules(report, &self.0, Self::__api_rules); }
//         }
//         impl Slug { fn __api_rules(__value: &String, __rules: &mut Rules) { __rules.min_length(__value, 2); } }
//         impl ApiModel for Slug {}
//     };
pub fn expand(input: &Newtype) -> TokenStream {
    let private = crate::path::private();
    let ident = &input.original.ident;
    let name = &input.name;
    let description = docs(&input.attrs.docs);
    let ty = &input.field.ty;
    let rules = &input.field_attrs.rules;
    let mut generics = bound::self_deserialize_owned(bound::params_api_type(&input.original.generics), input.original);
    if !rules.is_empty() && !input.original.generics.params.is_empty() {
        // The rules run on what serde reads of the field alone.
        generics.make_where_clause().predicates.push(syn::parse_quote!(#ty: #private::DeserializeOwned));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let rules_data = rule::data(rules);
    let api_type = quote_spanned!(ty.span()=> <#ty as #private::ApiType>);

    let (rules_impl, check, own_rules) = if rules.is_empty() {
        (quote!(), quote!(#api_type::check(__node, __report);), quote!())
    } else {
        let checks = rule::checks(rules, "__value", option_inner(ty).is_some());
        let rules_impl = quote! {
            #[automatically_derived]
            #[allow(non_snake_case, deprecated)]
            impl #impl_generics #ident #ty_generics #where_clause {
                #[doc(hidden)]
                #[inline]
                fn __api_rules(__value: &#ty, __rules: &mut #private::Rules<'_, '_, '_>) {
                    #checks
                }
            }
        };
        (
            rules_impl,
            quote!(#private::check_then_rules::<#ty>(__node, __report, Self::__api_rules);),
            quote!(#private::own_rules(__report, &self.0, Self::__api_rules);),
        )
    };
    // What the value holds first, then its own rules, as the report finds them.
    let held_rules = may_hold_rules(ty).then(|| quote!(#api_type::check_rules(&self.0, __report);));
    let check_rules = (held_rules.is_some() || !rules.is_empty()).then(|| {
        quote! {
            #[inline]
            fn check_rules(&self, __report: &mut #private::Report<'_>) {
                #held_rules
                #own_rules
            }
        }
    });

    let type_doc = quote! {
        #private::TypeDoc::Newtype(&#private::newtype_doc(
            #name,
            #description,
            &#api_type::TYPE,
            #rules_data,
            ::core::module_path!(),
        ))
    };
    let api_type = api_type_impl(&generics, ident, type_doc, check, check_rules);

    quote! {
        const _: () = {
            #api_type

            #rules_impl

            #[automatically_derived]
            impl #impl_generics #private::ApiModel for #ident #ty_generics #where_clause {}
        };
    }
}
