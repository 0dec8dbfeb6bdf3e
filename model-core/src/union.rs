//! Checking a value against a data enum: the discriminator first, then the
//! variant it names, at its own pointers.

use std::borrow::Cow;

use crate::doc::{Tagging, TypeDoc, UnionDoc, VariantDoc, VariantShape};
use crate::issue::IssueKind;
use crate::node::{Entry, Kind, Node};
use crate::object::{check_object, ObjectSpec};
use crate::report::Report;
use crate::suggest;

/// Checks `node` against the enum `doc` describes, as serde reads it.
#[doc(hidden)]
pub fn check_union(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc) {
    match doc.tagging {
        Tagging::Untagged => check_untagged(node, report, doc),
        // serde tries the tagged form first and, on any refusal (a duplicate
        // tag, a unit's name for a variant with content, …), the catch-all.
        _ if doc.catch_all().is_some() => or_catch_all(node, report, doc, |report| check_tagging(node, report, doc)),
        _ => check_tagging(node, report, doc),
    }
}

fn check_tagging(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc) {
    match doc.tagging {
        Tagging::Internal { tag } => check_tagged(node, report, doc, tag, None),
        Tagging::Adjacent { tag, content } => check_tagged(node, report, doc, tag, Some(content)),
        Tagging::External => check_external(node, report, doc),
        Tagging::Untagged => check_untagged(node, report, doc),
    }
}

/// `{"type": "created", …fields}`, or with `content`,
/// `{"t": "created", "c": content}`.
fn check_tagged(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc, tag: &str, content: Option<&str>) {
    // Whatever carries no readable name goes to a catch-all that keeps values.
    if let Some(catch_all) = doc.catch_all().filter(|_| node.kind() != Kind::Object) {
        return check_content(catch_all, node, report, doc, None);
    }
    let Some(entries) = report.open_object(node, &doc.name) else { return };
    let mut named = entries.iter().filter(|entry| entry.key == tag);
    let (Some(first), second) = (named.next(), named.next()) else {
        match doc.catch_all() {
            Some(catch_all) => check_content(catch_all, node, report, doc, None),
            None => report.at_key(tag, |report| report.push_missing(node.offset(), node.end(), names(doc), None)),
        }
        return;
    };
    if let Some(second) = second {
        return duplicate(node, report, second, tag);
    }
    let variant = match variant_named(&first.value, report, doc, tag) {
        Named::Variant(variant) => variant,
        Named::CatchAll(variant) => return check_content(variant, node, report, doc, None),
        Named::Reported => return,
    };
    let Some(content) = content else {
        // serde hands the variant the object without its tag.
        return check_content(variant, node, report, doc, Some(tag));
    };
    let mut held = entries.iter().filter(|entry| entry.key == content);
    match (held.next(), held.next(), variant.shape) {
        (_, Some(second), _) => duplicate(node, report, second, content),
        (Some(entry), None, _) => {
            report.at_key(content, |report| check_content(variant, &entry.value, report, doc, None));
        }
        (None, None, VariantShape::Unit) => {}
        (None, None, _) => report.at_key(content, |report| {
            let expected = format!("the content of `{}`", variant.wire_name);
            report.push_missing(node.offset(), node.end(), expected, None);
        }),
    }
}

