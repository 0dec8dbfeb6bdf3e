//! JSON Schema (draft 2020-12) from the same data the parser checks against.

use serde_json::{json, Map, Value};

use crate::doc::{
    linked, linked_all, EnumDoc, EnumValue, FieldDoc, Limit, Linked, ModelDoc, Names, Rule, Tagging, TypeDoc, UnionDoc,
    VariantDoc, VariantShape,
};

const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Where a schema's own references point: its `$defs`.
const DEFS: &str = "#/$defs/";

/// Where an OpenAPI document's references point: its components.
const COMPONENTS: &str = "#/components/schemas/";

/// The schema of `ty`: a model or enum at the root is written in place, and
/// every model and enum it refers to goes in `$defs`.
pub fn json_schema(ty: &TypeDoc) -> Value {
    let mut all = linked(ty);
    let names = Names::of(&all);
    // A model or enum at the root is `all`'s first entry, written in place.
    let root = match ty {
        TypeDoc::Model(_) | TypeDoc::Enum(_) | TypeDoc::Union(_) if !all.is_empty() => Some(all.remove(0)),
        _ => None,
    };
    let root_name = root.as_ref().map(|root| names.linked(root).into_owned());
    let writer = Writer { root: root_name, names: &names, prefix: DEFS };
    let mut schema = match &root {
        Some(linked) => writer.linked(linked),
        None => writer.ty(ty),
    };
    if let Value::Object(object) = &mut schema {
        let mut rooted = Map::new();
        rooted.insert("$schema".to_owned(), json!(DIALECT));
        rooted.append(object);
        if !all.is_empty() {
            let defs: Map<String, Value> =
                all.iter().map(|linked| (names.linked(linked).into_owned(), writer.linked(linked))).collect();
            rooted.insert("$defs".to_owned(), Value::Object(defs));
        }
        *object = rooted;
    }
    schema
}

/// A type's schema as another crate's generator (schemars, utoipa) takes
/// it: its own schema (filed under [`Parts::name_of`] when it is a model or
/// enum), and the schemas of the models and enums it refers to, by name,
/// which the generator files beside it. References point at `prefix` + name.
#[cfg(any(feature = "schemars", feature = "utoipa"))]
pub(crate) struct Parts {
    pub(crate) own: Value,
    pub(crate) others: Vec<(String, Value)>,
}

#[cfg(any(feature = "schemars", feature = "utoipa"))]
impl Parts {
    /// The name another crate's generator files `ty` under: the docs' name
    /// of a model or enum (`Page_User`), the type's own name otherwise.
    /// No schema is written for it.
    pub(crate) fn name_of(ty: &TypeDoc) -> std::borrow::Cow<'static, str> {
        let all = linked(ty);
        match (ty, all.first()) {
            (TypeDoc::Model(_) | TypeDoc::Enum(_) | TypeDoc::Union(_), Some(root)) => {
                std::borrow::Cow::Owned(Names::of(&all).linked(root).into_owned())
            }
            _ => std::borrow::Cow::Owned(ty.to_string()),
        }
    }

    pub(crate) fn of(ty: &TypeDoc, prefix: &str) -> Parts {
        let mut all = linked(ty);
        let names = Names::of(&all);
        let writer = Writer { root: None, names: &names, prefix };
        let root = match ty {
            TypeDoc::Model(_) | TypeDoc::Enum(_) | TypeDoc::Union(_) if !all.is_empty() => Some(all.remove(0)),
            _ => None,
        };
        let (own, name) = match &root {
            Some(root) => (writer.linked(root), Some(names.linked(root).into_owned())),
            None => (writer.ty(ty), None),
        };
        let mut others: Vec<(String, Value)> =
            all.iter().map(|linked| (names.linked(linked).into_owned(), writer.linked(linked))).collect();
        // A type that refers to itself needs its own schema filed too, as
        // it is written at the root of a generated schema.
        if let (Some(root), Some(name)) = (&root, &name) {
            let own_reference = json!({ "$ref": format!("{prefix}{name}") });
            if refers_to(&own, &own_reference) || others.iter().any(|(_, schema)| refers_to(schema, &own_reference)) {
                others.push((name.clone(), writer.linked(root)));
            }
        }
        Parts { own, others }
    }
}

/// Whether `reference` appears anywhere in `schema`.
#[cfg(any(feature = "schemars", feature = "utoipa"))]
fn refers_to(schema: &Value, reference: &Value) -> bool {
    match schema {
        Value::Object(object) => schema == reference || object.values().any(|value| refers_to(value, reference)),
        Value::Array(items) => items.iter().any(|value| refers_to(value, reference)),
        _ => false,
    }
}

