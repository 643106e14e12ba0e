//! `vote/ballot-empty`: a ballots file has a blank row.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/ballot-empty",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a ballots file has a blank row",
    doc: "## What it checks\nThat the ballots file has no blank line between rows (a final newline is fine).\n\n## Why it matters\nA blank row is a ballot with no cells: a truncated or hand-edited file. An Elekto ballot always has one cell per candidate, even when all say `No opinion`, so a blank line is never a real ballot and the file is refused.\n\n## Example\n```csv\nalice,bob\n1,2\n\n2,1\n```\n\n## How to fix\nRemove the blank line, or restore the ballot it stands for.",
    origin: "bazaar",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_a_blank_line() {
        let d = check_with(&[("ballots.csv", Some("carol,alice,bob\n1,2,3\n\n3,2,1\n"))]);
        assert_eq!(
            of(&d, META.id),
            ["ballots.csv:3: empty ballot row: a ballot has one cell per candidate"]
        );
    }
}
