//! Models with rules, each beside its garde 0.22 twin with the same rules,
//! and a valid and a broken payload of each: the shapes of the rules
//! benchmark (group 9) and of `examples/rules_vs_garde.rs`, which counts
//! their instructions.
//!
//! Each broken payload has the right types and breaks only rules, so both
//! sides find the same problems: garde after serde, `from_json` with each
//! problem's line and column.

use garde::Validate;
use model_core::{ApiModel, ValidationError};
use serde::Deserialize;

/// A shape: its name, its two payloads, how many problems the broken one
/// has, and a parse with each library.
pub struct Shape {
    pub name: &'static str,
    pub valid: String,
    pub broken: String,
    pub problems: usize,
    /// `from_json`: the count of issues, 0 when valid.
    pub api_model: fn(&str) -> usize,
    /// `serde_json::from_str` then `validate()`: the count of errors.
    pub garde: fn(&str) -> usize,
}

fn count_issues<T: ApiModel>(json: &str) -> usize {
    T::from_json(json).err().as_ref().map_or(0, |error: &ValidationError| error.issues().len())
}

fn count_errors<T: Validate<Context = ()> + serde::de::DeserializeOwned>(json: &str) -> usize {
    let value: T = serde_json::from_str(json).expect("the shapes' payloads have the right types");
    value.validate().err().map_or(0, |report| report.iter().count())
}

impl Shape {
    /// The shape of model `A` and its garde twin `G`.
    fn of<A: ApiModel, G: Validate<Context = ()> + serde::de::DeserializeOwned>(
        name: &'static str,
        valid: String,
        broken: String,
        problems: usize,
    ) -> Shape {
        Shape { name, valid, broken, problems, api_model: count_issues::<A>, garde: count_errors::<G> }
    }
}

/// Every shape, in the order the benchmark runs them.
pub fn shapes() -> Vec<Shape> {
    vec![
        Shape::of::<Signup, GardeSignup>("eight rules", SIGNUP_VALID.to_owned(), SIGNUP_BROKEN.to_owned(), 7),
        Shape::of::<Tagged, GardeTagged>("items of a 100-item list", tags(100, 0), tags(100, 10), 10),
        Shape::of::<Patterned, GardePatterned>(
            "five patterns",
            PATTERNS_VALID.to_owned(),
            PATTERNS_BROKEN.to_owned(),
            5,
        ),
        Shape::of::<Formatted, GardeFormatted>("four formats", FORMATS_VALID.to_owned(), FORMATS_BROKEN.to_owned(), 4),
    ]
}

/// The sign-up of issue 25: lengths, a pattern, a range, rules on each
/// item, a URI, lengths on two optional fields, a multiple.
#[derive(Debug, Deserialize, ApiModel)]
pub struct Signup {
    #[api(min_length = 3, max_length = 32)]
    pub login: String,
    #[api(pattern = "^[a-z0-9_]+$")]
    pub handle: String,
    #[api(minimum = 13, maximum = 130)]
    pub age: u32,
    #[api(max_items = 10, items(min_length = 1, max_length = 20))]
    pub tags: Vec<String>,
    #[api(format = "uri")]
    pub website: String,
    #[api(max_length = 200)]
    pub bio: Option<String>,
    #[api(min_length = 2)]
    pub nickname: Option<String>,
    #[api(multiple_of = 5)]
    pub donation: u32,
}

#[derive(Debug, Deserialize, Validate)]
pub struct GardeSignup {
    #[garde(length(chars, min = 3, max = 32))]
    pub login: String,
    #[garde(pattern(r"^[a-z0-9_]+$"))]
    pub handle: String,
    #[garde(range(min = 13, max = 130))]
    pub age: u32,
    #[garde(length(max = 10), inner(length(chars, min = 1, max = 20)))]
    pub tags: Vec<String>,
    #[garde(url)]
    pub website: String,
    #[garde(length(chars, max = 200))]
    pub bio: Option<String>,
    #[garde(length(chars, min = 2))]
    pub nickname: Option<String>,
    // garde has no `multiple_of`.
    #[garde(custom(multiple_of_five))]
    pub donation: u32,
}

fn multiple_of_five(value: &u32, _: &()) -> garde::Result {
    match value % 5 {
        0 => Ok(()),
        _ => Err(garde::Error::new("not a multiple of 5")),
    }
}

