//! [`ApiType`] for the standard, chrono and serde_json types a model uses.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::BuildHasher;
use std::hash::Hash;

use chrono::{DateTime, FixedOffset, Utc};
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use crate::api_type::ApiType;
use crate::doc::{FieldDoc, ModelDoc, TypeDoc};
use crate::issue::IssueKind;
use crate::map_key::MapKey;
use crate::node::{self, Kind, Node};
use crate::object::{check_object, ObjectSpec};
use crate::report::Report;

macro_rules! leaf {
    ($($ty:ty => $doc:expr, [$($kind:ident),*];)*) => {$(
        impl ApiType for $ty {
            const TYPE: TypeDoc = $doc;
            fn check(node: &Node<'_>, report: &mut Report<'_>) {
                report.check_scalar::<Self>(node, &[$(Kind::$kind),*], || Self::TYPE.name());
            }
        }
    )*};
}

/// Types that read any JSON string.
macro_rules! text {
    ($($ty:ty),*) => {$(
        impl ApiType for $ty {
            const TYPE: TypeDoc = TypeDoc::String;
            fn check(node: &Node<'_>, report: &mut Report<'_>) {
                report.check_text::<Self>(node, || Self::TYPE.name());
            }
        }
    )*};
}

text!(String, Box<str>, std::borrow::Cow<'static, str>);

/// How docs and the schema describe strings of a known shape.
mod shapes {
    use crate::doc::TextShape;

    pub const CHAR: TextShape = TextShape::new("character", &[], Some(1));
    pub const IP: TextShape = TextShape::new("IP address", &["ipv4", "ipv6"], None);
    pub const IPV4: TextShape = TextShape::new("IPv4 address", &["ipv4"], None);
    pub const IPV6: TextShape = TextShape::new("IPv6 address", &["ipv6"], None);
    pub const DATE: TextShape = TextShape::new("date", &["date"], None);
    // JSON Schema's `time` and `date-time` require an offset, which these lack.
    pub const TIME: TextShape = TextShape::new("time (hh:mm:ss)", &[], None)
        .with_pattern("^([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\\.[0-9]+)?)?$");
    pub const LOCAL_DATE_TIME: TextShape = TextShape::new("local date-time (no offset)", &[], None)
        .with_pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?$");
    #[cfg(feature = "uuid")]
    pub const UUID: TextShape = TextShape::new("UUID", &["uuid"], None);
    #[cfg(feature = "url")]
    pub const URI: TextShape = TextShape::new("URI", &["uri"], None);
}

leaf! {
    char => TypeDoc::Text(&shapes::CHAR), [String];
    std::net::IpAddr => TypeDoc::Text(&shapes::IP), [String];
    std::net::Ipv4Addr => TypeDoc::Text(&shapes::IPV4), [String];
    std::net::Ipv6Addr => TypeDoc::Text(&shapes::IPV6), [String];
    chrono::NaiveDate => TypeDoc::Text(&shapes::DATE), [String];
    chrono::NaiveTime => TypeDoc::Text(&shapes::TIME), [String];
    chrono::NaiveDateTime => TypeDoc::Text(&shapes::LOCAL_DATE_TIME), [String];
    bool => TypeDoc::Boolean, [Boolean];
    f32 => TypeDoc::Number, [Number];
    f64 => TypeDoc::Number, [Number];
    Number => TypeDoc::Number, [Number];
    DateTime<Utc> => TypeDoc::DateTime, [String];
    DateTime<FixedOffset> => TypeDoc::DateTime, [String];
}

#[cfg(feature = "uuid")]
leaf! {
    uuid::Uuid => TypeDoc::Text(&shapes::UUID), [String];
}

/// `std::time::Duration` as serde writes it: `{"secs": u64, "nanos": u32}`.
impl ApiType for std::time::Duration {
    const TYPE: TypeDoc = TypeDoc::Model(duration_doc);
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        let spec = ObjectSpec {
            ty: &Self::TYPE,
            fields: &DURATION_FIELDS,
            deny_unknown_fields: true,
            rule: None,
            skip_key: None,
        };
        check_object(node, report, &spec);
    }
}

