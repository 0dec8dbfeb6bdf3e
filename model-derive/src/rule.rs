//! Value rules: reading `#[api(min_length = 3, items(…), validate = f)]`,
//! refusing the impossible ones, and writing their data and their checks.
//!
//! Which type a rule applies to is the compiler's to say: each check is a call
//! spanned at its attribute, bounded by the trait of its family (`TextValue`,
//! `NumberValue`, …), so a rule on the wrong type fails right there.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::meta::ParseNestedMeta;
use syn::{Expr, ExprLit, ExprPath, ExprUnary, Lit, LitStr, UnOp};

use crate::ctxt::Ctxt;
use crate::suggest;

/// Rule keys, JSON Schema's names in snake_case.
pub const KEYS: &[&str] = &[
    "min_length",
    "max_length",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "exclusive_minimum",
    "exclusive_maximum",
    "multiple_of",
    "min_items",
    "max_items",
    "unique_items",
    "min_properties",
    "max_properties",
    "items",
    "validate",
];

/// `format = "…"` names, and the checker type of each in model-core.
const FORMATS: &[(&str, &str)] = &[
    ("email", "Email"),
    ("uri", "Uri"),
    ("uuid", "Uuid"),
    ("ipv4", "Ipv4"),
    ("ipv6", "Ipv6"),
    ("hostname", "Hostname"),
    ("date", "Date"),
];

/// One rule as written, with the span of its key for every error about it.
pub struct Rule {
    pub span: Span,
    pub kind: Kind,
}

pub enum Kind {
    MinLength(usize),
    MaxLength(usize),
    Pattern(LitStr),
    Format(&'static str),
    Bound(Bound, Number),
    MultipleOf(Number),
    MinItems(usize),
    MaxItems(usize),
    UniqueItems,
    MinProperties(usize),
    MaxProperties(usize),
    Items(Vec<Rule>),
    Validate(ExprPath),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Minimum,
    Maximum,
    ExclusiveMinimum,
    ExclusiveMaximum,
}

/// A numeric literal, possibly negative: exact when it is an integer.
#[derive(Clone, Copy)]
pub enum Number {
    Integer(i128),
    Float(f64),
}

/// Reads one rule key (already known to be in [`KEYS`]) into `rules`.
pub fn parse(cx: &mut Ctxt, meta: &ParseNestedMeta, key: &str, rules: &mut Vec<Rule>) -> syn::Result<()> {
    let span = meta.path.get_ident().map_or_else(Span::call_site, syn::Ident::span);
    let kind = match key {
        "min_length" => Kind::MinLength(count(meta)?),
        "max_length" => Kind::MaxLength(count(meta)?),
        "min_items" => Kind::MinItems(count(meta)?),
        "max_items" => Kind::MaxItems(count(meta)?),
        "min_properties" => Kind::MinProperties(count(meta)?),
        "max_properties" => Kind::MaxProperties(count(meta)?),
        "minimum" => Kind::Bound(Bound::Minimum, number(meta)?),
        "maximum" => Kind::Bound(Bound::Maximum, number(meta)?),
        "exclusive_minimum" => Kind::Bound(Bound::ExclusiveMinimum, number(meta)?),
        "exclusive_maximum" => Kind::Bound(Bound::ExclusiveMaximum, number(meta)?),
        "multiple_of" => {
            let divisor = number(meta)?;
            if divisor.as_f64() <= 0.0 {
                cx.error_at(span, "`multiple_of` needs a number greater than 0");
            }
            Kind::MultipleOf(divisor)
        }
        "unique_items" => {
            if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                return Err(meta.error("`unique_items` takes no value: write #[api(unique_items)]"));
            }
            Kind::UniqueItems
        }
        "pattern" => {
            let pattern: LitStr = literal(meta)?;
            check_regex(cx, &pattern);
            Kind::Pattern(pattern)
        }
        "format" => {
            let name: LitStr = literal(meta)?;
            match FORMATS.iter().find(|(format, _)| *format == name.value()) {
                Some((_, checker)) => Kind::Format(checker),
                None => {
                    let names = FORMATS.iter().map(|(format, _)| *format);
                    let mut message = format!("unknown format \"{}\"", name.value());
                    match suggest::closest(&name.value(), names.clone()) {
                        Some(near) => message += &format!("; did you mean \"{near}\"?"),
                        None => message += &format!("; expected one of {}", names.collect::<Vec<_>>().join(", ")),
                    }
                    cx.error_spanned_by(&name, message);
                    return Ok(());
                }
            }
        }
        "items" => {
            let mut inner = Vec::new();
            meta.parse_nested_meta(|item| {
                let key = item.path.get_ident().map(ToString::to_string).unwrap_or_default();
                if KEYS.contains(&key.as_str()) {
                    parse(cx, &item, &key, &mut inner)
                } else {
                    let mut message = format!("unknown rule `{key}` in items(…)");
                    if let Some(near) = suggest::closest(&key, KEYS.iter().copied()) {
                        message += &format!("; did you mean `{near}`?");
                    }
                    Err(item.error(message))
                }
            })?;
            check_limits(cx, &inner);
            Kind::Items(inner)
        }
        "validate" => {
            let value = meta.value()?;
            let path: ExprPath = value.parse().map_err(|error| {
                syn::Error::new(error.span(), "expected a path to a function: validate = path::to::check")
            })?;
            Kind::Validate(path)
        }
        _ => return Ok(()),
    };
    rules.push(Rule { span, kind });
    Ok(())
}

