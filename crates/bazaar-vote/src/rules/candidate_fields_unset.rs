//! `vote/candidate-fields-unset`: `show_candidate_fields` is missing, which crashes Elekto's candidate pages.

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/candidate-fields-unset",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "`show_candidate_fields` is missing, which crashes Elekto's candidate pages",
    doc: "## What it checks\nThat `election.yaml` sets `show_candidate_fields` (a list; one empty item is the known work-around when nothing is shown).\n\n## Why it matters\nElekto iterates the list on every candidate page; when it is missing or null the page fails (issue #98).\n\n## Example\n```yaml\nname: Election\n# no show_candidate_fields\n```\n\n## How to fix\nAdd `show_candidate_fields:` with the `info` keys to show (e.g. `- employer`), or a single `- ` item.",
    origin: "Elekto issue #98",
};

/// Missing `show_candidate_fields`.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    match &e.config {
        Some(c) if c.show_candidate_fields.is_none() => vec![
            Diagnostic::warning(
                META.id,
                "`show_candidate_fields` is not set; Elekto's candidate pages fail without it",
            )
            .at(e.shown("election.yaml"), 0, 0)
            .with_help("add `show_candidate_fields:` listing `info` keys such as `- employer`"),
        ],
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_when_missing() {
        let cfg = include_str!("../../tests/fixtures/election-ok/election.yaml")
            .replace("show_candidate_fields:\n  - employer\n", "");
        let d = check_with(&[("election.yaml", Some(&cfg))]);
        assert_eq!(of(&d, META.id).len(), 1, "{d:?}");
    }
}