const DURATION_FIELDS: [FieldDoc; 2] = FieldDoc::table(
    ["secs", "nanos"],
    ["secs", "nanos"],
    ["Whole seconds.", "Nanoseconds past them, below 1,000,000,000."],
    [<u64 as ApiType>::FIELD, <u32 as ApiType>::FIELD],
    &[],
);

fn duration_doc() -> ModelDoc {
    ModelDoc::new(
        "Duration",
        Some("A length of time, as serde writes Rust's `Duration`."),
        &DURATION_FIELDS,
        None,
        true,
    )
}

#[cfg(feature = "rust_decimal")]
leaf! {
    rust_decimal::Decimal => TypeDoc::Decimal, [String, Number];
}

#[cfg(feature = "url")]
leaf! {
    url::Url => TypeDoc::Text(&shapes::URI), [String];
}

macro_rules! integer {
    ($($ty:ty)*) => {$(
        impl ApiType for $ty {
            #[allow(clippy::cast_lossless, clippy::cast_sign_loss)]
            const TYPE: TypeDoc = TypeDoc::Integer { min: <$ty>::MIN as i128, max: <$ty>::MAX as u128 };
            fn check(node: &Node<'_>, report: &mut Report<'_>) {
                check_integer::<Self>(node, report, <$ty>::MIN as i128, <$ty>::MAX as u128);
            }
        }
    )*};
}

integer!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

fn check_integer<T: DeserializeOwned>(node: &Node<'_>, report: &mut Report<'_>, min: i128, max: u128) {
    if node.kind() != Kind::Number {
        report.push(node, IssueKind::InvalidType, "integer");
        return;
    }
    let Err(error) = node.parse::<T>() else { return };
    // serde_json reads a number with a fraction or exponent as a float, which
    // no integer type accepts; any other refusal is a range problem.
    let whole = !node.text().contains(['.', 'e', 'E']);
    if whole {
        let expected = format!("integer from {min} to {max}");
        report.push_serde_error(node, &error, IssueKind::OutOfRange, expected);
    } else {
        report.push_serde_error(node, &error, IssueKind::InvalidType, "integer".to_owned());
    }
}

impl ApiType for Value {
    const TYPE: TypeDoc = TypeDoc::Any;
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        check_untyped::<Self>(node, report, &Self::TYPE);
    }
}

impl ApiType for Map<String, Value> {
    const TYPE: TypeDoc = TypeDoc::Object;
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        if node.kind() == Kind::Object {
            check_untyped::<Self>(node, report, &Self::TYPE);
        } else {
            report.push(node, IssueKind::InvalidType, Self::TYPE.to_string());
        }
    }
}

/// Untyped JSON has no fields to walk, so only its depth and its scalars
/// (numbers out of range, broken escapes) can be wrong.
fn check_untyped<T: DeserializeOwned>(node: &Node<'_>, report: &mut Report<'_>, ty: &TypeDoc) {
    if let Some(offset) = node::too_deep_at(node) {
        report.push_too_deep(offset);
    } else {
        report.check_leaf::<T>(node, &[node.kind()], ty);
    }
}

impl<T: ApiType> ApiType for Option<T> {
    const TYPE: TypeDoc = TypeDoc::Nullable(&T::TYPE);
    const OPTIONAL: bool = true;
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        if node.kind() != Kind::Null {
            T::check(node, report);
        }
    }
    #[inline]
    fn check_rules(&self, report: &mut Report<'_>) {
        if let Some(value) = self {
            value.check_rules(report);
        }
    }
}

/// A pointer is checked and documented as what it points to.
macro_rules! pointer {
    ($($pointer:ty),*) => {$(
        impl<T: ApiType> ApiType for $pointer {
            const TYPE: TypeDoc = T::TYPE;
            const OPTIONAL: bool = T::OPTIONAL;
            fn check(node: &Node<'_>, report: &mut Report<'_>) {
                T::check(node, report);
            }
            #[inline]
            fn check_rules(&self, report: &mut Report<'_>) {
                (**self).check_rules(report);
            }
        }
    )*};
}