/// A tagged enum with a catch-all (`#[serde(untagged)]`), as serde reads
/// it: the tagged form first and, when serde refuses anything in it, the
/// catch-all on the whole value. Broken rules alone do not send it there:
/// serde read the variant.
fn or_catch_all(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc, named: impl FnOnce(&mut Report<'_>)) {
    let Some(catch_all) = doc.catch_all() else { return named(report) };
    let mut attempt = report.fork();
    named(&mut attempt);
    if attempt.refused_by_serde() {
        check_content(catch_all, node, report, doc, None);
    } else {
        report.merge(attempt);
    }
}

/// `{"created": content}`, or `"deleted"` for a unit variant.
fn check_external(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc) {
    match node.kind() {
        Kind::String => {
            let name: Option<String> = node.parse().ok();
            match (name.as_deref().and_then(|name| doc.variant(name)), doc.other(), doc.catch_all()) {
                (Some(VariantDoc { shape: VariantShape::Unit, .. }), _, _) | (None, Some(_), _) => {}
                (Some(variant), _, _) => {
                    let expected = format!("an object {{\"{}\": …}}", variant.wire_name);
                    report.push(node, IssueKind::InvalidType, expected);
                }
                (None, None, Some(catch_all)) => check_content(catch_all, node, report, doc, None),
                (None, None, None) => unknown_variant(node, report, doc),
            }
        }
        Kind::Object => {
            let Some(entries) = report.open_object(node, &doc.name) else { return };
            let [entry] = entries.as_slice() else {
                match doc.catch_all() {
                    Some(catch_all) => check_content(catch_all, node, report, doc, None),
                    None => {
                        let expected = format!("an object with one key, the variant: one of {}", variant_list(doc));
                        report.push(node, IssueKind::InvalidValue, expected);
                    }
                }
                return;
            };
            match (doc.variant(&entry.key), doc.other(), doc.catch_all()) {
                (Some(variant), _, _) | (None, Some(variant), _) => {
                    report.at_key(&entry.key, |report| check_content(variant, &entry.value, report, doc, None));
                }
                (None, None, Some(catch_all)) => check_content(catch_all, node, report, doc, None),
                (None, None, None) => report.at_key(&entry.key, |report| {
                    let expected = format!("a key that is one of {}", variant_list(doc));
                    let near = suggest::closest(&entry.key, known_names(doc));
                    report.push_key(node.key_offset(entry), IssueKind::UnknownVariant, expected, &entry.key, near);
                }),
            }
        }
        _ => match doc.catch_all() {
            Some(catch_all) => check_content(catch_all, node, report, doc, None),
            None => report.push(node, IssueKind::InvalidType, format!("{} (a string or a one-key object)", doc.name)),
        },
    }
}

/// Each variant in turn, as serde tries them: the first that serde reads
/// wins, and only its broken rules, if any, are reported. When none reads,
/// the report names them all and gives the issues of the closest: of the
/// right JSON type first, then with the fewest issues.
fn check_untagged(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc) {
    let mut closest: Option<(&VariantDoc, Report<'_>)> = None;
    for variant in doc.variants {
        let mut attempt = report.fork();
        check_content(variant, node, &mut attempt, doc, None);
        if !attempt.refused_by_serde() {
            return report.merge(attempt);
        }
        let score = |attempt: &Report<'_>| (attempt.refused_outright(), attempt.issue_count());
        if closest.as_ref().map_or(true, |(_, best)| score(&attempt) < score(best)) {
            closest = Some((variant, attempt));
        }
    }
    let Some((variant, attempt)) = closest else { return };
    let tried: Vec<&str> = doc.variants.iter().map(|variant| variant.rust_name).collect();
    let expected = format!(
        "{} as one of its variants {} (none reads it; the closest, `{}`, has the issues that follow)",
        doc.name,
        tried.join(", "),
        variant.rust_name
    );
    report.push(node, IssueKind::InvalidValue, expected);
    report.merge(attempt);
}

/// What a discriminator names.
enum Named {
    Variant(&'static VariantDoc),
    /// The `#[serde(untagged)]` variant, which reads the whole value.
    CatchAll(&'static VariantDoc),
    /// Not a known name, and nothing takes it: reported.
    Reported,
}

/// Reads the discriminator at `tag`, reporting it there when it names nothing.
fn variant_named(value: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc, tag: &str) -> Named {
    let name: Option<String> = match value.kind() {
        Kind::String => value.parse().ok(),
        _ => None,
    };
    match (name.as_deref().map(|name| doc.variant(name)), doc.other(), doc.catch_all()) {
        (Some(Some(variant)), _, _) => Named::Variant(variant),
        // `#[serde(other)]` takes an unknown name, never a value without one.
        (Some(None), Some(other), _) => Named::Variant(other),
        (_, _, Some(catch_all)) => Named::CatchAll(catch_all),
        (Some(None), None, None) => {
            report.at_key(tag, |report| unknown_variant(value, report, doc));
            Named::Reported
        }
        (None, _, None) => {
            report.at_key(tag, |report| report.push(value, IssueKind::InvalidType, names(doc)));
            Named::Reported
        }
    }
}

fn unknown_variant(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc) {
    let wire: String = node.parse().unwrap_or_default();
    let near = suggest::closest(&wire, known_names(doc));
    report.push_unknown_variant(node, format!("one of {}", variant_list(doc)), near);
}

/// A key given twice: serde refuses it.
fn duplicate(node: &Node<'_>, report: &mut Report<'_>, second: &Entry<'_>, key: &str) {
    report.at_key(key, |report| {
        report.push_absent(
            node.key_offset(second),
            IssueKind::DuplicateKey,
            Cow::Owned(format!("`{key}` at most once")),
        );
    });
}

/// A variant's content: nothing, one value, or named fields. `skip_key` is
/// the tag, which an internally tagged variant does not read.
fn check_content(
    variant: &VariantDoc,
    node: &Node<'_>,
    report: &mut Report<'_>,
    doc: &UnionDoc,
    skip_key: Option<&str>,
) {
    match variant.shape {
        // A unit is `null` where it has content of its own; beside an
        // internal tag, it is the rest of the object, which it ignores.
        VariantShape::Unit if skip_key.is_none() => {
            if node.kind() != Kind::Null {
                report.push(node, IssueKind::InvalidType, "null");
            }
        }
        VariantShape::Unit => {}
        // A model beside an internal tag reads the object without the tag.
        VariantShape::Newtype(TypeDoc::Model(model)) if skip_key.is_some() => {
            let model = model();
            let spec = ObjectSpec {
                ty: &model.name,
                fields: model.fields,
                deny_unknown_fields: model.deny_unknown_fields,
                rule: None,
                skip_key,
            };
            check_object(node, report, &spec);
        }
        VariantShape::Newtype(_) => variant.check_newtype(node, report),
        VariantShape::Struct(fields) => {
            let name = format!("{}::{}", doc.name, variant.rust_name);
            let spec = ObjectSpec { ty: &name, fields, deny_unknown_fields: false, rule: None, skip_key };
            check_object(node, report, &spec);
        }
    }
}

/// `a string naming the variant: one of "created", "deleted"`.
fn names(doc: &UnionDoc) -> String {
    format!("a string naming the variant: one of {}", variant_list(doc))
}

fn known_names(doc: &UnionDoc) -> impl Iterator<Item = &'static str> + Clone {
    doc.variants.iter().filter(|variant| !variant.catch_all).flat_map(VariantDoc::names)
}

fn variant_list(doc: &UnionDoc) -> String {
    suggest::list(doc.variants.iter().filter(|variant| !variant.catch_all).map(|variant| variant.wire_name))
}
