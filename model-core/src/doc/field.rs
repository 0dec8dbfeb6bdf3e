//! A model's fields as data.

use super::example::Example;
use super::rule::Rule;
use super::type_doc::TypeDoc;
use crate::node::Node;
use crate::report::Report;

/// One field of a model, as `#[derive(ApiModel)]` describes it.
///
/// ```
/// use model_core::ApiModel;
///
/// #[derive(serde::Deserialize, ApiModel)]
/// struct Invoice {
///     /// Invoice number as printed.
///     #[serde(rename = "invoiceNumber")]
///     number: String,
///     note: Option<String>,
/// }
///
/// let [number, note] = Invoice::fields() else { unreachable!() };
/// assert_eq!((number.rust_name, number.wire_name), ("number", "invoiceNumber"));
/// assert_eq!(number.description, Some("Invoice number as printed."));
/// assert!(number.required && !note.required);
/// assert_eq!(note.ty.to_string(), "string");
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct FieldDoc {
    /// The field's name in Rust, without `r#`.
    pub rust_name: &'static str,
    /// The key on the wire.
    pub wire_name: &'static str,
    /// Other keys accepted on input (`#[serde(alias)]`).
    pub aliases: &'static [&'static str],
    /// Whether the key must be present: not an `Option`, without
    /// `#[serde(default)]`, and read on input.
    pub required: bool,
    /// Whether the field is written but never read (`#[serde(skip_deserializing)]`):
    /// a key of that name on input is not this field.
    pub read_only: bool,
    /// The doc comment, its lines joined; `None` without one.
    pub description: Option<&'static str>,
    /// The field's type as a reader sees it.
    pub ty: &'static TypeDoc,
    /// Values given with `#[api(example = …)]`, in order.
    pub examples: &'static [Example],
    /// Whether the field is `#[deprecated]`.
    pub deprecated: bool,
    /// The value rules of `#[api(…)]`, in the order written.
    pub rules: &'static [Rule],
    /// The value an absent key stands for, from `#[serde(default)]` or
    /// `#[serde(default = "path")]` on the field.
    pub default: Option<Example>,
    /// `#[serde(flatten)]`: the field has no key of its own; its model's
    /// fields sit in this object (see [`ModelDoc::wire_fields`](crate::ModelDoc::wire_fields)),
    /// or, for a map, it keeps the keys no other field takes.
    pub flatten: bool,
    check: fn(&Node<'_>, &mut Report<'_>),
}

/// What the derive writes for one field; see [`FieldDoc::from_parts`].
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct FieldParts {
    pub rust_name: &'static str,
    pub wire_name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
    pub read_only: bool,
    pub description: Option<&'static str>,
    pub ty: &'static TypeDoc,
    pub examples: &'static [Example],
    pub deprecated: bool,
    pub rules: &'static [Rule],
    pub default: Option<Example>,
    pub flatten: bool,
    pub check: fn(&Node<'_>, &mut Report<'_>),
}

impl FieldParts {
    /// What a field is unless the derive says otherwise: no aliases,
    /// examples, rules or default, read and written, not deprecated.
    pub const PLAIN: FieldParts = FieldParts {
        rust_name: "",
        wire_name: "",
        aliases: &[],
        required: false,
        read_only: false,
        description: None,
        ty: &TypeDoc::Any,
        examples: &[],
        deprecated: false,
        rules: &[],
        default: None,
        flatten: false,
        check: |_, _| {},
    };
}

impl FieldDoc {
    /// The derive's constructor, for all of a model's fields at once:
    /// generated code cannot name the fields of a `#[non_exhaustive]` struct,
    /// so that a field added later stays additive.
    ///
    /// One call per model, not one per field: the const evaluator's cost is
    /// per call, and one call a field made a 40-model crate take 1 % more
    /// instructions to compile (measured with cachegrind).
    #[doc(hidden)]
    pub const fn from_parts<const N: usize>(parts: [FieldParts; N]) -> [FieldDoc; N] {
        let mut fields = [FieldDoc::from_part(FieldParts::PLAIN); N];
        let mut index = 0;
        while index < N {
            fields[index] = FieldDoc::from_part(parts[index]);
            index += 1;
        }
        fields
    }

    /// One field from its parts: a read-only field is never required.
    const fn from_part(part: FieldParts) -> FieldDoc {
        FieldDoc {
            rust_name: part.rust_name,
            wire_name: part.wire_name,
            aliases: part.aliases,
            required: part.required && !part.read_only,
            read_only: part.read_only,
            description: part.description,
            ty: part.ty,
            examples: part.examples,
            deprecated: part.deprecated,
            rules: part.rules,
            default: part.default,
            flatten: part.flatten,
            check: part.check,
        }
    }

    /// Whether the value may be `null`.
    pub const fn nullable(&self) -> bool {
        self.ty.nullable()
    }

    /// Whether the value is a credential, never shown in docs or reports.
    pub const fn secret(&self) -> bool {
        self.ty.secret()
    }

    /// Every key this field is read from: its wire name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + Clone {
        std::iter::once(self.wire_name).chain(self.aliases.iter().copied())
    }

    /// Whether `key` names this field on input. A read-only field is never
    /// read, and a flattened one has no key of its own.
    pub fn accepts_key(&self, key: &str) -> bool {
        !self.read_only && !self.flatten && self.names().any(|name| name == key)
    }

    /// The default the docs and schema show: never a secret's, never `null`.
    pub fn published_default(&self) -> Option<serde_json::Value> {
        if self.secret() {
            return None;
        }
        self.default.and_then(|default| default.value().ok()).filter(|value| !value.is_null())
    }

    /// Checks a value of this field, adding its issues to `report`.
    pub(crate) fn check(&self, node: &Node<'_>, report: &mut Report<'_>) {
        (self.check)(node, report);
    }

    /// The same field, neither checked nor required: how the docs' example
    /// payload treats a secret, which shows a placeholder or nothing.
    pub(crate) fn unchecked(&self) -> FieldDoc {
        FieldDoc { required: false, check: |_, _| {}, ..*self }
    }
}