/// Limits that no value can meet (a minimum above its maximum), and a rule
/// given twice in one `items(…)` (the attribute's own keys are checked once
/// for all by the attribute reader).
pub fn check_limits(cx: &mut Ctxt, rules: &[Rule]) {
    for (index, rule) in rules.iter().enumerate() {
        if rules[..index].iter().any(|earlier| earlier.kind.key() == rule.kind.key()) {
            cx.error_at(rule.span, format!("`{}` is given twice; keep one", rule.kind.key()));
        }
    }
    let find = |key: &str| rules.iter().find_map(|rule| Some((rule.span, rule.kind.limit_of(key)?)));
    let pairs = [
        ("min_length", "max_length"),
        ("min_items", "max_items"),
        ("min_properties", "max_properties"),
        ("minimum", "maximum"),
    ];
    for (low_key, high_key) in pairs {
        if let (Some((span, low)), Some((_, high))) = (find(low_key), find(high_key)) {
            if low > high {
                cx.error_at(
                    span,
                    format!("`{low_key}` ({low}) is above `{high_key}` ({high}): no value can meet both"),
                );
            }
        }
    }
}

impl Kind {
    /// The attribute key that wrote this rule.
    fn key(&self) -> &'static str {
        match self {
            Kind::MinLength(_) => "min_length",
            Kind::MaxLength(_) => "max_length",
            Kind::Pattern(_) => "pattern",
            Kind::Format(_) => "format",
            Kind::Bound(Bound::Minimum, _) => "minimum",
            Kind::Bound(Bound::Maximum, _) => "maximum",
            Kind::Bound(Bound::ExclusiveMinimum, _) => "exclusive_minimum",
            Kind::Bound(Bound::ExclusiveMaximum, _) => "exclusive_maximum",
            Kind::MultipleOf(_) => "multiple_of",
            Kind::MinItems(_) => "min_items",
            Kind::MaxItems(_) => "max_items",
            Kind::UniqueItems => "unique_items",
            Kind::MinProperties(_) => "min_properties",
            Kind::MaxProperties(_) => "max_properties",
            Kind::Items(_) => "items",
            Kind::Validate(_) => "validate",
        }
    }

    /// The limit of a counting or bounding rule, when it is the rule `key`.
    fn limit_of(&self, key: &str) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)]
        match (self, key) {
            (Kind::MinLength(n), "min_length")
            | (Kind::MaxLength(n), "max_length")
            | (Kind::MinItems(n), "min_items")
            | (Kind::MaxItems(n), "max_items")
            | (Kind::MinProperties(n), "min_properties")
            | (Kind::MaxProperties(n), "max_properties") => Some(*n as f64),
            (Kind::Bound(Bound::Minimum, number), "minimum") | (Kind::Bound(Bound::Maximum, number), "maximum") => {
                Some(number.as_f64())
            }
            _ => None,
        }
    }
}

