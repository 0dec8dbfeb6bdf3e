//! The runtime side of a field's type.

use crate::doc::field::FieldType;
use crate::doc::TypeDoc;
use crate::node::Node;
use crate::report::Report;

/// A type that can appear in a model: it knows how it is documented and how to
/// check a JSON value against itself, reporting every problem.
///
/// Implemented for `String`, `Box<str>`, `Cow<'static, str>`, `char`,
/// `bool`, every integer and float, [`Timestamp`](crate::Timestamp) (exact
/// RFC 3339), chrono's `DateTime<Utc>` and `DateTime<FixedOffset>` (chrono's
/// own, laxer grammar), `NaiveDate`, `NaiveTime` and `NaiveDateTime`,
/// `std::time::Duration`, `std::net::{IpAddr, Ipv4Addr, Ipv6Addr}`,
/// `uuid::Uuid`, `url::Url` and `rust_decimal::Decimal` (with the features of
/// those names), `serde_json::{Value, Map, Number}`, `Option`,
/// [`Patch`](crate::Patch), `Vec`, `Box`, `Arc`, `Rc`, `HashSet` and
/// `BTreeSet`, `HashMap` and `BTreeMap` keyed by a
/// [`MapKey`](crate::MapKey) (strings, integers, derived string enums),
/// [`Secret`](crate::Secret), and every type that derives `ApiModel`. A field
/// of another type with `Deserialize` takes `#[api(serde)]`.
///
/// The check must refuse exactly what the type's `Deserialize` refuses. For a
/// scalar, [`Report::check_leaf`] guarantees it by asking `Deserialize` itself:
///
/// ```
/// use model_core::{ApiModel, ApiType, check::{JsonKind, Node, Report}, doc::TypeDoc};
///
/// /// A non-empty string.
/// #[derive(Debug, serde::Deserialize)]
/// #[serde(try_from = "String")]
/// struct Name(String);
///
/// impl TryFrom<String> for Name {
///     type Error = &'static str;
///     fn try_from(s: String) -> Result<Self, Self::Error> {
///         if s.is_empty() { Err("empty") } else { Ok(Name(s)) }
///     }
/// }
///
/// impl ApiType for Name {
///     const TYPE: TypeDoc = TypeDoc::String;
///     fn check(node: &Node<'_>, report: &mut Report<'_>) {
///         report.check_leaf::<Self>(node, &[JsonKind::String], &Self::TYPE);
///     }
/// }
///
/// #[derive(Debug, serde::Deserialize, ApiModel)]
/// struct User {
///     name: Name,
/// }
///
/// let error = User::from_json(r#"{"name": ""}"#).unwrap_err();
/// assert_eq!(error.issues()[0].pointer(), "/name");
/// assert_eq!(error.issues()[0].code(), "invalid_format");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a field of an ApiModel: it does not implement `ApiType`",
    label = "this type has no `ApiType`",
    note = "derive `ApiModel` for it; for a type of another crate with `Deserialize`, mark the field `#[api(serde)]`; or implement `model_core::ApiType` for a type of your own (see its docs)"
)]
pub trait ApiType {
    /// How docs and reports name the type.
    const TYPE: TypeDoc;

    /// Whether an absent key is a valid value: true for `Option<T>` (and
    /// `Box` or `Secret` of one), as serde's derive treats a missing `Option`
    /// field as `None`.
    ///
    /// The one source of truth for both the parser and the builder: the value
    /// an absent key stands for is what the type's own `Deserialize` makes of
    /// "absent", as serde's derive asks it (`visit_none`).
    const OPTIONAL: bool = false;

    /// Checks `node` against this type, adding an issue to `report` for each problem.
    fn check(node: &Node<'_>, report: &mut Report<'_>);

    /// The three above as one constant, for the derive's field tables: one
    /// path per field for rustc to resolve instead of three. Never override
    /// it: a `FieldType` can only be made in this crate, so an impl elsewhere
    /// could only copy another type's, which would describe that type.
    #[doc(hidden)]
    const FIELD: &'static FieldType = &FieldType::of(Self::TYPE, Self::check, Self::OPTIONAL);

    /// Checks the value rules of a typed value (its own and those of the
    /// models inside it), adding an issue for each one broken.
    ///
    /// A type without rules keeps this default, which does nothing and
    /// inlines away, so that a walk over a `Vec` of it costs nothing either.
    /// (Whether a type has rules cannot be a constant: a model that contains
    /// itself would make that constant depend on itself.)
    #[inline]
    fn check_rules(&self, report: &mut Report<'_>) {
        let _ = report;
    }
}