struct Writer<'n> {
    /// The type written at the root, which refers to itself as `#`.
    root: Option<String>,
    /// The `$defs` key, or component name, of each type.
    names: &'n Names,
    /// Where references point: [`DEFS`], [`COMPONENTS`], or a generator's
    /// definitions ([`Parts`]).
    prefix: &'n str,
}

impl Writer<'_> {
    fn linked(&self, linked: &Linked) -> Value {
        match linked {
            Linked::Model(doc) => self.model(doc),
            Linked::Enum(doc) => self.enumeration(doc),
            Linked::Union(doc) => self.union(doc),
        }
    }

    /// `oneOf` the variants, each with its name as a `const`; `anyOf` when a
    /// catch-all variant or untagged values may match more than one.
    fn union(&self, doc: &UnionDoc) -> Value {
        let variants: Vec<Value> = doc.variants.iter().map(|variant| self.variant(doc.tagging, variant)).collect();
        let overlapping = doc.tagging == Tagging::Untagged || doc.catch_all().is_some();
        let mut schema = Map::new();
        schema.insert("title".to_owned(), json!(doc.name));
        if let Some(description) = doc.description {
            schema.insert("description".to_owned(), json!(description));
        }
        schema.insert((if overlapping { "anyOf" } else { "oneOf" }).to_owned(), Value::Array(variants));
        Value::Object(schema)
    }

    fn variant(&self, tagging: Tagging, variant: &VariantDoc) -> Value {
        let names: Vec<Value> = variant.names().map(|name| json!(name)).collect();
        let name = if names.len() == 1 { json!({ "const": variant.wire_name }) } else { json!({ "enum": names }) };
        let content = match variant.shape {
            VariantShape::Unit => json!({ "type": "null" }),
            VariantShape::Newtype(ty) => self.ty(ty),
            VariantShape::Struct(fields) => self.model(&ModelDoc::new(variant.rust_name, None, fields, None, false)),
        };
        let content = strip_title(content);
        if variant.catch_all {
            // `#[serde(untagged)]` keeps the value as its own shape;
            // `#[serde(other)]` is a unit that takes any other name.
            return match (tagging, variant.shape) {
                (Tagging::Internal { tag } | Tagging::Adjacent { tag, .. }, VariantShape::Unit) => {
                    json!({ "type": "object", "required": [tag] })
                }
                _ => content,
            };
        }
        match tagging {
            Tagging::External => match variant.shape {
                VariantShape::Unit => name,
                _ => json!({
                    "type": "object",
                    "properties": { variant.wire_name: content },
                    "required": [variant.wire_name],
                    "additionalProperties": false,
                }),
            },
            Tagging::Internal { tag } => {
                let tagged = json!({ "type": "object", "properties": { tag: name }, "required": [tag] });
                match variant.shape {
                    VariantShape::Unit => tagged,
                    _ => json!({ "allOf": [tagged, content] }),
                }
            }
            Tagging::Adjacent { tag, content: key } => match variant.shape {
                VariantShape::Unit => json!({ "type": "object", "properties": { tag: name }, "required": [tag] }),
                _ => json!({
                    "type": "object",
                    "properties": { tag: name, key: content },
                    "required": [tag, key],
                }),
            },
            Tagging::Untagged => content,
        }
    }

    /// A field's schema: its type's, with its rules, description, examples,
    /// default and marks.
    fn field(&self, field: &FieldDoc) -> Value {
        let mut schema = self.ty(field.ty);
        if let Value::Object(object) = &mut schema {
            apply_rules(object, field.rules);
            if let Some(description) = field.description {
                object.insert("description".to_owned(), json!(description));
            }
            let examples: Vec<Value> = field.examples.iter().filter_map(|example| example.value().ok()).collect();
            if !examples.is_empty() && !field.secret() {
                object.insert("examples".to_owned(), Value::Array(examples));
            }
            if let Some(default) = field.published_default() {
                object.insert("default".to_owned(), default);
            }
            if field.deprecated {
                object.insert("deprecated".to_owned(), json!(true));
            }
            if field.read_only {
                object.insert("readOnly".to_owned(), json!(true));
            }
            // Not `writeOnly`: a secret may well come in a response, and
            // tools drop `writeOnly` properties from response types.
            if field.secret() {
                object.insert("x-secret".to_owned(), json!(true));
            }
        }
        schema
    }

    fn model(&self, doc: &ModelDoc) -> Value {
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut either = Vec::new();
        for field in &doc.wire_fields() {
            let schema = self.field(field);
            for alias in field.aliases {
                properties.insert((*alias).to_owned(), schema.clone());
            }
            properties.insert(field.wire_name.to_owned(), schema);
            // Two names of one field together are a duplicate key to serde.
            let names: Vec<&str> = field.names().collect();
            for (index, first) in names.iter().enumerate() {
                for second in &names[index + 1..] {
                    either.push(json!({ "not": { "required": [first, second] } }));
                }
            }
            match (field.required, field.aliases.is_empty()) {
                (false, _) => {}
                (true, true) => required.push(json!(field.wire_name)),
                // Any one of the field's names satisfies it.
                (true, false) => {
                    let choices: Vec<Value> = names.iter().map(|name| json!({ "required": [name] })).collect();
                    either.push(json!({ "anyOf": choices }));
                }
            }
        }
        let mut schema = Map::new();
        schema.insert("title".to_owned(), json!(doc.shown_name()));
        // What the model's own rule checks, which no keyword can say.
        match (doc.description, doc.rule) {
            (Some(description), Some(rule)) => {
                schema.insert("description".to_owned(), json!(format!("{description}\n\nRule: {rule}")));
            }
            (Some(description), None) => {
                schema.insert("description".to_owned(), json!(description));
            }
            (None, Some(rule)) => {
                schema.insert("description".to_owned(), json!(format!("Rule: {rule}")));
            }
            (None, None) => {}
        }
        schema.insert("type".to_owned(), json!("object"));
        schema.insert("properties".to_owned(), Value::Object(properties));
        if !required.is_empty() {
            schema.insert("required".to_owned(), Value::Array(required));
        }
        if !either.is_empty() {
            schema.insert("allOf".to_owned(), Value::Array(either));
        }
        match doc.catch_all().map(TypeDoc::innermost) {
            // A flattened map keeps the keys no field takes.
            Some(TypeDoc::Map(value)) => {
                schema.insert("additionalProperties".to_owned(), self.ty(value));
            }
            Some(_) => {}
            None if doc.deny_unknown_fields => {
                schema.insert("additionalProperties".to_owned(), json!(false));
            }
            None => {}
        }
        if let Some(example) = doc.example_payload() {
            schema.insert("examples".to_owned(), json!([example]));
        }
        Value::Object(schema)
    }

    fn enumeration(&self, doc: &EnumDoc) -> Value {
        // Aliases are accepted on input, so the schema admits them too.
        let accepted: Vec<Value> = doc.values.iter().flat_map(EnumValue::names).map(|wire| json!(wire)).collect();
        let mut schema = Map::new();
        schema.insert("title".to_owned(), json!(doc.name));
        if let Some(description) = doc.description {
            schema.insert("description".to_owned(), json!(description));
        }
        if doc.open {
            // Known values listed for readers and tools; any other string is kept.
            schema.insert("anyOf".to_owned(), json!([{ "enum": accepted }, { "type": "string" }]));
        } else {
            schema.insert("type".to_owned(), json!("string"));
            schema.insert("enum".to_owned(), Value::Array(accepted));
        }
        Value::Object(schema)
    }

    fn ty(&self, ty: &TypeDoc) -> Value {
        match ty {
            TypeDoc::String => json!({ "type": "string" }),
            TypeDoc::Number => json!({ "type": "number" }),
            TypeDoc::Integer { min, max } => {
                // JSON numbers here stop at 64 bits; wider bounds are left open.
                let mut schema = Map::new();
                schema.insert("type".to_owned(), json!("integer"));
                if let Ok(min) = i64::try_from(*min) {
                    schema.insert("minimum".to_owned(), json!(min));
                }
                if let Ok(max) = u64::try_from(*max) {
                    schema.insert("maximum".to_owned(), json!(max));
                }
                Value::Object(schema)
            }
            TypeDoc::Boolean => json!({ "type": "boolean" }),
            TypeDoc::DateTime => json!({ "type": "string", "format": "date-time" }),
            // The pattern holds for the string form; a number is any number.
            TypeDoc::Decimal => json!({ "type": ["string", "number"], "pattern": "^-?[0-9]+(\\.[0-9]+)?$" }),
            TypeDoc::Text(shape) => {
                let mut schema = Map::new();
                schema.insert("type".to_owned(), json!("string"));
                match shape.formats {
                    [] => {}
                    [format] => {
                        schema.insert("format".to_owned(), json!(format));
                    }
                    formats => {
                        let each: Vec<Value> = formats.iter().map(|format| json!({ "format": format })).collect();
                        schema.insert("anyOf".to_owned(), Value::Array(each));
                    }
                }
                if let Some(pattern) = shape.pattern {
                    schema.insert("pattern".to_owned(), json!(pattern));
                }
                if let Some(length) = shape.length {
                    schema.insert("minLength".to_owned(), json!(length));
                    schema.insert("maxLength".to_owned(), json!(length));
                }
                Value::Object(schema)
            }
            TypeDoc::Any => json!({}),
            TypeDoc::Object => json!({ "type": "object" }),
            TypeDoc::Array(item) => json!({ "type": "array", "items": self.ty(item) }),
            TypeDoc::Map(value) => json!({ "type": "object", "additionalProperties": self.ty(value) }),
            TypeDoc::KeyedMap(key, value) => {
                let names = match key {
                    // serde_json writes an integer key as its decimal text;
                    // the type's range is more than a pattern says.
                    TypeDoc::Integer { min, .. } if *min >= 0 => json!({ "pattern": "^(0|[1-9][0-9]*)$" }),
                    TypeDoc::Integer { .. } => json!({ "pattern": "^-?(0|[1-9][0-9]*)$" }),
                    other => self.ty(other),
                };
                json!({ "type": "object", "propertyNames": names, "additionalProperties": self.ty(value) })
            }
            TypeDoc::Secret(inner) => self.ty(inner),
            // On the wire the value it holds, with its own rules and words.
            TypeDoc::Newtype(doc) => {
                let mut schema = match self.ty(doc.ty) {
                    Value::Object(schema) => schema,
                    other => return other,
                };
                apply_rules(&mut schema, doc.rules);
                if let Some(description) = doc.description {
                    schema.entry("description").or_insert_with(|| json!(description));
                }
                Value::Object(schema)
            }
            TypeDoc::Nullable(inner) | TypeDoc::Patch(inner) => nullable(self.ty(inner)),
            TypeDoc::Model(_) | TypeDoc::Enum(_) | TypeDoc::Union(_) => {
                let name = self.names.name(ty).unwrap_or_default();
                self.reference(&name)
            }
        }
    }

    fn reference(&self, name: &str) -> Value {
        if self.root.as_deref() == Some(name) {
            json!({ "$ref": "#" })
        } else {
            json!({ "$ref": format!("{}{name}", self.prefix) })
        }
    }
}

