//! Misuse that parses but cannot work, each reported at its own tokens.

use std::collections::BTreeSet;

use proc_macro2::Span;
use syn::{Attribute, Fields, GenericParam};

use crate::ast::{Enum, Field, Input, Newtype, Struct};
use crate::attr::Default;
use crate::ctxt::Ctxt;
use crate::ty::{is_map, is_string, last_segment_is, mentions, option_inner};
use crate::{attr, builder, rule};

impl Input<'_> {
    pub fn validate(&self, cx: &mut Ctxt) {
        match self {
            Input::Struct(input) => input.validate(cx),
            Input::Newtype(input) => input.validate(cx),
            Input::Enum(input) => input.validate(cx),
        }
    }
}

impl Struct<'_> {
    fn validate(&self, cx: &mut Ctxt) {
        for field in self.fields.iter().filter(|field| field.attrs.skip || field.attrs.read_only) {
            if let Some(rule) = field.attrs.rules.first() {
                cx.error_at(
                    rule.span,
                    "a field serde never reads (`skip` or `skip_deserializing`) has no input to check; remove the rule",
                );
            }
        }
        for field in self.wire_fields().filter(|field| field.opaque()) {
            if let Some(rule) = field.attrs.rules.first() {
                cx.error_at(
                    rule.span,
                    "a field serde reads alone (`#[api(serde)]`, `with`, `deserialize_with`) cannot have rules yet; \
                     check it in a model rule, #[api(validate = …)] on the struct",
                );
            }
        }
        for field in self.wire_fields() {
            validate_patch(cx, field, !matches!(self.attrs.default, Default::None));
        }
        self.validate_flatten(cx);
        let mut names = WireNames::default();
        for field in self.wire_fields() {
            names.claim(cx, &field.wire_name, field.name_span(), "field");
            for alias in &field.attrs.aliases {
                names.claim(cx, &alias.value(), alias.span(), "field");
            }
            if let Some(clash) = builder::RESERVED.iter().find(|name| self.attrs.builder && field.rust_name == **name) {
                cx.error_spanned_by(
                    field.ident,
                    format!(
                        "a field named `{clash}` would collide with the builder's own `{clash}` that #[api(builder)] \
                         generates; rename it in Rust and keep the key with #[serde(rename = \"{clash}\")]"
                    ),
                );
            }
        }
    }
}

impl Struct<'_> {
    /// What serde's flatten cannot do: two maps sharing the leftover keys,
    /// unknown keys denied beside it, rules on a field with no value of its own.
    fn validate_flatten(&self, cx: &mut Ctxt) {
        let flattened: Vec<&Field> = self.wire_fields().filter(|field| field.attrs.flatten.is_some()).collect();
        let maps: Vec<&&Field> = flattened.iter().filter(|field| is_map(field.ty)).collect();
        if let [_, second, ..] = maps.as_slice() {
            cx.error_spanned_by(
                second.ty,
                "only one flattened map can keep the keys no field takes; merge them into one",
            );
        }
        if let (Some(first), true) = (flattened.first(), self.attrs.deny_unknown_fields) {
            cx.error_spanned_by(
                first.attrs.flatten.as_ref(),
                "serde does not support #[serde(flatten)] with #[serde(deny_unknown_fields)]; remove one",
            );
        }
        for field in &flattened {
            if mentions(field.ty, "Secret") {
                cx.error_spanned_by(
                    field.ty,
                    "a flattened field cannot be a `Secret`: its fields sit in this object; mark them `Secret` instead",
                );
            }
            if let Some(rule) = field.attrs.rules.first() {
                cx.error_at(
                    rule.span,
                    "a flattened field has no value of its own to check; put the rules on its fields",
                );
            }
        }
    }
}

