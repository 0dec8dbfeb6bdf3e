//! What generated code names, so a user crate needs no dependency but this one.

pub use ::serde;
pub use ::serde::de::DeserializeOwned;
pub use ::serde_json;
pub use ::std::boxed::Box;
pub use ::std::string::String;
pub use ::std::vec::Vec;

pub use crate::api_type::ApiType;
pub use crate::builder::{fmt_builder, or_absent, IntoOption};
pub use crate::doc::enum_doc::EnumValueParts;
pub use crate::doc::field::{FieldParts, FieldType};
pub use crate::doc::{
    EnumDoc, EnumValue, Example, FieldDoc, Format, Limit, ModelDoc, Rule, Tagging, TypeDoc, UnionDoc, VariantDoc,
    VariantShape,
};
pub use crate::format::{Date, Email, Hostname, Ipv4, Ipv6, Uri, Uuid};
pub use crate::issue::ValidationError;
pub use crate::model::{ApiModel, ApiStruct, ModelTable};
pub use crate::node::Node;
pub use crate::object::{check_object, ObjectSpec};
pub use crate::opaque::{check_with, read_as};
pub use crate::pattern::Pattern;
pub use crate::report::Report;
pub use crate::rules::Rules;
use crate::rules::Violation;
pub use crate::string_enum::{
    check as check_enum, deserialize as deserialize_enum, parse as parse_enum, ApiEnum, ParseEnumError,
};
pub use crate::union::check_union;

/// A model's check: its object against its field table. Generic, not
/// written out per model, so that the table is evaluated only where a check
/// is compiled to machine code: a crate that only declares models never
/// evaluates it (rustc evaluates every constant a non-generic body names).
#[inline]
pub fn check_model<M: crate::model::ApiStruct>(
    node: &crate::node::Node<'_>,
    report: &mut crate::report::Report<'_>,
    rule: Option<fn(&crate::node::Node<'_>, &mut crate::report::Report<'_>)>,
) {
    let spec = crate::object::ObjectSpec {
        ty: &ShownName::<M>(std::marker::PhantomData),
        fields: M::DOC.fields,
        deny_unknown_fields: M::DOC.deny_unknown_fields,
        rule,
        skip_key: None,
    };
    crate::object::check_object(node, report, &spec);
}

/// A model's [`shown_name`](crate::doc::ModelDoc::shown_name), written only
/// when an issue names it.
struct ShownName<M>(std::marker::PhantomData<M>);

impl<M: crate::model::ApiStruct> std::fmt::Display for ShownName<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&M::DOC.shown_name())
    }
}

/// The error of `build()`: a `missing` issue for each unset required field.
pub fn missing_fields<M: crate::model::ApiStruct>(unset: &[bool]) -> crate::issue::ValidationError {
    crate::builder::missing_fields(&M::DOC, unset)
}

/// The test the derive writes for a model with examples (`cfg(test)` only).
#[track_caller]
pub fn assert_examples<M: crate::model::ApiModel>() {
    let problems = M::check_examples();
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "the examples of {} would teach what the API refuses:\n  {}\n(fix them, or opt out with #[api(no_example_test)])",
        M::TYPE.name(),
        listed.join("\n  ")
    );
}

/// A data enum as data: what the derive writes beside its `ApiType`.
pub trait ApiUnion: crate::api_type::ApiType {
    /// The enum's variants and tagging.
    const DOC: crate::doc::UnionDoc;
}

