//! Checking a JSON object against a model's fields.

use std::borrow::Cow;
use std::fmt::Display;

use crate::doc::{self, FieldDoc};
use crate::issue::IssueKind;
use crate::node::Node;
use crate::report::Report;
use crate::suggest;

/// What a model's check needs to know about it.
#[doc(hidden)]
pub struct ObjectSpec<'s> {
    pub ty: &'s dyn Display,
    pub fields: &'s [FieldDoc],
    pub deny_unknown_fields: bool,
    /// The model's own rule (`#[api(validate = …)]`), run on the object
    /// whenever serde reads it, field rules broken or not.
    pub rule: Option<fn(&Node<'_>, &mut Report<'_>)>,
    /// A key that is not this object's: an internally tagged enum's tag,
    /// which serde takes away before the variant reads the rest.
    pub skip_key: Option<&'s str>,
}

/// Checks every member of an object, then reports each required key that is
/// missing at the object's own position. Mirrors serde's derive: unknown keys
/// are ignored unless denied, and a field given twice is refused.
#[doc(hidden)]
pub fn check_object(node: &Node<'_>, report: &mut Report<'_>, spec: &ObjectSpec<'_>) {
    if !spec.fields.iter().any(|field| field.flatten) {
        return check_fields(node, report, spec, spec.fields, false);
    }
    // Flattened models' fields sit in this object; a flattened map keeps
    // the keys no field takes, so none is unknown.
    let fields = doc::wire_fields(spec.fields);
    check_fields(node, report, spec, &fields, doc::catch_all(spec.fields, 0).is_some());
}

fn check_fields(node: &Node<'_>, report: &mut Report<'_>, spec: &ObjectSpec<'_>, fields: &[FieldDoc], catch_all: bool) {
    let Some(entries) = report.open_members(node, spec.ty) else { return };
    let mut seen = Seen::new(fields.len());
    let mut unknown_keys: Vec<Cow<'_, str>> = Vec::new();
    for entry in entries.filter(|entry| spec.skip_key != Some(&*entry.key)) {
        let key = &*entry.key;
        // The field, and its own `'static` name for the key (an alias, if one was used).
        match fields.iter().enumerate().find_map(|(index, field)| Some((index, field.accepted_name(key)?))) {
            // The second value is not checked, so it may be an unmarked
            // secret: the issue never quotes it.
            Some((index, _)) if seen.get(index) => report.at_key(key, |report| {
                let expected = format!("`{}` at most once", fields[index].wire_name);
                report.push_absent(node.key_offset(&entry), IssueKind::DuplicateKey, Cow::Owned(expected));
            }),
            Some((index, name)) => {
                seen.set(index);
                report.at_field(name, |report| fields[index].check(&entry.value, report));
            }
            None if catch_all => {}
            None if spec.deny_unknown_fields => report.at_key(key, |report| {
                let known = fields.iter().filter(|field| !field.read_only).map(|field| field.wire_name);
                let suggestion = suggest::closest(key, known.clone());
                let expected = format!("one of the keys {}", suggest::list(known));
                report.push_unknown_key(node.key_offset(&entry), expected, suggestion);
            }),
            // Borrowed from the input unless the key had escapes.
            None => unknown_keys.push(entry.key.clone()),
        }
    }
    for (_, field) in fields.iter().enumerate().filter(|&(index, field)| field.required && !seen.get(index)) {
        // A key the model ignores that is close to a missing one is likely
        // the same key misspelt; it stays ignored, the issue names it.
        let near = suggest::closest(field.wire_name, unknown_keys.iter().map(|key| &**key));
        report
            .at_field(field.wire_name, |report| report.push_missing(node.offset(), node.end(), field.ty.name(), near));
    }
    if let Some(rule) = spec.rule {
        rule(node, report);
    }
}

/// Which fields an object has given: bits, for the models of up to 128
/// fields that nearly every API has, so that checking one allocates nothing.
enum Seen {
    Bits(u128),
    Many(Vec<bool>),
}

impl Seen {
    fn new(fields: usize) -> Self {
        if fields <= 128 {
            Seen::Bits(0)
        } else {
            Seen::Many(vec![false; fields])
        }
    }

    fn get(&self, index: usize) -> bool {
        match self {
            Seen::Bits(bits) => bits >> index & 1 == 1,
            Seen::Many(seen) => seen.get(index).copied().unwrap_or(false),
        }
    }

    fn set(&mut self, index: usize) {
        match self {
            Seen::Bits(bits) => *bits |= 1 << index,
            Seen::Many(seen) => {
                if let Some(seen) = seen.get_mut(index) {
                    *seen = true;
                }
            }
        }
    }
}
