//! Checking a value against a data enum: the discriminator first, then the
//! variant it names, at its own pointers.

use crate::doc::{Tagging, UnionDoc, VariantDoc, VariantShape};
use crate::issue::IssueKind;
use crate::node::{Kind, Node};
use crate::object::{check_object, ObjectSpec};
use crate::report::Report;
use crate::suggest;

/// Checks `node` against the enum `doc` describes, as serde reads it.
#[doc(hidden)]
pub fn check_union(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc) {
    match doc.tagging {
        Tagging::Internal { tag } => check_internal(node, report, doc, tag),
        Tagging::Adjacent { tag, content } => check_adjacent(node, report, doc, tag, content),
        Tagging::External => check_external(node, report, doc),
        Tagging::Untagged => check_untagged(node, report, doc),
    }
}

/// `{"type": "created", …fields}`.
fn check_internal(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc, tag: &str) {
    if let Some(catch_all) = doc.catch_all().filter(|_| node.kind() != Kind::Object) {
        return check_content(catch_all, node, report, doc);
    }
    let Some(entries) = report.open_object(node, &doc.name) else { return };
    let Some(named) = entries.iter().find(|entry| entry.key == tag) else {
        match doc.catch_all() {
            Some(catch_all) => check_content(catch_all, node, report, doc),
            None => report.at_key(tag, |report| report.push_missing(node.offset(), names(doc), None)),
        }
        return;
    };
    match variant_named(&named.value, report, doc, tag) {
        Named::Variant(variant) => check_content(variant, node, report, doc),
        Named::CatchAll(variant) => check_content(variant, node, report, doc),
        Named::Reported => {}
    }
}

/// `{"t": "created", "c": content}`.
fn check_adjacent(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc, tag: &str, content: &str) {
    if let Some(catch_all) = doc.catch_all().filter(|_| node.kind() != Kind::Object) {
        return check_content(catch_all, node, report, doc);
    }
    let Some(entries) = report.open_object(node, &doc.name) else { return };
    let Some(named) = entries.iter().find(|entry| entry.key == tag) else {
        match doc.catch_all() {
            Some(catch_all) => check_content(catch_all, node, report, doc),
            None => report.at_key(tag, |report| report.push_missing(node.offset(), names(doc), None)),
        }
        return;
    };
    let variant = match variant_named(&named.value, report, doc, tag) {
        Named::Variant(variant) => variant,
        Named::CatchAll(variant) => return check_content(variant, node, report, doc),
        Named::Reported => return,
    };
    match (entries.iter().find(|entry| entry.key == content), variant.shape) {
        (Some(entry), _) => report.at_key(content, |report| check_content(variant, &entry.value, report, doc)),
        (None, VariantShape::Unit) => {}
        (None, _) => report.at_key(content, |report| {
            report.push_missing(node.offset(), format!("the content of `{}`", variant.wire_name), None);
        }),
    }
}

/// `{"created": content}`, or `"deleted"` for a unit variant.
fn check_external(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc) {
    match node.kind() {
        Kind::String => match node.parse::<String>().ok().as_deref().and_then(|name| doc.variant(name)) {
            Some(VariantDoc { shape: VariantShape::Unit, .. }) => {}
            Some(variant) => {
                let expected = format!("an object {{\"{}\": …}}", variant.wire_name);
                report.push(node, IssueKind::InvalidType, expected);
            }
            None => match doc.catch_all() {
                Some(catch_all) => check_content(catch_all, node, report, doc),
                None => unknown_variant(node, report, doc),
            },
        },
        Kind::Object => {
            let Some(entries) = report.open_object(node, &doc.name) else { return };
            let variant = match entries.as_slice() {
                [entry] => doc.variant(&entry.key).map(|variant| (entry, variant)),
                _ => None,
            };
            match (variant, doc.catch_all(), entries.as_slice()) {
                (Some((entry, variant)), _, _) => {
                    report.at_key(&entry.key, |report| check_content(variant, &entry.value, report, doc));
                }
                (None, Some(catch_all), _) => check_content(catch_all, node, report, doc),
                (None, None, [entry]) => report.at_key(&entry.key, |report| {
                    let expected = format!("a key that is one of {}", variant_list(doc));
                    let near = suggest::closest(&entry.key, doc.variants.iter().flat_map(VariantDoc::names));
                    report.push_key(node.key_offset(entry), IssueKind::UnknownVariant, expected, &entry.key, near);
                }),
                (None, None, _) => {
                    let expected = format!("an object with one key, the variant: one of {}", variant_list(doc));
                    report.push(node, IssueKind::InvalidValue, expected);
                }
            }
        }
        _ => match doc.catch_all() {
            Some(catch_all) => check_content(catch_all, node, report, doc),
            None => report.push(node, IssueKind::InvalidType, format!("{} (a string or a one-key object)", doc.name)),
        },
    }
}