pub const SIGNUP_VALID: &str = r#"{"login": "ada_lovelace", "handle": "ada_1815", "age": 36, "tags": ["math", "engines"],
    "website": "https://example.com/ada", "bio": "Wrote the first program.", "nickname": "ada", "donation": 25}"#;

pub const SIGNUP_BROKEN: &str = r#"{"login": "ad", "handle": "Ada!", "age": 7, "tags": ["math", ""],
    "website": "not a uri", "bio": null, "nickname": "a", "donation": 26}"#;

/// A list whose every item has rules.
#[derive(Debug, Deserialize, ApiModel)]
pub struct Tagged {
    #[api(max_items = 200, items(min_length = 1, max_length = 20))]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, Validate)]
pub struct GardeTagged {
    #[garde(length(max = 200), inner(length(chars, min = 1, max = 20)))]
    pub tags: Vec<String>,
}

/// `{"tags": [...]}` with `items` tags, `empty` of them (spread out) empty.
pub fn tags(items: usize, empty: usize) -> String {
    let every = items.checked_div(empty).unwrap_or(usize::MAX);
    let tags: Vec<String> = (0..items)
        .map(|index| if index % every == every - 1 { String::new() } else { format!("tag-{index}") })
        .collect();
    serde_json::json!({ "tags": tags }).to_string()
}

/// Five fields with a regex each.
#[derive(Debug, Deserialize, ApiModel)]
pub struct Patterned {
    #[api(pattern = "^[A-Z]{3}-[0-9]{4}$")]
    pub sku: String,
    #[api(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub slug: String,
    #[api(pattern = "^#[0-9a-f]{6}$")]
    pub color: String,
    #[api(pattern = "^\\+[1-9][0-9]{6,14}$")]
    pub phone: String,
    #[api(pattern = "^[0-9]+\\.[0-9]+\\.[0-9]+$")]
    pub version: String,
}

#[derive(Debug, Deserialize, Validate)]
pub struct GardePatterned {
    #[garde(pattern(r"^[A-Z]{3}-[0-9]{4}$"))]
    pub sku: String,
    #[garde(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub slug: String,
    #[garde(pattern(r"^#[0-9a-f]{6}$"))]
    pub color: String,
    #[garde(pattern(r"^\+[1-9][0-9]{6,14}$"))]
    pub phone: String,
    #[garde(pattern(r"^[0-9]+\.[0-9]+\.[0-9]+$"))]
    pub version: String,
}

pub const PATTERNS_VALID: &str = r##"{"sku": "ABC-1234", "slug": "red-shoes-42", "color": "#a0b1c2", "phone": "+4915112345678", "version": "1.20.3"}"##;

pub const PATTERNS_BROKEN: &str =
    r##"{"sku": "abc-1234", "slug": "Red Shoes", "color": "#a0b1c", "phone": "015112345678", "version": "1.20"}"##;

/// Four fields with a format each.
#[derive(Debug, Deserialize, ApiModel)]
pub struct Formatted {
    #[api(format = "email")]
    pub email: String,
    #[api(format = "uri")]
    pub homepage: String,
    #[api(format = "ipv4")]
    pub ipv4: String,
    #[api(format = "ipv6")]
    pub ipv6: String,
}

#[derive(Debug, Deserialize, Validate)]
pub struct GardeFormatted {
    #[garde(email)]
    pub email: String,
    #[garde(url)]
    pub homepage: String,
    #[garde(ipv4)]
    pub ipv4: String,
    #[garde(ipv6)]
    pub ipv6: String,
}

pub const FORMATS_VALID: &str = r#"{"email": "ada@example.com", "homepage": "https://example.com/ada",
    "ipv4": "192.168.10.1", "ipv6": "2001:db8::8a2e:370:7334"}"#;

pub const FORMATS_BROKEN: &str = r#"{"email": "ada.example.com", "homepage": "example dot com",
    "ipv4": "192.168.10.256", "ipv6": "2001:db8::g"}"#;

#[cfg(test)]
mod tests {
    /// Both libraries accept every valid payload and find the same number
    /// of problems in every broken one.
    #[test]
    fn both_sides_agree_on_every_shape() {
        for shape in super::shapes() {
            assert_eq!(((shape.api_model)(&shape.valid), (shape.garde)(&shape.valid)), (0, 0), "{}", shape.name);
            assert_eq!((shape.api_model)(&shape.broken), shape.problems, "{}", shape.name);
            assert_eq!((shape.garde)(&shape.broken), shape.problems, "{}", shape.name);
        }
    }
}
