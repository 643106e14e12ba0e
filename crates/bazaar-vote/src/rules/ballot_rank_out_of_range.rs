//! `vote/ballot-rank-out-of-range`: a rank is below 1 or above the number of candidates.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/ballot-rank-out-of-range",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a rank is below 1 or above the number of candidates",
    doc: "## What it checks\nThat every rank lies between 1 and the number of candidates. (CIVS wrote unranked candidates as rank n, which is in range.)\n\n## Why it matters\nElekto's form only offers 1..n; a rank outside means the ballot was not cast through it or the file was edited. Only the relative order counts, so such a rank would silently be counted as something the voter never chose.\n\n## Example\n```csv\nalice,bob,carol\n1,2,7\n```\n\n## How to fix\nCorrect the rank at the reported line and column.",
    origin: "bazaar (Elekto does not validate ranks, spec §2.7)",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_above_n_and_at_zero() {
        let d = check_with(&[(
            "ballots.csv",
            Some("carol,alice,bob\n1,2,4\n0,1,2\n1,99999999999999999999,2\n"),
        )]);
        assert_eq!(
            of(&d, META.id),
            [
                "ballots.csv:2: rank `4` for `bob` is out of range 1..=3",
                "ballots.csv:3: rank `0` for `carol` is out of range 1..=3",
                "ballots.csv:4: rank `99999999999999999999` for `alice` is out of range 1..=3",
            ]
        );
    }
}