/// A model's fields, as the derive writes them: see `FieldDoc::table`.
pub const fn field_table<const N: usize>(
    rust_names: [&'static str; N],
    wire_names: [&'static str; N],
    descriptions: [&'static str; N],
    types: [&'static FieldType; N],
    rare: &[FieldParts],
) -> [FieldDoc; N] {
    FieldDoc::table(rust_names, wire_names, descriptions, types, rare)
}

/// A model's description, as the derive writes it.
pub const fn model_doc(
    name: &'static str,
    description: Option<&'static str>,
    fields: &'static [FieldDoc],
    example: Option<Example>,
    deny_unknown_fields: bool,
    module: &'static str,
    params: &'static [TypeDoc],
) -> ModelDoc {
    ModelDoc::new(name, description, fields, example, deny_unknown_fields).declared(module, params)
}

/// `doc` with what the model's own rule checks.
pub const fn with_rule(doc: ModelDoc, rule: Option<&'static str>) -> ModelDoc {
    doc.with_rule(rule)
}

/// `doc` with the name reports call the model by, `#[api(title = "…")]`.
pub const fn titled(doc: ModelDoc, title: &'static str) -> ModelDoc {
    doc.titled(title)
}

/// A string enum's values, as the derive writes them.
pub const fn enum_values<const N: usize>(parts: [EnumValueParts; N]) -> [EnumValue; N] {
    EnumValue::from_parts(parts)
}

/// An `#[api(example = …)]` or a default, serialized when docs ask.
pub const fn example(value: fn() -> Result<serde_json::Value, serde_json::Error>) -> Example {
    Example::new(value)
}

/// A data enum's description, as the derive writes it.
pub const fn new_union_doc(
    name: &'static str,
    description: Option<&'static str>,
    tagging: Tagging,
    variants: &'static [VariantDoc],
    module: &'static str,
) -> UnionDoc {
    UnionDoc::new(name, description, tagging, variants, module)
}

/// One variant of a data enum, as the derive writes it.
#[allow(clippy::too_many_arguments)]
pub const fn variant_doc(
    rust_name: &'static str,
    wire_name: &'static str,
    aliases: &'static [&'static str],
    description: Option<&'static str>,
    shape: VariantShape,
    catch_all: bool,
    other: bool,
    check: fn(&crate::node::Node<'_>, &mut crate::report::Report<'_>),
) -> VariantDoc {
    VariantDoc::new(rust_name, wire_name, aliases, description, shape, catch_all, other, check)
}

/// A newtype struct's description, as the derive writes it.
pub const fn newtype_doc(
    name: &'static str,
    description: Option<&'static str>,
    ty: &'static crate::doc::TypeDoc,
    rules: &'static [crate::doc::Rule],
    module: &'static str,
) -> crate::doc::NewtypeDoc {
    crate::doc::NewtypeDoc::new(name, description, ty, rules, module)
}

/// Whether a field serde reads alone holds a `Secret`, asked of its type:
/// `(&SecretProbe::<T>::NEW).holds_secret()` is `T::TYPE.secret()` when `T`
/// is an `ApiType` (an alias of `Secret<String>` included) and `false`
/// otherwise, by method resolution, which tries the receiver as it is
/// before it borrows it again (autoref specialization: no unstable
/// specialization needed, no bound on the field's type).
pub struct SecretProbe<T: ?Sized>(core::marker::PhantomData<T>);

impl<T: ?Sized> SecretProbe<T> {
    /// The one value.
    pub const NEW: Self = SecretProbe(core::marker::PhantomData);
}

/// [`SecretProbe`] of an `ApiType`: asks its description.
pub trait ProbeApiType {
    /// Whether the type holds a `Secret`.
    fn holds_secret(&self) -> bool;
}

impl<T: crate::api_type::ApiType + ?Sized> ProbeApiType for SecretProbe<T> {
    fn holds_secret(&self) -> bool {
        T::TYPE.secret()
    }
}

/// [`SecretProbe`] of any other type: nothing to ask.
pub trait ProbeOther {
    /// Whether the type holds a `Secret`: not as far as its type tells.
    fn holds_secret(&self) -> bool {
        false
    }
}

impl<T: ?Sized> ProbeOther for &SecretProbe<T> {}

/// `TypeDoc::Union`'s link to a data enum's description.
pub fn union_doc<T: ApiUnion>() -> crate::doc::UnionDoc {
    T::DOC
}

/// How many issues `report` holds so far.
#[inline]
pub fn issue_count(report: &crate::report::Report<'_>) -> usize {
    report.issue_count()
}

/// The end of `build()`: the value, once its rules hold.
#[inline]
pub fn built<M: crate::model::ApiModel>(value: M) -> Result<M, crate::issue::ValidationError> {
    value.validate()?;
    Ok(value)
}

/// An example's expression as JSON.
pub fn example_value<T: serde::Serialize + ?Sized>(example: &T) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::to_value(example)
}

/// `#[serde(default)]`'s value as JSON: a function, not a closure per field.
pub fn example_default<T: serde::Serialize + Default>() -> Result<serde_json::Value, serde_json::Error> {
    serde_json::to_value(T::default())
}

/// Checks a field's value, then, when it has no issue of its own, reads it and
/// runs its rules with their positions: the second read of a report.
pub fn check_then_rules<T: ApiType + DeserializeOwned>(
    node: &Node<'_>,
    report: &mut Report<'_>,
    rules: fn(&T, &mut Rules<'_, '_, '_>),
) {
    T::check(node, report);
    // Rules run on what serde reads; issues of rules inside the value (a
    // nested model's) do not stop the field's own, as in the typed pass.
    if let Ok(value) = node.parse::<T>() {
        rules(&value, &mut Rules::new(report, Some(*node)));
    }
}

/// A model's own rule in the second read: on the model's value at `node`,
/// when the value reads.
pub fn model_rule_on_node<M: DeserializeOwned, E: Into<Violation>>(
    node: &Node<'_>,
    report: &mut Report<'_>,
    rule: fn(&M) -> Result<(), E>,
) {
    if let Ok(value) = node.parse::<M>() {
        Rules::new(report, Some(*node)).validate(rule(&value));
    }
}

/// Runs a model's typed rules: the fields' own, and the rules of the models
/// and collections inside them.
pub fn field_rules<T: ?Sized>(
    report: &mut Report<'_>,
    wire_name: &'static str,
    value: &T,
    rules: fn(&T, &mut Rules<'_, '_, '_>),
) {
    if report.settled() {
        return;
    }
    // A field's name, as the report's walk enters it: shown even inside a secret.
    report.at_field(wire_name, |report| rules(value, &mut Rules::new(report, None)));
}

/// The typed rules of a field whose type may hold some (a model, or a
/// collection of them).
#[inline]
pub fn nested_rules<T: ?Sized>(
    report: &mut Report<'_>,
    wire_name: &'static str,
    value: &T,
    check_rules: fn(&T, &mut Report<'_>),
) {
    if report.settled() {
        return;
    }
    report.at_field(wire_name, |report| check_rules(value, report));
}

/// The rules written on a newtype's field, on the value it holds, at the
/// newtype's own pointer.
#[inline]
pub fn own_rules<T: ?Sized>(report: &mut Report<'_>, value: &T, rules: fn(&T, &mut Rules<'_, '_, '_>)) {
    rules(value, &mut Rules::new(report, None));
}

/// The typed rules of what a data enum's variant holds, under `key` when
/// the tagging puts the content there (`{"variant": …}`, `{"content": …}`).
#[inline]
pub fn variant_rules<'a>(report: &mut Report<'a>, key: Option<&str>, check_rules: impl FnOnce(&mut Report<'a>)) {
    match key {
        Some(key) => report.at_key(key, check_rules),
        None => check_rules(report),
    }
}

/// A model's own rule (`#[api(validate = …)]`), on the value at `node` when
/// there is one.
pub fn model_rule<E: Into<Violation>>(report: &mut Report<'_>, node: Option<&Node<'_>>, verdict: Result<(), E>) {
    Rules::new(report, node.copied()).validate(verdict);
}

/// The impls of other crates' schema traits for a type the derive reads
/// (`[impl generics] [the type] [where clause]`), each written only when
/// model-core's feature of that crate's name is on: model-core's features,
/// not the user crate's, decide. The derive writes this one short call and
/// the impls live here, so that a build with neither feature does not pay
/// for their tokens in every model.
#[doc(hidden)]
#[macro_export]
macro_rules! __model_core_schema_impls {
    ($generics:tt $ty:tt $where:tt) => {
        $crate::__private_0_1::schemars_impl! { $generics $ty $where }
        $crate::__private_0_1::utoipa_impl! { $generics $ty $where }
    };
}

pub use crate::__model_core_schema_impls as schema_impls;

/// schemars' `JsonSchema` (see `schema_impls`).
#[cfg(feature = "schemars")]
#[doc(hidden)]
#[macro_export]
macro_rules! __model_core_schemars_impl {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private_0_1::schemars::JsonSchema for $($ty)* $($where)* {
            fn inline_schema() -> bool {
                $crate::__private_0_1::schemars_inline::<Self>()
            }

            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                $crate::__private_0_1::schemars_name::<Self>()
            }

            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(::core::any::type_name::<Self>())
            }

            fn json_schema(
                generator: &mut $crate::__private_0_1::schemars::SchemaGenerator,
            ) -> $crate::__private_0_1::schemars::Schema {
                $crate::__private_0_1::schemars_schema::<Self>(generator)
            }
        }
    };
}

/// Without the `schemars` feature: nothing.
#[cfg(not(feature = "schemars"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __model_core_schemars_impl {
    ($($input:tt)*) => {};
}