#[cfg(feature = "regex")]
fn check_regex(cx: &mut Ctxt, pattern: &LitStr) {
    if let Err(error) = regex_syntax::Parser::new().parse(&pattern.value()) {
        cx.error_spanned_by(pattern, format!("`pattern` is not a valid regex:\n{error}"));
    }
}

/// Without the `regex` feature the regex cannot be read here; the generated
/// code then fails to compile with a message naming the feature.
#[cfg(not(feature = "regex"))]
fn check_regex(_: &mut Ctxt, _: &LitStr) {}

fn count(meta: &ParseNestedMeta) -> syn::Result<usize> {
    let key = key_name(meta);
    let expr: Expr = meta.value()?.parse()?;
    match ungroup(&expr) {
        Expr::Lit(ExprLit { lit: Lit::Int(int), .. }) => int.base10_parse(),
        _ => Err(syn::Error::new_spanned(expr, format!("expected a whole number: {key} = 3"))),
    }
}

fn number(meta: &ParseNestedMeta) -> syn::Result<Number> {
    let key = key_name(meta);
    let expr: Expr = meta.value()?.parse()?;
    let (negative, lit) = match ungroup(&expr) {
        Expr::Unary(ExprUnary { op: UnOp::Neg(_), expr: inner, .. }) => (true, ungroup(inner)),
        other => (false, other),
    };
    let number = match lit {
        Expr::Lit(ExprLit { lit: Lit::Int(int), .. }) => Number::Integer(int.base10_parse()?),
        Expr::Lit(ExprLit { lit: Lit::Float(float), .. }) => {
            let value: f64 = float.base10_parse()?;
            if !value.is_finite() {
                return Err(syn::Error::new_spanned(float, format!("{key} must be a finite number")));
            }
            Number::Float(value)
        }
        _ => return Err(syn::Error::new_spanned(expr, format!("expected a number literal: {key} = 10"))),
    };
    Ok(match (negative, number) {
        (false, number) => number,
        (true, Number::Integer(int)) => Number::Integer(-int),
        (true, Number::Float(float)) => Number::Float(-float),
    })
}

fn literal(meta: &ParseNestedMeta) -> syn::Result<LitStr> {
    let key = key_name(meta);
    let expr: Expr = meta.value()?.parse()?;
    match ungroup(&expr) {
        Expr::Lit(ExprLit { lit: Lit::Str(lit), .. }) => Ok(lit.clone()),
        _ => Err(syn::Error::new_spanned(expr, format!("expected a string literal: {key} = \"...\""))),
    }
}

fn key_name(meta: &ParseNestedMeta) -> String {
    meta.path.get_ident().map(ToString::to_string).unwrap_or_default()
}

fn ungroup(mut expr: &Expr) -> &Expr {
    while let Expr::Group(group) = expr {
        expr = &group.expr;
    }
    expr
}

impl Number {
    fn as_f64(self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        match self {
            Number::Integer(int) => int as f64,
            Number::Float(float) => float,
        }
    }

