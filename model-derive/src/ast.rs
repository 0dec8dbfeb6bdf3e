//! A typed description of the derive's input, borrowing the syn nodes so any
//! later stage can point an error at the exact tokens.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Ident, LitStr, Type};

use crate::attr::{self, Target};
use crate::ctxt::Ctxt;

pub enum Input<'a> {
    Struct(Struct<'a>),
    // Boxed: two attribute sets make it the largest input by far.
    Newtype(Box<Newtype<'a>>),
    Enum(Enum<'a>),
}

pub struct Struct<'a> {
    pub original: &'a DeriveInput,
    pub attrs: attr::Container,
    /// The model's name in docs, schema and reports: `#[serde(rename)]`, else the Rust name.
    pub name: String,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub original: &'a syn::Field,
    pub ident: &'a Ident,
    pub attrs: attr::Field,
    pub ty: &'a Type,
    /// The name without `r#`, as serde reads it.
    pub rust_name: String,
    pub wire_name: String,
}

/// A tuple struct of one field: on the wire, the value it holds.
pub struct Newtype<'a> {
    pub original: &'a DeriveInput,
    pub attrs: attr::Container,
    /// The struct's name in docs: `#[serde(rename)]`, else the Rust name.
    pub name: String,
    pub field: &'a syn::Field,
    /// The field's rules and doc comment.
    pub field_attrs: attr::Field,
}

pub struct Enum<'a> {
    pub original: &'a DeriveInput,
    pub attrs: attr::Container,
    /// The enum's name in docs, schema and reports: `#[serde(rename)]`, else the Rust name.
    pub name: String,
    pub variants: Vec<Variant<'a>>,
}

pub struct Variant<'a> {
    pub original: &'a syn::Variant,
    pub attrs: attr::Variant,
    pub rust_name: String,
    pub wire_name: String,
    /// A struct variant's fields (a data enum's).
    pub fields: Vec<Field<'a>>,
}

impl Input<'_> {
    /// `#[api(crate = path)]`, where model-core is.
    pub fn krate(&self) -> Option<&syn::Path> {
        match self {
            Input::Struct(input) => input.attrs.krate.as_ref(),
            Input::Newtype(input) => input.attrs.krate.as_ref(),
            Input::Enum(input) => input.attrs.krate.as_ref(),
        }
    }
}

impl<'a> Input<'a> {
    /// `None` when the input's shape leaves nothing to describe. Every mistake,
    /// of shape or of attributes, goes into `cx`, and parsing goes on.
    pub fn from_syn(cx: &mut Ctxt, node: &'a DeriveInput) -> Option<Self> {
        match &node.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(fields) => Some(Input::Struct(Struct::from_syn(cx, node, fields.named.iter()))),
                Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                    Some(Input::Newtype(Box::new(Newtype::from_syn(cx, node, &fields.unnamed[0]))))
                }
                Fields::Unnamed(fields) => {
                    cx.error_at(
                        fields.span(),
                        "ApiModel reads a tuple struct of one field as the value it holds; with more, it needs named \
                         fields: a model is a JSON object, and each field is one of its keys",
                    );
                    None
                }
                Fields::Unit => {
                    cx.error_at(
                        node.ident.span(),
                        "ApiModel needs named fields: a unit struct has no JSON object to describe",
                    );
                    None
                }
            },
            Data::Enum(_) => Some(Input::Enum(Enum::from_syn(cx, node))),
            Data::Union(data) => {
                cx.error_at(data.union_token.span, "ApiModel supports structs with named fields and enums, not unions");
                None
            }
        }
    }
}

impl<'a> Struct<'a> {
    fn from_syn(cx: &mut Ctxt, node: &'a DeriveInput, fields: impl Iterator<Item = &'a syn::Field>) -> Self {
        let attrs = attr::Container::parse(cx, &node.attrs, Target::Struct);
        let name = type_name(&attrs, &node.ident);
        let fields = fields.filter_map(|field| Field::from_syn(cx, field, attrs.rename_all)).collect();
        Struct { original: node, attrs, name, fields }
    }

    /// Fields that exist on the wire, read or written.
    pub fn wire_fields(&self) -> impl Iterator<Item = &Field<'a>> {
        self.fields.iter().filter(|field| !field.attrs.skip)
    }
}