pub use crate::__model_core_schemars_impl as schemars_impl;
#[cfg(feature = "schemars")]
pub use crate::to_schemars::{
    inline_schema as schemars_inline, json_schema as schemars_schema, schema_name as schemars_name,
};
#[cfg(feature = "schemars")]
pub use schemars;

/// utoipa's `PartialSchema` and `ToSchema` (see `schema_impls`).
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __model_core_utoipa_impl {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private_0_1::utoipa::PartialSchema for $($ty)* $($where)* {
            fn schema() -> $crate::__private_0_1::utoipa::openapi::RefOr<$crate::__private_0_1::utoipa::openapi::schema::Schema> {
                $crate::__private_0_1::utoipa_schema::<Self>()
            }
        }

        #[automatically_derived]
        impl $($generics)* $crate::__private_0_1::utoipa::ToSchema for $($ty)* $($where)* {
            fn name() -> ::std::borrow::Cow<'static, str> {
                $crate::__private_0_1::utoipa_name::<Self>()
            }

            fn schemas(
                schemas: &mut ::std::vec::Vec<(
                    ::std::string::String,
                    $crate::__private_0_1::utoipa::openapi::RefOr<$crate::__private_0_1::utoipa::openapi::schema::Schema>,
                )>,
            ) {
                $crate::__private_0_1::utoipa_schemas::<Self>(schemas)
            }
        }
    };
}

/// Without the `utoipa` feature: nothing.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __model_core_utoipa_impl {
    ($($input:tt)*) => {};
}

pub use crate::__model_core_utoipa_impl as utoipa_impl;
#[cfg(feature = "utoipa")]
pub use crate::to_utoipa::{name as utoipa_name, schema as utoipa_schema, schemas as utoipa_schemas};
#[cfg(feature = "utoipa")]
pub use utoipa;

/// What `code!` checks a literal with.
pub use crate::issue::is_snake_case as is_code;
