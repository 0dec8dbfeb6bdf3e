//! Newtype structs as data: a value of another type, with rules of its own.

use super::rule::Rule;
use super::type_doc::TypeDoc;

/// A newtype struct (`struct Slug(String)`) as docs see it: on the wire it
/// is the value it holds, with the rules written on its one field.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct NewtypeDoc {
    /// The struct's name: its Rust name, or its `#[serde(rename)]`.
    pub name: &'static str,
    /// The struct's doc comment; `None` without one.
    pub description: Option<&'static str>,
    /// The type of the value it holds.
    pub ty: &'static TypeDoc,
    /// The rules on its field (`struct Slug(#[api(min_length = 2)] String)`).
    pub rules: &'static [Rule],
    /// Where the struct is declared (`module_path!()`).
    pub module: &'static str,
}

impl NewtypeDoc {
    pub(crate) const fn new(
        name: &'static str,
        description: Option<&'static str>,
        ty: &'static TypeDoc,
        rules: &'static [Rule],
        module: &'static str,
    ) -> Self {
        NewtypeDoc { name, description, ty, rules, module }
    }
}
