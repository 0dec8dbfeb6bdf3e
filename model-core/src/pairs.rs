//! Reading a model from text pairs: a query string, an
//! `application/x-www-form-urlencoded` body, path parameters. Each value is
//! read as its field's type, then the model is read as from JSON, so the
//! report has the same pointers (`/limit`), codes and rules, and a secret is
//! never echoed.
//!
//! How text becomes each type, by the field's type as the docs describe it:
//! - integers and floats: the text as a number when it is one (`+5` and
//!   `-1` are; `1e3` is a float, refused for an integer), else the text
//!   itself, which the report then refuses as a string (`expected integer,
//!   got string "abc"`); a range check follows as in JSON;
//! - booleans: `true` and `false` only (no `1`, `on` or `yes`);
//! - strings, string enums, date-times, UUIDs, URLs, decimals: the text;
//! - `Option<T>` and `Patch<T>`: absent when the key is; an empty value of a
//!   field that is not a plain string (a number, a date-time, a UUID, an
//!   enum) counts as absent too, as an HTML form sends an empty input
//!   (`limit=`); an empty value of a `String` field is the empty string;
//! - `Vec<T>`: every value of a repeated key, in order (`tag=a&tag=b`); the
//!   `tag[]=a` and comma-separated forms are not read (`tag[]` is another key);
//! - a nested model, a map or a data enum: a value cannot hold one, so the
//!   text is given as a string and the report refuses it (`expected Person,
//!   got string "…"`);
//! - a key given twice for a field that is not a list: a `duplicate_key`
//!   issue, as serde_urlencoded refuses it;
//! - `#[serde(default)]` and `#[serde(default = …)]` hold as in JSON.
//!
//! Issues have a pointer and a wire name, no line or column: the pairs have
//! no lines.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use crate::doc::{FieldDoc, TypeDoc};
use crate::issue::{push_pointer_segment, unescape_segment, Issue, IssueKind, ShortText, ValidationError};
use crate::model::ApiStruct;
use crate::parse::from_value_limited;
use crate::report::ReportLimits;

/// Reads `T` from text pairs, every problem at once.
///
/// ```
/// use model_core::ApiModel;
///
/// #[derive(Debug, serde::Deserialize, ApiModel)]
/// struct ListTickets {
///     #[api(maximum = 100)]
///     limit: u32,
///     #[serde(default)]
///     tag: Vec<String>,
///     open: Option<bool>,
/// }
///
/// let pairs = [("limit", "20"), ("tag", "printer"), ("tag", "urgent"), ("open", "true")];
/// let list: ListTickets = model_core::from_pairs(pairs)?;
/// assert_eq!((list.limit, list.tag.len(), list.open), (20, 2, Some(true)));
///
/// let error = model_core::from_pairs::<ListTickets, _, _>([("limit", "500"), ("open", "yes")]).unwrap_err();
/// let found: Vec<_> = error.issues().iter().map(|issue| (issue.pointer(), issue.code())).collect();
/// assert_eq!(found, [("/limit", "out_of_range"), ("/open", "invalid_type")]);
/// # Ok::<(), model_core::ValidationError>(())
/// ```
pub fn from_pairs<T, K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Result<T, ValidationError>
where
    T: ApiStruct + DeserializeOwned,
    K: AsRef<str>,
    V: AsRef<str>,
{
    from_pairs_limited(pairs, &ReportLimits::default())
}

