//! Code generation for data enums: serde's derive reads them; this derive
//! describes them, so the report can check the discriminator, then the
//! variant it names.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Fields;

use crate::ast::{Enum, Variant};
use crate::expand::docs;
use crate::model;

// Input:
//     #[derive(Deserialize, ApiModel)]
//     #[serde(tag = "type")]
//     enum Event { Created { id: String }, Deleted(Tombstone), Ping }
//
// Output:
//     const _: () = {
//         impl ApiType for Event {
//             const TYPE: TypeDoc = TypeDoc::Union(union_doc::<Self>);
//             fn check(node, report) { check_union(node, report, &<Self as ApiUnion>::DOC) }
//         }
//         impl ApiUnion for Event {
//             const DOC: UnionDoc = UnionDoc::new("Event", None, Tagging::Internal { tag: "type" }, &[
//                 VariantDoc::new("Created", "Created", &[], None, VariantShape::Struct(&FieldDoc::table(..)), false, ..),
//                 VariantDoc::new("Deleted", .., VariantShape::Newtype(&<Tombstone as ApiType>::TYPE), false, <Tombstone as ApiType>::check),
//                 ..
//             ]);
//         }
//     };
pub fn expand(input: &Enum) -> TokenStream {
    let ident = &input.original.ident;
    let name = &input.name;
    let description = docs(&input.attrs.docs);
    let tagging = match (&input.attrs.tag, &input.attrs.content, &input.attrs.untagged) {
        (_, _, Some(_)) => quote!(::model_core::__private::Tagging::Untagged),
        (Some(tag), Some(content), None) => {
            quote!(::model_core::__private::Tagging::Adjacent { tag: #tag, content: #content })
        }
        (Some(tag), None, None) => quote!(::model_core::__private::Tagging::Internal { tag: #tag }),
        (None, _, None) => quote!(::model_core::__private::Tagging::External),
    };
    let variants = input.variants.iter().map(variant_doc);

    quote! {
        const _: () = {
            #[automatically_derived]
            impl ::model_core::__private::ApiType for #ident {
                const TYPE: ::model_core::__private::TypeDoc =
                    ::model_core::__private::TypeDoc::Union(::model_core::__private::union_doc::<Self>);

                #[inline]
                fn check(
                    __node: &::model_core::__private::Node<'_>,
                    __report: &mut ::model_core::__private::Report<'_>,
                ) {
                    ::model_core::__private::check_union(
                        __node,
                        __report,
                        &<Self as ::model_core::__private::ApiUnion>::DOC,
                    );
                }
            }

            const _: () = ::model_core::__private::read_by_serde::<#ident>();

            #[automatically_derived]
            impl ::model_core::__private::ApiUnion for #ident {
                const DOC: ::model_core::__private::UnionDoc = ::model_core::__private::UnionDoc::new(
                    #name,
                    #description,
                    #tagging,
                    &[#(#variants),*],
                );
            }
        };
    }
}

fn variant_doc(variant: &Variant) -> TokenStream {
    let rust_name = &variant.rust_name;
    let wire_name = &variant.wire_name;
    let aliases = &variant.attrs.aliases;
    let description = docs(&variant.attrs.docs);
    let catch_all = variant.attrs.untagged.is_some() || variant.attrs.serde_other.is_some();
    let other = variant.attrs.serde_other.is_some();
    let (shape, check) = match &variant.original.fields {
        Fields::Unit => (quote!(::model_core::__private::VariantShape::Unit), quote!(|_, _| {})),
        // Exactly one field: `valid` refuses any other count.
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
            let ty = &fields.unnamed[0].ty;
            (
                quote_spanned!(ty.span()=> ::model_core::__private::VariantShape::Newtype(&<#ty as ::model_core::__private::ApiType>::TYPE)),
                quote_spanned!(ty.span()=> <#ty as ::model_core::__private::ApiType>::check),
            )
        }
        Fields::Unnamed(_) => (quote!(::model_core::__private::VariantShape::Unit), quote!(|_, _| {})),
        Fields::Named(_) => {
            let fields = model::field_table(variant.fields.iter().filter(|field| !field.attrs.skip), false);
            (quote!(::model_core::__private::VariantShape::Struct(&#fields)), quote!(|_, _| {}))
        }
    };
    quote! {
        ::model_core::__private::VariantDoc::new(
            #rust_name,
            #wire_name,
            &[#(#aliases),*],
            #description,
            #shape,
            #catch_all,
            #other,
            #check,
        )
    }
}
