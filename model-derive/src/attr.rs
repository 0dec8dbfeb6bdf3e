//! Reading `#[serde(...)]`, `#[api(...)]` and doc comments.
//!
//! serde's attributes are read for everything serde decides (wire names,
//! `default`, `skip`), so this derive cannot disagree with the `Serialize` and
//! `Deserialize` it sits beside. A serde attribute that would change the wire
//! shape in a way the report cannot follow is refused with the reason.

use proc_macro2::{Group, Span};
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Expr, ExprLit, ExprPath, Lit, LitStr, Meta, Path, Token};

use crate::case::{RenameRule, RULES};
use crate::ctxt::Ctxt;
use crate::rule::{self, Rule};
use crate::suggest;

// serde keys this derive honours.
const RENAME: &str = "rename";
const RENAME_ALL: &str = "rename_all";
const RENAME_ALL_FIELDS: &str = "rename_all_fields";
const ALIAS: &str = "alias";
const DEFAULT: &str = "default";
const SKIP: &str = "skip";
const SKIP_DESERIALIZING: &str = "skip_deserializing";
const DENY_UNKNOWN_FIELDS: &str = "deny_unknown_fields";
const WITH: &str = "with";
const DESERIALIZE_WITH: &str = "deserialize_with";
const SERIALIZE_WITH: &str = "serialize_with";
const FLATTEN: &str = "flatten";
const TAG: &str = "tag";
const CONTENT: &str = "content";
const UNTAGGED: &str = "untagged";
const SERDE_OTHER: &str = "other";

// serde keys that change the wire shape in ways the report cannot follow.
const SERDE_UNSUPPORTED: &[(&str, &str)] = &[
    ("transparent", "implement `ApiType` for the type by hand instead"),
    ("from", "implement `ApiType` for the type by hand instead"),
    ("try_from", "implement `ApiType` for the type by hand instead"),
    ("into", "implement `ApiType` for the type by hand instead"),
    ("remote", "derive on the type itself instead"),
    ("getter", "derive on the type itself instead"),
    ("variant_identifier", "ApiModel models plain objects and string enums"),
    ("field_identifier", "ApiModel models plain objects and string enums"),
];

// `#[api(...)]` keys.
const OTHER: &str = "other";
const EXAMPLE: &str = "example";
const VALIDATE: &str = "validate";
const DESCRIPTION: &str = "description";
const TITLE: &str = "title";
const NO_EXAMPLE_TEST: &str = "no_example_test";
const BUILDER: &str = "builder";
const CRATE: &str = "crate";
const SERDE: &str = "serde";

/// Where an attribute sits, which decides the keys it may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Struct,
    Enum,
    Field,
    Variant,
}

impl Target {
    fn serde_keys(self) -> &'static [&'static str] {
        match self {
            Target::Struct => &[RENAME, RENAME_ALL, DENY_UNKNOWN_FIELDS, DEFAULT],
            Target::Enum => &[RENAME, RENAME_ALL, RENAME_ALL_FIELDS, DENY_UNKNOWN_FIELDS, TAG, CONTENT, UNTAGGED],
            Target::Field => {
                &[RENAME, ALIAS, DEFAULT, SKIP, SKIP_DESERIALIZING, WITH, DESERIALIZE_WITH, SERIALIZE_WITH, FLATTEN]
            }
            Target::Variant => &[RENAME, RENAME_ALL, ALIAS, UNTAGGED, SERDE_OTHER, SKIP, SKIP_DESERIALIZING],
        }
    }

    fn api_keys(self) -> Vec<&'static str> {
        match self {
            Target::Variant => vec![OTHER],
            Target::Struct => vec![EXAMPLE, VALIDATE, DESCRIPTION, TITLE, NO_EXAMPLE_TEST, BUILDER, CRATE],
            Target::Field => [EXAMPLE, SERDE, rule::MESSAGE, rule::CODE].into_iter().chain(rule::keys()).collect(),
            Target::Enum => vec![CRATE],
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Target::Struct => "a struct",
            Target::Enum => "an enum",
            Target::Field => "a field",
            Target::Variant => "a variant",
        }
    }
}

/// How a field without its key gets a value.
pub enum Default {
    None,
    /// `#[serde(default)]`
    Trait,
    /// `#[serde(default = "path")]`
    Path(ExprPath),
}

