//! `utoipa::ToSchema` and `PartialSchema` (feature `utoipa`, utoipa 5) from
//! the same data as [`json_schema`](crate::schema::json_schema): every type
//! that derives `ApiModel` gets the impls from the derive, which call the
//! functions here; the field types of this crate have them below.
//!
//! A model, enum or data enum is a component under the name the docs give
//! it (`Ticket`, `Page_User`), and [`schemas`] hands utoipa every model and
//! enum it refers to, so `#[openapi(components(schemas(…)))]` and
//! utoipa-axum's routers document the rules, defaults, examples and
//! variants the parser checks.
//!
//! utoipa's schema types are a model of OpenAPI's, not JSON: reading the
//! schema JSON into them with serde alone would keep an object's first
//! matching shape and drop the rest (a `oneOf` read as an empty object, a
//! `const` dropped). So the JSON is walked here, by hand: each composite,
//! array and object built as its utoipa type, `const` written as the
//! one-value `enum` it means, `allOf` beside a type of its own as an
//! `allOf` of both, and a reference in `propertyNames` as the one member of
//! an `allOf`. What utoipa has no field for is not kept: a `title`
//! beside an `anyOf` (a data enum with a catch-all variant).

use std::borrow::Cow;

use serde_json::{Map, Value};
use utoipa::openapi::schema::{
    AdditionalProperties, AllOf, AnyOf, Array, ArrayItems, Object, OneOf, Schema, SchemaType,
};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

use crate::api_type::ApiType;
use crate::patch::Patch;
use crate::schema::Parts;
use crate::secret::Secret;
use crate::timestamp::Timestamp;

/// Where an OpenAPI document's components are.
const COMPONENTS: &str = "#/components/schemas/";

/// `T`'s schema, referring to the components of the types it holds.
pub fn schema<T: ApiType + ?Sized>() -> RefOr<Schema> {
    convert(Parts::of(&T::TYPE, COMPONENTS).own)
}

/// The component name of `T`: the docs' name for a model or enum
/// (`Page_User`), the type's own name otherwise.
pub fn name<T: ApiType + ?Sized>() -> Cow<'static, str> {
    Parts::name_of(&T::TYPE)
}

/// Every model and enum `T` refers to, as components.
pub fn schemas<T: ApiType + ?Sized>(schemas: &mut Vec<(String, RefOr<Schema>)>) {
    schemas.extend(Parts::of(&T::TYPE, COMPONENTS).others.into_iter().map(|(name, schema)| (name, convert(schema))));
}

/// A JSON schema as utoipa's types.
pub(crate) fn convert(schema: Value) -> RefOr<Schema> {
    let Value::Object(mut object) = schema else {
        // `true` (anything): utoipa's empty object means the same.
        return RefOr::T(Schema::Object(Object::new()));
    };
    if let Some(Value::String(path)) = object.remove("$ref") {
        let mut reference = Ref::new(path);
        if let Some(Value::String(description)) = object.remove("description") {
            reference.description = description;
        }
        return RefOr::Ref(reference);
    }
    for (keyword, build) in [("oneOf", one_of as Composite), ("anyOf", any_of), ("allOf", all_of)] {
        if let Some(Value::Array(members)) = object.remove(keyword) {
            let members: Vec<RefOr<Schema>> = members.into_iter().map(convert).collect();
            let has_type = object.contains_key("type");
            if keyword == "allOf" && has_type {
                // `allOf` beside a type of its own: both must hold.
                let own = convert(Value::Object(object));
                return RefOr::T(all_of(Map::new(), std::iter::once(own).chain(members).collect()));
            }
            return RefOr::T(build(object, members));
        }
    }
    let is_array = match object.get("type") {
        Some(Value::String(ty)) => ty == "array",
        Some(Value::Array(types)) => types.iter().any(|ty| ty == "array"),
        _ => false,
    };
    let schema_type = schema_type(object.remove("type"));
    if is_array {
        let items = object.remove("items").map(convert);
        // Placeholders for the fields utoipa requires, set below.
        object.insert("type".to_owned(), Value::from("array"));
        object.insert("items".to_owned(), Value::Bool(false));
        let mut array: Array = read(dialect(object));
        array.schema_type = schema_type;
        if let Some(items) = items {
            array.items = ArrayItems::RefOrSchema(Box::new(items));
        }
        return RefOr::T(Schema::Array(array));
    }
    let properties = object.remove("properties");
    let additional = object.remove("additionalProperties");
    let names = object.remove("propertyNames");
    object.insert("type".to_owned(), Value::from("object"));
    let mut result: Object = read(dialect(object));
    result.schema_type = schema_type;
    if let Some(Value::Object(properties)) = properties {
        for (key, value) in properties {
            result.properties.insert(key, convert(value));
        }
    }
    result.additional_properties = additional.map(|additional| {
        Box::new(match additional {
            Value::Bool(allowed) => AdditionalProperties::FreeForm(allowed),
            other => AdditionalProperties::RefOr(convert(other)),
        })
    });
    // utoipa's `propertyNames` holds a schema, not a reference: a
    // reference goes in as the one member of an `allOf`, which means the same.
    result.property_names = names.map(|names| {
        Box::new(match convert(names) {
            RefOr::T(schema) => schema,
            reference => all_of(Map::new(), vec![reference]),
        })
    });
    RefOr::T(Schema::Object(result))
}

