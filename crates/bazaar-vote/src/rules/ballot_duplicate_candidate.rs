//! `vote/ballot-duplicate-candidate`: a candidate has two columns in the ballots file.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/ballot-duplicate-candidate",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a candidate has two columns in the ballots file",
    doc: "## What it checks\nThat no candidate id appears twice in the header of the ballots file (compared case-insensitively).\n\n## Why it matters\nTwo columns for one candidate would count that candidate's comparisons twice or from two different ranks.\n\n## Example\n```csv\nalice,bob,Alice\n1,2,3\n```\n\n## How to fix\nKeep one column per candidate.",
    origin: "bazaar",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_a_repeated_column() {
        let d = check_with(&[("ballots.csv", Some("carol,alice,bob,Alice\n1,2,3,4\n"))]);
        assert_eq!(
            of(&d, META.id),
            ["ballots.csv:1: candidate `Alice` appears twice in the header (first at column 2)"]
        );
    }
}