/// What the derive reads off a struct, a newtype struct or an enum.
pub struct Container {
    pub docs: Option<String>,
    pub rename: Option<LitStr>,
    pub rename_all: Option<RenameRule>,
    /// `#[serde(rename_all_fields)]`: a data enum's rule for its variants' fields.
    pub rename_all_fields: Option<RenameRule>,
    /// Every `#[serde]` key read, so that a later stage can point at one.
    pub serde_keys: Vec<Path>,
    /// A struct's `#[serde(default)]`: every missing field from `Default`.
    pub default: Default,
    /// A mistake serde's own derive reports on a struct (an unknown
    /// `rename_all` rule): the derive then stays silent rather than add
    /// errors that follow from serde's.
    pub serde_refuses: bool,
    pub deny_unknown_fields: bool,
    /// `#[api(example = …)]`, the first of which is the model's example.
    pub examples: Vec<Expr>,
    /// A struct's own rule, `#[api(validate = path)]`.
    pub validate: Option<ExprPath>,
    /// What that rule checks, `#[api(description = "…")]`, for the docs.
    pub rule_description: Option<LitStr>,
    /// `#[api(title = "…")]`: what reports call the model, in place of its name.
    pub title: Option<LitStr>,
    /// `#[api(no_example_test)]`: no generated test of the examples.
    pub no_example_test: bool,
    /// `#[api(builder)]`: a `…Builder` beside the model.
    pub builder: bool,
    /// `#[api(crate = path)]`: where model-core is, for a crate that
    /// re-exports it under another name.
    pub krate: Option<Path>,
    /// An enum's `#[serde(tag = "…")]`.
    pub tag: Option<LitStr>,
    /// An enum's `#[serde(content = "…")]`.
    pub content: Option<LitStr>,
    /// An enum's `#[serde(untagged)]`: all its variants are.
    pub untagged: Option<Path>,
}

/// What the derive reads off an enum's variant.
pub struct Variant {
    pub docs: Option<String>,
    pub rename: Option<LitStr>,
    /// A struct variant's rule for its fields.
    pub rename_all: Option<RenameRule>,
    pub serde_keys: Vec<Path>,
    pub aliases: Vec<LitStr>,
    /// `#[serde(skip)]`: neither read nor written.
    pub skip: bool,
    /// `#[serde(skip_deserializing)]`: written, never read.
    pub read_only: bool,
    /// `#[api(other)]`: a string enum's variant that keeps unknown strings.
    pub other: Option<Path>,
    /// `#[serde(untagged)]` on a variant: a catch-all.
    pub untagged: Option<Path>,
    /// `#[serde(other)]`: the unit variant any unknown tag reads as.
    pub serde_other: Option<Path>,
}

/// What the derive reads off a field (of a struct, a newtype struct or a
/// struct variant).
pub struct Field {
    pub docs: Option<String>,
    pub rename: Option<LitStr>,
    pub serde_keys: Vec<Path>,
    pub aliases: Vec<LitStr>,
    pub default: Default,
    /// `#[serde(skip)]`: neither read nor written.
    pub skip: bool,
    /// `#[serde(skip_deserializing)]`: written, never read.
    pub read_only: bool,
    /// `#[api(example = …)]` expressions, in order.
    pub examples: Vec<Expr>,
    /// Whether the field is `#[deprecated]`.
    pub deprecated: bool,
    /// The value rules, in the order written.
    pub rules: Vec<Rule>,
    /// The function serde reads the field with: `deserialize_with = "f"`,
    /// or `with = "m"` as `m::deserialize`.
    pub deserialize_with: Option<ExprPath>,
    /// `#[api(serde)]`: the field's type is read by serde alone, with no `ApiType`.
    pub api_serde: Option<Path>,
    /// Whether the field has `#[serde(skip_serializing_if = …)]`.
    pub skip_serializing_if: bool,
    /// `#[serde(flatten)]`, for errors that point at it.
    pub flatten: Option<Path>,
}

/// Which attribute a key was read from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Namespace {
    Serde,
    Api,
}

