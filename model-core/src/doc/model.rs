//! Models as data, and the example payload their docs show.

use serde_json::Value;

use super::example::Example;
use super::field::FieldDoc;
use super::type_doc::TypeDoc;

/// What docs show in place of a secret: never a value, real or sample.
pub const SECRET_PLACEHOLDER: &str = "<secret>";

/// A model as docs see it: `T::doc()` for a type that derives `ApiModel`.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ModelDoc {
    /// The model's name: its Rust name, or its `#[serde(rename)]`.
    pub name: &'static str,
    /// The model's doc comment; `None` without one.
    pub description: Option<&'static str>,
    /// Every field on the wire, in declaration order.
    pub fields: &'static [FieldDoc],
    /// A whole payload given with `#[api(example = …)]` on the model.
    pub example: Option<Example>,
    /// Whether keys not in `fields` are refused (`#[serde(deny_unknown_fields)]`).
    pub deny_unknown_fields: bool,
    /// The type arguments of a generic model (`User` in `Page<User>`), which
    /// make each instantiation a type of its own in docs, schema and reports.
    pub params: &'static [TypeDoc],
    /// Where the model is declared (`module_path!()`), which tells apart two
    /// models of one name in different modules.
    pub module: &'static str,
    /// What the model's own rule checks, as `#[api(validate = …,
    /// description = "…")]` says it, for the docs and the schema.
    pub rule: Option<&'static str>,
    /// What reports and the schema's `title` call the model, as
    /// `#[api(title = "…")]` says; `None` for its [`key`](Self::key).
    pub title: Option<&'static str>,
}

impl ModelDoc {
    /// The fields as they sit on the wire: each `#[serde(flatten)]` model
    /// replaced by its own fields (recursively), a flattened map left out
    /// (see [`catch_all`](Self::catch_all)).
    pub fn wire_fields(&self) -> Vec<FieldDoc> {
        wire_fields(self.fields)
    }

