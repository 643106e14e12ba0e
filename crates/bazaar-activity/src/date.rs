//! Calendar days and UTC timestamps, as plain integers.
//!
//! Affiliation intervals are whole days and events carry UTC seconds, so a
//! day is "days since 1970-01-01" ([`Day`]) and a timestamp is Unix seconds.
//! The civil-date conversion is Howard Hinnant's `days_from_civil`; it is a
//! few lines and runs on every GH Archive event, so it is kept here rather
//! than going through a general date library.

use std::fmt;

/// A calendar day, counted from 1970-01-01 (negative before).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

/// DevStats' open start of an affiliation (`1900-01-01`).
pub const DAY_MIN: Day = Day(-25_567);
/// DevStats' open end of an affiliation (`2100-01-01`).
pub const DAY_MAX: Day = Day(47_482);

impl Day {
    /// `YYYY-MM-DD` with a real month and day; anything else is `None`.
    pub fn parse(s: &str) -> Option<Day> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = digits(&b[0..4])?;
        let m = digits(&b[5..7])?;
        let d = digits(&b[8..10])?;
        Day::from_ymd(y as i32, m, d)
    }

    /// The day of a civil date, `None` when the date does not exist.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Day> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Day(days_from_civil(y, m, d)))
    }

    /// The day holding Unix time `secs` (UTC).
    pub fn from_unix(secs: i64) -> Day {
        Day(secs.div_euclid(86_400) as i32)
    }

    /// Unix time of this day's midnight UTC.
    pub fn unix(self) -> i64 {
        i64::from(self.0) * 86_400
    }

    /// `(year, month, day)`.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// The first day of this day's month.
    pub fn month_start(self) -> Day {
        let (y, m, _) = self.ymd();
        Day(days_from_civil(y, m, 1))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(c - b'0');
    }
    Some(v)
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Parse an RFC 3339 UTC timestamp as GitHub writes it
/// (`2022-04-06T18:54:41Z`, optionally with fractional seconds or a
/// `+HH:MM` offset) into Unix seconds.
pub fn parse_timestamp(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 19 || b[10] != b'T' && b[10] != b' ' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let day = Day::parse(s.get(..10)?)?;
    let h = i64::from(digits(&b[11..13])?);
    let mi = i64::from(digits(&b[14..16])?);
    let sec = i64::from(digits(&b[17..19])?);
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut rest = &b[19..];
    if let Some(r) = rest.strip_prefix(b".") {
        let n = r.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = &r[n..];
    }
    let offset = match rest {
        b"Z" | b"z" | b"" => 0,
        [sign @ (b'+' | b'-'), hh1, hh2, b':', mm1, mm2] => {
            let hh = i64::from(digits(&[*hh1, *hh2])?);
            let mm = i64::from(digits(&[*mm1, *mm2])?);
            let o = hh * 3600 + mm * 60;
            if *sign == b'+' { o } else { -o }
        }
        _ => return None,
    };
    Some(day.unix() + h * 3600 + mi * 60 + sec - offset)
}

/// Format Unix seconds as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_timestamp(secs: i64) -> String {
    let day = Day::from_unix(secs);
    let s = secs.rem_euclid(86_400);
    format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        for d in [
            -719_162, -25_567, -1, 0, 1, 59, 365, 11_016, 47_482, 2_000_000,
        ] {
            let day = Day(d);
            assert_eq!(Day::parse(&day.to_string()).map(|x| x.0), Some(d), "{day}");
        }
        assert_eq!(Day::parse("1900-01-01"), Some(DAY_MIN));
        assert_eq!(Day::parse("2100-01-01"), Some(DAY_MAX));
        assert_eq!(Day::parse("1970-01-01"), Some(Day(0)));
        assert_eq!(
            Day::parse("2024-02-29").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in [
            "2023-02-29",
            "2020-13-01",
            "2020-00-10",
            "2020-1-01",
            "20a0-01-01",
            "2020-04-31",
            "",
        ] {
            assert_eq!(Day::parse(s), None, "{s}");
        }
    }

    #[test]
    fn timestamps() {
        assert_eq!(parse_timestamp("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_timestamp("2022-04-06T18:54:41Z"), Some(1_649_271_281));
        assert_eq!(
            parse_timestamp("2022-04-06T20:54:41+02:00"),
            Some(1_649_271_281)
        );
        assert_eq!(
            parse_timestamp("2022-04-06T18:54:41.123Z"),
            Some(1_649_271_281)
        );
        assert_eq!(format_timestamp(1_649_271_281), "2022-04-06T18:54:41Z");
        for bad in [
            "2022-04-06",
            "2022-04-06T25:00:00Z",
            "2022-04-06T18:54:41X",
            "x",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }
}
