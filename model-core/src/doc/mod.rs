//! Models, fields, enums and types described as data: what the docs, the
//! schema and the example checks read. Nothing here renders or parses.

pub(crate) mod enum_doc;
mod example;
pub(crate) mod field;
mod linked;
mod model;
mod newtype;
mod rule;
mod type_doc;
mod union_doc;

pub use self::enum_doc::{EnumDoc, EnumValue};
pub use self::example::Example;
pub use self::field::FieldDoc;
pub use self::linked::{linked, linked_all, Linked, Names};
pub(crate) use self::model::{catch_all, wire_fields};
pub use self::model::{ModelDoc, SECRET_PLACEHOLDER};
pub use self::newtype::NewtypeDoc;
pub use self::rule::{Format, Limit, Rule};
pub use self::type_doc::{TextShape, TypeDoc};
pub use self::union_doc::{Tagging, UnionDoc, VariantDoc, VariantShape};
