//! Code generation for structs.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;

use crate::ast::{Field, Struct};
use crate::attr::Default;
use crate::builder;
use crate::expand::{docs, model_generics};

// Input:
//     #[derive(ApiModel)]
//     struct Invoice { number: String, note: Option<String> }
//
// Output:
//     const _: () = {
//         impl ApiType for Invoice {
//             const TYPE: TypeDoc = TypeDoc::Model("Invoice");
//             fn check(node, report) { check_object(node, report, &ObjectSpec { fields: FIELDS, .. }) }
//         }
//         impl ApiModel for Invoice {
//             const NAME: &str = "Invoice";
//             const FIELDS: &[FieldDoc] = &[FieldDoc { wire_name: "number", .. }, ..];
//         }
//     };
//     pub struct InvoiceBuilder { .. }   // see builder.rs
pub fn expand(input: &Struct) -> TokenStream {
    let ident = &input.original.ident;
    let name = ident.unraw().to_string();
    // Both impls need the model's bounds: the check reads `ApiModel::FIELDS`.
    let generics = model_generics(input);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let container_default = !matches!(input.attrs.default, Default::None);
    let fields = input.wire_fields().map(|field| field_doc(field, container_default));
    let deny_unknown_fields = input.attrs.deny_unknown_fields;
    let description = docs(&input.attrs.docs);
    let example = input.attrs.examples.first().map(|example| {
        let example = example_fn(example);
        quote!(const EXAMPLE: ::core::option::Option<::model_core::__private::Example> = ::core::option::Option::Some(#example);)
    });
    let deny_const = deny_unknown_fields.then(|| {
        quote!(
            const DENY_UNKNOWN_FIELDS: bool = true;
        )
    });
    let builder = builder::expand(input);

    quote! {
        const _: () = {
            #[automatically_derived]
            impl #impl_generics ::model_core::__private::ApiType for #ident #ty_generics #where_clause {
                const TYPE: ::model_core::__private::TypeDoc =
                    ::model_core::__private::TypeDoc::Model(<Self as ::model_core::__private::ApiModel>::doc);

                // `#[inline]` here and on every generated method: a method
                // nothing calls is then never compiled to machine code, which
                // keeps the derive's compile time near serde's.
                #[inline]
                fn check(
                    __node: &::model_core::__private::Node<'_>,
                    __report: &mut ::model_core::__private::Report<'_>,
                ) {
                    ::model_core::__private::check_object(
                        __node,
                        __report,
                        &::model_core::__private::ObjectSpec {
                            ty: &<Self as ::model_core::__private::ApiType>::TYPE,
                            fields: <Self as ::model_core::__private::ApiModel>::FIELDS,
                            deny_unknown_fields: #deny_unknown_fields,
                        },
                    );
                }
            }

            #[automatically_derived]
            impl #impl_generics ::model_core::__private::ApiModel for #ident #ty_generics #where_clause {
                const NAME: &'static str = #name;
                const DESCRIPTION: ::core::option::Option<&'static str> = #description;
                const FIELDS: &'static [::model_core::__private::FieldDoc] = &[#(#fields),*];
                #example
                #deny_const
            }
        };

        #builder
    }
}

fn field_doc(field: &Field, container_default: bool) -> TokenStream {
    let rust_name = &field.rust_name;
    let wire_name = &field.wire_name;
    let aliases = &field.attrs.aliases;
    let description = docs(&field.attrs.docs);
    let ty = field.ty;
    // Whole paths spanned at the type, so a type without `ApiType` is blamed
    // once, where it is written.
    let span = ty.span();
    let type_doc = quote_spanned!(span=> <#ty as ::model_core::__private::ApiType>::TYPE);
    let check = quote_spanned!(span=> <#ty as ::model_core::__private::ApiType>::check);
    let required = if container_default || !matches!(field.attrs.default, Default::None) {
        quote!(false)
    } else {
        quote_spanned!(span=> !<#ty as ::model_core::__private::ApiType>::OPTIONAL)
    };
    let examples = field.attrs.examples.iter().map(example_fn);
    let deprecated = field.attrs.deprecated;
    quote! {
        ::model_core::__private::FieldDoc {
            rust_name: #rust_name,
            wire_name: #wire_name,
            aliases: &[#(#aliases),*],
            required: #required,
            description: #description,
            ty: &#type_doc,
            examples: &[#(#examples),*],
            deprecated: #deprecated,
            check: #check,
        }
    }
}

/// `Example(|| example_value(&(expr)))`: serialized only when docs ask.
fn example_fn(expr: &syn::Expr) -> TokenStream {
    quote_spanned! {expr.span()=>
        ::model_core::__private::Example(|| ::model_core::__private::example_value(&(#expr)))
    }
}
