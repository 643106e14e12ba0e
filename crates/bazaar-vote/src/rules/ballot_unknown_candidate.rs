//! `vote/ballot-unknown-candidate`: a ballots column names no candidate of the election.

use crate::load::{CandidateSource, ElectionDir};
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/ballot-unknown-candidate",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a ballots column names no candidate of the election",
    doc: "## What it checks\nThat every column of the ballots file is the `ID` of a candidate file of the election (Elekto layout only; CIVS-era columns are display names).\n\n## Why it matters\nElekto raises `KeyError` on such a ballot and the results page stays broken for everyone; a renamed or removed candidate file after voting does the same.\n\n## Example\n```csv\nalice,bob,mallory\n1,2,3\n```\n\n## How to fix\nRestore the candidate file, or correct the column to the candidate's `ID`.",
    origin: "Elekto `schulze_d` (`KeyError`, spec §2.7)",
};

/// Columns without a candidate (Elekto layout).
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    let (Some(b), Some(path)) = (&e.ballots, &e.ballots_file) else {
        return vec![];
    };
    if e.candidate_source != CandidateSource::Elekto {
        return vec![];
    }
    let matches = e.column_matches();
    b.candidates()
        .iter()
        .zip(matches)
        .filter(|(_, m)| m.is_none())
        .map(|(col, _)| {
            Diagnostic::error(
                META.id,
                format!("column `{col}` is not a candidate of this election"),
            )
            .at(path.display().to_string(), 1, 0)
            .with_help(format!("add `candidate-{col}.md` or fix the column"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_an_unknown_column() {
        let d = check_with(&[("ballots.csv", Some("carol,alice,mallory\n1,2,3\n"))]);
        assert_eq!(
            of(&d, META.id),
            ["ballots.csv:1: column `mallory` is not a candidate of this election"]
        );
    }
}
