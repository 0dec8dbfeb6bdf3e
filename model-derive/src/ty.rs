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
