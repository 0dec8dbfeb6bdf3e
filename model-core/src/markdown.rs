//! Markdown pages in the shape of StackOne's SDK docs: `# Name`, the
//! description, `## Example Usage`, and a `## Fields` (or `## Values`) table.

use std::fmt::Write;

use serde_json::Value;

use crate::doc::{linked, EnumDoc, FieldDoc, Linked, ModelDoc, Names, Rule, Tagging, TypeDoc, UnionDoc, VariantShape};

/// One generated page.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Page {
    /// The type's name, which is also the page's file stem: its name with
    /// type arguments (`Page_User`), after its module path when another type
    /// of that name is linked too (`billing.Invoice`).
    pub name: String,
    /// The page itself.
    pub markdown: String,
}

impl Page {
    /// `Name.md`, the file other pages link to.
    pub fn file_name(&self) -> String {
        format!("{}.md", self.name)
    }
}

/// The pages of every model and enum reachable from `ty`, `ty`'s own first.
pub fn pages(ty: &TypeDoc) -> Vec<Page> {
    let all = linked(ty);
    let names = Names::of(&all);
    all.iter().map(|linked| page(linked, &names)).collect()
}

fn page(linked: &Linked, names: &Names) -> Page {
    let name = names.linked(linked).into_owned();
    let markdown = match linked {
        Linked::Model(doc) => model_page_in(doc, names),
        Linked::Enum(doc) => enum_page(doc),
        Linked::Union(doc) => union_page_in(doc, names),
    };
    Page { name, markdown }
}

/// The page of the model, enum or data enum `ty` names; `None` for any
/// other type, which has no page of its own.
pub fn page_of(ty: &TypeDoc) -> Option<Page> {
    // Only the first of them is written; all are named, so links agree with `pages`.
    let all = linked(ty);
    let names = Names::of(&all);
    match ty {
        TypeDoc::Model(_) | TypeDoc::Enum(_) | TypeDoc::Union(_) => all.first().map(|own| page(own, &names)),
        _ => None,
    }
}

/// A model's page.
pub fn model_page(doc: &ModelDoc) -> String {
    model_page_in(doc, &Names::of(&[]))
}

fn model_page_in(doc: &ModelDoc, names: &Names) -> String {
    let mut page = heading(&doc.key(), doc.description);
    if let Some(title) = doc.title {
        let _ = write!(page, "Reports call it `{title}`.\n\n");
    }
    if let Some(rule) = doc.rule {
        let _ = write!(page, "**Rule:** {rule}\n\n");
    }
    if let Some(example) = doc.example_payload() {
        let json = serde_json::to_string_pretty(&example).unwrap_or_default();
        let _ = write!(page, "## Example Usage\n\n```json\n{json}\n```\n\n");
    }
    page.push_str("## Fields\n\n");
    page.push_str("| Field | Type | Required | Description | Example |\n");
    page.push_str("| ----- | ---- | -------- | ----------- | ------- |\n");
    for field in &doc.wire_fields() {
        let _ = writeln!(
            page,
            "| `{}` | {} | {} | {} | {} |",
            code_cell(field.wire_name),
            type_cell(names, field.ty),
            required_cell(field),
            description_cell(field),
            example_cell(field)
        );
    }
    page
}

/// An enum's page.
pub fn enum_page(doc: &EnumDoc) -> String {
    let mut page = heading(doc.name, doc.description);
    if doc.open {
        page.push_str(
            "This enum is **open**: a value not listed here is kept as it came and written back unchanged.\n\n",
        );
    } else {
        page.push_str("This enum is **closed**: a value not listed here is refused.\n\n");
    }
    page.push_str("## Values\n\n| Name | Value | Description |\n| ---- | ----- | ----------- |\n");
    for value in doc.values {
        let description = value.description.map_or_else(|| "N/A".to_owned(), cell);
        let _ = writeln!(page, "| `{}` | {} | {description} |", value.rust_name, cell(value.wire_name));
    }
    page
}

/// A data enum's page: how the wire names a variant, then each variant.
pub fn union_page(doc: &UnionDoc) -> String {
    union_page_in(doc, &Names::of(&[]))
}

fn union_page_in(doc: &UnionDoc, names: &Names) -> String {
    let mut page = heading(doc.name, doc.description);
    let how = match doc.tagging {
        Tagging::External => {
            "a one-key object, `{\"variant\": …}`, whose key names the variant (a unit variant is its name alone)"
                .to_owned()
        }
        Tagging::Internal { tag } => {
            format!("an object whose `{tag}` key names the variant, beside the variant's own fields")
        }
        Tagging::Adjacent { tag, content } => {
            format!("an object whose `{tag}` key names the variant and whose `{content}` key holds its content")
        }
        Tagging::Untagged => {
            "the variant's own shape, with no name: the first variant that reads it is taken".to_owned()
        }
    };
    let _ = write!(page, "A value is {how}.\n\n## Variants\n\n");
    for variant in doc.variants {
        let name =
            if variant.catch_all { "(any other)".to_owned() } else { format!("`{}`", code_cell(variant.wire_name)) };
        let _ = write!(page, "### {name}\n\n");
        if let Some(description) = variant.description {
            let _ = write!(page, "{description}\n\n");
        }
        match variant.shape {
            VariantShape::Unit => page.push_str("No content.\n\n"),
            VariantShape::Newtype(ty) => {
                let _ = write!(page, "Content: {}\n\n", type_cell(names, ty));
            }
            VariantShape::Struct(fields) => {
                page.push_str("| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n");
                for field in fields {
                    let _ = writeln!(
                        page,
                        "| `{}` | {} | {} | {} |",
                        code_cell(field.wire_name),
                        type_cell(names, field.ty),
                        required_cell(field),
                        description_cell(field)
                    );
                }
                page.push('\n');
            }
        }
    }
    page
}

