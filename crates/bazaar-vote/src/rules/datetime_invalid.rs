//! `vote/datetime-invalid`: `start_datetime`, `end_datetime` or `exception_due` is missing or not a timestamp.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/datetime-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "`start_datetime`, `end_datetime` or `exception_due` is missing or not a timestamp",
    doc: "## What it checks\nThat `start_datetime` and `end_datetime` exist and, like `exception_due`, parse as `YYYY-MM-DD HH:MM:SS` (UTC).\n\n## Why it matters\nThe voting window decides who may vote when; Elekto crashes on a value it cannot compare, and a misread date opens or closes an election at the wrong time.\n\n## Example\n```yaml\nstart_datetime: 12 Sept 2031\n```\n\n## How to fix\nWrite e.g. `start_datetime: 2031-09-12 00:00:01`; an Anywhere-on-Earth end of day D is `D+1 11:59:59`.",
    origin: "Elekto `meta.Election.status`",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_garbage_and_on_absence() {
        let cfg = include_str!("../../tests/fixtures/election-ok/election.yaml")
            .replace(
                "start_datetime: 2031-09-01 00:00:01",
                "start_datetime: next monday",
            )
            .replace("end_datetime: 2031-09-15 11:59:59\n", "");
        let d = check_with(&[("election.yaml", Some(&cfg))]);
        assert_eq!(
            of(&d, META.id),
            [
                "election.yaml:0: `end_datetime` is missing: the voting window is undefined",
                "election.yaml:3: `start_datetime`: `next monday` is not a timestamp: expected `YYYY-MM-DD HH:MM:SS` (UTC)",
            ]
        );
    }
}
