//! The models and enums a type refers to, each once: what gets a page or a `$defs` entry.

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
    /// The type's name, which is also its page's file stem and its `$defs` key.
    pub fn name(&self) -> &'static str {
        match self {
            Linked::Model(doc) => doc.name,
            Linked::Enum(doc) => doc.name,
            Linked::Union(doc) => doc.name,
        }
    }
}

/// Every model and enum reachable from `ty`, itself included, each once, in
/// the order first met.
pub fn linked(ty: &TypeDoc) -> Vec<Linked> {
    let mut found: Vec<Linked> = Vec::new();
    let mut pending = vec![*ty];
    while let Some(ty) = pending.pop() {
        let next = match ty {
            TypeDoc::Model(doc) => Linked::Model(doc()),
            TypeDoc::Enum(doc) => Linked::Enum(doc()),
            TypeDoc::Union(doc) => Linked::Union(doc()),
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
        if found.iter().any(|seen| seen.name() == next.name()) {
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
