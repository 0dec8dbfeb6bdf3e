//! Value rules: reading `#[api(min_length = 3, items(…), validate = f)]`,
//! refusing the impossible ones, and writing their data and their checks.
//!
//! Every rule is declared once, in [`TABLE`]: its key, what follows the key
//! and the rule it is the lower limit of. The parser, the limit checks and
//! both emitters read that row; the key is also the name of the runtime
//! method that checks the rule (`Rules::min_length`), and the row's
//! `variant` the `doc::Rule` it becomes.
//!
//! Which types a rule applies to is declared once too, by the bound of that
//! runtime method: the trait of its family (`TextValue`, `NumberValue`, …).
//! Each check is a call spanned at its attribute, so a rule on the wrong type
//! fails right there, in the trait's words.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::meta::ParseNestedMeta;
use syn::{Expr, ExprLit, ExprPath, ExprUnary, Lit, LitStr, UnOp};

use crate::ctxt::Ctxt;
use crate::formats::FORMAT_NAMES;
use crate::suggest;

/// One rule the derive knows.
pub struct Spec {
    /// The attribute key, JSON Schema's name in snake_case, and the runtime
    /// `Rules` method that checks it.
    pub key: &'static str,
    /// The `doc::Rule` variant it becomes.
    variant: &'static str,
    /// What follows the key.
    shape: Shape,
    /// The rule whose limit may not be below this one's (`max_length` for
    /// `min_length`): no value could meet both.
    upper: Option<&'static str>,
}

/// What follows a rule's key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `= 3`: a whole number.
    Count,
    /// `= -1.5`: a number literal, exact when it is an integer.
    Number,
    /// `= 0.5`: a number literal above 0.
    Divisor,
    /// `= "text"`.
    Text,
    /// `= "^[a-z]+$"`: a regex, checked here when the `regex` feature is on.
    Regex,
    /// `= "email"`: one of [`FORMAT_NAMES`].
    Format,
    /// Nothing: `unique_items`.
    Flag,
    /// `(…)`: rules for each element.
    Nested,
    /// `= path::to::f`: a function of the user's.
    Function,
}

/// Every rule, once.
pub const TABLE: &[Spec] = &[
    spec("min_length", "MinLength", Shape::Count, Some("max_length")),
    spec("max_length", "MaxLength", Shape::Count, None),
    spec("pattern", "Pattern", Shape::Regex, None),
    spec("format", "Format", Shape::Format, None),
    spec("contains", "Contains", Shape::Text, None),
    spec("minimum", "Minimum", Shape::Number, Some("maximum")),
    spec("maximum", "Maximum", Shape::Number, None),
    spec("exclusive_minimum", "ExclusiveMinimum", Shape::Number, None),
    spec("exclusive_maximum", "ExclusiveMaximum", Shape::Number, None),
    spec("multiple_of", "MultipleOf", Shape::Divisor, None),
    spec("min_items", "MinItems", Shape::Count, Some("max_items")),
    spec("max_items", "MaxItems", Shape::Count, None),
    spec("unique_items", "UniqueItems", Shape::Flag, None),
    spec("min_properties", "MinProperties", Shape::Count, Some("max_properties")),
    spec("max_properties", "MaxProperties", Shape::Count, None),
    spec("items", "Items", Shape::Nested, None),
    spec("validate", "Custom", Shape::Function, None),
];

const fn spec(key: &'static str, variant: &'static str, shape: Shape, upper: Option<&'static str>) -> Spec {
    Spec { key, variant, shape, upper }
}

/// The row of `key`, when it names a rule.
pub fn find(key: &str) -> Option<&'static Spec> {
    TABLE.iter().find(|spec| spec.key == key)
}

/// Every rule key, for messages that list them.
pub fn keys() -> Vec<&'static str> {
    TABLE.iter().map(|spec| spec.key).collect()
}

/// One rule as written, with the span of its key for every error about it.
pub struct Rule {
    pub span: Span,
    spec: &'static Spec,
    arg: Arg,
    /// `message = "…"` beside it: the text of its issues.
    message: Option<LitStr>,
    /// `code = "…"` beside it: the code of its issues.
    code: Option<LitStr>,
}

/// The keys that give the rules beside them a text or a code of the user's.
pub const MESSAGE: &str = "message";
/// See [`MESSAGE`].
pub const CODE: &str = "code";

/// A `message = "…"` or `code = "…"` as written, for the rules of its list.
pub struct Own {
    pub key: &'static str,
    pub value: LitStr,
    pub span: Span,
}

