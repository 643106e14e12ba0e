//! `vote/ballot-row-width`: a ballot row has more or fewer cells than the header has candidates.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/ballot-row-width",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a ballot row has more or fewer cells than the header has candidates",
    doc: "## What it checks\nThat every ballot row has exactly one cell per header column.\n\n## Why it matters\nA short or long row cannot be attributed to candidates safely; pandas would pad or fail. The whole file is refused so that nothing is counted from a damaged file.\n\n## Example\n```csv\nalice,bob,carol\n1,2\n```\n\n## How to fix\nFix the row at the reported line: one rank or `No opinion` per candidate.",
    origin: "Elekto `from_csv` (pandas)",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_a_short_row() {
        let d = check_with(&[("ballots.csv", Some("carol,alice,bob\n1,2,3\n1,2\n"))]);
        assert_eq!(
            of(&d, META.id),
            ["ballots.csv:3: ballot has 2 cells but the header has 3 candidates"]
        );
    }
}
