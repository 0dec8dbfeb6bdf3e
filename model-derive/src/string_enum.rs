//! Code generation for string enums.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Enum;
use crate::table::{api_type_impl, docs};

// Input:
//     #[derive(ApiModel)]
//     #[serde(rename_all = "kebab-case")]
//     enum Category { Ats, HrisLegacy, #[api(other)] Unknown(String) }
//
// Output:
//     const _: () = {
//         impl ApiEnum for Category {
//             fn as_str(&self) -> &str { match self { Self::Ats => "ats", .., Self::Unknown(s) => s } }
//             fn from_wire(s: &str) -> Option<Self> { match s { "ats" => Some(Self::Ats), .. } }
//             ..
//         }
//         impl ApiType, ApiModel, Display, FromStr, TryFrom<&str>, AsRef<str>, Serialize, Deserialize for Category { .. }
//     };
//     impl Category { pub fn as_str(&self) -> &str; pub fn is_known(&self) -> bool }
pub fn expand(input: &Enum) -> TokenStream {
    let private = crate::path::private();
    let ident = &input.original.ident;
    let name = &input.name;
    let known: Vec<_> = input.known().collect();
    let variants: Vec<_> = known.iter().map(|variant| &variant.original.ident).collect();
    let wire_names: Vec<&str> = known.iter().map(|variant| variant.wire_name.as_str()).collect();
    let values = known.iter().map(|variant| {
        let rust_name = &variant.rust_name;
        let wire_name = &variant.wire_name;
        let aliases = &variant.attrs.aliases;
        let description = docs(&variant.attrs.docs);
        quote! {
            (#rust_name, #wire_name, &[#(#aliases),*], #description)
        }
    });
    let accepted = known.iter().map(|variant| {
        let wire_name = &variant.wire_name;
        let aliases = &variant.attrs.aliases;
        quote!(#wire_name #(| #aliases)*)
    });
    let description = docs(&input.attrs.docs);
    let open = input.catch_all().is_some();
    let (catch_all_as_str, from_unknown, is_known) = match input.catch_all() {
        Some(catch_all) => {
            let other = &catch_all.original.ident;
            (
                quote!(Self::#other(__wire) => __wire.as_str(),),
                quote!(::core::result::Result::Ok(Self::#other(__wire))),
                quote!(!::core::matches!(self, Self::#other(_))),
            )
        }
        None => (quote!(), quote!(::core::result::Result::Err(__wire)), quote!(true)),
    };

    let api_type = api_type_impl(
        &input.original.generics,
        ident,
        quote!(#private::TypeDoc::Enum(<Self as #private::ApiEnum>::doc)),
        quote!(#private::check_enum::<Self>(__node, __report);),
        None,
    );

    quote! {
        const _: () = {
            #[automatically_derived]
            impl #private::ApiEnum for #ident {
                const NAME: &'static str = #name;
                const DESCRIPTION: ::core::option::Option<&'static str> = #description;
                const VALUES: &'static [#private::EnumValue] = &#private::enum_values([#(#values),*]);
                const WIRE_NAMES: &'static [&'static str] = &[#(#wire_names),*];
                const OPEN: bool = #open;
                const MODULE: &'static str = ::core::module_path!();

                #[inline]
                fn as_str(&self) -> &str {
                    match self {
                        #(Self::#variants => #wire_names,)*
                        #catch_all_as_str
                    }
                }

                #[inline]
                fn from_wire(__wire: &str) -> ::core::option::Option<Self> {
                    match __wire {
                        #(#accepted => ::core::option::Option::Some(Self::#variants),)*
                        _ => ::core::option::Option::None,
                    }
                }

                #[inline]
                fn from_unknown(
                    __wire: #private::String,
                ) -> ::core::result::Result<Self, #private::String> {
                    #from_unknown
                }

                #[inline]
                fn is_known(&self) -> bool {
                    #is_known
                }
            }

            #api_type

            #[automatically_derived]
            impl #private::ApiModel for #ident {}

            #[automatically_derived]
            impl ::core::fmt::Display for #ident {
                #[inline]
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    // `pad`, not `write_str`: width and alignment apply, as for `str`.
                    __f.pad(#private::ApiEnum::as_str(self))
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #ident {
                type Err = #private::ParseEnumError;

                #[inline]
                fn from_str(__wire: &str) -> ::core::result::Result<Self, Self::Err> {
                    #private::parse_enum::<Self>(__wire)
                }
            }

            #[automatically_derived]
            impl ::core::convert::TryFrom<&str> for #ident {
                type Error = #private::ParseEnumError;

                #[inline]
                fn try_from(__wire: &str) -> ::core::result::Result<Self, Self::Error> {
                    #private::parse_enum::<Self>(__wire)
                }
            }

            #[automatically_derived]
            impl ::core::convert::AsRef<str> for #ident {
                #[inline]
                fn as_ref(&self) -> &str {
                    #private::ApiEnum::as_str(self)
                }
            }

            #[automatically_derived]
            impl #private::serde::Serialize for #ident {
                #[inline]
                fn serialize<__S: #private::serde::Serializer>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    __serializer.serialize_str(#private::ApiEnum::as_str(self))
                }
            }

            #[automatically_derived]
            impl<'de> #private::serde::Deserialize<'de> for #ident {
                #[inline]
                fn deserialize<__D: #private::serde::Deserializer<'de>>(
                    __deserializer: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    #private::deserialize_enum::<Self, __D>(__deserializer)
                }
            }
        };

        #[automatically_derived]
        impl #ident {
            /// The value's wire string. Never allocates.
            #[must_use]
            pub fn as_str(&self) -> &str {
                #private::ApiEnum::as_str(self)
            }

            /// Whether the value is one of the known ones, not a kept unknown string.
            #[must_use]
            pub fn is_known(&self) -> bool {
                #private::ApiEnum::is_known(self)
            }
        }
    }
}