impl Own {
    /// Reads `message = "…"` or `code = "…"` (`key` is one of them); a code
    /// must be a snake_case name, which a client can match on.
    pub fn parse(cx: &mut Ctxt, meta: &ParseNestedMeta, key: &'static str) -> syn::Result<Own> {
        let span = meta.path.get_ident().map_or_else(Span::call_site, syn::Ident::span);
        let value = literal(meta)?;
        if key == CODE && !is_snake_case(&value.value()) {
            cx.error_spanned_by(
                &value,
                "`code` is a snake_case name a client matches on, such as \"title_taken\": lower-case letters, \
                 digits and `_`, starting with a letter, at most 64 characters",
            );
        }
        Ok(Own { key, value, span })
    }
}

/// The rule model-core's `Violation::code` and `Issue::custom` apply at run
/// time (`issue.rs`), here at compile time for a literal.
fn is_snake_case(code: &str) -> bool {
    let mut bytes = code.bytes();
    code.len() <= 64
        && bytes.next().is_some_and(|first| first.is_ascii_lowercase())
        && bytes.all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'_')
}

/// Gives `rules` each `message` and `code` of `owns`, which were written in
/// the same list; a list with no rule has nothing to give them to.
pub fn give(cx: &mut Ctxt, rules: &mut [Rule], owns: Vec<Own>) {
    for own in owns {
        if rules.is_empty() {
            cx.error_at(
                own.span,
                format!(
                    "`{0}` sets the {1} of the rules written beside it, and there is none here: write it in the \
                     rule's own #[api(…)], such as #[api(min_length = 3, {0} = \"…\")]",
                    own.key,
                    if own.key == MESSAGE { "text" } else { "code" }
                ),
            );
            continue;
        }
        for rule in rules.iter_mut() {
            let slot = if own.key == MESSAGE { &mut rule.message } else { &mut rule.code };
            *slot = Some(own.value.clone());
        }
    }
}

/// What was written after the key, read as its [`Shape`] says.
enum Arg {
    Count(usize),
    Number(Number),
    Text(LitStr),
    /// The checker type in model-core: `Email`.
    Format(&'static str),
    Flag,
    Nested(Vec<Rule>),
    Function(ExprPath),
}

/// A numeric literal, possibly negative: exact when it is an integer.
#[derive(Clone, Copy)]
enum Number {
    Integer(i128),
    Float(f64),
}

/// Reads the rule `spec` at `meta` into `rules`.
pub fn parse(cx: &mut Ctxt, meta: &ParseNestedMeta, spec: &'static Spec, rules: &mut Vec<Rule>) -> syn::Result<()> {
    let span = meta.path.get_ident().map_or_else(Span::call_site, syn::Ident::span);
    let arg = match spec.shape {
        Shape::Count => Arg::Count(count(meta)?),
        Shape::Number => Arg::Number(number(meta)?),
        Shape::Divisor => {
            let divisor = number(meta)?;
            if divisor.as_f64() <= 0.0 {
                cx.error_at(span, format!("`{}` needs a number greater than 0", spec.key));
            }
            Arg::Number(divisor)
        }
        Shape::Text => Arg::Text(literal(meta)?),
        Shape::Regex => {
            let pattern = literal(meta)?;
            check_regex(cx, &pattern);
            Arg::Text(pattern)
        }
        Shape::Format => {
            let name = literal(meta)?;
            let Some((_, checker)) = FORMAT_NAMES.iter().find(|(format, _)| *format == name.value()) else {
                cx.error_spanned_by(&name, unknown_format(&name.value()));
                return Ok(());
            };
            Arg::Format(checker)
        }
        Shape::Flag => {
            if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                return Err(meta.error(format!("`{0}` takes no value: write #[api({0})]", spec.key)));
            }
            Arg::Flag
        }
        Shape::Nested => {
            let mut inner = Vec::new();
            let mut owns = Vec::new();
            meta.parse_nested_meta(|item| {
                let key = item.path.get_ident().map(ToString::to_string).unwrap_or_default();
                if key == MESSAGE || key == CODE {
                    let key = if key == MESSAGE { MESSAGE } else { CODE };
                    if owns.iter().any(|own: &Own| own.key == key) {
                        return Err(item.error(format!("`{key}` is given twice in {}(…); keep one", spec.key)));
                    }
                    owns.push(Own::parse(cx, &item, key)?);
                    return Ok(());
                }
                match find(&key) {
                    Some(spec) => parse(cx, &item, spec, &mut inner),
                    None => {
                        let mut message = format!("unknown rule `{key}` in {}(…)", spec.key);
                        if let Some(near) = suggest::closest(&key, keys().into_iter()) {
                            message += &format!("; did you mean `{near}`?");
                        }
                        Err(item.error(message))
                    }
                }
            })?;
            check_limits(cx, &inner);
            give(cx, &mut inner, owns);
            Arg::Nested(inner)
        }
        Shape::Function => {
            let path: ExprPath = meta.value()?.parse().map_err(|error| {
                syn::Error::new(error.span(), format!("expected a path to a function: {} = path::to::check", spec.key))
            })?;
            Arg::Function(path)
        }
    };
    rules.push(Rule { span, spec, arg, message: None, code: None });
    Ok(())
}

