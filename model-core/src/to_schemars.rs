//! `schemars::JsonSchema` (feature `schemars`, schemars 1) from the same
//! data as [`json_schema`](crate::schema::json_schema): every type that
//! derives `ApiModel` gets the impl from the derive, which calls
//! [`json_schema`] here; the field types of this crate have it below.
//!
//! A model, enum or data enum is filed in the generator's definitions under
//! the name the docs give it (`Ticket`, `Page_User`), and every model and
//! enum it refers to beside it, so `schemars::schema_for!`, aide and any
//! tool built on schemars see the rules, defaults, examples and variants
//! `json_schema()` writes. The schemas are JSON Schema 2020-12 (as in
//! OpenAPI 3.1); a generator set to an older draft gets them as they are.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};

use crate::api_type::ApiType;
use crate::doc::TypeDoc;
use crate::patch::Patch;
use crate::schema::Parts;
use crate::secret::Secret;
use crate::timestamp::Timestamp;

/// `T`'s schema for `generator`: the types it refers to are added to the
/// generator's definitions (a definition already there under the same name
/// is kept), and its own schema is returned.
pub fn json_schema<T: ApiType + ?Sized>(generator: &mut SchemaGenerator) -> Schema {
    let path = generator.settings().definitions_path.trim_start_matches('#').trim_end_matches('/').to_owned();
    let parts = Parts::of(&T::TYPE, &format!("#{path}/"));
    let definitions = generator.definitions_mut();
    for (name, schema) in parts.others {
        definitions.entry(name).or_insert(schema);
    }
    Schema::try_from(parts.own).unwrap_or_default()
}

/// The name schemars files `T` under: the docs' name for a model or enum
/// (`Page_User`), the type's own name otherwise.
pub fn schema_name<T: ApiType + ?Sized>() -> Cow<'static, str> {
    Parts::name_of(&T::TYPE)
}

/// Whether schemars writes `T` in place: all but models, enums and data
/// enums, which have definitions of their own.
pub fn inline_schema<T: ApiType + ?Sized>() -> bool {
    !matches!(T::TYPE, TypeDoc::Model(_) | TypeDoc::Enum(_) | TypeDoc::Union(_))
}

/// The impl for a field type of this crate: written in place.
macro_rules! in_place {
    ($($ty:ty => [$($generics:tt)*];)*) => {$(
        impl<$($generics)*> JsonSchema for $ty where Self: ApiType {
            fn inline_schema() -> bool {
                true
            }

            fn schema_name() -> Cow<'static, str> {
                schema_name::<Self>()
            }

            fn schema_id() -> Cow<'static, str> {
                Cow::Borrowed(std::any::type_name::<Self>())
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                json_schema::<Self>(generator)
            }
        }
    )*};
}

in_place! {
    Timestamp => [];
    Secret<T> => [T];
    Patch<T> => [T];
}
