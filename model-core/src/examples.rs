//! Checking `#[api(example = …)]` values: each runs through its own field's
//! validation, so docs can never show an example the parser would refuse.

use std::borrow::Cow;
use std::fmt;

use serde_json::Value;

use crate::doc::{linked, FieldDoc, Linked, ModelDoc, TypeDoc, VariantShape};
use crate::issue::push_pointer_segment;
use crate::issue::Issue;
use crate::node::{Node, Tape};
use crate::object::{check_object, ObjectSpec};
use crate::report::Report;
use crate::suggest;

/// One example that should not be published as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExampleProblem {
    /// The model whose docs hold the example.
    pub model: &'static str,
    /// The field's wire name; `None` for the model's own example.
    pub field: Option<&'static str>,
    /// What is wrong, with a JSON Pointer into the example where one helps.
    pub message: String,
}

impl fmt::Display for ExampleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(f, "{}.{field}: {}", self.model, self.message),
            None => write!(f, "{}: {}", self.model, self.message),
        }
    }
}

/// Every problem in the examples of `ty` and of each model it refers to:
/// an example the field's own check refuses, a value an open enum does not
/// know (examples should show known values), an example on a secret, an
/// example that does not serialize. Empty when all is well.
///
/// ```
/// use model_core::ApiModel;
///
/// #[derive(serde::Deserialize, ApiModel)]
/// struct Invoice {
///     #[api(example = "A-1")]
///     number: String,
///     #[api(example = "twelve")]
///     total: f64,
/// }
///
/// let problems: Vec<String> = Invoice::check_examples().iter().map(ToString::to_string).collect();
/// assert_eq!(problems, [
///     "Invoice.total: example 1: invalid_type, expected number, got string \"twelve\"",
///     // The payload the docs build from the field examples fails the same way.
///     "Invoice: example payload: /total: invalid_type, expected number, got string \"twelve\"",
/// ]);
/// ```
pub fn check_examples(ty: &TypeDoc) -> Vec<ExampleProblem> {
    let mut problems = Vec::new();
    for linked in linked(ty) {
        match linked {
            Linked::Model(doc) => check_model(&doc, &mut problems),
            // An enum's values are its own wire strings: nothing to check.
            Linked::Enum(_) => {}
            // A struct variant's fields are checked as a model's, under the variant's name.
            Linked::Union(doc) => {
                for variant in doc.variants {
                    if let VariantShape::Struct(fields) = variant.shape {
                        let model = ModelDoc::new(variant.rust_name, variant.description, fields, None, false);
                        check_model(&model, &mut problems);
                    }
                }
            }
        }
    }
    problems
}

fn check_model(doc: &ModelDoc, problems: &mut Vec<ExampleProblem>) {
    let mut problem = |field: Option<&'static str>, message: String| {
        problems.push(ExampleProblem { model: doc.name, field, message });
    };
    for field in doc.fields {
        if field.secret() && !field.examples.is_empty() {
            problem(Some(field.wire_name), "a secret has no example: docs would publish it".to_owned());
            continue;
        }
        for (index, example) in field.examples.iter().enumerate() {
            let label = format!("example {}", index + 1);
            match example.value() {
                Ok(value) => {
                    let check = |node: &Node<'_>, report: &mut Report<'_>| field.check(node, report);
                    for message in check_value(&value, check, field.ty) {
                        problem(Some(field.wire_name), format!("{label}: {message}"));
                    }
                }
                Err(error) => problem(Some(field.wire_name), format!("{label} does not serialize: {error}")),
            }
        }
    }
    match doc.example.map(|example| example.value()) {
        Some(Err(error)) => problem(None, format!("model example does not serialize: {error}")),
        Some(Ok(Value::Object(given))) => {
            for field in doc.wire_fields().iter().filter(|field| field.secret() && given.contains_key(field.wire_name))
            {
                problem(
                    None,
                    format!("the model example gives secret `{}` a value: docs would publish it", field.wire_name),
                );
            }
        }
        _ => {}
    }
    if let Some(payload) = doc.example_payload() {
        // The payload the docs show must parse as the model. Secrets show a
        // placeholder or nothing, so they are neither checked nor required.
        let fields: Vec<FieldDoc> =
            doc.wire_fields().iter().map(|field| if field.secret() { field.unchecked() } else { *field }).collect();
        let spec = ObjectSpec {
            ty: &TypeDoc::Object,
            fields: &fields,
            deny_unknown_fields: doc.deny_unknown_fields,
            rule: None,
            skip_key: None,
        };
        let check = |node: &Node<'_>, report: &mut Report<'_>| check_object(node, report, &spec);
        for message in check_value(&payload, check, &TypeDoc::Object) {
            problem(None, format!("example payload: {message}"));
        }
        for message in unknown_in_fields(&payload, &doc.wire_fields(), String::new()) {
            problem(None, format!("example payload: {message}"));
        }
    }
}

