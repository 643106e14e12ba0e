//! Calendar arithmetic the ladder rules need ("member for 3 months",
//! "the 12 months before now").

use jiff::civil::Date;
use jiff::{Span, Unit};

/// `date` moved by `months` calendar months (clamped to the month's last
/// day, so 2026-03-31 − 1 month = 2026-02-28). Saturates at jiff's limits.
pub fn add_months(date: Date, months: i32) -> Date {
    date.checked_add(Span::new().months(months))
        .unwrap_or(if months < 0 { Date::MIN } else { Date::MAX })
}

/// Whole calendar months from `from` to `to` (negative when `to` is earlier).
pub fn months_between(from: Date, to: Date) -> i32 {
    from.until((Unit::Month, to))
        .map_or(0, |s| i32::from(s.get_years()) * 12 + s.get_months())
}

/// Whole days from `from` to `to`.
pub fn days_between(from: Date, to: Date) -> i32 {
    from.until((Unit::Day, to)).map_or(0, |s| s.get_days())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn month_arithmetic() {
        assert_eq!(add_months(date(2026, 3, 31), -1), date(2026, 2, 28));
        assert_eq!(add_months(date(2026, 8, 21), -12), date(2025, 8, 21));
        assert_eq!(months_between(date(2026, 1, 10), date(2026, 4, 9)), 2);
        assert_eq!(months_between(date(2026, 1, 10), date(2026, 4, 10)), 3);
        assert_eq!(months_between(date(2024, 1, 10), date(2026, 4, 10)), 27);
        assert_eq!(months_between(date(2026, 4, 10), date(2026, 1, 10)), -3);
        assert_eq!(days_between(date(2026, 1, 1), date(2026, 2, 1)), 31);
    }
}
