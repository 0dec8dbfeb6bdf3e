//! What generated code names, so a user crate needs no dependency but this one.

pub use ::serde;
pub use ::serde::de::DeserializeOwned;
pub use ::serde_json;
pub use ::std::boxed::Box;
pub use ::std::string::String;
pub use ::std::vec::Vec;

pub use crate::api_type::ApiType;
pub use crate::builder::{fmt_builder, or_absent, IntoOption};
pub use crate::doc::{EnumDoc, EnumValue, Example, FieldDoc, FieldParts, ModelDoc, TypeDoc};
pub use crate::issue::ValidationError;
pub use crate::model::ApiModel;
pub use crate::node::Node;
pub use crate::object::{check_object, ObjectSpec};
pub use crate::report::Report;
pub use crate::string_enum::{
    check as check_enum, deserialize as deserialize_enum, parse as parse_enum, ApiEnum, ParseEnumError,
};

/// The error of `build()`: a `missing` issue for each unset required field.
pub fn missing_fields<M: crate::model::ApiModel>(unset: &[bool]) -> crate::issue::ValidationError {
    crate::builder::missing_fields(&M::DOC, unset)
}

/// An example's expression as JSON.
pub fn example_value<T: serde::Serialize + ?Sized>(example: &T) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::to_value(example)
}
