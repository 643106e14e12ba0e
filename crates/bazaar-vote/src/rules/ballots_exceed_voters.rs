//! `vote/ballots-exceed-voters`: there are more ballots than eligible voters.

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/ballots-exceed-voters",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "there are more ballots than eligible voters",
    doc: "## What it checks\nThat the number of ballots does not exceed the number of distinct eligible voters.\n\n## Why it matters\nEach voter casts at most one ballot; more ballots than voters means ballots were stuffed, duplicated, or the voter list is not the one used.\n\n## Example\n```text\nvoters.yaml: 5 logins, ballots.csv: 6 rows\n```\n\n## How to fix\nCheck the export and the voter list.",
    origin: "bazaar",
};

/// More ballots than voters.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    let (Some(b), Some(v), Some(path)) = (&e.ballots, &e.voters, &e.ballots_file) else {
        return vec![];
    };
    let voters = v.unique().len();
    if b.len() <= voters || voters == 0 {
        return vec![];
    }
    vec![
        Diagnostic::error(
            META.id,
            format!("{} ballots but only {voters} eligible voters", b.len()),
        )
        .at(path.display().to_string(), 0, 0)
        .with_help("one ballot per voter: check the export and the voter list"),
    ]
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_with_too_many_ballots() {
        let d = check_with(&[("voters.yaml", Some("eligible_voters:\n- alice\n- bob\n"))]);
        assert_eq!(
            of(&d, META.id),
            ["ballots.csv:0: 4 ballots but only 2 eligible voters"]
        );
    }
}
