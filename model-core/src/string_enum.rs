//! String enums: one wire string per variant, closed or open.

use std::error::Error;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

use crate::doc::{EnumDoc, EnumValue, TypeDoc};
use crate::issue::IssueKind;
use crate::model::ApiModel;
use crate::node::{Kind, Node};
use crate::report::Report;
use crate::suggest;

/// What a string enum adds to [`ApiModel`], as `#[derive(ApiModel)]` makes
/// one of an enum of unit variants: its wire strings, both ways. `as_str`, `Display`, `FromStr`, `TryFrom<&str>`, `AsRef<str>`,
/// `Serialize` and `Deserialize` all come from [`from_wire`](Self::from_wire)
/// and [`as_str`](Self::as_str), which the derive writes from one mapping.
///
/// An enum is **open** when one variant, marked `#[api(other)]`, holds a
/// `String`: unknown values land there and are written back unchanged.
///
/// ```
/// use model_core::{ApiEnum, ApiModel};
///
/// #[derive(Debug, Clone, PartialEq, Eq, ApiModel)]
/// #[serde(rename_all = "kebab-case")]
/// enum Category {
///     Ats,
///     HrisLegacy,
///     /// A category this version does not know yet.
///     #[api(other)]
///     Unknown(String),
/// }
///
/// assert_eq!("hris-legacy".parse::<Category>(), Ok(Category::HrisLegacy));
/// assert_eq!(Category::HrisLegacy.as_str(), "hris-legacy");
/// let payroll: Category = "payroll".parse().unwrap();
/// assert_eq!(payroll, Category::Unknown("payroll".to_owned()));
/// assert!(!payroll.is_known());
/// assert_eq!(Category::WIRE_NAMES, ["ats", "hris-legacy"]);
/// assert!(Category::OPEN);
/// ```
pub trait ApiEnum: ApiModel + Sized + 'static {
    /// The enum's name: its Rust name, or its `#[serde(rename)]`.
    const NAME: &'static str;
    /// The enum's doc comment; `None` without one.
    const DESCRIPTION: Option<&'static str>;
    /// The known values, in declaration order.
    const VALUES: &'static [EnumValue];
    /// The known values' wire strings, in declaration order.
    const WIRE_NAMES: &'static [&'static str];
    /// Whether unknown strings are kept rather than refused.
    const OPEN: bool;
    /// Where the enum is declared (`module_path!()`), which the derive fills.
    #[doc(hidden)]
    const MODULE: &'static str = "";

    /// The value's wire string. Never allocates.
    fn as_str(&self) -> &str;

    /// The known value a wire string or alias names. Never allocates.
    fn from_wire(wire: &str) -> Option<Self>;

    /// An unknown string, kept by an open enum; a closed one hands it back.
    fn from_unknown(wire: String) -> Result<Self, String>;

    /// Whether the value is one of the known ones.
    fn is_known(&self) -> bool;

    /// The enum as docs see it.
    fn doc() -> EnumDoc {
        EnumDoc::new(Self::NAME, Self::DESCRIPTION, Self::VALUES, Self::OPEN, Self::MODULE)
    }
}

/// Why a string is not a value of a closed enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseEnumError {
    enum_name: &'static str,
    received: String,
    allowed: &'static [&'static str],
    suggestion: Option<&'static str>,
}

impl ParseEnumError {
    /// The string that was refused.
    pub fn received(&self) -> &str {
        &self.received
    }

    /// Every wire string the enum knows.
    pub fn allowed(&self) -> &'static [&'static str] {
        self.allowed
    }

    /// The known value closest to what was received, for a near miss.
    pub fn suggestion(&self) -> Option<&'static str> {
        self.suggestion
    }
}

impl fmt::Display for ParseEnumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} value {:?}, expected one of {}",
            self.enum_name,
            self.received,
            suggest::list(self.allowed.iter().copied())
        )?;
        if let Some(suggestion) = self.suggestion {
            write!(f, " (did you mean `{suggestion}`?)")?;
        }
        Ok(())
    }
}

impl Error for ParseEnumError {}

/// `FromStr` for a string enum.
#[inline]
#[doc(hidden)]
pub fn parse<E: ApiEnum>(wire: &str) -> Result<E, ParseEnumError> {
    if let Some(known) = E::from_wire(wire) {
        return Ok(known);
    }
    E::from_unknown(wire.to_owned()).map_err(|received| ParseEnumError {
        enum_name: E::NAME,
        suggestion: closest::<E>(&received),
        received,
        allowed: E::WIRE_NAMES,
    })
}

/// Every string a closed enum accepts on input, aliases included.
fn accepted<E: ApiEnum>() -> impl Iterator<Item = &'static str> + Clone {
    E::VALUES.iter().flat_map(EnumValue::names)
}

fn closest<E: ApiEnum>(wire: &str) -> Option<&'static str> {
    let near = suggest::closest(wire, accepted::<E>())?;
    // An alias is accepted but not advertised: suggest its value's own spelling.
    E::VALUES.iter().find(|value| value.accepts(near)).map(|value| value.wire_name)
}

/// The check of a string enum inside a model.
#[doc(hidden)]
pub fn check<E: ApiEnum>(node: &Node<'_>, report: &mut Report<'_>) {
    if node.kind() != Kind::String {
        report.push(node, IssueKind::InvalidType, format!("{} (a string)", E::NAME));
        return;
    }
    let wire = match node.string() {
        Ok(wire) => wire,
        Err(error) => {
            report.push_serde_error(node, &error, IssueKind::InvalidFormat, E::NAME);
            return;
        }
    };
    if E::OPEN || E::from_wire(&wire).is_some() {
        return;
    }
    let expected = format!("one of {}", suggest::list(E::WIRE_NAMES.iter().copied()));
    report.push_unknown_variant(node, expected, closest::<E>(&wire));
}

/// A derived string enum keys a map by its wire strings.
impl<E: ApiEnum> crate::map_key::MapKey for E {
    const KEY: TypeDoc = E::TYPE;
    fn check_key(key: &str, offset: usize, report: &mut Report<'_>) {
        if E::OPEN || E::from_wire(key).is_some() {
            return;
        }
        let expected = format!("a key that is one of {}", suggest::list(E::WIRE_NAMES.iter().copied()));
        report.push_key(offset, IssueKind::UnknownVariant, expected, key, closest::<E>(key));
    }
    fn key_text(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self.as_str())
    }
}

/// `Deserialize` for a string enum: a known value never allocates.
#[inline]
#[doc(hidden)]
pub fn deserialize<'de, E: ApiEnum, D: Deserializer<'de>>(deserializer: D) -> Result<E, D::Error> {
    deserializer.deserialize_str(WireVisitor(PhantomData))
}

struct WireVisitor<E>(PhantomData<E>);

impl<E: ApiEnum> Visitor<'_> for WireVisitor<E> {
    type Value = E;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} string", E::NAME)
    }

    fn visit_str<Err: de::Error>(self, wire: &str) -> Result<E, Err> {
        match E::from_wire(wire) {
            Some(known) => Ok(known),
            None if E::OPEN => {
                E::from_unknown(wire.to_owned()).map_err(|wire| Err::unknown_variant(&wire, E::WIRE_NAMES))
            }
            None => Err(Err::unknown_variant(wire, E::WIRE_NAMES)),
        }
    }

    fn visit_string<Err: de::Error>(self, wire: String) -> Result<E, Err> {
        match E::from_wire(&wire) {
            Some(known) => Ok(known),
            None => E::from_unknown(wire).map_err(|wire| Err::unknown_variant(&wire, E::WIRE_NAMES)),
        }
    }
}
