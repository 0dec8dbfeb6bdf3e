//! A model's fields as data.

use super::example::Example;
use super::rule::Rule;
use super::type_doc::TypeDoc;
use crate::node::Node;
use crate::report::Report;

/// One field of a model, as `#[derive(ApiModel)]` describes it.
///
/// ```
/// use model_core::{ApiModel, ApiStruct};
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
    /// fields sit in this object (see [`ModelDoc::wire_fields`](crate::doc::ModelDoc::wire_fields)),
    /// or, for a map, it keeps the keys no other field takes.
    pub flatten: bool,
    check: fn(&Node<'_>, &mut Report<'_>),
}

/// A field type's part of its field's description: what docs and reports
/// call it, how it is checked, whether its key may be absent. The derive
/// writes `<T as ApiType>::FIELD` once per field; see [`FieldDoc::table`].
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct FieldType {
    pub(crate) ty: TypeDoc,
    pub(crate) check: fn(&Node<'_>, &mut Report<'_>),
    pub(crate) optional: bool,
}

impl FieldType {
    /// Only this crate makes one: `ApiType::FIELD` is never overridden.
    pub(crate) const fn of(ty: TypeDoc, check: fn(&Node<'_>, &mut Report<'_>), optional: bool) -> Self {
        FieldType { ty, check, optional }
    }

    /// A field serde reads alone (`#[api(serde)]`, `with`): a value of any
    /// shape, whose check and required flag come from its [`FieldParts`].
    pub const OPAQUE: &'static FieldType = &FieldType { ty: TypeDoc::Any, check: |_, _| {}, optional: false };
}

/// What the derive writes for a field whose description is more than its
/// names, doc comment and type: aliases, examples, rules, a default, a
/// check of its own. See [`FieldDoc::table`].
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct FieldParts {
    /// The field's place among the model's fields.
    pub index: usize,
    /// `Some` where the type's [`FieldType::optional`] does not decide:
    /// a default, a flattened field, a field serde reads alone.
    pub required: Option<bool>,
    /// `Some` where the type's check is not the whole check: rules, a
    /// `with` function.
    pub check: Option<fn(&Node<'_>, &mut Report<'_>)>,
    pub aliases: &'static [&'static str],
    pub read_only: bool,
    pub examples: &'static [Example],
    pub deprecated: bool,
    pub rules: &'static [Rule],
    pub default: Option<Example>,
    pub flatten: bool,
}

impl FieldParts {
    /// What a field is unless the derive says otherwise: no aliases,
    /// examples, rules or default, read and written, not deprecated.
    pub const PLAIN: FieldParts = FieldParts {
        index: 0,
        required: None,
        check: None,
        aliases: &[],
        read_only: false,
        examples: &[],
        deprecated: false,
        rules: &[],
        default: None,
        flatten: false,
    };
}

impl FieldDoc {
    /// The derive's constructor, for all of a model's fields at once: a
    /// column of rust names, of wire names, of doc comments (`""` for none),
    /// of field types, then the few fields with more to say. Generated code
    /// cannot name the fields of a `#[non_exhaustive]` struct, so a field
    /// added later stays additive.
    ///
    /// Columns of constants, not a struct literal per field: rustc's cost of
    /// a const grows with each value it builds, and a struct literal with
    /// `..PLAIN` builds every field of the struct. For a 40-model crate the
    /// columns took 0.44 G fewer instructions to compile (measured with
    /// cachegrind); a call per field cost 1 % more than one per model.
    pub(crate) const fn table<const N: usize>(
        rust_names: [&'static str; N],
        wire_names: [&'static str; N],
        descriptions: [&'static str; N],
        types: [&'static FieldType; N],
        rare: &[FieldParts],
    ) -> [FieldDoc; N] {
        let mut fields = [FieldDoc::PLAIN; N];
        let mut index = 0;
        while index < N {
            let field = &mut fields[index];
            field.rust_name = rust_names[index];
            field.wire_name = wire_names[index];
            if !descriptions[index].is_empty() {
                field.description = Some(descriptions[index]);
            }
            field.ty = &types[index].ty;
            field.check = types[index].check;
            field.required = !types[index].optional;
            index += 1;
        }
        let mut index = 0;
        while index < rare.len() {
            let parts = &rare[index];
            let field = &mut fields[parts.index];
            if let Some(required) = parts.required {
                field.required = required;
            }
            if let Some(check) = parts.check {
                field.check = check;
            }
            field.aliases = parts.aliases;
            field.read_only = parts.read_only;
            field.examples = parts.examples;
            field.deprecated = parts.deprecated;
            field.rules = parts.rules;
            field.default = parts.default;
            field.flatten = parts.flatten;
            // A field serde never reads is never required.
            field.required &= !parts.read_only;
            index += 1;
        }
        fields
    }

    const PLAIN: FieldDoc = FieldDoc {
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
        self.accepted_name(key).is_some()
    }

    /// The field's own name (wire name or alias) equal to `key`, when the
    /// field [accepts](Self::accepts_key) it.
    pub(crate) fn accepted_name(&self, key: &str) -> Option<&'static str> {
        if self.read_only || self.flatten {
            return None;
        }
        self.names().find(|name| *name == key)
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
