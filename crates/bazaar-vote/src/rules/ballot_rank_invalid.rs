//! `vote/ballot-rank-invalid`: a ballot cell is neither an integer rank nor `No opinion`.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/ballot-rank-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a ballot cell is neither an integer rank nor `No opinion`",
    doc: "## What it checks\nThat each cell of a ballot is an integer rank or the literal `No opinion`.\n\n## Why it matters\nElekto would fail on such a cell; guessing its meaning would change the count.\n\n## Example\n```csv\nalice,bob\n1,second\n```\n\n## How to fix\nWrite an integer (1 = most preferred) or `No opinion`.",
    origin: "Elekto `from_csv` (`int()` of each cell)",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_text() {
        let d = check_with(&[("ballots.csv", Some("carol,alice,bob\n1,x,3\n"))]);
        assert_eq!(
            of(&d, META.id),
            ["ballots.csv:2: `x` is not a rank (column `alice`)"]
        );
    }
}
