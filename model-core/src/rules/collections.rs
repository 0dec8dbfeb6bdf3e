//! Collection rules: `min_items`, `max_items`, `unique_items`,
//! `min_properties`, `max_properties` and `items(…)`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::hash::BuildHasher;

use serde::Serialize;

use super::{through_wrappers, Held, Rules};
use crate::doc::Rule;
use crate::issue::{IssueKind, ShortText};
use crate::node::Node;

/// An array or set that `min_items` and `max_items` can count.
#[diagnostic::on_unimplemented(
    message = "array rules (`min_items`, `max_items`) do not apply to `{Self}`",
    label = "not an array",
    note = "they apply to `Vec<T>`, `HashSet<T>`, `BTreeSet<T>`, and to an `Option` or `Box` of one; for a map, use `min_properties` and `max_properties`"
)]
pub trait ItemsValue {
    /// How many items, when there is an array.
    fn item_count(&self) -> Option<usize>;
}

/// An array whose items `unique_items` can compare.
#[diagnostic::on_unimplemented(
    message = "`unique_items` does not apply to `{Self}`",
    label = "not a `Vec` of serializable items",
    note = "`unique_items` applies to `Vec<T>` with `T: Serialize` (or an `Option` or `Box` of one); a set is unique already"
)]
pub trait UniqueItemsValue {
    /// The index of the first item equal to an earlier one, compared as the
    /// JSON they write; `None` when all differ or there is no array.
    fn first_repeat(&self) -> Option<usize>;
}

/// A map that `min_properties` and `max_properties` can count.
#[diagnostic::on_unimplemented(
    message = "map rules (`min_properties`, `max_properties`) do not apply to `{Self}`",
    label = "not a map",
    note = "they apply to `HashMap` and `BTreeMap` with string keys, `serde_json::Map`, and an `Option` or `Box` of one"
)]
pub trait PropertiesValue {
    /// How many keys, when there is a map.
    fn property_count(&self) -> Option<usize>;
}

