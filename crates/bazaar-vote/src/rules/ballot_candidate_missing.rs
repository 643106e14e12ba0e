//! `vote/ballot-candidate-missing`: a candidate has no column in the ballots file.

use crate::load::{CandidateSource, ElectionDir};
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/ballot-candidate-missing",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a candidate has no column in the ballots file",
    doc: "## What it checks\nThat every candidate of the election has a column in the ballots file.\n\n## Why it matters\nElekto's export writes a column for every current candidate; a missing one means the file belongs to another candidate list or a candidate was added after the export.\n\n## Example\n```csv\nalice,bob\n1,2\n# candidate-carol.md exists\n```\n\n## How to fix\nRe-export the ballots, or remove the stray candidate file.",
    origin: "Elekto CSV export",
};

/// Candidates without a column (Elekto layout).
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    let (Some(b), Some(path)) = (&e.ballots, &e.ballots_file) else {
        return vec![];
    };
    if e.candidate_source != CandidateSource::Elekto {
        return vec![];
    }
    e.candidates
        .iter()
        .filter(|c| !b.candidates().contains(&c.id))
        .map(|c| {
            Diagnostic::warning(
                META.id,
                format!("candidate `{}` has no column in the ballots", c.id),
            )
            .at(path.display().to_string(), 1, 0)
            .with_help("re-export the ballots with every candidate")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_a_missing_column() {
        let d = check_with(&[("ballots.csv", Some("carol,alice\n1,2\n"))]);
        assert_eq!(
            of(&d, META.id),
            ["ballots.csv:1: candidate `bob` has no column in the ballots"]
        );
    }
}