fn heading(name: &str, description: Option<&str>) -> String {
    match description {
        Some(description) => format!("# {name}\n\n{description}\n\n"),
        None => format!("# {name}\n\n"),
    }
}

fn type_cell(names: &Names, ty: &TypeDoc) -> String {
    match ty {
        TypeDoc::Array(item) => format!("{}[]", type_cell(names, item)),
        TypeDoc::Map(value) => format!("map of {}", type_cell(names, value)),
        TypeDoc::KeyedMap(key, value) => format!("map of {} by {}", type_cell(names, value), type_cell(names, key)),
        TypeDoc::Nullable(inner) => type_cell(names, inner),
        TypeDoc::Patch(inner) => format!("{} (`null` clears it)", type_cell(names, inner)),
        TypeDoc::Secret(inner) => format!("{} (secret)", type_cell(names, inner)),
        TypeDoc::Newtype(doc) if doc.rules.is_empty() => type_cell(names, doc.ty),
        TypeDoc::Newtype(doc) => {
            let rules: Vec<String> = doc.rules.iter().map(rule_cell).collect();
            format!("{} ({})", type_cell(names, doc.ty), rules.join("; "))
        }
        TypeDoc::Model(_) | TypeDoc::Enum(_) | TypeDoc::Union(_) => link(&names.name(ty).unwrap_or_default()),
        TypeDoc::String
        | TypeDoc::Number
        | TypeDoc::Integer { .. }
        | TypeDoc::Boolean
        | TypeDoc::DateTime
        | TypeDoc::Text(_)
        | TypeDoc::Decimal
        | TypeDoc::Any
        | TypeDoc::Object => format!("*{ty}*"),
    }
}

fn link(name: &str) -> String {
    format!("[{name}]({name}.md)")
}

fn required_cell(field: &FieldDoc) -> &'static str {
    if field.required {
        ":heavy_check_mark:"
    } else {
        ":heavy_minus_sign:"
    }
}

fn description_cell(field: &FieldDoc) -> String {
    let mut description = field.description.map_or_else(|| "N/A".to_owned(), cell);
    if field.read_only {
        description = format!("**Read-only:** sent by the API, ignored on input. {description}");
    }
    if field.deprecated {
        description = format!("**Deprecated.** {description}");
    }
    if let Some(default) = field.published_default() {
        description = format!("{description}<br/>**Default:** `{}`.", code_cell(&default.to_string()));
    }
    if !field.rules.is_empty() {
        let rules: Vec<String> = field.rules.iter().map(rule_cell).collect();
        description = format!("{description}<br/>**Rules:** {}.", rules.join("; "));
    }
    description
}

/// A rule as the docs say it: `at least 3 characters`, ``matching `^[a-z]+$` ``.
fn rule_cell(rule: &Rule) -> String {
    match rule {
        Rule::Pattern(pattern) => format!("matching `{}`", code_cell(pattern)),
        Rule::Contains(needle) => format!("containing `{}`", code_cell(needle)),
        Rule::Custom(path) => format!("accepted by `{}`", code_cell(path)),
        Rule::Items(rules) => {
            let rules: Vec<String> = rules.iter().map(rule_cell).collect();
            format!("each item {}", rules.join(", "))
        }
        other => cell(&other.to_string()),
    }
}

/// Strings as they are, anything else as compact JSON; several joined by line breaks.
fn example_cell(field: &FieldDoc) -> String {
    if field.secret() {
        return String::new();
    }
    let shown: Vec<String> = field
        .examples
        .iter()
        .filter_map(|example| example.value().ok())
        .map(|value| match value {
            Value::String(text) => cell(&text),
            other => cell(&other.to_string()),
        })
        .collect();
    shown.join("<br/>")
}

/// Data made safe for one table cell: HTML's three and the cell separator
/// escaped (GitHub would drop a bare `<id>`), line breaks kept.
fn cell(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for ch in text.replace("\r\n", "\n").replace('\r', "\n").chars() {
        match ch {
            '&' => safe.push_str("&amp;"),
            '<' => safe.push_str("&lt;"),
            '>' => safe.push_str("&gt;"),
            '|' => safe.push_str("\\|"),
            '\n' => safe.push_str("<br/>"),
            _ => safe.push(ch),
        }
    }
    safe
}

/// A name inside backticks, where entities are not decoded: only the cell
/// separator is escaped, which GitHub's table parser removes before the span.
fn code_cell(text: &str) -> String {
    text.replace('|', "\\|")
}
