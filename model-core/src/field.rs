//! A model's fields as data.

use crate::doc::Example;
use crate::node::Node;
use crate::report::Report;
use crate::type_doc::TypeDoc;

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
pub struct FieldDoc {
    /// The field's name in Rust, without `r#`.
    pub rust_name: &'static str,
    /// The key on the wire.
    pub wire_name: &'static str,
    /// Other keys accepted on input (`#[serde(alias)]`).
    pub aliases: &'static [&'static str],
    /// Whether the key must be present: not an `Option` and without `#[serde(default)]`.
    pub required: bool,
    /// The doc comment, its lines joined; `None` without one.
    pub description: Option<&'static str>,
    /// The field's type as a reader sees it.
    pub ty: &'static TypeDoc,
    /// Values given with `#[api(example = …)]`, in order.
    pub examples: &'static [Example],
    /// Whether the field is `#[deprecated]`.
    pub deprecated: bool,
    #[doc(hidden)]
    pub check: fn(&Node<'_>, &mut Report<'_>),
}

impl FieldDoc {
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

    /// Whether `key` names this field on input.
    pub fn accepts_key(&self, key: &str) -> bool {
        self.names().any(|name| name == key)
    }
}