impl Container {
    /// `target` is [`Target::Struct`] (also for a newtype struct) or [`Target::Enum`].
    pub fn parse(cx: &mut Ctxt, attrs: &[Attribute], target: Target) -> Self {
        let mut parsed = Container {
            docs: docs(attrs),
            rename: None,
            rename_all: None,
            rename_all_fields: None,
            serde_keys: Vec::new(),
            default: Default::None,
            serde_refuses: false,
            deny_unknown_fields: false,
            examples: Vec::new(),
            validate: None,
            rule_description: None,
            title: None,
            no_example_test: false,
            builder: false,
            krate: None,
            tag: None,
            content: None,
            untagged: None,
        };
        let string_enum = target == Target::Enum;
        parsed.serde_keys = each_key(cx, attrs, target, |cx, namespace, meta, key, _| {
            match (namespace, key) {
                (Namespace::Serde, RENAME) => parsed.rename = one_name(cx, meta, RENAME)?,
                (Namespace::Serde, RENAME_ALL) => {
                    parsed.rename_all = rename_rule(cx, meta, key, string_enum, &mut parsed.serde_refuses)?;
                }
                (Namespace::Serde, RENAME_ALL_FIELDS) => {
                    parsed.rename_all_fields = rename_rule(cx, meta, key, string_enum, &mut parsed.serde_refuses)?;
                }
                (Namespace::Serde, DEFAULT) => parsed.default = default(cx, meta)?,
                (Namespace::Serde, DENY_UNKNOWN_FIELDS) => parsed.deny_unknown_fields = true,
                (Namespace::Serde, TAG) => parsed.tag = Some(string(meta)?),
                (Namespace::Serde, CONTENT) => parsed.content = Some(string(meta)?),
                (Namespace::Serde, UNTAGGED) => parsed.untagged = Some(meta.path.clone()),
                (Namespace::Api, EXAMPLE) => parsed.examples.push(meta.value()?.parse()?),
                (Namespace::Api, VALIDATE) => {
                    parsed.validate = Some(meta.value()?.parse().map_err(|error| {
                        syn::Error::new(error.span(), "expected a path to a function: validate = Self::check")
                    })?);
                }
                (Namespace::Api, DESCRIPTION) => parsed.rule_description = Some(string(meta)?),
                (Namespace::Api, TITLE) => parsed.title = Some(title(cx, meta)?),
                (Namespace::Api, NO_EXAMPLE_TEST) => parsed.no_example_test = true,
                (Namespace::Api, BUILDER) => parsed.builder = true,
                (Namespace::Api, CRATE) => {
                    let path = string(meta)?;
                    match path.parse::<Path>() {
                        Ok(krate) => parsed.krate = Some(krate),
                        Err(_) => {
                            cx.error_spanned_by(&path, "expected a path to model-core, such as \"my_api::model_core\"");
                        }
                    }
                }
                _ => return skip_value(meta),
            }
            Ok(())
        });
        if let (Some(description), None) = (&parsed.rule_description, &parsed.validate) {
            cx.error_spanned_by(
                description,
                "`description` says what the model's own rule checks: write it beside `validate = path`",
            );
        }
        parsed
    }
}

impl Variant {
    pub fn parse(cx: &mut Ctxt, attrs: &[Attribute]) -> Self {
        let mut parsed = Variant {
            docs: docs(attrs),
            rename: None,
            rename_all: None,
            serde_keys: Vec::new(),
            aliases: Vec::new(),
            skip: false,
            read_only: false,
            other: None,
            untagged: None,
            serde_other: None,
        };
        parsed.serde_keys = each_key(cx, attrs, Target::Variant, |cx, namespace, meta, key, _| {
            match (namespace, key) {
                (Namespace::Serde, RENAME) => parsed.rename = one_name(cx, meta, RENAME)?,
                (Namespace::Serde, RENAME_ALL) => parsed.rename_all = rename_rule(cx, meta, key, true, &mut false)?,
                (Namespace::Serde, ALIAS) => parsed.aliases.push(string(meta)?),
                (Namespace::Serde, UNTAGGED) => parsed.untagged = Some(meta.path.clone()),
                (Namespace::Serde, SERDE_OTHER) => parsed.serde_other = Some(meta.path.clone()),
                (Namespace::Serde, SKIP) => parsed.skip = true,
                (Namespace::Serde, SKIP_DESERIALIZING) => parsed.read_only = true,
                (Namespace::Api, OTHER) => {
                    // Marked either way, so the one mistake is the only error.
                    parsed.other = Some(meta.path.clone());
                    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                        cx.error_spanned_by(&meta.path, "`other` takes no value: write #[api(other)]");
                        return skip_value(meta);
                    }
                }
                _ => return skip_value(meta),
            }
            Ok(())
        });
        parsed
    }
}

