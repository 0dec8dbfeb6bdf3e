//! Impls emitted beside the errors of an invalid input, so that the user sees
//! the real mistake and not a cascade of "trait not implemented" wherever the
//! type is used. Their bodies never run: the crate does not compile.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;
use syn::{Data, DeriveInput, Fields};

use crate::bound;

/// `data_enum`: serde's derive writes the enum's serde impls, so none is stood in for.
pub fn expand(node: &DeriveInput, data_enum: bool) -> TokenStream {
    let private = crate::path::private();
    let ident = &node.ident;
    let name = ident.unraw().to_string();
    let unreachable = quote!(::core::unreachable!("ApiModel failed to expand"));
    let generics = match &node.data {
        Data::Struct(_) => bound::self_deserialize_owned(bound::params_api_type(&node.generics), node),
        Data::Enum(_) | Data::Union(_) => bound::params_api_type(&node.generics),
    };
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let api_type = crate::table::api_type_impl(
        &generics,
        ident,
        quote!(#private::TypeDoc::Any),
        quote!(let _ = (__node, __report); #unreachable),
        None,
    );
    let rest = match &node.data {
        // A union can have nothing else this derive gives.
        Data::Union(_) => quote!(),
        // A newtype is no struct with fields: it has no table.
        Data::Struct(data) if matches!(&data.fields, Fields::Unnamed(fields) if fields.unnamed.len() == 1) => quote! {
            #[automatically_derived]
            impl #impl_generics #private::ApiModel for #ident #ty_generics #where_clause {}
        },
        Data::Struct(_) => {
            let table = crate::table::model_table(
                &generics,
                ident,
                quote! {
                    #private::model_doc(
                        #name,
                        ::core::option::Option::None,
                        &[],
                        ::core::option::Option::None,
                        false,
                        ::core::module_path!(),
                        &[],
                    )
                },
            );
            quote! {
                #table

                #[automatically_derived]
                impl #impl_generics #private::ApiModel for #ident #ty_generics #where_clause {}

                #[automatically_derived]
                impl #impl_generics #private::ApiStruct for #ident #ty_generics #where_clause {}
            }
        }
        // A generic enum is itself the mistake; there is nothing more to stand in for.
        Data::Enum(_) if !node.generics.params.is_empty() => quote!(),
        // serde's derive writes its `Deserialize`, which may be what is missing.
        Data::Enum(_) if data_enum => quote!(),
        // What the enum's users call on it, so that one mistake stays one error.
        Data::Enum(_) => quote! {
            #[automatically_derived]
            impl #ident {
                pub fn as_str(&self) -> &str {
                    #unreachable
                }
                pub fn is_known(&self) -> bool {
                    #unreachable
                }
            }

            #[automatically_derived]
            impl #private::ApiModel for #ident {}

            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #unreachable
                }
            }

            #[automatically_derived]
            impl #impl_generics ::core::str::FromStr for #ident #ty_generics #where_clause {
                type Err = #private::ParseEnumError;
                fn from_str(_: &str) -> ::core::result::Result<Self, Self::Err> {
                    #unreachable
                }
            }

            #[automatically_derived]
            impl #impl_generics #private::serde::Serialize for #ident #ty_generics #where_clause {
                fn serialize<__S: #private::serde::Serializer>(
                    &self,
                    _: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #unreachable
                }
            }

            #[automatically_derived]
            impl<'de> #private::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: #private::serde::Deserializer<'de>>(
                    _: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    #unreachable
                }
            }
        },
    };
    quote! {
        const _: () = {
            #api_type
            #rest
        };
    }
}