impl Enum<'_> {
    fn validate(&self, cx: &mut Ctxt) {
        if let Some(param) = self.original.generics.params.first() {
            let span = match param {
                GenericParam::Type(param) => param.ident.span(),
                GenericParam::Lifetime(param) => param.lifetime.span(),
                GenericParam::Const(param) => param.ident.span(),
            };
            let what = if self.is_data() { "data enum" } else { "string enum" };
            cx.push(syn::Error::new(span, format!("an ApiModel {what} cannot be generic")));
        }
        if self.is_data() {
            return self.validate_data(cx);
        }
        for key in ["rename_all_fields", "deny_unknown_fields"] {
            if let Some(path) = attr::serde_key(&self.attrs.serde_keys, key) {
                cx.error_spanned_by(
                    path,
                    format!("#[serde({key})] is for a data enum's fields; a string enum has none"),
                );
            }
        }
        for variant in &self.variants {
            for key in ["rename_all", "skip", "skip_deserializing"] {
                if let Some(path) = attr::serde_key(&variant.attrs.serde_keys, key) {
                    cx.error_spanned_by(path, format!("#[serde({key})] is not supported on a string enum's variant"));
                }
            }
        }
        for variant in &self.variants {
            if let Some(other) = &variant.attrs.serde_other {
                cx.error_spanned_by(
                    other,
                    "ApiModel does not support #[serde(other)] on a string enum: mark the catch-all variant \
                     `#[api(other)]` and give it a `String`",
                );
            }
            if let Some(untagged) = &variant.attrs.untagged {
                cx.error_spanned_by(
                    untagged,
                    "a string enum keeps unknown strings in its `#[api(other)]` variant; #[serde(untagged)] is for data enums",
                );
            }
        }
        if self.known().next().is_none() {
            cx.push(syn::Error::new(
                self.original.ident.span(),
                "an ApiModel string enum needs at least one unit variant, one per wire string",
            ));
        }
        let mut names = WireNames::default();
        let mut catch_all = None;
        for variant in &self.variants {
            let original = variant.original;
            match (&variant.attrs.other, &original.fields) {
                (None, Fields::Unit) => {
                    names.claim(cx, &variant.wire_name, variant.name_span(), "variant");
                    for alias in &variant.attrs.aliases {
                        names.claim(cx, &alias.value(), alias.span(), "variant");
                    }
                }
                (None, fields) => cx.error_spanned_by(
                    fields,
                    format!(
                        "variant `{}` carries data, but an ApiModel enum is a string enum: \
                         make it a unit variant, or mark the one catch-all variant #[api(other)] \
                         and give it a single `String`",
                        variant.rust_name
                    ),
                ),
                (Some(other), fields) => {
                    if let Some(first) = catch_all.replace(&variant.rust_name) {
                        cx.error_spanned_by(
                            other,
                            format!("an enum has at most one #[api(other)] variant, and `{first}` already is"),
                        );
                    }
                    match fields {
                        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                            let ty = &fields.unnamed[0].ty;
                            if !is_string(ty) {
                                cx.error_spanned_by(
                                    ty,
                                    "the #[api(other)] variant keeps the unknown string: its field must be `String`",
                                );
                            }
                        }
                        _ => cx.error_spanned_by(
                            &original.ident,
                            format!(
                                "the #[api(other)] variant keeps the unknown string: write `{}(String)`",
                                variant.rust_name
                            ),
                        ),
                    }
                    if let Some(rename) = &variant.attrs.rename {
                        cx.error_spanned_by(
                            rename,
                            "the #[api(other)] variant has no wire string of its own; remove the rename",
                        );
                    }
                    if let Some(alias) = variant.attrs.aliases.first() {
                        cx.error_spanned_by(
                            alias,
                            "the #[api(other)] variant has no wire string of its own; remove the alias",
                        );
                    }
                }
            }
        }
    }
}

