//! `vote/candidate-duplicate`: two candidate files share one `ID`.

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/candidate-duplicate",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "two candidate files share one `ID`",
    doc: "## What it checks\nThat no two candidate files have the same `ID` (case-insensitively).\n\n## Why it matters\nThe ID is the ballot key; two candidates with one key cannot be told apart on a ballot.\n\n## Example\n```text\ncandidate-bob.md: ID: bob\ncandidate-bob2.md: ID: Bob\n```\n\n## How to fix\nGive each candidate their own GitHub login as `ID`, or remove the copy.",
    origin: "bazaar",
};

/// Duplicate candidate ids.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    let mut seen: std::collections::BTreeMap<String, &str> = Default::default();
    let mut out = Vec::new();
    for c in &e.candidates {
        if let Some(first) = seen.insert(c.id.to_lowercase(), &c.file) {
            out.push(
                Diagnostic::error(
                    META.id,
                    format!("candidate `{}` is also defined in `{first}`", c.id),
                )
                .at(&c.file, c.line, 1)
                .with_help("each candidate has one file and a unique `ID`"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_a_copy() {
        let bob = include_str!("../../tests/fixtures/election-ok/candidate-bob.md");
        let d = check_with(&[("candidate-bob2.md", Some(bob))]);
        let got = of(&d, META.id);
        assert_eq!(got.len(), 1, "{d:?}");
        assert!(
            got[0].starts_with("candidate-bob2.md:3: candidate `bob` is also defined in"),
            "{got:?}"
        );
    }
}
