//! Reading the free-form `frequency` of a `sigs.yaml` meeting
//! ("biweekly", "First Wednesday of the month", "every four weeks", ...).
//!
//! The phrasings are whatever people wrote (community.md §1.6 lists every
//! one in kubernetes/community); [`parse_frequency`] recognises the
//! patterns they follow and returns `None` for anything else, so a caller
//! can say "could not interpret" instead of guessing.

use std::sync::LazyLock;

use regex::Regex;

/// How often a meeting happens, as an interval in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cadence {
    /// Typical days between meetings (monthly = 30).
    pub days: u32,
    /// A normalised name: `weekly`, `biweekly`, `every 4 weeks`, `monthly`, ...
    pub label: &'static str,
}

const fn cadence(days: u32, label: &'static str) -> Cadence {
    Cadence { days, label }
}

static EVERY_N_WEEKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bevery (one|two|three|four|five|six|eight|[1-9]|1[0-2]) weeks?\b")
        .expect("the pattern is valid")
});
static WEEKLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(weekly|every week|each week|once a week)\b").expect("the pattern is valid")
});
static TWICE_A_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(twice a month|twice monthly|semimonthly|(first|1st) and (third|3rd)|(second|2nd) and (fourth|4th))\b",
    )
    .expect("the pattern is valid")
});
static MONTHLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(monthly|of the month|of each month|of every month|every month|each month|once a month|a month)\b")
        .expect("the pattern is valid")
});

/// The cadence a `frequency` string declares, or `None` when it cannot be
/// interpreted (including an empty string).
pub fn parse_frequency(text: &str) -> Option<Cadence> {
    let s = text
        .to_lowercase()
        .replace("bi-weekly", "biweekly")
        .replace("bi weekly", "biweekly")
        .replace("semi-monthly", "semimonthly")
        .replace("every other week", "every two weeks");
    if s.contains("biweekly") || s.contains("fortnight") {
        return Some(cadence(14, "biweekly"));
    }
    if let Some(c) = EVERY_N_WEEKS.captures(&s) {
        let n = match &c[1] {
            "one" | "1" => 1,
            "two" | "2" => 2,
            "three" | "3" => 3,
            "four" | "4" => 4,
            "five" | "5" => 5,
            "six" | "6" => 6,
            "eight" | "8" => 8,
            other => other.parse().unwrap_or(0),
        };
        return match n {
            0 => None,
            1 => Some(cadence(7, "weekly")),
            2 => Some(cadence(14, "biweekly")),
            3 => Some(cadence(21, "every 3 weeks")),
            4 => Some(cadence(28, "every 4 weeks")),
            5 => Some(cadence(35, "every 5 weeks")),
            6 => Some(cadence(42, "every 6 weeks")),
            n => Some(Cadence {
                days: n * 7,
                label: "every few weeks",
            }),
        };
    }
    if WEEKLY.is_match(&s) {
        return Some(cadence(7, "weekly"));
    }
    if s.contains("daily") || s.contains("every day") {
        return Some(cadence(1, "daily"));
    }
    // "bimonthly" means both "twice a month" and "every two months": refuse to guess.
    if s.contains("bimonthly") || s.contains("bi-monthly") {
        return None;
    }
    if TWICE_A_MONTH.is_match(&s) {
        return Some(cadence(15, "twice a month"));
    }
    if MONTHLY.is_match(&s) {
        return Some(cadence(30, "monthly"));
    }
    if s.contains("quarterly") {
        return Some(cadence(91, "quarterly"));
    }
    if s.contains("annual") || s.contains("yearly") {
        return Some(cadence(365, "yearly"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `frequency` value in kubernetes/community `sigs.yaml` at the
    /// spec's HEAD (community.md §1.6), with the cadence it means.
    const REAL: &[(&str, u32)] = &[
        ("biweekly", 14),
        ("weekly", 7),
        ("bi-weekly", 14),
        ("monthly", 30),
        ("Biweekly", 14),
        (
            "biweekly, you must be signed into a free zoom account to join",
            14,
        ),
        (
            "weekly, you must be signed into a free zoom account to join",
            7,
        ),
        ("Biweekly, interleaved with the Regular SIG Meeting", 14),
        ("biweekly - alternating with regular meeting", 14),
        (
            "bi-weekly ([upcoming meeting dates](#upcoming-meeting-dates))",
            14,
        ),
        ("every four weeks", 28),
        ("First Wednesday of the month", 30),
        ("First Tuesday of each month", 30),
        ("first Monday of the month", 30),
        ("first Tuesday of the month", 30),
        ("every third Wednesday of the month", 30),
        ("every first Thursday of the month", 30),
        ("Monthly on 4th Thursday", 30),
        ("monthly, second Thursday of the month", 30),
        ("monthly - third Tuesday", 30),
        ("monthly - first Wednesday every month", 30),
        ("monthly - last Wednesday every month", 30),
        (
            "monthly - Wednesday, after the fourth Tuesday, every month",
            30,
        ),
        ("monthly 2020 start date: Jan. 7th", 30),
        ("biweekly 2019 start date: Jan. 11th", 14),
        ("biweekly starting Wednesday March 20, 2019", 14),
        ("biweekly starting Thursday June 7, 2018", 14),
        ("biweekly starting Thursday June 25th, 2020", 14),
        ("weekly starting Tuesday December 7th, 2021", 7),
        ("biweekly starting Tuesday Feb 27, 2024", 14),
        ("biweekly starting Tuesday March 12, 2024", 14),
        ("biweekly starting Tuesday Feb 11, 2025", 14),
        ("biweekly starting Tuesday Oct 28, 2025", 14),
        ("bi-weekly starting Tuesday April 16, 2024", 14),
        ("bi-weekly starting Tuesday August 13, 2019", 14),
    ];

    #[test]
    fn every_real_phrasing_is_understood() {
        for (text, days) in REAL {
            assert_eq!(parse_frequency(text).map(|c| c.days), Some(*days), "{text}");
        }
    }

    #[test]
    fn other_phrasings() {
        let days = |s: &str| parse_frequency(s).map(|c| c.days);
        assert_eq!(days("every 3 weeks"), Some(21));
        assert_eq!(days("every other week"), Some(14));
        assert_eq!(days("1st and 3rd Monday"), Some(15));
        assert_eq!(days("Quarterly"), Some(91));
        assert_eq!(days("daily standup"), Some(1));
    }

    #[test]
    fn unknown_phrasings_are_not_guessed() {
        for s in [
            "",
            "TBD",
            "as needed",
            "bimonthly",
            "ad hoc",
            "on demand",
            "see calendar",
        ] {
            assert_eq!(parse_frequency(s), None, "{s:?}");
        }
    }
}