/// The schemas of an OpenAPI 3.1 document (whose schemas are JSON Schema
/// 2020-12): every model and enum the given types refer to, each a
/// component of `components.schemas` under its [`Names`] name (`Ticket`,
/// `Page_User`), referred to as `#/components/schemas/{name}`.
///
/// ```
/// use model_core::{schema::Components, ApiModel, ApiType};
///
/// #[derive(serde::Deserialize, ApiModel)]
/// struct Ticket {
///     #[api(min_length = 1)]
///     title: String,
///     status: Status,
/// }
///
/// #[derive(ApiModel)]
/// #[serde(rename_all = "snake_case")]
/// enum Status {
///     Open,
///     Closed,
/// }
///
/// let components = Components::new(&[<Vec<Ticket> as ApiType>::TYPE]);
/// let body = components.schema(&<Vec<Ticket> as ApiType>::TYPE);
/// assert_eq!(body["items"]["$ref"], "#/components/schemas/Ticket");
/// let schemas = components.schemas();
/// assert_eq!(schemas["Ticket"]["properties"]["status"]["$ref"], "#/components/schemas/Status");
/// assert_eq!(schemas["Ticket"]["properties"]["title"]["minLength"], 1);
/// ```
#[derive(Debug, Clone)]
pub struct Components {
    all: Vec<Linked>,
    names: Names,
}