/// The field's own check, then the open-enum rule.
fn check_value(value: &Value, check: impl Fn(&Node<'_>, &mut Report<'_>), ty: &TypeDoc) -> Vec<String> {
    let text = value.to_string();
    let mut report = Report::new(&text, false);
    match Tape::read(&text) {
        Ok(tape) => check(&tape.root(), &mut report),
        Err(error) => report.push_syntax(&error),
    }
    let mut messages: Vec<String> = report.into_issues().iter().map(describe_issue).collect();
    messages.extend(unknown_enum_values(value, ty, String::new()));
    messages
}

fn describe_issue(issue: &Issue) -> String {
    let mut message = String::new();
    if !issue.pointer().is_empty() {
        message.push_str(issue.pointer());
        message.push_str(": ");
    }
    message.push_str(&format!("{}, expected {}", issue.code(), issue.expected()));
    if let Some(received) = issue.received() {
        message.push_str(&format!(", got {received}"));
    }
    message
}

/// Strings an open enum would keep but does not know: fine on the wire,
/// wrong in docs. StackOne's SDK docs show `hrisLegacy`, one such.
fn unknown_enum_values(value: &Value, ty: &TypeDoc, pointer: String) -> Vec<String> {
    match ty {
        // A secret's value is never quoted, not even as an unknown enum value.
        TypeDoc::Secret(_) => Vec::new(),
        TypeDoc::Nullable(inner) | TypeDoc::Patch(inner) => unknown_enum_values(value, inner, pointer),
        TypeDoc::Newtype(doc) => unknown_enum_values(value, doc.ty, pointer),
        TypeDoc::Array(item) => match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .flat_map(|(index, value)| unknown_enum_values(value, item, format!("{pointer}/{index}")))
                .collect(),
            _ => Vec::new(),
        },
        TypeDoc::Map(item) | TypeDoc::KeyedMap(_, item) => match value {
            Value::Object(entries) => entries
                .iter()
                .flat_map(|(key, value)| unknown_enum_values(value, item, format!("{pointer}/{}", escape(key))))
                .collect(),
            _ => Vec::new(),
        },
        TypeDoc::Model(doc) => unknown_in_fields(value, doc().fields, pointer),
        TypeDoc::Enum(doc) => {
            let Value::String(wire) = value else { return Vec::new() };
            let doc = doc();
            let known = doc.values.iter().any(|value| value.accepts(wire));
            if !doc.open || known {
                return Vec::new();
            }
            let names = doc.values.iter().map(|value| value.wire_name);
            let mut message = format!("{}`{wire}` is not a known {} value", at(&pointer), doc.name);
            if let Some(near) = suggest::closest(wire, names) {
                message.push_str(&format!(" (did you mean `{near}`?)"));
            }
            vec![message]
        }
        TypeDoc::String
        | TypeDoc::Number
        | TypeDoc::Integer { .. }
        | TypeDoc::Boolean
        | TypeDoc::DateTime
        | TypeDoc::Text(_)
        | TypeDoc::Decimal
        | TypeDoc::Any
        | TypeDoc::Object
        | TypeDoc::Union(_) => Vec::new(),
    }
}

fn unknown_in_fields(value: &Value, fields: &[FieldDoc], pointer: String) -> Vec<String> {
    let Value::Object(entries) = value else { return Vec::new() };
    entries
        .iter()
        .flat_map(|(key, value)| match fields.iter().find(|field| field.accepts_key(key)) {
            Some(field) => unknown_enum_values(value, field.ty, format!("{pointer}/{}", escape(key))),
            None => Vec::new(),
        })
        .collect()
}

fn at(pointer: &str) -> Cow<'_, str> {
    if pointer.is_empty() {
        Cow::Borrowed("")
    } else {
        Cow::Owned(format!("{pointer}: "))
    }
}

fn escape(key: &str) -> String {
    let mut segment = String::new();
    push_pointer_segment(&mut segment, key);
    segment
}
