//! String enums as data.

/// A string enum as docs see it: `E::doc()` for an enum that derives `ApiModel`.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct EnumDoc {
    /// The enum's name: its Rust name, or its `#[serde(rename)]`.
    pub name: &'static str,
    /// The enum's doc comment; `None` without one.
    pub description: Option<&'static str>,
    /// The known values, in declaration order.
    pub values: &'static [EnumValue],
    /// Whether unknown strings are kept rather than refused.
    pub open: bool,
    /// Where the enum is declared (`module_path!()`).
    pub module: &'static str,
}

impl EnumDoc {
    pub(crate) const fn new(
        name: &'static str,
        description: Option<&'static str>,
        values: &'static [EnumValue],
        open: bool,
        module: &'static str,
    ) -> Self {
        EnumDoc { name, description, values, open, module }
    }
}

/// One value of a string enum, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct EnumValue {
    /// The variant's name in Rust.
    pub rust_name: &'static str,
    /// Its string on the wire.
    pub wire_name: &'static str,
    /// Other strings accepted on input (`#[serde(alias)]`).
    pub aliases: &'static [&'static str],
    /// The variant's doc comment; `None` without one.
    pub description: Option<&'static str>,
}

/// What the derive writes for one value: `(rust_name, wire_name, aliases, description)`.
#[doc(hidden)]
pub type EnumValueParts = (&'static str, &'static str, &'static [&'static str], Option<&'static str>);

impl EnumValue {
    /// The derive's constructor, for all of an enum's values at once, as
    /// `FieldDoc::table` and for its reason.
    pub(crate) const fn from_parts<const N: usize>(parts: [EnumValueParts; N]) -> [EnumValue; N] {
        let mut values = [EnumValue { rust_name: "", wire_name: "", aliases: &[], description: None }; N];
        let mut index = 0;
        while index < N {
            let (rust_name, wire_name, aliases, description) = parts[index];
            values[index] = EnumValue { rust_name, wire_name, aliases, description };
            index += 1;
        }
        values
    }

    /// Every string read as this value: its wire name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + Clone {
        std::iter::once(self.wire_name).chain(self.aliases.iter().copied())
    }

    /// Whether `wire` is read as this value.
    pub fn accepts(&self, wire: &str) -> bool {
        self.names().any(|name| name == wire)
    }
}