impl Field {
    pub fn parse(cx: &mut Ctxt, attrs: &[Attribute]) -> Self {
        let mut parsed = Field {
            docs: docs(attrs),
            rename: None,
            serde_keys: Vec::new(),
            aliases: Vec::new(),
            default: Default::None,
            skip: false,
            read_only: false,
            examples: Vec::new(),
            deprecated: attrs.iter().any(|attr| attr.path().is_ident("deprecated")),
            rules: Vec::new(),
            deserialize_with: None,
            api_serde: None,
            skip_serializing_if: false,
            flatten: None,
        };
        // Each rule's attribute, and each `message` and `code` with its own:
        // they go to the rules of the same `#[api(…)]`.
        let mut rule_attrs: Vec<usize> = Vec::new();
        let mut owns: Vec<(usize, rule::Own)> = Vec::new();
        parsed.serde_keys = each_key(cx, attrs, Target::Field, |cx, namespace, meta, key, index| {
            match (namespace, key) {
                (Namespace::Serde, RENAME) => parsed.rename = one_name(cx, meta, RENAME)?,
                (Namespace::Serde, ALIAS) => parsed.aliases.push(string(meta)?),
                (Namespace::Serde, DEFAULT) => parsed.default = default(cx, meta)?,
                (Namespace::Serde, WITH | DESERIALIZE_WITH) => {
                    let path = string(meta)?;
                    let full = if key == WITH { format!("{}::deserialize", path.value()) } else { path.value() };
                    match syn::parse_str::<ExprPath>(&full) {
                        Ok(mut parsed_path) => {
                            respan(&mut parsed_path, path.span());
                            parsed.deserialize_with = Some(parsed_path);
                        }
                        Err(_) => cx.error_spanned_by(&path, "expected a path, such as \"chrono::serde::ts_seconds\""),
                    }
                }
                (Namespace::Serde, FLATTEN) => parsed.flatten = Some(meta.path.clone()),
                (Namespace::Serde, SKIP) => parsed.skip = true,
                (Namespace::Serde, SKIP_DESERIALIZING) => parsed.read_only = true,
                (Namespace::Api, EXAMPLE) => parsed.examples.push(meta.value()?.parse()?),
                (Namespace::Api, SERDE) => parsed.api_serde = Some(meta.path.clone()),
                (Namespace::Api, rule::MESSAGE) => owns.push((index, rule::Own::parse(cx, meta, rule::MESSAGE)?)),
                (Namespace::Api, rule::CODE) => owns.push((index, rule::Own::parse(cx, meta, rule::CODE)?)),
                (Namespace::Api, _) => match rule::find(key) {
                    Some(spec) => {
                        rule::parse(cx, meta, spec, &mut parsed.rules)?;
                        rule_attrs.resize(parsed.rules.len(), index);
                    }
                    None => return skip_value(meta),
                },
                // Writing is serde's alone.
                _ => return skip_value(meta),
            }
            Ok(())
        });
        parsed.skip_serializing_if = serde_key(&parsed.serde_keys, "skip_serializing_if").is_some();
        rule::check_limits(cx, &parsed.rules);
        for (index, own) in owns {
            let first = rule_attrs.iter().position(|attr| *attr == index).unwrap_or(parsed.rules.len());
            let end = rule_attrs.iter().rposition(|attr| *attr == index).map_or(first, |last| last + 1);
            rule::give(cx, &mut parsed.rules[first..end], vec![own]);
        }
        parsed
    }
}