impl<'a> Newtype<'a> {
    fn from_syn(cx: &mut Ctxt, node: &'a DeriveInput, field: &'a syn::Field) -> Self {
        let attrs = attr::Container::parse(cx, &node.attrs, Target::Struct);
        let name = type_name(&attrs, &node.ident);
        let field_attrs = attr::Field::parse(cx, &field.attrs);
        Newtype { original: node, attrs, name, field, field_attrs }
    }
}

impl<'a> Enum<'a> {
    fn from_syn(cx: &mut Ctxt, node: &'a DeriveInput) -> Self {
        let attrs = attr::Container::parse(cx, &node.attrs, Target::Enum);
        let name = type_name(&attrs, &node.ident);
        let Data::Enum(data) = &node.data else { unreachable!("Input::from_syn only passes enums") };
        let variants = data
            .variants
            .iter()
            .map(|variant| {
                let variant_attrs = attr::Variant::parse(cx, &variant.attrs);
                let rust_name = variant.ident.unraw().to_string();
                let wire_name = wire_name(
                    variant_attrs.rename.as_ref(),
                    attrs.rename_all.map(|rule| rule.apply_to_variant(&rust_name)),
                    &rust_name,
                );
                // serde's order: the variant's own rule, then the enum's for all variants.
                let rename_fields = variant_attrs.rename_all.or(attrs.rename_all_fields);
                let fields = match &variant.fields {
                    Fields::Named(named) => {
                        named.named.iter().filter_map(|field| Field::from_syn(cx, field, rename_fields)).collect()
                    }
                    Fields::Unnamed(_) | Fields::Unit => Vec::new(),
                };
                Variant { original: variant, attrs: variant_attrs, rust_name, wire_name, fields }
            })
            .collect();
        Enum { original: node, attrs, name, variants }
    }

    /// Whether the enum carries data, so that serde's derive reads it: a
    /// tagging attribute, or a variant with fields (other than a string
    /// enum's `#[api(other)]` catch-all).
    pub fn is_data(&self) -> bool {
        self.attrs.tag.is_some()
            || self.attrs.untagged.is_some()
            || self.attrs.content.is_some()
            || self
                .variants
                .iter()
                .any(|variant| variant.attrs.other.is_none() && !matches!(variant.original.fields, Fields::Unit))
    }

    /// The variant that keeps unknown strings, if the enum is open.
    pub fn catch_all(&self) -> Option<&Variant<'a>> {
        self.variants.iter().find(|variant| variant.attrs.other.is_some())
    }

    /// The variants with a wire string of their own.
    pub fn known(&self) -> impl Iterator<Item = &Variant<'a>> {
        self.variants.iter().filter(|variant| variant.attrs.other.is_none())
    }
}

impl<'a> Field<'a> {
    /// A named field; `rename_all` is its container's rule.
    fn from_syn(cx: &mut Ctxt, field: &'a syn::Field, rename_all: Option<crate::case::RenameRule>) -> Option<Self> {
        let ident = field.ident.as_ref()?;
        let attrs = attr::Field::parse(cx, &field.attrs);
        let rust_name = ident.unraw().to_string();
        let wire_name =
            wire_name(attrs.rename.as_ref(), rename_all.map(|rule| rule.apply_to_field(&rust_name)), &rust_name);
        Some(Field { original: field, ident, attrs, ty: &field.ty, rust_name, wire_name })
    }

    /// Whether serde reads the field alone (`#[api(serde)]`, `with`,
    /// `deserialize_with`): the field's type need not be an `ApiType`.
    pub fn opaque(&self) -> bool {
        self.attrs.api_serde.is_some() || self.attrs.deserialize_with.is_some()
    }

    /// Where an error about this field's wire name should point.
    pub fn name_span(&self) -> Span {
        attr::name_span(self.attrs.rename.as_ref(), self.ident.span())
    }
}

impl Variant<'_> {
    pub fn name_span(&self) -> Span {
        attr::name_span(self.attrs.rename.as_ref(), self.original.ident.span())
    }
}

/// A container's `#[serde(rename)]`, which serde uses in its own messages, names the type.
fn type_name(attrs: &attr::Container, ident: &Ident) -> String {
    attrs.rename.as_ref().map_or_else(|| ident.unraw().to_string(), LitStr::value)
}

/// serde's order: an explicit rename wins over the container's rule.
fn wire_name(rename: Option<&LitStr>, renamed_by_rule: Option<String>, rust_name: &str) -> String {
    match rename {
        Some(rename) => LitStr::value(rename),
        None => renamed_by_rule.unwrap_or_else(|| rust_name.to_owned()),
    }
}
