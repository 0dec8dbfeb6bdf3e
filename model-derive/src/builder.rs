//! The builder `#[api(builder)]` asks for beside a model: `Invoice::builder()…build()`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Type;

use crate::ast::{Field, Struct};
use crate::attr::Default;
use crate::bound;
use crate::ty::option_inner;

/// Names the builder takes for itself, which a field of the model cannot have.
pub const RESERVED: &[&str] = &["build", "__marker"];

// Input:
//     pub struct Invoice { pub number: String, pub note: Option<String>, #[serde(skip)] cache: u8 }
//
// Output:
//     pub struct InvoiceBuilder { number: Option<String>, note: Option<String>, .. }  // `note` as it is
//     impl Invoice { pub fn builder() -> InvoiceBuilder }
//     impl InvoiceBuilder {
//         pub fn number(self, value: impl Into<String>) -> Self;
//         pub fn note(self, value: impl IntoOption<String>) -> Self;   // "a", String or Option
//         pub fn build(self) -> Result<Invoice, ValidationError>; // every unset required field at once
//     }
//     impl Debug for InvoiceBuilder   // which fields are set, never their values
pub fn expand(input: &Struct) -> TokenStream {
    let private = crate::path::private();
    let ident = &input.original.ident;
    let vis = &input.original.vis;
    let builder = format_ident!("{}Builder", ident, span = ident.span());
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let bounded = bound::build(input);
    let (_, _, bounded_where) = bounded.split_for_impl();
    let wire_fields: Vec<&Field> = input.wire_fields().collect();
    let names: Vec<&Ident> = wire_fields.iter().map(|field| field.ident).collect();
    let rust_names = wire_fields.iter().map(|field| &field.rust_name);
    let slots = wire_fields.iter().map(|field| slot(input, field));
    let setters = wire_fields.iter().map(|field| setter(input, field));
    let builder_doc = format!("Builds a [`{ident}`]; see [`{ident}::builder`].");
    let start_doc = format!(
        "Starts a [`{ident}`] with nothing set. [`build`]({builder}::build) lists every required field left unset."
    );
    let name = builder.to_string();
    let build = build(input);

    // `dead_code` is allowed throughout: a crate may well never build its
    // private models by hand, and the builder must not make it warn.
    quote! {
        #[doc = #builder_doc]
        #[must_use]
        #[allow(dead_code, deprecated)]
        #vis struct #builder #impl_generics #where_clause {
            #(#names: #slots,)*
            __marker: ::core::marker::PhantomData<fn() -> #ident #ty_generics>,
        }

        #[automatically_derived]
        #[allow(dead_code, deprecated)]
        impl #impl_generics #ident #ty_generics #where_clause {
            #[doc = #start_doc]
            #[inline]
            #vis fn builder() -> #builder #ty_generics {
                #builder {
                    #(#names: ::core::option::Option::None,)*
                    __marker: ::core::marker::PhantomData,
                }
            }
        }

        #[automatically_derived]
        #[allow(dead_code, deprecated)]
        impl #impl_generics #builder #ty_generics #where_clause {
            #(#setters)*
        }

        #[automatically_derived]
        #[allow(dead_code, deprecated)]
        impl #impl_generics #builder #ty_generics #bounded_where {
            #build
        }

        #[automatically_derived]
        impl #impl_generics ::core::fmt::Debug for #builder #ty_generics #where_clause {
            #[inline]
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #private::fmt_builder(__f, #name, &[#((#rust_names, self.#names.is_some())),*])
            }
        }
    }
}

/// Whether a field's slot in the builder is its own `Option<U>`: an optional
/// field that serde leaves `None` when absent needs no "unset" of its own, so
/// `build()` takes it as it is, and `.note(None)` clears it.
fn flat(input: &Struct, field: &Field) -> bool {
    option_inner(field.ty).is_some()
        && matches!(field.attrs.default, Default::None)
        && matches!(input.attrs.default, Default::None)
}

