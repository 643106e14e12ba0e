//! `vote/ballot-header-invalid`: the ballots file has no header row or an empty candidate id in it.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/ballot-header-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "the ballots file has no header row or an empty candidate id in it",
    doc: "## What it checks\nThat a ballots file starts with a header row naming one candidate per column, none empty.\n\n## Why it matters\nEvery rank is read by its column's header; without it no ballot can be counted. Elekto's export always writes the header.\n\n## Example\n```csv\nalice,,bob\n1,2,3\n```\n\n## How to fix\nWrite the candidate ids (Elekto) or names (CIVS) comma-separated on the first line.",
    origin: "bazaar",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_an_empty_header_cell() {
        let d = check_with(&[("ballots.csv", Some("carol,,bob\n1,2,3\n"))]);
        assert_eq!(
            of(&d, META.id),
            ["ballots.csv:1: empty candidate id in the header"]
        );
    }
}
