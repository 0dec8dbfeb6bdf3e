//! The models and enums a type refers to, each once: what gets a page or a
//! `$defs` entry, and the name it is filed under.

use std::borrow::Cow;
use std::fmt::Write;

use super::enum_doc::EnumDoc;
use super::model::ModelDoc;
use super::type_doc::TypeDoc;
use super::union_doc::{UnionDoc, VariantShape};

/// A model or enum that a type refers to, for pages and `$defs`.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Linked {
    /// A model.
    Model(ModelDoc),
    /// A string enum.
    Enum(EnumDoc),
    /// An enum with data in its variants.
    Union(UnionDoc),
}

impl Linked {
    /// The type's name: its Rust name, or its `#[serde(rename)]`, without
    /// type arguments.
    pub fn name(&self) -> &'static str {
        match self {
            Linked::Model(doc) => doc.name,
            Linked::Enum(doc) => doc.name,
            Linked::Union(doc) => doc.name,
        }
    }

    /// The name with its type arguments (`Page_User`), as reports say it.
    pub fn key(&self) -> Cow<'static, str> {
        match self {
            Linked::Model(doc) => doc.key(),
            Linked::Enum(doc) => Cow::Borrowed(doc.name),
            Linked::Union(doc) => Cow::Borrowed(doc.name),
        }
    }

    /// Where the type is declared (`module_path!()`).
    pub fn module(&self) -> &'static str {
        match self {
            Linked::Model(doc) => doc.module,
            Linked::Enum(doc) => doc.module,
            Linked::Union(doc) => doc.module,
        }
    }

    /// What makes two entries the same type: where it is declared and its
    /// name with type arguments.
    fn identity(&self) -> (&'static str, Cow<'static, str>) {
        (self.module(), self.key())
    }

    /// The entry a type names, if it is a model or an enum.
    fn of(ty: &TypeDoc) -> Option<Linked> {
        match ty {
            TypeDoc::Model(doc) => Some(Linked::Model(doc())),
            TypeDoc::Enum(doc) => Some(Linked::Enum(doc())),
            TypeDoc::Union(doc) => Some(Linked::Union(doc())),
            _ => None,
        }
    }
}

