//! The checkers behind `format = "…"`, one unit type per format, so that a
//! format whose checker needs an optional crate is a compile error (naming the
//! feature) when that crate is off, not a rule that silently passes.
//!
//! Where a well-kept crate reads the format as JSON Schema defines it, it does
//! the work: `email_address` for `email`, `url` for `uri`, std's parsers for
//! `ipv4` and `ipv6`, chrono for the calendar of `date`. `uuid` and
//! `hostname` are checked here by hand: the `uuid` crate also accepts braced,
//! URN and unhyphenated forms that JSON Schema's `uuid` refuses, and no
//! well-kept crate checks RFC 1123 host names alone.

use crate::doc::Format;

/// A format's checker. Implemented only for the formats whose crate is built.
#[diagnostic::on_unimplemented(
    message = "this `format` needs a cargo feature of model-core",
    label = "needs a feature",
    note = "`email` needs `features = [\"email_address\"]` and `uri` needs `features = [\"url\"]` on the model-core dependency"
)]
pub trait FormatCheck {
    /// The format checked.
    const FORMAT: Format;

    /// Whether `text` is of the format.
    fn matches(text: &str) -> bool;
}

/// `format = "email"`.
pub struct Email;
/// `format = "uri"`.
pub struct Uri;
/// `format = "uuid"`.
pub struct Uuid;
/// `format = "ipv4"`.
pub struct Ipv4;
/// `format = "ipv6"`.
pub struct Ipv6;
/// `format = "hostname"`.
pub struct Hostname;
/// `format = "date"`.
pub struct Date;

#[cfg(feature = "email_address")]
impl FormatCheck for Email {
    const FORMAT: Format = Format::Email;
    /// The address alone, as JSON Schema's `email` means it (RFC 5321's
    /// `Mailbox`): no display name around it, which `EmailAddress::is_valid`
    /// would accept (`Ada <ada@example.com>`). Its two parts are checked
    /// apart, which also copies nothing.
    fn matches(text: &str) -> bool {
        use email_address::EmailAddress;
        text.rsplit_once('@').is_some_and(|(local, domain)| {
            EmailAddress::is_valid_local_part(local) && EmailAddress::is_valid_domain(domain)
        })
    }
}

/// WHATWG parsing, as the `url` crate does it: it also accepts a few inputs
/// RFC 3986 refuses (a space inside the path, a backslash for a slash).
#[cfg(feature = "url")]
impl FormatCheck for Uri {
    const FORMAT: Format = Format::Uri;
    fn matches(text: &str) -> bool {
        url::Url::parse(text).is_ok()
    }
}

impl FormatCheck for Uuid {
    const FORMAT: Format = Format::Uuid;
    fn matches(text: &str) -> bool {
        let bytes = text.as_bytes();
        bytes.len() == 36
            && bytes.iter().enumerate().all(|(index, byte)| match index {
                8 | 13 | 18 | 23 => *byte == b'-',
                _ => byte.is_ascii_hexdigit(),
            })
    }
}

impl FormatCheck for Ipv4 {
    const FORMAT: Format = Format::Ipv4;
    fn matches(text: &str) -> bool {
        text.parse::<std::net::Ipv4Addr>().is_ok()
    }
}

impl FormatCheck for Ipv6 {
    const FORMAT: Format = Format::Ipv6;
    fn matches(text: &str) -> bool {
        text.parse::<std::net::Ipv6Addr>().is_ok()
    }
}

impl FormatCheck for Hostname {
    const FORMAT: Format = Format::Hostname;
    fn matches(text: &str) -> bool {
        let name = text.strip_suffix('.').unwrap_or(text);
        !name.is_empty()
            && name.len() <= 253
            && name.split('.').all(|label| {
                let bytes = label.as_bytes();
                (1..=63).contains(&bytes.len())
                    && bytes.iter().all(|byte| byte.is_ascii_alphanumeric() || *byte == b'-')
                    && bytes.first() != Some(&b'-')
                    && bytes.last() != Some(&b'-')
            })
    }
}

/// RFC 3339 `full-date`: exactly `YYYY-MM-DD`, a day the calendar has.
impl FormatCheck for Date {
    const FORMAT: Format = Format::Date;
    fn matches(text: &str) -> bool {
        let bytes = text.as_bytes();
        let shape = bytes.len() == 10
            && bytes.iter().enumerate().all(|(index, byte)| match index {
                4 | 7 => *byte == b'-',
                _ => byte.is_ascii_digit(),
            });
        let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
        shape
            && matches!(
                (number(0..4), number(5..7), number(8..10)),
                (Some(year), Some(month), Some(day))
                    if chrono::NaiveDate::from_ymd_opt(year as i32, month, day).is_some()
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_refuse_near_misses() {
        assert!(Uuid::matches("123e4567-e89b-12d3-a456-426614174000"));
        assert!(!Uuid::matches("{123e4567-e89b-12d3-a456-426614174000}"));
        assert!(!Uuid::matches("123e4567e89b12d3a456426614174000"));
        assert!(Hostname::matches("api.stackone.com"));
        assert!(!Hostname::matches("-api.stackone.com"));
        assert!(!Hostname::matches("api..stackone.com"));
        assert!(Date::matches("2024-02-29"));
        assert!(!Date::matches("2023-02-29"));
        assert!(!Date::matches("2024-2-29"));
        assert!(Ipv4::matches("10.0.0.1"));
        assert!(!Ipv4::matches("010.0.0.1"));
        assert!(Ipv6::matches("::1"));
        assert!(!Ipv6::matches("1::2::3"));
    }

    #[cfg(feature = "email_address")]
    #[test]
    fn an_email_is_the_address_alone() {
        for valid in ["ada@example.com", "ada.lovelace+tag@mail.example.co.uk", "\"ada lovelace\"@example.com"] {
            assert!(Email::matches(valid), "{valid}");
        }
        for invalid in [
            "Ada <ada@example.com>",
            "<ada@example.com>",
            "ada.example.com",
            "ada@@example.com",
            "@example.com",
            "ada@",
        ] {
            assert!(!Email::matches(invalid), "{invalid}");
        }
    }

    /// The derive names a checker by the list's second column; each checker
    /// checks the format of its own row.
    #[test]
    fn each_checker_checks_the_format_its_row_names() {
        fn row<F: FormatCheck>() -> (&'static str, &'static str) {
            let path = std::any::type_name::<F>();
            (F::FORMAT.as_str(), path.rsplit("::").next().unwrap())
        }
        let checkers = [row::<Uuid>(), row::<Ipv4>(), row::<Ipv6>(), row::<Hostname>(), row::<Date>()];
        for checker in checkers {
            assert!(crate::format_names::FORMAT_NAMES.contains(&checker), "{checker:?}");
        }
        for (index, format) in Format::ALL.iter().enumerate() {
            assert_eq!(*format as usize, index, "Format's variants follow FORMAT_NAMES");
        }
        assert_eq!(Format::ALL.len(), crate::format_names::FORMAT_NAMES.len());
    }
}
