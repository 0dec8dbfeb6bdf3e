//! Data enums as data: each variant, and how the wire tells them apart.

use super::field::FieldDoc;
use super::type_doc::TypeDoc;
use crate::node::Node;
use crate::report::Report;

/// An enum with data in its variants, as docs see it: serde's externally,
/// internally or adjacently tagged enums, and untagged ones.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct UnionDoc {
    /// The enum's name: its Rust name, or its `#[serde(rename)]`.
    pub name: &'static str,
    /// The enum's doc comment; `None` without one.
    pub description: Option<&'static str>,
    /// How the wire says which variant a value is.
    pub tagging: Tagging,
    /// Every variant, in declaration order.
    pub variants: &'static [VariantDoc],
    /// Where the enum is declared (`module_path!()`).
    pub module: &'static str,
}

/// How the wire says which variant a value is: serde's four representations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tagging {
    /// `{"variant": content}`, or `"variant"` for a unit variant (serde's default).
    External,
    /// `{"tag": "variant", …fields}` (`#[serde(tag = "…")]`).
    Internal {
        /// The key that names the variant.
        tag: &'static str,
    },
    /// `{"tag": "variant", "content": content}` (`#[serde(tag, content)]`).
    Adjacent {
        /// The key that names the variant.
        tag: &'static str,
        /// The key that holds its content.
        content: &'static str,
    },
    /// Any variant's own shape, the first that reads (`#[serde(untagged)]`).
    Untagged,
}

/// One variant of a data enum.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct VariantDoc {
    /// The variant's name in Rust.
    pub rust_name: &'static str,
    /// The string that names it on the wire.
    pub wire_name: &'static str,
    /// Other names read as it (`#[serde(alias)]`).
    pub aliases: &'static [&'static str],
    /// The variant's doc comment; `None` without one.
    pub description: Option<&'static str>,
    /// What it holds.
    pub shape: VariantShape,
    /// Whether it takes any value no other variant names: a variant marked
    /// `#[serde(untagged)]` (it keeps the value) or `#[serde(other)]` (a unit).
    pub catch_all: bool,
    /// Whether it is `#[serde(other)]`: a unit that takes any unknown *name*,
    /// while a value without a name is still refused.
    pub other: bool,
    /// A newtype variant's check of its value.
    check: fn(&Node<'_>, &mut Report<'_>),
}

/// What a variant holds.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum VariantShape {
    /// Nothing.
    Unit,
    /// One value of this type (`Created(Account)`).
    Newtype(&'static TypeDoc),
    /// Named fields, as a model has.
    Struct(&'static [FieldDoc]),
}

impl UnionDoc {
    /// The derive's constructor.
    pub(crate) const fn new(
        name: &'static str,
        description: Option<&'static str>,
        tagging: Tagging,
        variants: &'static [VariantDoc],
        module: &'static str,
    ) -> Self {
        UnionDoc { name, description, tagging, variants, module }
    }

    /// The variant `wire` names, if a variant other than a catch-all does.
    pub fn variant(&self, wire: &str) -> Option<&'static VariantDoc> {
        self.variants.iter().find(|variant| !variant.catch_all && variant.names().any(|name| name == wire))
    }

    /// The `#[serde(untagged)]` variant that keeps any value no other reads, if there is one.
    pub fn catch_all(&self) -> Option<&'static VariantDoc> {
        self.variants.iter().find(|variant| variant.catch_all && !variant.other)
    }

    /// The `#[serde(other)]` unit variant any unknown name reads as, if there is one.
    pub fn other(&self) -> Option<&'static VariantDoc> {
        self.variants.iter().find(|variant| variant.other)
    }
}

impl VariantDoc {
    /// The derive's constructor: one argument per field, as the derive
    /// writes them (a struct of parts would only move the list).
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) const fn new(
        rust_name: &'static str,
        wire_name: &'static str,
        aliases: &'static [&'static str],
        description: Option<&'static str>,
        shape: VariantShape,
        catch_all: bool,
        other: bool,
        check: fn(&Node<'_>, &mut Report<'_>),
    ) -> Self {
        VariantDoc { rust_name, wire_name, aliases, description, shape, catch_all, other, check }
    }

    /// Checks a newtype variant's value.
    pub(crate) fn check_newtype(&self, node: &Node<'_>, report: &mut Report<'_>) {
        (self.check)(node, report);
    }

    /// Every name read as this variant: its wire name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + Clone {
        std::iter::once(self.wire_name).chain(self.aliases.iter().copied())
    }
}
