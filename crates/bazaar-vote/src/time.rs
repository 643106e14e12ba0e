//! Election timestamps.
//!
//! `election.yaml` writes naive timestamps (`2025-09-12 00:00:01`) that
//! Elekto compares with the server's naive `now()`, which is UTC in
//! practice. An explicit offset (`…Z`, `…+02:00`) is accepted and converted
//! to UTC; Elekto itself crashes on such values (PyYAML makes them
//! timezone-aware), which `vote/datetime-has-offset` reports.

use std::fmt;

/// Seconds since 1970-01-01T00:00:00 UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

/// A parsed timestamp and how it was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub at: Timestamp,
    /// An explicit UTC offset was written (`Z`, `+HH:MM`).
    pub had_offset: bool,
    /// Only a date was written (read as 00:00:00).
    pub date_only: bool,
}

/// Why a timestamp does not parse.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a timestamp: expected `YYYY-MM-DD HH:MM:SS` (UTC)")]
pub struct TimeError(pub String);

impl Timestamp {
    /// Parse `YYYY-MM-DD[( |T)HH:MM[:SS[.frac]]][Z|±HH[:MM]]`.
    pub fn parse(text: &str) -> Result<Parsed, TimeError> {
        parse(text.trim()).ok_or_else(|| TimeError(text.trim().to_string()))
    }

    /// The current time from the system clock.
    pub fn now() -> Timestamp {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        Timestamp(secs)
    }
}

impl fmt::Display for Timestamp {
    /// `YYYY-MM-DD HH:MM:SS` (UTC), the form `election.yaml` uses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        write!(
            f,
            "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

fn num(s: &str, len: usize) -> Option<i64> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse(s: &str) -> Option<Parsed> {
    let date = s.get(0..10)?;
    let y = num(date.get(0..4)?, 4)?;
    let m = num(date.get(5..7)?, 2)?;
    let d = num(date.get(8..10)?, 2)?;
    if date.as_bytes()[4] != b'-' || date.as_bytes()[7] != b'-' {
        return None;
    }
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    let days = days_from_civil(y, m, d);
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(Parsed {
            at: Timestamp(days * 86_400),
            had_offset: false,
            date_only: true,
        });
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?.trim_start();
    let hh = num(rest.get(0..2)?, 2)?;
    if rest.as_bytes().get(2) != Some(&b':') {
        return None;
    }
    let mm = num(rest.get(3..5)?, 2)?;
    let mut rest = &rest[5..];
    let mut ss = 0;
    if let Some(r) = rest.strip_prefix(':') {
        ss = num(r.get(0..2)?, 2)?;
        rest = &r[2..];
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            rest = &frac[digits..];
        }
    }
    if hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    let rest = rest.trim_start();
    let (offset, had_offset) = if rest.is_empty() {
        (0, false)
    } else if rest == "Z" || rest == "z" {
        (0, true)
    } else {
        let sign = match rest.as_bytes()[0] {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let r = &rest[1..];
        let (oh, om) = match r.len() {
            2 => (num(r, 2)?, 0),
            4 => (num(r.get(0..2)?, 2)?, num(r.get(2..4)?, 2)?),
            5 if r.as_bytes()[2] == b':' => (num(r.get(0..2)?, 2)?, num(r.get(3..5)?, 2)?),
            _ => return None,
        };
        if oh > 23 || om > 59 {
            return None;
        }
        (sign * (oh * 3600 + om * 60), true)
    };
    Some(Parsed {
        at: Timestamp(days * 86_400 + hh * 3600 + mm * 60 + ss - offset),
        had_offset,
        date_only: false,
    })
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let p = Timestamp::parse("2025-09-12 00:00:01").expect("valid");
        assert_eq!(p.at.to_string(), "2025-09-12 00:00:01");
        assert!(!p.had_offset && !p.date_only);
        let z = Timestamp::parse("2025-09-12T02:00:01+02:00").expect("valid");
        assert_eq!(z.at, p.at);
        assert!(z.had_offset);
        assert_eq!(
            Timestamp::parse("2025-01-01T00:00:00Z")
                .expect("valid")
                .at
                .0,
            1_735_689_600
        );
        assert!(Timestamp::parse("2024-02-29").expect("valid").date_only);
        assert_eq!(
            Timestamp::parse("2021-10-18 00:00:01.5")
                .expect("valid")
                .at
                .to_string(),
            "2021-10-18 00:00:01"
        );
        for bad in [
            "",
            "2023-02-29",
            "2025-13-01",
            "2025-1-1",
            "tomorrow",
            "2025-09-12 25:00",
            "2025-09-12 10:00 PST",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Timestamp(-1).to_string(), "1969-12-31 23:59:59");
    }
}