/// Reads every `#[serde(…)]` and `#[api(…)]` key of `attrs` on `target`,
/// in one place for every target: a key given twice, a serde key the report
/// cannot follow and a key unknown here are reported, and `read` is called
/// with each other key. Returns the path of every serde key, read or not.
fn each_key(
    cx: &mut Ctxt,
    attrs: &[Attribute],
    target: Target,
    mut read: impl FnMut(&mut Ctxt, Namespace, &ParseNestedMeta, &str, usize) -> syn::Result<()>,
) -> Vec<Path> {
    let mut serde_keys = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let api_keys = target.api_keys();
    for (index, attr) in attrs.iter().enumerate() {
        let namespace = match () {
            () if attr.path().is_ident("serde") => Namespace::Serde,
            () if attr.path().is_ident("api") => Namespace::Api,
            () => continue,
        };
        let ns = if namespace == Namespace::Serde { "serde" } else { "api" };
        let result = attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
            let repeatable = match namespace {
                Namespace::Serde => key == ALIAS,
                Namespace::Api => key == EXAMPLE && target == Target::Field,
            };
            // `message` and `code` are once a `#[api(…)]`: each gives its own rules theirs.
            let qualified = if key == rule::MESSAGE || key == rule::CODE {
                format!("{ns}::{key}@{index}")
            } else {
                format!("{ns}::{key}")
            };
            if !repeatable && seen.contains(&qualified) {
                cx.error_spanned_by(&meta.path, format!("duplicate #[{ns}] key `{key}`"));
                return skip_value(&meta);
            }
            seen.push(qualified);
            match namespace {
                Namespace::Serde => {
                    if let Some((_, advice)) = SERDE_UNSUPPORTED.iter().find(|(unsupported, _)| *unsupported == key) {
                        cx.error_spanned_by(&meta.path, format!("ApiModel does not support #[serde({key})]: {advice}"));
                        return skip_value(&meta);
                    }
                    if target == Target::Struct && [TAG, CONTENT, UNTAGGED].contains(&key.as_str()) {
                        cx.error_spanned_by(
                            &meta.path,
                            format!(
                                "ApiModel reads a struct as a plain object and does not support #[serde({key})] on it"
                            ),
                        );
                        return skip_value(&meta);
                    }
                    serde_keys.push(meta.path.clone());
                    if !target.serde_keys().contains(&key.as_str()) {
                        // On a struct or field, serde's own derive reports a key it
                        // does not know; an enum's serde impls are this derive's,
                        // so it reports them.
                        if matches!(target, Target::Enum | Target::Variant) {
                            cx.error_spanned_by(&meta.path, unknown_key("serde", &key, target, target.serde_keys()));
                        }
                        return skip_value(&meta);
                    }
                }
                Namespace::Api => {
                    if !api_keys.contains(&key.as_str()) {
                        cx.error_spanned_by(&meta.path, unknown_key("api", &key, target, &api_keys));
                        return skip_value(&meta);
                    }
                }
            }
            read(cx, namespace, &meta, &key, index)
        });
        if let Err(error) = result {
            cx.push(error);
        }
    }
    serde_keys
}

/// `#[serde(default)]` or `#[serde(default = "path")]`.
fn default(cx: &mut Ctxt, meta: &ParseNestedMeta) -> syn::Result<Default> {
    if !meta.input.peek(Token![=]) {
        return Ok(Default::Trait);
    }
    let path = string(meta)?;
    Ok(match path.parse::<ExprPath>() {
        Ok(path) => Default::Path(path),
        Err(_) => {
            cx.error_spanned_by(&path, "expected a path to a function, such as \"default_total\"");
            Default::Trait
        }
    })
}

/// `rename_all = "…"` or `rename_all_fields = "…"`. serde's derive reports
/// an unknown rule on a struct (`serde_refuses` is set, so this derive stays
/// silent); on an enum, whose serde impls this derive writes, it is ours to.
fn rename_rule(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &str,
    ours: bool,
    serde_refuses: &mut bool,
) -> syn::Result<Option<RenameRule>> {
    let Some(rule) = one_name(cx, meta, key)? else { return Ok(None) };
    let parsed = RenameRule::from_str(&rule.value());
    match (parsed, ours) {
        (Some(_), _) => {}
        (None, true) => cx.error_spanned_by(&rule, unknown_rule(&rule)),
        (None, false) => *serde_refuses = true,
    }
    Ok(parsed)
}