/// Each variant in turn, as serde tries them: the first that reads wins.
/// When none does, the report names them all and gives the issues of the
/// closest, the one with the fewest.
fn check_untagged(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc) {
    let mut closest: Option<(&VariantDoc, Report<'_>)> = None;
    for variant in doc.variants {
        let mut attempt = report.fork();
        check_content(variant, node, &mut attempt, doc);
        if attempt.issue_count() == 0 {
            return;
        }
        // Closest: of the right JSON type first, then the fewest issues.
        let score = |attempt: &Report<'_>| (attempt.refused_outright(), attempt.issue_count());
        if closest.as_ref().is_none_or(|(_, best)| score(&attempt) < score(best)) {
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
    CatchAll(&'static VariantDoc),
    /// Not a known name, and no catch-all: reported.
    Reported,
}

/// Reads the discriminator at `tag`, reporting it there when it names nothing.
fn variant_named(value: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc, tag: &str) -> Named {
    let name = match value.kind() {
        Kind::String => value.parse::<String>().ok(),
        _ => None,
    };
    match (name.as_deref().map(|name| doc.variant(name)), doc.catch_all()) {
        (Some(Some(variant)), _) => Named::Variant(variant),
        (_, Some(catch_all)) => Named::CatchAll(catch_all),
        (Some(None), None) => {
            report.at_key(tag, |report| unknown_variant(value, report, doc));
            Named::Reported
        }
        (None, None) => {
            report.at_key(tag, |report| report.push(value, IssueKind::InvalidType, names(doc)));
            Named::Reported
        }
    }
}

fn unknown_variant(node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc) {
    let wire: String = node.parse().unwrap_or_default();
    let near =
        suggest::closest(&wire, doc.variants.iter().filter(|variant| !variant.catch_all).flat_map(VariantDoc::names));
    report.push_unknown_variant(node, format!("one of {}", variant_list(doc)), near);
}

/// A variant's content: nothing, one value, or named fields.
fn check_content(variant: &VariantDoc, node: &Node<'_>, report: &mut Report<'_>, doc: &UnionDoc) {
    match variant.shape {
        VariantShape::Unit if doc.tagging == Tagging::Untagged || doc.tagging == Tagging::External => {
            if node.kind() != Kind::Null {
                report.push(node, IssueKind::InvalidType, "null");
            }
        }
        VariantShape::Unit => {}
        VariantShape::Newtype(_) => variant.check_newtype(node, report),
        VariantShape::Struct(fields) => {
            let name = format!("{}::{}", doc.name, variant.rust_name);
            let spec = ObjectSpec { ty: &name, fields, deny_unknown_fields: false, rule: None };
            check_object(node, report, &spec);
        }
    }
}

/// `a string naming a variant: one of "created", "deleted"`.
fn names(doc: &UnionDoc) -> String {
    format!("a string naming the variant: one of {}", variant_list(doc))
}

fn variant_list(doc: &UnionDoc) -> String {
    suggest::list(doc.variants.iter().filter(|variant| !variant.catch_all).map(|variant| variant.wire_name))
}
