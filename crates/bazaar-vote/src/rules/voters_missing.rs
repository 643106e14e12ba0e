//! `vote/voters-missing`: an Elekto election has no `voters.yaml`.

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/voters-missing",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an Elekto election has no `voters.yaml`",
    doc: "## What it checks\nThat an election with an `election.yaml` also has a `voters.yaml`.\n\n## Why it matters\nElekto lets only listed logins vote; without the file nobody can vote, and turnout cannot be computed.\n\n## Example\n```text\nelection.yaml  candidate-a.md  (no voters.yaml)\n```\n\n## How to fix\nAdd `voters.yaml` with `eligible_voters:`.",
    origin: "Elekto",
};

/// `election.yaml` without voters.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    if e.config.is_some() && e.voters.is_none() {
        return vec![
            Diagnostic::warning(META.id, "no `voters.yaml`: nobody is eligible to vote")
                .at(e.shown("voters.yaml"), 0, 0)
                .with_help("add `voters.yaml` with an `eligible_voters:` list"),
        ];
    }
    vec![]
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_without_voters() {
        let d = check_with(&[("voters.yaml", None)]);
        assert_eq!(
            of(&d, META.id),
            ["voters.yaml:0: no `voters.yaml`: nobody is eligible to vote"]
        );
    }
}