impl Components {
    /// The components of `types` and of every type they refer to.
    pub fn new(types: &[TypeDoc]) -> Components {
        let all = linked_all(types);
        let names = Names::of(&all);
        Components { all, names }
    }

    fn writer(&self) -> Writer<'_> {
        Writer { root: None, names: &self.names, prefix: COMPONENTS }
    }

    /// `ty`'s schema in the document: a reference to its component for a
    /// model or enum, the schema itself (referring to components) otherwise.
    pub fn schema(&self, ty: &TypeDoc) -> Value {
        self.writer().ty(ty)
    }

    /// A field's schema in the document, rules included: what a query or
    /// path parameter read into that field is.
    pub(crate) fn field(&self, field: &FieldDoc) -> Value {
        self.writer().field(field)
    }

    /// `components.schemas`: each component by its name.
    pub fn schemas(&self) -> Map<String, Value> {
        let writer = self.writer();
        self.all.iter().map(|linked| (self.names.linked(linked).into_owned(), writer.linked(linked))).collect()
    }
}

/// A field's rules as JSON Schema keywords, beside its type's; `items(…)`
/// goes into the array's `items` or the map's `additionalProperties`.
/// A rule's bound replaces the integer type's own only where it is tighter.
fn apply_rules(schema: &mut Map<String, Value>, rules: &[Rule]) {
    for rule in rules {
        let (keyword, value) = match rule {
            Rule::MinLength(n) => ("minLength", json!(n)),
            Rule::MaxLength(n) => ("maxLength", json!(n)),
            Rule::Pattern(pattern) => ("pattern", json!(pattern)),
            Rule::Contains(needle) => ("pattern", json!(escape_regex(needle))),
            Rule::Format(format) => ("format", json!(format.as_str())),
            Rule::Minimum(limit) => ("minimum", limit_value(*limit)),
            Rule::Maximum(limit) => ("maximum", limit_value(*limit)),
            Rule::ExclusiveMinimum(limit) => ("exclusiveMinimum", limit_value(*limit)),
            Rule::ExclusiveMaximum(limit) => ("exclusiveMaximum", limit_value(*limit)),
            Rule::MultipleOf(limit) => ("multipleOf", limit_value(*limit)),
            Rule::MinItems(n) => ("minItems", json!(n)),
            Rule::MaxItems(n) => ("maxItems", json!(n)),
            Rule::UniqueItems => ("uniqueItems", json!(true)),
            Rule::MinProperties(n) => ("minProperties", json!(n)),
            Rule::MaxProperties(n) => ("maxProperties", json!(n)),
            Rule::Items(inner) => {
                let elements = if schema.contains_key("items") { "items" } else { "additionalProperties" };
                if let Some(Value::Object(elements)) = schema.get_mut(elements) {
                    apply_rules(elements, inner);
                }
                continue;
            }
            // A function of the user's: nothing a schema can say.
            Rule::Custom(_) | Rule::Described(_) => continue,
        };
        if keyword == "pattern" && schema.contains_key("pattern") {
            // One object holds one `pattern`; a second one (a `contains`
            // beside a `pattern`) must hold too, so it goes under `allOf`.
            let all_of = schema.entry("allOf").or_insert_with(|| json!([]));
            if let Value::Array(all_of) = all_of {
                all_of.push(json!({ "pattern": value }));
            }
            continue;
        }
        let tighter = match (keyword, schema.get(keyword).and_then(Value::as_f64), value.as_f64()) {
            ("minimum", Some(old), Some(new)) => new > old,
            ("maximum", Some(old), Some(new)) => new < old,
            _ => true,
        };
        if tighter {
            schema.insert(keyword.to_owned(), value);
        }
    }
}