impl Enum<'_> {
    /// A data enum: serde's derive reads it, so only what the report cannot
    /// follow is refused here.
    fn validate_data(&self, cx: &mut Ctxt) {
        if let Some(path) = attr::serde_key(&self.attrs.serde_keys, "deny_unknown_fields") {
            cx.error_spanned_by(
                path,
                "#[serde(deny_unknown_fields)] is not supported on a data enum yet: the report cannot yet tell \
                 which keys each tagging lets through; refuse unknown keys in the variants' own structs instead",
            );
        }
        for variant in &self.variants {
            for key in ["skip", "skip_deserializing"] {
                if let Some(path) = attr::serde_key(&variant.attrs.serde_keys, key) {
                    cx.error_spanned_by(
                        path,
                        format!(
                            "#[serde({key})] is not supported on a data enum's variant yet: the report would name a \
                             variant serde never reads; remove the variant, or the attribute"
                        ),
                    );
                }
            }
        }
        let mut names = WireNames::default();
        let mut catch_all: Option<&str> = None;
        // `content` without `tag` is serde's derive's to report.
        for variant in &self.variants {
            let marker = variant.attrs.untagged.as_ref().or(variant.attrs.serde_other.as_ref());
            if let Some(marker) = marker {
                if let Some(first) = catch_all.replace(&variant.rust_name) {
                    cx.error_spanned_by(
                        marker,
                        format!("an enum has at most one catch-all variant, and `{first}` already is"),
                    );
                }
            } else {
                names.claim(cx, &variant.wire_name, variant.name_span(), "variant");
                for alias in &variant.attrs.aliases {
                    names.claim(cx, &alias.value(), alias.span(), "variant");
                }
            }
            if let Some(other) = &variant.attrs.other {
                cx.error_spanned_by(
                    other,
                    "#[api(other)] keeps an unknown string of a string enum; in a data enum, mark the catch-all \
                     variant #[serde(untagged)] (it keeps the value) or #[serde(other)] (a unit)",
                );
            }
            match &variant.original.fields {
                Fields::Unnamed(fields) if fields.unnamed.is_empty() => cx.error_spanned_by(
                    fields,
                    format!("variant `{}` holds no value: write it as a unit variant, `{0}`", variant.rust_name),
                ),
                Fields::Unnamed(fields) if fields.unnamed.len() != 1 => cx.error_spanned_by(
                    fields,
                    format!(
                        "variant `{}` holds {} values; ApiModel describes variants with one value or named fields: \
                         name them",
                        variant.rust_name,
                        fields.unnamed.len()
                    ),
                ),
                Fields::Unnamed(fields) => {
                    let mut attrs = fields.unnamed[0].attrs.iter();
                    if let Some(attr) = attrs.find(|attr| attr.path().is_ident("serde") || attr.path().is_ident("api"))
                    {
                        cx.error_spanned_by(
                            attr,
                            "attributes on a one-value variant's value are not supported yet; \
                             give the variant a named field instead",
                        );
                    }
                }
                _ => {}
            }
            for field in variant.fields.iter().filter(|field| !field.attrs.skip) {
                validate_patch(cx, field, false);
                if let Some(rule) = field.attrs.rules.first() {
                    cx.error_at(
                        rule.span,
                        "rules on a variant's fields are not supported yet; hold a model with rules in a one-value variant",
                    );
                }
            }
        }
    }
}

impl Newtype<'_> {
    /// A newtype is the value it holds: what names or shapes an object has
    /// nothing to act on. Only `rename` (its name in docs) and the field's
    /// rules are read.
    fn validate(&self, cx: &mut Ctxt) {
        refuse_keys(cx, &self.original.attrs, &["rename"], &["crate"], "a newtype struct");
        let mut keys = rule::keys();
        keys.extend([rule::MESSAGE, rule::CODE]);
        refuse_keys(cx, &self.field.attrs, &[], &keys, "a newtype struct's field");
    }
}

/// Every `#[serde]` and `#[api]` key in `attrs` that is not allowed on `what`.
fn refuse_keys(cx: &mut Ctxt, attrs: &[Attribute], serde_keys: &[&str], api_keys: &[&str], what: &str) {
    for attr in attrs {
        let (namespace, allowed) = match () {
            () if attr.path().is_ident("serde") => ("serde", serde_keys),
            () if attr.path().is_ident("api") => ("api", api_keys),
            () => continue,
        };
        // Malformed attributes were reported when they were parsed.
        let _ = attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
            if !allowed.contains(&key.as_str()) {
                cx.error_spanned_by(
                    &meta.path,
                    format!(
                        "#[{namespace}({key})] is not supported on {what}: on the wire it is the value it holds; \
                         use a struct with a named field for an object"
                    ),
                );
            }
            attr::skip_value(&meta)
        });
    }
}

/// Wire strings claimed so far, so that a second claim is reported where it is made.
#[derive(Default)]
struct WireNames(BTreeSet<String>);

impl WireNames {
    fn claim(&mut self, cx: &mut Ctxt, name: &str, span: Span, what: &str) {
        if !self.0.insert(name.to_owned()) {
            cx.push(syn::Error::new(
                span,
                format!("wire name \"{name}\" is used by an earlier {what}; each {what} needs its own"),
            ));
        }
    }
}

/// A PATCH field must keep "absent" apart from `null`, which serde does
/// only with a default and a skip on output.
fn validate_patch(cx: &mut Ctxt, field: &Field, container_default: bool) {
    if let Some(inner) = option_inner(field.ty) {
        if option_inner(inner).is_some() {
            cx.error_spanned_by(
                field.ty,
                "`Option<Option<T>>` reads an absent key and `null` both as `None`; for a PATCH field write \
                 `model_core::Patch<T>` with #[serde(default, skip_serializing_if = \"Patch::is_absent\")]",
            );
        }
    }
    if !last_segment_is(field.ty, "Patch") {
        return;
    }
    let defaulted = !matches!(field.attrs.default, Default::None) || container_default;
    if !defaulted || !field.attrs.skip_serializing_if {
        cx.error_spanned_by(
            field.ty,
            "a `Patch` field tells an absent key from `null` only with \
             #[serde(default, skip_serializing_if = \"Patch::is_absent\")]; add it",
        );
    }
}