/// [`from_pairs`] whose report is bounded by `limits`.
pub(crate) fn from_pairs_limited<T, K, V>(
    pairs: impl IntoIterator<Item = (K, V)>,
    limits: &ReportLimits,
) -> Result<T, ValidationError>
where
    T: ApiStruct + DeserializeOwned,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let fields = T::DOC.fields;
    let mut object = Map::new();
    let mut repeated: Vec<&'static FieldDoc> = Vec::new();
    // Where each key first comes, for the report's order.
    let mut order: HashMap<String, usize> = HashMap::new();
    for (key, value) in pairs {
        let (key, value) = (key.as_ref(), value.as_ref());
        if !order.contains_key(key) {
            order.insert(key.to_owned(), order.len());
        }
        let field = fields.iter().find(|field| field.wire_name == key || field.aliases.contains(&key));
        let Some(field) = field else {
            // Not a field: kept as text, so `deny_unknown_fields` reports it.
            object.entry(key.to_owned()).or_insert_with(|| Value::from(value));
            continue;
        };
        // An alias is read as the field's own name, so the two given
        // together are the same key given twice.
        let name = field.wire_name;
        let ty = held(field.ty);
        if let TypeDoc::Array(item) = ty {
            let entry = object.entry(name).or_insert_with(|| Value::Array(Vec::new()));
            if let (Value::Array(items), Some(item)) = (entry, read(value, held(item))) {
                items.push(item);
            }
            continue;
        }
        if object.contains_key(name) {
            if !repeated.iter().any(|seen| seen.wire_name == name) {
                repeated.push(field);
            }
            continue;
        }
        if let Some(value) = read(value, ty) {
            object.insert(name.to_owned(), value);
        }
    }
    // The duplicates' issues are added to the report: it keeps room for them.
    let parsed = from_value_limited::<T>(Value::Object(object), &limits.keeping_room_for(repeated.len()));
    if repeated.is_empty() && parsed.is_ok() {
        return parsed;
    }
    let mut issues: Vec<Issue> = repeated.into_iter().map(duplicate).collect();
    let model = match parsed {
        Ok(_) => T::TYPE.shown_name(),
        Err(error) => {
            issues.extend(error.issues().iter().cloned());
            Cow::Owned(error.model().to_owned())
        }
    };
    // In the order the keys came, as a JSON report is in document order;
    // a missing key's issue after the others.
    issues.sort_by_cached_key(|issue| {
        let key = issue.pointer().split('/').nth(1).unwrap_or_default();
        order.get(&*unescape_segment(key)).copied().unwrap_or(usize::MAX)
    });
    Err(ValidationError::new(model, issues))
}

/// The type a value is read as: through `Option`, `Patch`, `Secret` and newtypes.
fn held(mut ty: &'static TypeDoc) -> &'static TypeDoc {
    while let TypeDoc::Nullable(inner) | TypeDoc::Patch(inner) | TypeDoc::Secret(inner) = ty {
        ty = inner;
    }
    match ty {
        TypeDoc::Newtype(doc) => held(doc.ty),
        other => other,
    }
}

/// `text` as the JSON value of a `ty`; `None` for an empty value of a type
/// that is not a plain string, which counts as absent.
fn read(text: &str, ty: &TypeDoc) -> Option<Value> {
    if text.is_empty() && !matches!(ty, TypeDoc::String | TypeDoc::Any) {
        return None;
    }
    let number = match ty {
        TypeDoc::Integer { .. } => {
            text.parse::<i64>().ok().map(Number::from).or_else(|| text.parse::<u64>().ok().map(Number::from))
        }
        TypeDoc::Number => text.parse::<f64>().ok().and_then(Number::from_f64),
        TypeDoc::Boolean => {
            return Some(match text {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                other => Value::from(other),
            })
        }
        _ => None,
    };
    Some(number.map_or_else(|| Value::from(text), Value::Number))
}

/// The issue of a key given twice for a field that holds one value.
fn duplicate(field: &FieldDoc) -> Issue {
    let mut pointer = String::from("/");
    push_pointer_segment(&mut pointer, field.wire_name);
    Issue {
        kind: IssueKind::DuplicateKey,
        pointer: ShortText::new(&pointer),
        wire_name: Some(Cow::Borrowed(field.wire_name)),
        expected: Cow::Borrowed("one value (the key is given more than once)"),
        received: None,
        suggestion: None,
        found_key: None,
        line: None,
        column: None,
        place: 0,
        rule: None,
        own: None,
    }
}
