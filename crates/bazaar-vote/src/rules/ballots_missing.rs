//! `vote/ballots-missing`: an election folder has no ballots file, so no ballot was checked.

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/ballots-missing",
    severity: Severity::Info,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an election folder has no `ballots.csv`, so no ballot was checked",
    doc: "## What it checks\nWhether the election folder holds a ballots file (`ballots.csv`, or the CIVS-era `BALLOTS.csv`). Without one, `bazaar election check` checks the configuration, voters and candidates only: every `vote/ballot-*` rule, `vote/ballots-exceed-voters` and the match of ballot columns to candidate files are skipped.\n\n## Why it matters\nBefore and during an election the folder has no ballots (Elekto publishes `ballots.csv` after the close), so this is not an error; but a clean check then says nothing about the ballots, and this finding says so instead of staying silent.\n\n## Example\n```text\nelection.yaml  voters.yaml  candidate-alice.md  (no ballots.csv)\n```\n\n## How to fix\nNothing before the election closes. Afterwards, add the published `ballots.csv` and check again; `bazaar election tally` needs it.",
    origin: "bazaar",
};

/// No ballots file in the folder.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    if e.ballots_file.is_some() {
        return vec![];
    }
    vec![
        Diagnostic::info(
            META.id,
            "no `ballots.csv`: the ballots were not checked (configuration, voters and candidates were)",
        )
        .at(e.shown("ballots.csv"), 0, 0)
        .with_help("Elekto publishes `ballots.csv` when the election closes; add it to check the ballots"),
    ]
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_without_ballots() {
        let d = check_with(&[("ballots.csv", None)]);
        assert_eq!(
            of(&d, META.id),
            [
                "ballots.csv:0: no `ballots.csv`: the ballots were not checked (configuration, voters and candidates were)"
            ]
        );
        assert!(d.iter().all(|d| d.severity != bazaar_core::Severity::Error));
        assert!(of(&check_with(&[]), META.id).is_empty());
    }
}