/// `unknown #[api] key `exmaple` on a field; did you mean `example`?`
fn unknown_key(ns: &str, key: &str, target: Target, known: &[&str]) -> String {
    let mut message = format!("unknown #[{ns}] key `{key}` on {}", target.describe());
    match suggest::closest(key, known.iter().copied()) {
        Some(candidate) => message += &format!("; did you mean `{candidate}`?"),
        None if known.is_empty() => message += &format!("; #[{ns}] takes no keys here"),
        None => message += &format!("; expected one of: {}", known.join(", ")),
    }
    message
}

/// `key = "name"`, or `key(serialize = "name", deserialize = "name")` with both equal.
fn one_name(cx: &mut Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<LitStr>> {
    if meta.input.peek(Token![=]) {
        return string(meta).map(Some);
    }
    let (mut serialize, mut deserialize) = (None, None);
    meta.parse_nested_meta(|inner| {
        if inner.path.is_ident("serialize") {
            serialize = Some(string(&inner)?);
        } else if inner.path.is_ident("deserialize") {
            deserialize = Some(string(&inner)?);
        } else {
            cx.error_spanned_by(&inner.path, "expected `serialize` or `deserialize`");
            skip_value(&inner)?;
        }
        Ok(())
    })?;
    match (serialize, deserialize) {
        (Some(ser), Some(de)) if ser.value() == de.value() => Ok(Some(de)),
        _ => {
            cx.error_spanned_by(
                &meta.path,
                format!("ApiModel needs one wire name for input and output: write #[serde({key} = \"...\")]"),
            );
            Ok(None)
        }
    }
}

fn unknown_rule(rule: &LitStr) -> String {
    let names = RULES.iter().map(|(name, _)| *name);
    let valid: Vec<String> = names.clone().map(|name| format!("\"{name}\"")).collect();
    let message = format!("unknown rename_all rule \"{}\"", rule.value());
    match suggest::closest(&rule.value(), names) {
        Some(near) => format!("{message}; did you mean \"{near}\"?"),
        None => format!("{message}; expected one of {}", valid.join(", ")),
    }
}

/// The string literal after `=`, with a message naming the key when it is another literal.
/// `title = "…"`: a name a client reads, so neither empty nor spread over lines.
fn title(cx: &mut Ctxt, meta: &ParseNestedMeta) -> syn::Result<LitStr> {
    let title = string(meta)?;
    let text = title.value();
    if text.trim().is_empty() || text.chars().any(char::is_control) {
        cx.error_spanned_by(&title, "a title is what reports call the model: a name on one line, such as \"ticket\"");
    }
    Ok(title)
}

fn string(meta: &ParseNestedMeta) -> syn::Result<LitStr> {
    let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
    let expr: Expr = meta.value()?.parse()?;
    let mut value = &expr;
    while let Expr::Group(group) = value {
        value = &group.expr;
    }
    match value {
        Expr::Lit(ExprLit { lit: Lit::Str(lit), .. }) => Ok(lit.clone()),
        _ => Err(syn::Error::new_spanned(expr, format!("expected a string literal: {key} = \"...\""))),
    }
}

/// Consumes whatever follows a key we do not read, so parsing can go on.
pub fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<Group>()?;
    }
    Ok(())
}

/// Doc comment prose: lines of a paragraph joined with spaces, paragraphs
/// with a blank line. Fenced code blocks are rustdoc's (doctests), not the
/// wire's, and are left out.
fn docs(attrs: &[Attribute]) -> Option<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_code = false;
    for attr in attrs {
        let Meta::NameValue(doc) = &attr.meta else { continue };
        if !doc.path.is_ident("doc") {
            continue;
        }
        let Expr::Lit(ExprLit { lit: Lit::Str(line), .. }) = &doc.value else { continue };
        let line = line.value();
        let line = line.trim();
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
}

/// The `#[serde]` key named `key` among `serde_keys`, if it was given.
pub fn serde_key<'a>(serde_keys: &'a [Path], key: &str) -> Option<&'a Path> {
    serde_keys.iter().find(|path| path.is_ident(key))
}

/// The span to blame for a name: its `rename` literal when there is one.
pub fn name_span(rename: Option<&LitStr>, fallback: Span) -> Span {
    rename.map_or(fallback, LitStr::span)
}

/// Gives every token of a path parsed from a string literal the literal's
/// span, so that errors about the path point at the attribute.
fn respan(path: &mut ExprPath, span: Span) {
    for segment in &mut path.path.segments {
        segment.ident.set_span(span);
    }
}
