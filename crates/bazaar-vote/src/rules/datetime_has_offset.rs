//! `vote/datetime-has-offset`: a timestamp carries a UTC offset or is a bare date, which Elekto cannot compare.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/datetime-has-offset",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a timestamp carries a UTC offset or is a bare date, which Elekto cannot compare",
    doc: "## What it checks\nThat election timestamps are naive `YYYY-MM-DD HH:MM:SS` values.\n\n## Why it matters\nPyYAML turns `...Z` or `...+00:00` into a timezone-aware datetime and a bare date into a date; comparing either with Elekto's naive `now()` raises `TypeError` and breaks every page of the election. bazaar converts the value to UTC and warns.\n\n## Example\n```yaml\nend_datetime: 2031-09-15T11:59:59Z\n```\n\n## How to fix\nWrite the time in UTC without an offset: `end_datetime: 2031-09-15 11:59:59`.",
    origin: "Elekto + PyYAML (timezone-aware datetimes)",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_a_z_suffix() {
        let cfg = include_str!("../../tests/fixtures/election-ok/election.yaml").replace(
            "end_datetime: 2031-09-15 11:59:59",
            "end_datetime: 2031-09-15T11:59:59Z",
        );
        let d = check_with(&[("election.yaml", Some(&cfg))]);
        assert_eq!(of(&d, META.id).len(), 1, "{d:?}");
        assert!(of(&d, META.id)[0].starts_with("election.yaml:4:"));
    }
}
