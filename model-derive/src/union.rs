//! Code generation for data enums: serde's derive reads them; this derive
//! describes them, so the report can check the discriminator, then the
//! variant it names.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Fields;

use crate::ast::{Enum, Variant};
use crate::attr::Container;
use crate::table::{api_type_impl, docs, field_table, held_rules};
use crate::ty::may_hold_rules;

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
//             fn check_rules(&self, report) {       // only when a variant may hold rules
//                 match self {
//                     Self::Created { id } => {}
//                     Self::Deleted(__value) => variant_rules(report, None, |report| <Tombstone as ApiType>::check_rules(__value, report)),
//                     _ => {}
//                 }
//             }
//         }
//         impl ApiModel for Event {}
//         impl ApiUnion for Event {
//             const DOC: UnionDoc = new_union_doc("Event", None, Tagging::Internal { tag: "type" }, &[
//                 variant_doc("Created", "Created", &[], None, VariantShape::Struct(&field_table(..)), false, ..),
//                 variant_doc("Deleted", .., VariantShape::Newtype(&<Tombstone as ApiType>::TYPE), false, <Tombstone as ApiType>::check),
//                 ..
//             ]);
//         }
//     };
pub fn expand(input: &Enum) -> TokenStream {
    let private = crate::path::private();
    let ident = &input.original.ident;
    let name = &input.name;
    let description = docs(&input.attrs.docs);
    let tagging = match (&input.attrs.tag, &input.attrs.content, &input.attrs.untagged) {
        (_, _, Some(_)) => quote!(#private::Tagging::Untagged),
        (Some(tag), Some(content), None) => {
            quote!(#private::Tagging::Adjacent { tag: #tag, content: #content })
        }
        (Some(tag), None, None) => quote!(#private::Tagging::Internal { tag: #tag }),
        (None, _, None) => quote!(#private::Tagging::External),
    };
    let variants = input.variants.iter().map(variant_doc);
    let api_type = api_type_impl(
        &input.original.generics,
        ident,
        quote!(#private::TypeDoc::Union(#private::union_doc::<Self>)),
        quote!(#private::check_union(__node, __report, &<Self as #private::ApiUnion>::DOC);),
        check_rules(input),
    );

    quote! {
        const _: () = {
            #api_type

            #[automatically_derived]
            impl #private::ApiModel for #ident {}

            #[automatically_derived]
            impl #private::ApiUnion for #ident {
                const DOC: #private::UnionDoc = #private::new_union_doc(
                    #name,
                    #description,
                    #tagging,
                    &[#(#variants),*],
                    ::core::module_path!(),
                );
            }
        };
    }
}

fn variant_doc(variant: &Variant) -> TokenStream {
    let private = crate::path::private();
    let rust_name = &variant.rust_name;
    let wire_name = &variant.wire_name;
    let aliases = &variant.attrs.aliases;
    let description = docs(&variant.attrs.docs);
    let catch_all = variant.attrs.untagged.is_some() || variant.attrs.serde_other.is_some();
    let other = variant.attrs.serde_other.is_some();
    let (shape, check) = match &variant.original.fields {
        Fields::Unit => (quote!(#private::VariantShape::Unit), quote!(|_, _| {})),
        // Exactly one field: `valid` refuses any other count.
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
            let ty = &fields.unnamed[0].ty;
            (
                quote_spanned!(ty.span()=> #private::VariantShape::Newtype(&<#ty as #private::ApiType>::TYPE)),
                quote_spanned!(ty.span()=> <#ty as #private::ApiType>::check),
            )
        }
        Fields::Unnamed(_) => (quote!(#private::VariantShape::Unit), quote!(|_, _| {})),
        Fields::Named(_) => {
            let fields = field_table(variant.fields.iter().filter(|field| !field.attrs.skip), false);
            (quote!(#private::VariantShape::Struct(&#fields)), quote!(|_, _| {}))
        }
    };
    quote! {
        #private::variant_doc(
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

/// `check_rules`: the rules of what each variant holds, at the pointer the
/// enum's tagging puts its content: the object itself (internal tag,
/// untagged, a catch-all), `/{variant}` (external) or `/{content}`
/// (adjacent). `None` when no variant may hold rules, so the trait's default
/// (which does nothing) serves.
fn check_rules(input: &Enum) -> Option<TokenStream> {
    let private = crate::path::private();
    let arms: Vec<TokenStream> = input.variants.iter().filter_map(|variant| variant_rules(input, variant)).collect();
    if arms.is_empty() {
        return None;
    }
    Some(quote! {
        #[inline]
        fn check_rules(&self, __report: &mut #private::Report<'_>) {
            #[allow(unreachable_patterns)]
            match self {
                #(#arms)*
                _ => {}
            }
        }
    })
}

/// One arm of `check_rules`, for a variant that may hold rules.
fn variant_rules(input: &Enum, variant: &Variant) -> Option<TokenStream> {
    let private = crate::path::private();
    let ident = &variant.original.ident;
    let catch_all = variant.attrs.untagged.is_some() || variant.attrs.serde_other.is_some();
    let key = match (&input.attrs, catch_all) {
        (_, true) => None,
        (Container { untagged: Some(_), .. }, _) => None,
        (Container { tag: Some(_), content: Some(content), .. }, _) => Some(content.value()),
        (Container { tag: Some(_), .. }, _) => None,
        _ => Some(variant.wire_name.clone()),
    };
    let key = match key {
        Some(key) => quote!(::core::option::Option::Some(#key)),
        None => quote!(::core::option::Option::None),
    };
    let (pattern, calls) = match &variant.original.fields {
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
            let ty = &fields.unnamed[0].ty;
            if !may_hold_rules(ty) {
                return None;
            }
            let check_rules = quote_spanned!(ty.span()=> <#ty as #private::ApiType>::check_rules);
            (quote!(Self::#ident(__value)), quote!(#check_rules(__value, __report);))
        }
        Fields::Named(_) => {
            let held: Vec<(TokenStream, TokenStream)> = variant
                .fields
                .iter()
                .filter(|field| !field.attrs.skip && !field.attrs.read_only)
                .filter_map(|field| {
                    let binding = quote::format_ident!("__field_{}", field.rust_name);
                    let call = held_rules(field, &quote!(#binding))?;
                    let name = field.ident;
                    Some((quote!(#name: #binding), call))
                })
                .collect();
            if held.is_empty() {
                return None;
            }
            let (bindings, calls): (Vec<_>, Vec<_>) = held.into_iter().unzip();
            (quote!(Self::#ident { #(#bindings,)* .. }), quote!(#(#calls)*))
        }
        _ => return None,
    };
    Some(quote! {
        #pattern => #private::variant_rules(__report, #key, |__report| { #calls }),
    })
}