/// A `type` keyword as utoipa's: one type, several, or none (any value).
fn schema_type(ty: Option<Value>) -> SchemaType {
    ty.and_then(|ty| serde_json::from_value(ty).ok()).unwrap_or(SchemaType::AnyValue)
}

type Composite = fn(Map<String, Value>, Vec<RefOr<Schema>>) -> Schema;

fn one_of(rest: Map<String, Value>, members: Vec<RefOr<Schema>>) -> Schema {
    let mut one_of: OneOf = read(with_empty(rest, "oneOf"));
    one_of.items = members;
    Schema::OneOf(one_of)
}

fn any_of(rest: Map<String, Value>, members: Vec<RefOr<Schema>>) -> Schema {
    let mut any_of: AnyOf = read(with_empty(rest, "anyOf"));
    any_of.items = members;
    Schema::AnyOf(any_of)
}

fn all_of(rest: Map<String, Value>, members: Vec<RefOr<Schema>>) -> Schema {
    let mut all_of: AllOf = read(with_empty(rest, "allOf"));
    all_of.items = members;
    Schema::AllOf(all_of)
}

/// `rest` with an empty `keyword` list, the shape utoipa's composite reads.
fn with_empty(mut rest: Map<String, Value>, keyword: &str) -> Value {
    rest.insert(keyword.to_owned(), Value::Array(Vec::new()));
    Value::Object(rest)
}

/// `const: v` as the one-value `enum: [v]` it means, which utoipa has.
fn dialect(mut object: Map<String, Value>) -> Value {
    if let Some(value) = object.remove("const") {
        object.insert("enum".to_owned(), Value::Array(vec![value]));
    }
    Value::Object(object)
}

/// One of utoipa's schema types from the keywords left, which are its
/// scalar fields; a schema it cannot read is left empty (anything).
fn read<T: serde::de::DeserializeOwned + Default>(value: Value) -> T {
    serde_json::from_value(value).unwrap_or_default()
}

/// The impls for a field type of this crate.
macro_rules! field_type {
    ($($ty:ty => [$($generics:tt)*];)*) => {$(
        impl<$($generics)*> PartialSchema for $ty where Self: ApiType {
            fn schema() -> RefOr<Schema> {
                schema::<Self>()
            }
        }

        impl<$($generics)*> ToSchema for $ty where Self: ApiType {
            fn name() -> Cow<'static, str> {
                name::<Self>()
            }

            fn schemas(found: &mut Vec<(String, RefOr<Schema>)>) {
                schemas::<Self>(found);
            }
        }
    )*};
}

field_type! {
    Timestamp => [];
    Secret<T> => [T];
    Patch<T> => [T];
}