pointer!(Box<T>, std::sync::Arc<T>, std::rc::Rc<T>);

impl<T: ApiType> ApiType for Vec<T> {
    const TYPE: TypeDoc = TypeDoc::Array(&T::TYPE);
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        let Some(items) = report.open_array(node, &Self::TYPE) else { return };
        for (index, item) in items.enumerate() {
            report.at_index(index, |report| T::check(&item, report));
        }
    }
    #[inline]
    fn check_rules(&self, report: &mut Report<'_>) {
        for (index, item) in self.iter().enumerate() {
            report.at_index(index, |report| item.check_rules(report));
        }
    }
}

/// A set is an array on the wire; serde keeps one of each repeated item, so a
/// repeat is not an error (use a `Vec` with `unique_items` to refuse it).
impl<T: ApiType + Eq + Hash, S: BuildHasher + Default> ApiType for HashSet<T, S> {
    const TYPE: TypeDoc = TypeDoc::Array(&T::TYPE);
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        Vec::<T>::check(node, report);
    }
    fn check_rules(&self, report: &mut Report<'_>) {
        check_set_rules(self, report);
    }
}

/// See the `HashSet` impl.
impl<T: ApiType + Ord> ApiType for BTreeSet<T> {
    const TYPE: TypeDoc = TypeDoc::Array(&T::TYPE);
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        Vec::<T>::check(node, report);
    }
    fn check_rules(&self, report: &mut Report<'_>) {
        check_set_rules(self, report);
    }
}

/// A set's items have no place in the input of their own: their rules are
/// reported at the set.
fn check_set_rules<'s, T: ApiType + 's>(set: impl IntoIterator<Item = &'s T>, report: &mut Report<'_>) {
    for item in set {
        item.check_rules(report);
    }
}

/// A map: an object whose keys are `K`'s and whose values are `T`'s.
impl<K: MapKey + Eq + Hash, T: ApiType, S: BuildHasher + Default> ApiType for HashMap<K, T, S> {
    const TYPE: TypeDoc = map_type::<K>(&T::TYPE);
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        check_map::<K, T>(node, report, &Self::TYPE);
    }
    #[inline]
    fn check_rules(&self, report: &mut Report<'_>) {
        check_map_rules(self, report);
    }
}

/// See the `HashMap` impl.
impl<K: MapKey + Ord, T: ApiType> ApiType for BTreeMap<K, T> {
    const TYPE: TypeDoc = map_type::<K>(&T::TYPE);
    fn check(node: &Node<'_>, report: &mut Report<'_>) {
        check_map::<K, T>(node, report, &Self::TYPE);
    }
    #[inline]
    fn check_rules(&self, report: &mut Report<'_>) {
        check_map_rules(self, report);
    }
}

/// A map's values' rules, at their keys' pointers; the key's text (an
/// integer's is written out) only when the report keeps its issues.
fn check_map_rules<'m, K: MapKey + 'm, T: ApiType + 'm>(
    map: impl IntoIterator<Item = (&'m K, &'m T)>,
    report: &mut Report<'_>,
) {
    for (key, value) in map {
        if report.tracking() {
            report.at_key(&key.key_text(), |report| value.check_rules(report));
        } else {
            value.check_rules(report);
        }
    }
}

const fn map_type<K: MapKey>(value: &'static TypeDoc) -> TypeDoc {
    if K::ANY_STRING {
        TypeDoc::Map(value)
    } else {
        TypeDoc::KeyedMap(&K::KEY, value)
    }
}

fn check_map<K: MapKey, T: ApiType>(node: &Node<'_>, report: &mut Report<'_>, ty: &TypeDoc) {
    let Some(entries) = report.open_members(node, ty) else { return };
    for entry in entries {
        report.at_key(&entry.key, |report| {
            K::check_key(&entry.key, node.key_offset(&entry), report);
            T::check(&entry.value, report);
        });
    }
}
