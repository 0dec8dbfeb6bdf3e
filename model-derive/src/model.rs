//! Code generation for structs.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Field, Struct};
use crate::attr::Default;
use crate::expand::docs;
use crate::{bound, builder};

// Input:
//     #[derive(ApiModel)]
//     struct Invoice { number: String, note: Option<String> }
//
// Output:
//     const _: () = {
//         impl ApiType for Invoice {
//             const TYPE: TypeDoc = TypeDoc::Model(<Self as ApiModel>::doc);
//             fn check(node, report) { check_object(node, report, &ObjectSpec { fields: DOC.fields, .. }) }
//         }
//         impl ApiModel for Invoice {
//             const DOC: ModelDoc = ModelDoc::new("Invoice", None, &FieldDoc::from_parts([FieldParts {
//                 wire_name: "number", check: <String as ApiType>::check, ..
//             }, ..]), None, false);
//         }
//     };
//     pub struct InvoiceBuilder { .. }   // see builder.rs
pub fn expand(input: &Struct) -> TokenStream {
    let ident = &input.original.ident;
    let name = &input.name;
    // Both impls need the model's bounds: the check reads `ApiModel::DOC`.
    let generics = bound::model(input);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let container_default = !matches!(input.attrs.default, Default::None);
    let fields = input.wire_fields().map(|field| field_doc(field, container_default));
    let deny_unknown_fields = input.attrs.deny_unknown_fields;
    let description = docs(&input.attrs.docs);
    let example = match input.attrs.examples.first() {
        Some(example) => {
            let example = example_fn(example);
            quote!(::core::option::Option::Some(#example))
        }
        None => quote!(::core::option::Option::None),
    };
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
                            fields: <Self as ::model_core::__private::ApiModel>::DOC.fields,
                            deny_unknown_fields: #deny_unknown_fields,
                        },
                    );
                }
            }

            #[automatically_derived]
            impl #impl_generics ::model_core::__private::ApiModel for #ident #ty_generics #where_clause {
                const DOC: ::model_core::__private::ModelDoc = ::model_core::__private::ModelDoc::new(
                    #name,
                    #description,
                    &::model_core::__private::FieldDoc::from_parts([#(#fields),*]),
                    #example,
                    #deny_unknown_fields,
                );
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
    let read_only = field.attrs.read_only;
    quote! {
        ::model_core::__private::FieldParts {
            rust_name: #rust_name,
            wire_name: #wire_name,
            aliases: &[#(#aliases),*],
            required: #required,
            read_only: #read_only,
            description: #description,
            ty: &#type_doc,
            examples: &[#(#examples),*],
            deprecated: #deprecated,
            check: #check,
        }
    }
}

/// `Example::new(|| example_value(&(expr)))`: serialized only when docs ask.
fn example_fn(expr: &syn::Expr) -> TokenStream {
    quote_spanned! {expr.span()=>
        ::model_core::__private::Example::new(|| ::model_core::__private::example_value(&(#expr)))
    }
}