/// `Page_User` for a model `Page` with the type argument `User`: the name,
/// then each argument's, joined by `_`. A name that fits a JSON pointer, a
/// file stem and an OpenAPI component name (letters, digits, `_`, `.`, `-`).
pub(crate) fn key(name: &'static str, params: &[TypeDoc]) -> Cow<'static, str> {
    if params.is_empty() {
        return Cow::Borrowed(name);
    }
    let mut key = name.to_owned();
    for param in params {
        key.push('_');
        push_param(&mut key, param);
    }
    Cow::Owned(key)
}

/// The integer types by their range, for names.
const INTEGERS: [(&str, (i128, u128)); 10] = [
    ("u8", (0, u8::MAX as u128)),
    ("u16", (0, u16::MAX as u128)),
    ("u32", (0, u32::MAX as u128)),
    ("u64", (0, u64::MAX as u128)),
    ("u128", (0, u128::MAX)),
    ("i8", (i8::MIN as i128, i8::MAX as u128)),
    ("i16", (i16::MIN as i128, i16::MAX as u128)),
    ("i32", (i32::MIN as i128, i32::MAX as u128)),
    ("i64", (i64::MIN as i128, i64::MAX as u128)),
    ("i128", (i128::MIN, i128::MAX as u128)),
];

fn push_param(key: &mut String, param: &TypeDoc) {
    match param {
        TypeDoc::Array(item) => {
            push_param(key, item);
            key.push_str("_list");
        }
        TypeDoc::Map(value) | TypeDoc::KeyedMap(_, value) => {
            push_param(key, value);
            key.push_str("_map");
        }
        TypeDoc::Nullable(inner) => {
            push_param(key, inner);
            key.push_str("_or_null");
        }
        TypeDoc::Patch(inner) => {
            key.push_str("Patch_");
            push_param(key, inner);
        }
        TypeDoc::Secret(inner) => {
            key.push_str("Secret_");
            push_param(key, inner);
        }
        TypeDoc::Newtype(doc) => key.push_str(doc.name),
        // Each width its own: `Page<u8>` and `Page<i64>` are two types.
        TypeDoc::Integer { min, max } => match INTEGERS.iter().find(|(_, range)| *range == (*min, *max)) {
            Some((name, _)) => key.push_str(name),
            None => {
                let _ = write!(key, "integer_{}_{max}", min.to_string().replace('-', "minus"));
            }
        },
        other => {
            let name = other.name();
            key.extend(name.chars().map(|ch| if ch.is_ascii_alphanumeric() || ch == '_' { ch } else { '_' }));
        }
    }
}

/// Every model and enum reachable from `ty`, itself included, each once, in
/// the order first met. Two instantiations of a generic model are two
/// entries (`Page_User`, `Page_Team`), and so are two types of one name
/// declared in different modules.
pub fn linked(ty: &TypeDoc) -> Vec<Linked> {
    linked_all(std::slice::from_ref(ty))
}

/// [`linked`] of several types at once, each linked type once: what the
/// components of one document hold.
pub fn linked_all(types: &[TypeDoc]) -> Vec<Linked> {
    let mut found: Vec<Linked> = Vec::new();
    let mut pending: Vec<TypeDoc> = types.iter().rev().copied().collect();
    while let Some(ty) = pending.pop() {
        let next = match ty {
            TypeDoc::Model(_) | TypeDoc::Enum(_) | TypeDoc::Union(_) => match Linked::of(&ty) {
                Some(next) => next,
                None => continue,
            },
            // A map's keys may be an enum, which its docs link to as well.
            TypeDoc::KeyedMap(key, value) => {
                pending.extend([*value, *key]);
                continue;
            }
            // Through any wrapper, as `inner` declares them; past any leaf.
            other => {
                pending.extend(other.inner().copied());
                continue;
            }
        };
        let identity = next.identity();
        if found.iter().any(|seen| seen.identity() == identity) {
            continue;
        }
        // Reversed so that fields are visited in declaration order.
        match next {
            Linked::Model(doc) => pending.extend(doc.fields.iter().rev().map(|field| *field.ty)),
            Linked::Union(doc) => {
                for variant in doc.variants.iter().rev() {
                    match variant.shape {
                        VariantShape::Unit => {}
                        VariantShape::Newtype(ty) => pending.push(*ty),
                        VariantShape::Struct(fields) => pending.extend(fields.iter().rev().map(|field| *field.ty)),
                    }
                }
            }
            Linked::Enum(_) => {}
        }
        found.push(next);
    }
    found
}

/// The name each linked type is filed under (its page's file stem, its
/// `$defs` key): its [`key`](Linked::key), or, when two types of one key
/// come from different modules, the key after its module path
/// (`billing.Invoice`, `shop.Invoice`), so that neither hides the other.
#[derive(Debug, Clone)]
pub struct Names {
    entries: Vec<((&'static str, Cow<'static, str>), String)>,
}

impl Names {
    /// The names of `all`, as [`linked`] lists them.
    pub fn of(all: &[Linked]) -> Names {
        let entries = all
            .iter()
            .map(|linked| {
                let (module, key) = linked.identity();
                let shared = all.iter().any(|other| other.key() == key && other.module() != module);
                let name = if shared { format!("{}.{key}", module.replace("::", ".")) } else { key.to_string() };
                ((module, key), name)
            })
            .collect();
        Names { entries }
    }

    /// The name `ty` is filed under; `None` for a type that is not a model
    /// or enum.
    pub fn name(&self, ty: &TypeDoc) -> Option<Cow<'_, str>> {
        let linked = Linked::of(ty)?;
        Some(self.linked(&linked))
    }

    /// The name `linked` is filed under; its key when it is not among them.
    pub fn linked(&self, linked: &Linked) -> Cow<'_, str> {
        let identity = linked.identity();
        match self.entries.iter().find(|(seen, _)| *seen == identity) {
            Some((_, name)) => Cow::Borrowed(name.as_str()),
            None => Cow::Owned(identity.1.into_owned()),
        }
    }
}
