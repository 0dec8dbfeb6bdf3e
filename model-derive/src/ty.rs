//! What a derive can tell of a field's type from how it is written: the
//! last path segment, an `Option` around it, a name inside it.

use quote::ToTokens;
use syn::{GenericArgument, PathArguments, Type};

/// `U` when the type is written `Option<U>`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    match args.args.first() {
        Some(GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// Whether the type's last path segment is `name`, with any arguments.
pub fn last_segment_is(ty: &Type, name: &str) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last().is_some_and(|last| last.ident == name),
        Type::Group(group) => last_segment_is(&group.elem, name),
        _ => false,
    }
}

/// Whether the type is written `String` (or a path ending in it), with no arguments.
pub fn is_string(ty: &Type) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => {
            path.path.segments.last().is_some_and(|last| last.ident == "String" && last.arguments.is_none())
        }
        Type::Group(group) => is_string(&group.elem),
        _ => false,
    }
}

/// Whether the type is written as a map (`HashMap`, `BTreeMap`, `Map`), maybe in an `Option`.
pub fn is_map(ty: &Type) -> bool {
    let ty = option_inner(ty).unwrap_or(ty);
    ["HashMap", "BTreeMap", "Map", "IndexMap"].iter().any(|name| last_segment_is(ty, name))
}

/// Whether the identifier `name` appears anywhere in the type, as `Secret`
/// does in `Option<Secret<String>>` (and not in `SecretSettings`).
pub fn mentions(ty: &Type, name: &str) -> bool {
    fn walk(tokens: proc_macro2::TokenStream, name: &str) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => ident == name,
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), name),
            proc_macro2::TokenTree::Punct(_) | proc_macro2::TokenTree::Literal(_) => false,
        })
    }
    walk(ty.to_token_stream(), name)
}

/// Whether a field's type may hold rules: false for the primitive types, and
/// for options, boxes, vectors and maps of them. Only names no user type is
/// likely to take (a model called `Value` must still have its rules run).
pub fn may_hold_rules(ty: &Type) -> bool {
    const LEAVES: &[&str] = &[
        "String", "bool", "char", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128",
        "usize", "f32", "f64",
    ];
    const WRAPPERS: &[&str] = &["Option", "Box", "Vec", "Secret", "HashMap", "BTreeMap"];
    let Type::Path(path) = ty else { return true };
    let Some(last) = path.path.segments.last() else { return true };
    if path.qself.is_some() {
        return true;
    }
    let ident = last.ident.to_string();
    if LEAVES.contains(&ident.as_str()) {
        return false;
    }
    if !WRAPPERS.contains(&ident.as_str()) {
        return true;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else { return true };
    match args.args.iter().rev().find_map(|arg| match arg {
        GenericArgument::Type(inner) => Some(inner),
        _ => None,
    }) {
        Some(inner) => may_hold_rules(inner),
        None => true,
    }
}