    fn limit(self) -> TokenStream {
        let private = crate::path::private();
        match self {
            Number::Integer(int) => quote!(#private::Limit::Integer(#int)),
            Number::Float(float) => quote!(#private::Limit::Float(#float)),
        }
    }
}

impl Bound {
    fn variant(self) -> TokenStream {
        match self {
            Bound::Minimum => quote!(Minimum),
            Bound::Maximum => quote!(Maximum),
            Bound::ExclusiveMinimum => quote!(ExclusiveMinimum),
            Bound::ExclusiveMaximum => quote!(ExclusiveMaximum),
        }
    }

    fn allowed(self) -> TokenStream {
        match self {
            Bound::Minimum => quote!(AT_LEAST),
            Bound::Maximum => quote!(AT_MOST),
            Bound::ExclusiveMinimum => quote!(ABOVE),
            Bound::ExclusiveMaximum => quote!(BELOW),
        }
    }
}

/// The rules as data: `&[Rule::MinLength(3), …]`.
pub fn data(rules: &[Rule]) -> TokenStream {
    let private = crate::path::private();
    let rules = rules.iter().map(|rule| {
        let rule_path = quote!(#private::Rule);
        match &rule.kind {
            Kind::MinLength(n) => quote!(#rule_path::MinLength(#n)),
            Kind::MaxLength(n) => quote!(#rule_path::MaxLength(#n)),
            Kind::Pattern(pattern) => quote!(#rule_path::Pattern(#pattern)),
            Kind::Format(checker) => {
                let checker = syn::Ident::new(checker, Span::call_site());
                quote!(#rule_path::Format(#private::Format::#checker))
            }
            Kind::Bound(bound, number) => {
                let variant = bound.variant();
                let limit = number.limit();
                quote!(#rule_path::#variant(#limit))
            }
            Kind::MultipleOf(number) => {
                let limit = number.limit();
                quote!(#rule_path::MultipleOf(#limit))
            }
            Kind::MinItems(n) => quote!(#rule_path::MinItems(#n)),
            Kind::MaxItems(n) => quote!(#rule_path::MaxItems(#n)),
            Kind::UniqueItems => quote!(#rule_path::UniqueItems),
            Kind::MinProperties(n) => quote!(#rule_path::MinProperties(#n)),
            Kind::MaxProperties(n) => quote!(#rule_path::MaxProperties(#n)),
            Kind::Items(inner) => {
                let inner = data(inner);
                quote!(#rule_path::Items(#inner))
            }
            Kind::Validate(path) => {
                let name = quote!(#path).to_string().replace(' ', "");
                quote!(#rule_path::Custom(#name))
            }
        }
    });
    quote!(&[#(#rules),*])
}

/// The checks of `rules` on the variable `value` (of type `&T`), one call
/// per rule, each spanned at its key, the variable too: rustc blames the
/// argument whose type lacks the rule's trait. `optional`: the value is an
/// `Option`, whose `validate` function is given the value inside.
pub fn checks(rules: &[Rule], value: &str, optional: bool) -> TokenStream {
    let private = crate::path::private();
    let calls = rules.iter().map(|rule| {
        let span = rule.span;
        let value = syn::Ident::new(value, span);
        match &rule.kind {
            Kind::MinLength(n) => quote_spanned!(span=> __rules.min_length(#value, #n);),
            Kind::MaxLength(n) => quote_spanned!(span=> __rules.max_length(#value, #n);),
            Kind::Pattern(pattern) => quote_spanned! {span=>
                {
                    static __PATTERN: #private::Pattern = #private::Pattern::new(#pattern);
                    __rules.pattern(#value, &__PATTERN);
                }
            },
            Kind::Format(checker) => {
                let checker = syn::Ident::new(checker, span);
                quote_spanned!(span=> __rules.format(#value, #private::#checker);)
            }
            Kind::Bound(bound, number) => {
                let variant = bound.variant();
                let allowed = bound.allowed();
                let limit = number.limit();
                quote_spanned! {span=>
                    __rules.bound(
                        #value,
                        #private::Rule::#variant(#limit),
                        #limit,
                        #private::#allowed,
                    );
                }
            }
            Kind::MultipleOf(number) => {
                let limit = number.limit();
                quote_spanned!(span=> __rules.multiple_of(#value, #limit);)
            }
            Kind::MinItems(n) => quote_spanned!(span=> __rules.min_items(#value, #n);),
            Kind::MaxItems(n) => quote_spanned!(span=> __rules.max_items(#value, #n);),
            Kind::UniqueItems => quote_spanned!(span=> __rules.unique_items(#value);),
            Kind::MinProperties(n) => quote_spanned!(span=> __rules.min_properties(#value, #n);),
            Kind::MaxProperties(n) => quote_spanned!(span=> __rules.max_properties(#value, #n);),
            Kind::Items(inner) => {
                let inner = checks(inner, "__item", false);
                quote_spanned!(span=> __rules.items(#value, |__rules, __item| { #inner });)
            }
            Kind::Validate(path) if optional => quote_spanned! {span=>
                if let ::core::option::Option::Some(__some) = #value {
                    __rules.custom(#path(__some));
                }
            },
            Kind::Validate(path) => quote_spanned!(span=> __rules.custom(#path(#value));),
        }
    });
    quote!(#(#calls)*)
}