fn unknown_format(name: &str) -> String {
    let names = FORMAT_NAMES.iter().map(|(format, _)| *format);
    let mut message = format!("unknown format \"{name}\"");
    match suggest::closest(name, names.clone()) {
        Some(near) => message += &format!("; did you mean \"{near}\"?"),
        None => message += &format!("; expected one of {}", names.collect::<Vec<_>>().join(", ")),
    }
    message
}

/// A rule given twice in one list, and limits that no value can meet (a
/// lower limit above its upper one).
pub fn check_limits(cx: &mut Ctxt, rules: &[Rule]) {
    for (index, rule) in rules.iter().enumerate() {
        if rules[..index].iter().any(|earlier| earlier.spec.key == rule.spec.key) {
            cx.error_at(rule.span, format!("`{}` is given twice; keep one", rule.spec.key));
        }
    }
    for low in rules {
        let Some(upper) = low.spec.upper else { continue };
        let Some(high) = rules.iter().find(|rule| rule.spec.key == upper) else { continue };
        if let (Some(low_limit), Some(high_limit)) = (low.arg.limit(), high.arg.limit()) {
            if low_limit > high_limit {
                cx.error_at(
                    low.span,
                    format!(
                        "`{}` ({low_limit}) is above `{upper}` ({high_limit}): no value can meet both",
                        low.spec.key
                    ),
                );
            }
        }
    }
}

impl Arg {
    /// The limit of a counting or bounding rule.
    fn limit(&self) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)]
        match self {
            Arg::Count(n) => Some(*n as f64),
            Arg::Number(number) => Some(number.as_f64()),
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

/// The rules as data: `&[Rule::MinLength(3), …]`.
pub fn data(rules: &[Rule]) -> TokenStream {
    let private = crate::path::private();
    let rules = rules.iter().map(|rule| {
        let variant = format_ident!("{}", rule.spec.variant);
        let value = match &rule.arg {
            Arg::Count(n) => quote!((#n)),
            Arg::Number(number) => {
                let limit = number.limit();
                quote!((#limit))
            }
            Arg::Text(text) => quote!((#text)),
            Arg::Format(checker) => {
                let checker = format_ident!("{checker}");
                quote!((#private::Format::#checker))
            }
            Arg::Flag => quote!(),
            Arg::Nested(inner) => {
                let inner = data(inner);
                quote!((#inner))
            }
            // With a message, the docs say what it checks, not its Rust path.
            Arg::Function(_) if rule.message.is_some() => {
                let message = &rule.message;
                return quote!(#private::Rule::Described(#message));
            }
            Arg::Function(path) => {
                let name = quote!(#path).to_string().replace(' ', "");
                quote!((#name))
            }
        };
        quote!(#private::Rule::#variant #value)
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
        let method = syn::Ident::new(rule.spec.key, span);
        // A rule with a message or code of the user's is checked with them.
        let __rules = match (&rule.message, &rule.code) {
            (None, None) => quote!(__rules),
            (message, code) => {
                let message = message
                    .as_ref()
                    .map_or_else(|| quote!(::core::option::Option::None), |m| quote!(::core::option::Option::Some(#m)));
                let code = code
                    .as_ref()
                    .map_or_else(|| quote!(::core::option::Option::None), |c| quote!(::core::option::Option::Some(#c)));
                quote!(__rules.own(#message, #code))
            }
        };
        match &rule.arg {
            Arg::Count(n) => quote_spanned!(span=> #__rules.#method(#value, #n);),
            Arg::Number(number) => {
                let limit = number.limit();
                quote_spanned!(span=> #__rules.#method(#value, #limit);)
            }
            // A regex is compiled once, on first use.
            Arg::Text(pattern) if rule.spec.shape == Shape::Regex => quote_spanned! {span=>
                {
                    static __PATTERN: #private::Pattern = #private::Pattern::new(#pattern);
                    #__rules.#method(#value, &__PATTERN);
                }
            },
            Arg::Text(text) => quote_spanned!(span=> #__rules.#method(#value, #text);),
            Arg::Format(checker) => {
                let checker = syn::Ident::new(checker, span);
                quote_spanned!(span=> #__rules.#method(#value, #private::#checker);)
            }
            Arg::Flag => quote_spanned!(span=> #__rules.#method(#value);),
            Arg::Nested(inner) => {
                let inner = checks(inner, "__item", false);
                quote_spanned!(span=> #__rules.#method(#value, |__rules, __item| { #inner });)
            }
            Arg::Function(path) if optional => quote_spanned! {span=>
                if let ::core::option::Option::Some(__some) = #value {
                    #__rules.#method(#path(__some));
                }
            },
            Arg::Function(path) => quote_spanned!(span=> #__rules.#method(#path(#value));),
        }
    });
    quote!(#(#calls)*)
}
