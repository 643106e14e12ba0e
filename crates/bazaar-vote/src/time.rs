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
        match jiff::Timestamp::from_second(self.0) {
            Ok(t) => write!(f, "{}", t.strftime("%Y-%m-%d %H:%M:%S")),
            Err(_) => write!(f, "@{}", self.0),
        }
    }
}

/// `YYYY-MM-DD`, a naive date-time (`T` or a space between date and time,
/// optional seconds and fraction), or an instant with `Z` / `±HH:MM`.
fn parse(s: &str) -> Option<Parsed> {
    use jiff::civil::{Date, DateTime};
    // jiff also reads a bare date as a date-time; tell the two apart first.
    if s.len() == 10 {
        let d: Date = s.parse().ok()?;
        return Some(Parsed {
            at: utc_seconds(d.to_datetime(jiff::civil::Time::midnight()))?,
            had_offset: false,
            date_only: true,
        });
    }
    if let Ok(t) = s.parse::<jiff::Timestamp>() {
        return Some(Parsed {
            at: Timestamp(t.as_second()),
            had_offset: true,
            date_only: false,
        });
    }
    let dt: DateTime = s.parse().ok()?;
    Some(Parsed {
        at: utc_seconds(dt)?,
        had_offset: false,
        date_only: false,
    })
}

/// A naive date-time read as UTC (what Elekto's naive `now()` is in practice).
fn utc_seconds(dt: jiff::civil::DateTime) -> Option<Timestamp> {
    let t = dt.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp();
    Some(Timestamp(t.as_second()))
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
            Timestamp::parse("2025-09-12 00:00")
                .expect("valid")
                .at
                .to_string(),
            "2025-09-12 00:00:00"
        );
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