    /// The type of the flattened map that keeps keys no field takes, if any.
    pub fn catch_all(&self) -> Option<&'static TypeDoc> {
        catch_all(self.fields, 0)
    }

    /// The derive's constructor.
    pub(crate) const fn new(
        name: &'static str,
        description: Option<&'static str>,
        fields: &'static [FieldDoc],
        example: Option<Example>,
        deny_unknown_fields: bool,
    ) -> Self {
        ModelDoc {
            name,
            description,
            fields,
            example,
            deny_unknown_fields,
            params: &[],
            module: "",
            rule: None,
            title: None,
        }
    }

    /// The derive's: where the model is declared, and its type arguments.
    pub(crate) const fn declared(self, module: &'static str, params: &'static [TypeDoc]) -> Self {
        ModelDoc { module, params, ..self }
    }

    /// The derive's: what the model's own rule checks.
    pub(crate) const fn with_rule(self, rule: Option<&'static str>) -> Self {
        ModelDoc { rule, ..self }
    }

    /// The derive's: what reports call the model.
    pub(crate) const fn titled(self, title: &'static str) -> Self {
        ModelDoc { title: Some(title), ..self }
    }

    /// What a client reads the model called: its `#[api(title = "…")]`,
    /// else its [`key`](Self::key). Reports are titled by it.
    pub fn shown_name(&self) -> std::borrow::Cow<'static, str> {
        match self.title {
            Some(title) => std::borrow::Cow::Borrowed(title),
            None => self.key(),
        }
    }

    /// The model's name with its type arguments, as docs, schema and reports
    /// call it: `Page_User` for `Page<User>`, the name alone when not generic.
    #[inline]
    pub fn key(&self) -> std::borrow::Cow<'static, str> {
        if self.params.is_empty() {
            return std::borrow::Cow::Borrowed(self.name);
        }
        super::linked::key(self.name, self.params)
    }

    /// A payload for the docs: the model's own example if it has one, else
    /// one built from each field's first example (and from nested models' own
    /// payloads), when at least one field has an example and every required
    /// field has a value. Every secret shows
    /// [`SECRET_PLACEHOLDER`] if it is a string and is left out otherwise, even
    /// when the model's own example gives it a value.
    pub fn example_payload(&self) -> Option<Value> {
        self.example_payload_within(&mut Vec::new())
    }

    /// `seen`: the models being built above this one, so that a model that
    /// requires itself ends the recursion instead of the stack.
    fn example_payload_within(&self, seen: &mut Vec<(&'static str, &'static str)>) -> Option<Value> {
        let identity = (self.module, self.name);
        if seen.contains(&identity) {
            return None;
        }
        seen.push(identity);
        let mut object = match self.example.map(|example| example.value()) {
            Some(Ok(Value::Object(object))) => object,
            Some(Ok(other)) => {
                seen.pop();
                return Some(other);
            }
            Some(Err(_)) | None => self.payload_from_fields(seen)?,
        };
        for field in self.wire_fields().iter().filter(|field| field.secret()) {
            for alias in field.aliases {
                object.remove(*alias);
            }
            match (secret_placeholder(field), object.get_mut(field.wire_name)) {
                (Some(placeholder), Some(value)) => *value = placeholder,
                (Some(placeholder), None) => {
                    object.insert(field.wire_name.to_owned(), placeholder);
                }
                (None, _) => {
                    object.remove(field.wire_name);
                }
            }
        }
        seen.pop();
        Some(Value::Object(object))
    }

    fn payload_from_fields(
        &self,
        seen: &mut Vec<(&'static str, &'static str)>,
    ) -> Option<serde_json::Map<String, Value>> {
        let mut object = serde_json::Map::new();
        let mut has_example = false;
        for field in &self.wire_fields() {
            let value = match (field.examples.first(), field.ty.innermost()) {
                _ if field.secret() => secret_placeholder(field),
                (Some(example), _) => example.value().ok(),
                (None, TypeDoc::Model(doc)) if field.required => doc().example_payload_within(seen),
                (None, _) => None,
            };
            match value {
                Some(value) => {
                    has_example |= !field.secret() && !field.examples.is_empty();
                    object.insert(field.wire_name.to_owned(), value);
                }
                // A payload without a required field would teach a request
                // the API refuses: better none at all.
                None if field.required && !field.secret() => return None,
                None => {}
            }
        }
        has_example.then_some(object)
    }
}

/// What the docs show for a secret field: a placeholder for a required
/// string, nothing otherwise.
fn secret_placeholder(field: &FieldDoc) -> Option<Value> {
    (field.required && matches!(field.ty.innermost(), TypeDoc::String)).then(|| Value::from(SECRET_PLACEHOLDER))
}

/// Flattened models nest at most this deep; deeper is a model that flattens
/// itself, which serde cannot read either.
const FLATTEN_DEPTH: usize = 32;

/// [`ModelDoc::wire_fields`] of any list of fields.
pub(crate) fn wire_fields(fields: &[FieldDoc]) -> Vec<FieldDoc> {
    let mut expanded = Vec::with_capacity(fields.len());
    expand(fields, &mut expanded, 0);
    expanded
}

/// A model's own fields first, as serde gives them the first claim on a
/// key, then each flattened model's, in order.
fn expand(fields: &[FieldDoc], into: &mut Vec<FieldDoc>, depth: usize) {
    into.extend(fields.iter().filter(|field| !field.flatten));
    for field in fields.iter().filter(|field| field.flatten) {
        if let (TypeDoc::Model(doc), true) = (field.ty.innermost(), depth < FLATTEN_DEPTH) {
            expand(doc().fields, into, depth + 1);
        }
    }
}

/// [`ModelDoc::catch_all`] of any list of fields.
pub(crate) fn catch_all(fields: &[FieldDoc], depth: usize) -> Option<&'static TypeDoc> {
    fields.iter().filter(|field| field.flatten).find_map(|field| match field.ty.innermost() {
        TypeDoc::Model(doc) if depth < FLATTEN_DEPTH => catch_all(doc().fields, depth + 1),
        TypeDoc::Model(_) => None,
        _ => Some(field.ty),
    })
}