/// `text` as a regex that matches exactly it: each character with a meaning
/// in ECMA-262 (JSON Schema's regex dialect) and the `regex` crate behind a
/// backslash. Written here because the schema writer has no regex crate.
fn escape_regex(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for char in text.chars() {
        if "\\.^$|?*+()[]{}".contains(char) {
            escaped.push('\\');
        }
        escaped.push(char);
    }
    escaped
}

fn limit_value(limit: Limit) -> Value {
    match limit {
        Limit::Integer(int) => match (i64::try_from(int), u64::try_from(int)) {
            (Ok(int), _) => json!(int),
            (_, Ok(int)) => json!(int),
            #[allow(clippy::cast_precision_loss)]
            _ => json!(int as f64),
        },
        Limit::Float(float) => json!(float),
    }
}

/// `{"type": "string"}` becomes `{"type": ["string", "null"]}`; anything else
/// becomes `{"anyOf": [it, {"type": "null"}]}`.
fn nullable(schema: Value) -> Value {
    match schema {
        Value::Object(mut object) if matches!(object.get("type"), Some(Value::String(_))) => {
            if let Some(ty) = object.get_mut("type") {
                *ty = json!([ty.take(), "null"]);
            }
            Value::Object(object)
        }
        Value::Object(object) if object.is_empty() => Value::Object(object),
        other => json!({ "anyOf": [other, { "type": "null" }] }),
    }
}

/// A variant's content, without the `title` a model's schema carries.
fn strip_title(mut schema: Value) -> Value {
    if let Value::Object(object) = &mut schema {
        object.remove("title");
    }
    schema
}