/// A collection whose elements `items(…)` checks: an array's items or a map's values.
#[diagnostic::on_unimplemented(
    message = "`items(…)` applies rules to the elements of a collection, and `{Self}` is not one",
    label = "not an array or map",
    note = "`items(…)` applies to `Vec<T>`, `HashMap`/`BTreeMap` with string keys, and an `Option` or `Box` of one"
)]
pub trait Elements {
    /// The element type.
    type Element;
    /// Calls `visit` with each element and where it is.
    fn each_element(&self, visit: &mut dyn FnMut(Place<'_>, &Self::Element));
}

/// Where an element sits in its collection.
#[derive(Debug, Clone, Copy)]
pub enum Place<'k> {
    /// The item at this index of an array.
    Index(usize),
    /// The value at this key of a map.
    Key(&'k str),
}

impl<'a, 'n> Rules<'_, 'a, 'n> {
    /// `min_items`.
    #[inline]
    pub fn min_items<T: ItemsValue + ?Sized>(&mut self, value: &T, min: usize) {
        if let Some(count) = value.item_count() {
            if count < min {
                self.fail(IssueKind::TooShort, Rule::MinItems(min), || ShortText::count(count));
            }
        }
    }

    /// `max_items`.
    #[inline]
    pub fn max_items<T: ItemsValue + ?Sized>(&mut self, value: &T, max: usize) {
        if let Some(count) = value.item_count() {
            if count > max {
                self.fail(IssueKind::TooLong, Rule::MaxItems(max), || ShortText::count(count));
            }
        }
    }

    /// `unique_items`: the issue is at the first repeat.
    pub fn unique_items<T: UniqueItemsValue + ?Sized>(&mut self, value: &T) {
        if let Some(index) = value.first_repeat() {
            let node = self.node.and_then(|node| node.items().nth(index));
            self.at(Place::Index(index), node, |rules| {
                rules.fail(IssueKind::NotUnique, Rule::UniqueItems, || ShortText::new("a repeat of an earlier item"));
            });
        }
    }

    /// `min_properties`.
    #[inline]
    pub fn min_properties<T: PropertiesValue + ?Sized>(&mut self, value: &T, min: usize) {
        if let Some(count) = value.property_count() {
            if count < min {
                self.fail(IssueKind::TooShort, Rule::MinProperties(min), || ShortText::count(count));
            }
        }
    }

    /// `max_properties`.
    #[inline]
    pub fn max_properties<T: PropertiesValue + ?Sized>(&mut self, value: &T, max: usize) {
        if let Some(count) = value.property_count() {
            if count > max {
                self.fail(IssueKind::TooLong, Rule::MaxProperties(max), || ShortText::count(count));
            }
        }
    }

    /// `items(…)`: `check` runs the inner rules on each element, at its place.
    pub fn items<T: Elements + ?Sized>(&mut self, value: &T, check: impl Fn(&mut Rules<'_, 'a, 'n>, &T::Element)) {
        // The input's elements, read once: an array's items in order, a map's
        // values by key (the last of a repeated key, as serde keeps it).
        let items: Vec<Node<'n>> = self.node.map(|node| node.items().collect()).unwrap_or_default();
        let entries: HashMap<Cow<'n, str>, Node<'n>> = match self.node {
            Some(node) if items.is_empty() => {
                node.entries().ok().unwrap_or_default().into_iter().map(|entry| (entry.key, entry.value)).collect()
            }
            _ => HashMap::new(),
        };
        value.each_element(&mut |place, element| {
            // An untracked pass that has its answer looks no further.
            if self.report.settled() {
                return;
            }
            let node = match place {
                Place::Index(index) => items.get(index).copied(),
                Place::Key(key) => entries.get(key).copied(),
            };
            self.at(place, node, |rules| check(rules, element));
        });
    }

    /// Runs `check` on the element at `place`, with the pointer and the node
    /// (when there is one) moved there.
    fn at(&mut self, place: Place<'_>, node: Option<Node<'n>>, check: impl FnOnce(&mut Rules<'_, 'a, 'n>)) {
        let (message, code) = (self.message, self.code);
        let report = &mut *self.report;
        match place {
            Place::Index(index) => report.at_index(index, |report| check(&mut Rules { report, node, message, code })),
            Place::Key(key) => report.at_key(key, |report| check(&mut Rules { report, node, message, code })),
        }
    }
}

through_wrappers!(ItemsValue {
    #[inline]
    fn item_count(&self) -> Option<usize> {
        Held::held(self)?.item_count()
    }
});

through_wrappers!(UniqueItemsValue {
    fn first_repeat(&self) -> Option<usize> {
        Held::held(self)?.first_repeat()
    }
});

through_wrappers!(PropertiesValue {
    #[inline]
    fn property_count(&self) -> Option<usize> {
        Held::held(self)?.property_count()
    }
});

through_wrappers!(Elements {
    type Element = T::Element;
    fn each_element(&self, visit: &mut dyn FnMut(Place<'_>, &T::Element)) {
        if let Some(inner) = Held::held(self) {
            inner.each_element(visit);
        }
    }
});

impl<T> ItemsValue for Vec<T> {
    #[inline]
    fn item_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T, S: BuildHasher> ItemsValue for HashSet<T, S> {
    #[inline]
    fn item_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T> ItemsValue for BTreeSet<T> {
    #[inline]
    fn item_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

/// Items compared as the JSON they write, as JSON Schema compares them.
impl<T: Serialize> UniqueItemsValue for Vec<T> {
    fn first_repeat(&self) -> Option<usize> {
        let mut seen = HashSet::with_capacity(self.len());
        self.iter().position(|item| serde_json::to_string(item).is_ok_and(|json| !seen.insert(json)))
    }
}

impl<T> Elements for Vec<T> {
    type Element = T;
    fn each_element(&self, visit: &mut dyn FnMut(Place<'_>, &T)) {
        for (index, item) in self.iter().enumerate() {
            visit(Place::Index(index), item);
        }
    }
}

impl<V, S: BuildHasher> PropertiesValue for HashMap<String, V, S> {
    #[inline]
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<V> PropertiesValue for BTreeMap<String, V> {
    #[inline]
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl PropertiesValue for serde_json::Map<String, serde_json::Value> {
    #[inline]
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<V, S: BuildHasher> Elements for HashMap<String, V, S> {
    type Element = V;
    fn each_element(&self, visit: &mut dyn FnMut(Place<'_>, &V)) {
        for (key, value) in self {
            visit(Place::Key(key), value);
        }
    }
}

impl<V> Elements for BTreeMap<String, V> {
    type Element = V;
    fn each_element(&self, visit: &mut dyn FnMut(Place<'_>, &V)) {
        for (key, value) in self {
            visit(Place::Key(key), value);
        }
    }
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Index(index) => index.fmt(f),
            Place::Key(key) => key.fmt(f),
        }
    }
}