/// The builder's slot for a field: the field's own `Option`, or one around it.
fn slot(input: &Struct, field: &Field) -> TokenStream {
    let ty = field.ty;
    if flat(input, field) {
        quote!(#ty)
    } else {
        quote!(::core::option::Option<#ty>)
    }
}

fn setter(input: &Struct, field: &Field) -> TokenStream {
    let private = crate::path::private();
    let name = field.ident;
    let ty = field.ty;
    let vis = &field.original.vis;
    let doc = match &field.attrs.docs {
        Some(docs) => format!("Sets `{}`: {docs}", field.wire_name),
        None => format!("Sets `{}`.", field.wire_name),
    };
    let (param, mut value) = match option_inner(field.ty) {
        // `Some` implied, `None` accepted: `.note("paid")` and `.note(maybe_note)`.
        Some(inner) => {
            (quote!(impl #private::IntoOption<#inner>), quote!(#private::IntoOption::<#inner>::into_option(__value)))
        }
        None if takes_into(field.ty) => (quote!(impl ::core::convert::Into<#ty>), quote!(__value.into())),
        None => (quote!(#ty), quote!(__value)),
    };
    if !flat(input, field) {
        value = quote!(::core::option::Option::Some(#value));
    }
    // A deprecated field's setter warns its callers the same way.
    let deprecated = field.original.attrs.iter().filter(|attr| attr.path().is_ident("deprecated"));
    quote_spanned! {field.ty.span()=>
        #[doc = #doc]
        #(#deprecated)*
        #[inline]
        #vis fn #name(mut self, __value: #param) -> Self {
            self.#name = #value;
            self
        }
    }
}

/// `build()`: fields without a default are matched together, so the error
/// can name every unset one and the success path needs no `unwrap`.
fn build(input: &Struct) -> TokenStream {
    let private = crate::path::private();
    let ident = &input.original.ident;
    let vis = &input.original.vis;
    let (_, ty_generics, _) = input.original.generics.split_for_impl();
    let container_default = match &input.attrs.default {
        Default::None => None,
        Default::Trait => Some(quote!(::core::default::Default::default())),
        Default::Path(path) => Some(quote!(#path())),
    };

    let mut checked = Vec::new();
    let mut checked_locals = Vec::new();
    let mut unset = Vec::new();
    let mut inits = Vec::new();
    let mut slots = Vec::new();
    for (index, field) in input.fields.iter().enumerate() {
        let name = field.ident;
        let ty = field.ty;
        let local = format_ident!("__field{}", index);
        // The builder is taken apart first: each slot a local of its own.
        let slot = format_ident!("__slot{}", index);
        if !field.attrs.skip {
            slots.push(quote!(#name: #slot));
        }
        let field_default = match &field.attrs.default {
            Default::None => None,
            Default::Trait => Some(quote!(::core::default::Default::default)),
            Default::Path(path) => Some(quote!(#path)),
        };
        // A read-only field has a setter, and serde's value for it when unset.
        let init = match (field.attrs.skip, field_default, container_default.is_some()) {
            (true, Some(default), _) => quote!(#default()),
            (true, None, true) => quote!(__default.#name),
            (true, None, false) => quote!(::core::default::Default::default()),
            (false, Some(default), _) => {
                unset.push(quote!(false));
                quote!(#slot.unwrap_or_else(#default))
            }
            (false, None, true) => {
                unset.push(quote!(false));
                quote!(#slot.unwrap_or(__default.#name))
            }
            (false, None, false) if flat(input, field) => {
                unset.push(quote!(false));
                quote!(#slot)
            }
            (false, None, false) if field.attrs.read_only => {
                unset.push(quote!(false));
                quote!(#slot.unwrap_or_default())
            }
            (false, None, false) if field.opaque() => {
                // No `ApiType` to ask: unset is missing, as serde has it for
                // a field its own function reads.
                checked.push(quote!(#slot));
                unset.push(quote!(#local.is_none()));
                checked_locals.push(local.clone());
                quote!(#local)
            }
            (false, None, false) => {
                // Spanned at the type, whose `<T as ApiType>` is where rustc
                // reports a field type without `ApiType`.
                checked.push(quote_spanned! {ty.span()=>
                    #private::or_absent::<#ty>(
                        #slot,
                        <#ty as #private::ApiType>::OPTIONAL,
                    )
                });
                unset.push(quote!(#local.is_none()));
                checked_locals.push(local.clone());
                quote!(#local)
            }
        };
        inits.push(quote!(#name: #init));
    }

    let default = container_default.map(|default| quote!(let __default: #ident #ty_generics = #default;));
    // `built` runs the model's rules, when it has any.
    let value = quote!(#private::built(#ident { #(#inits,)* }));
    let body = if checked.is_empty() {
        value
    } else {
        quote! {
            match (#(#checked,)*) {
                (#(::core::option::Option::Some(#checked_locals),)*) => #value,
                (#(#checked_locals,)*) => ::core::result::Result::Err(
                    #private::missing_fields::<#ident #ty_generics>(&[#(#unset),*]),
                ),
            }
        }
    };
    let doc = format!(
        "The [`{ident}`], or an error with a `missing` issue for every required field left unset, \
         and an issue for every broken value rule."
    );
    quote! {
        #[doc = #doc]
        #[inline]
        #vis fn build(self) -> ::core::result::Result<#ident #ty_generics, #private::ValidationError> {
            let Self { #(#slots,)* __marker: _ } = self;
            #default
            #body
        }
    }
}

/// Whether a setter takes `impl Into<T>`: only for strings, secrets, patches and
/// timestamps, so `.name("a")` and `.created_at(Utc::now())` work, while a
/// number keeps literal inference (`.retries(3)` could not infer `3` through
/// `impl Into<u8>`). Read off the type's last path segment, as a derive must.
fn takes_into(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    path.path
        .segments
        .last()
        .is_some_and(|last| ["String", "Secret", "Timestamp", "Patch"].iter().any(|name| last.ident == name))
}
