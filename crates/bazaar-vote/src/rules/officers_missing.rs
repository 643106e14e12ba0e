//! `vote/officers-missing`: `election.yaml` names no election officers.

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/officers-missing",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "`election.yaml` names no election officers",
    doc: "## What it checks\nThat `election_officers` lists at least one GitHub login.\n\n## Why it matters\nOnly officers may open the admin pages, see exception requests and compute results; without one the election cannot be run or concluded.\n\n## Example\n```yaml\nelection_officers: []\n```\n\n## How to fix\nList the officers' GitHub logins (Kubernetes: three, from three employers).",
    origin: "Elekto `election_officers`",
};

/// No officers at all.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    match &e.config {
        Some(c) if c.election_officers.is_empty() => vec![
            Diagnostic::error(
                META.id,
                "no `election_officers`: nobody can administer the election",
            )
            .at(e.shown("election.yaml"), 0, 0)
            .with_help("add `election_officers:` with their GitHub logins"),
        ],
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_without_officers() {
        let cfg = include_str!("../../tests/fixtures/election-ok/election.yaml")
            .replace("  - officer1\n  - officer2\n", "");
        let d = check_with(&[("election.yaml", Some(&cfg))]);
        assert_eq!(
            of(&d, META.id),
            ["election.yaml:0: no `election_officers`: nobody can administer the election"]
        );
    }
}
