//! Number rules: `minimum`, `maximum`, `exclusive_minimum`,
//! `exclusive_maximum` and `multiple_of`.

use std::cmp::Ordering;

use super::{through_wrappers, Held, Rules};
use crate::doc::{Limit, Rule};
use crate::issue::{IssueKind, ShortText};
use crate::node::Kind;
use crate::secret::Secret;

/// A number that `minimum`, `maximum`, `exclusive_*` and `multiple_of` can read.
#[diagnostic::on_unimplemented(
    message = "number rules (`minimum`, `maximum`, `exclusive_minimum`, `exclusive_maximum`, `multiple_of`) do not apply to `{Self}`",
    label = "not a number",
    note = "they apply to integers, `f32`, `f64`, and to an `Option`, `Box`, `Patch` or `Secret` of one"
)]
pub trait NumberValue {
    /// Whether the number is a credential, never quoted.
    const SECRET: bool = false;
    /// The number, when there is one.
    fn number(&self) -> Option<Limit>;
}

impl Rules<'_, '_, '_> {
    /// `minimum`: the number is `limit` or above.
    #[inline]
    pub fn minimum<T: NumberValue + ?Sized>(&mut self, value: &T, limit: Limit) {
        self.bound(value, Rule::Minimum, limit, Ordering::is_ge);
    }

    /// `maximum`: the number is `limit` or below.
    #[inline]
    pub fn maximum<T: NumberValue + ?Sized>(&mut self, value: &T, limit: Limit) {
        self.bound(value, Rule::Maximum, limit, Ordering::is_le);
    }

    /// `exclusive_minimum`: the number is above `limit`.
    #[inline]
    pub fn exclusive_minimum<T: NumberValue + ?Sized>(&mut self, value: &T, limit: Limit) {
        self.bound(value, Rule::ExclusiveMinimum, limit, Ordering::is_gt);
    }

    /// `exclusive_maximum`: the number is below `limit`.
    #[inline]
    pub fn exclusive_maximum<T: NumberValue + ?Sized>(&mut self, value: &T, limit: Limit) {
        self.bound(value, Rule::ExclusiveMaximum, limit, Ordering::is_lt);
    }

    /// `multiple_of`.
    #[inline]
    pub fn multiple_of<T: NumberValue + ?Sized>(&mut self, value: &T, divisor: Limit) {
        if let Some(number) = value.number() {
            if !is_multiple(number, divisor) {
                let secret = T::SECRET || self.in_secret();
                self.fail(IssueKind::NotMultipleOf, Rule::MultipleOf(divisor), || quote_number(number, secret));
            }
        }
    }

    /// A bound: the value passes when its ordering to `limit` `passes`; a
    /// value that does not compare (NaN) fails.
    #[inline]
    fn bound<T: NumberValue + ?Sized>(
        &mut self,
        value: &T,
        rule: fn(Limit) -> Rule,
        limit: Limit,
        passes: fn(Ordering) -> bool,
    ) {
        if let Some(number) = value.number() {
            if !compare(number, limit).is_some_and(passes) {
                let secret = T::SECRET || self.in_secret();
                self.fail(IssueKind::OutOfRange, rule(limit), || quote_number(number, secret));
            }
        }
    }
}

/// A number as an issue quotes it: itself, unless it is a secret.
fn quote_number(number: Limit, secret: bool) -> ShortText {
    if secret {
        ShortText::new(Kind::Number.as_str())
    } else {
        ShortText::display(number)
    }
}

fn compare(value: Limit, limit: Limit) -> Option<Ordering> {
    match (value, limit) {
        (Limit::Integer(value), Limit::Integer(limit)) => Some(value.cmp(&limit)),
        (value, limit) => as_f64(value).partial_cmp(&as_f64(limit)),
    }
}

/// Exact for integers; for floats, a quotient within a few ulps of an integer
/// counts, so that `0.3` is a multiple of `0.1` as it is in decimal.
fn is_multiple(value: Limit, divisor: Limit) -> bool {
    match (value, divisor) {
        (_, Limit::Integer(0)) => false,
        (Limit::Integer(value), Limit::Integer(divisor)) => value % divisor == 0,
        (value, divisor) => {
            let quotient = as_f64(value) / as_f64(divisor);
            quotient.is_finite() && (quotient - quotient.round()).abs() <= 4.0 * f64::EPSILON * quotient.abs().max(1.0)
        }
    }
}

#[allow(clippy::cast_precision_loss)]
fn as_f64(limit: Limit) -> f64 {
    match limit {
        Limit::Integer(value) => value as f64,
        Limit::Float(value) => value,
    }
}

through_wrappers!(NumberValue {
    const SECRET: bool = T::SECRET;
    #[inline]
    fn number(&self) -> Option<Limit> {
        Held::held(self)?.number()
    }
});

impl<T: NumberValue> NumberValue for Secret<T> {
    const SECRET: bool = true;
    #[inline]
    fn number(&self) -> Option<Limit> {
        self.expose().number()
    }
}

macro_rules! number {
    ($($ty:ty => $variant:ident as $as:ty;)*) => {$(
        impl NumberValue for $ty {
            #[inline]
            #[allow(clippy::cast_lossless)]
            fn number(&self) -> Option<Limit> {
                Some(Limit::$variant(*self as $as))
            }
        }
    )*};
}

number! {
    i8 => Integer as i128; i16 => Integer as i128; i32 => Integer as i128; i64 => Integer as i128;
    i128 => Integer as i128; isize => Integer as i128; u8 => Integer as i128; u16 => Integer as i128;
    u32 => Integer as i128; u64 => Integer as i128; usize => Integer as i128;
    f32 => Float as f64; f64 => Float as f64;
}

/// `u128` beyond `i128` compares as a float, which is still above any limit
/// an `i128` can write.
impl NumberValue for u128 {
    #[inline]
    #[allow(clippy::cast_precision_loss)]
    fn number(&self) -> Option<Limit> {
        Some(i128::try_from(*self).map_or(Limit::Float(*self as f64), Limit::Integer))
    }
}
