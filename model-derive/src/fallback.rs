//! Impls emitted beside the errors of an invalid input, so that the user sees
//! the real mistake and not a cascade of "trait not implemented" wherever the
//! type is used. Their bodies never run: the crate does not compile.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;
use syn::{Data, DeriveInput};

use crate::expand::{model_generics, with_api_type_bounds};

pub fn expand(node: &DeriveInput) -> TokenStream {
    let ident = &node.ident;
    let name = ident.unraw().to_string();
    let generics = with_api_type_bounds(&node.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let unreachable = quote!(::core::unreachable!("ApiModel failed to expand"));
    match &node.data {
        Data::Enum(_) => quote! {
            const _: () = {
                #[automatically_derived]
                impl #impl_generics ::model_core::__private::ApiType for #ident #ty_generics #where_clause {
                    const TYPE: ::model_core::__private::TypeDoc = ::model_core::__private::TypeDoc::Enum(#name);
                    fn check(_: &::model_core::__private::Node<'_>, _: &mut ::model_core::__private::Report<'_>) {
                        #unreachable
                    }
                }
            };
            #[automatically_derived]
            impl #impl_generics #ident #ty_generics #where_clause {
                pub fn as_str(&self) -> &str {
                    #unreachable
                }
                pub fn is_known(&self) -> bool {
                    #unreachable
                }
            }
        },
        // A union can derive nothing else this derive needs; only the type itself.
        Data::Union(_) => quote! {
            const _: () = {
                #[automatically_derived]
                impl #impl_generics ::model_core::__private::ApiType for #ident #ty_generics #where_clause {
                    const TYPE: ::model_core::__private::TypeDoc = ::model_core::__private::TypeDoc::Model(#name);
                    fn check(_: &::model_core::__private::Node<'_>, _: &mut ::model_core::__private::Report<'_>) {
                        #unreachable
                    }
                }
            };
        },
        Data::Struct(_) => {
            let model_generics = model_generics(node);
            let (impl_generics, ty_generics, where_clause) = model_generics.split_for_impl();
            quote! {
                const _: () = {
                    #[automatically_derived]
                    impl #impl_generics ::model_core::__private::ApiType for #ident #ty_generics #where_clause {
                        const TYPE: ::model_core::__private::TypeDoc = ::model_core::__private::TypeDoc::Model(#name);
                        fn check(_: &::model_core::__private::Node<'_>, _: &mut ::model_core::__private::Report<'_>) {
                            #unreachable
                        }
                    }

                    #[automatically_derived]
                    impl #impl_generics ::model_core::__private::ApiModel for #ident #ty_generics #where_clause {
                        const NAME: &'static str = #name;
                        const DESCRIPTION: ::core::option::Option<&'static str> = ::core::option::Option::None;
                        const FIELDS: &'static [::model_core::__private::FieldDoc] = &[];
                    }
                };
            }
        }
    }
}
