//! `vote/candidate-info-missing`: a candidate's `info` lacks a field `show_candidate_fields` asks for.

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/candidate-info-missing",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a candidate's `info` lacks a field `show_candidate_fields` asks for",
    doc: "## What it checks\nThat every key listed in `show_candidate_fields` is present in each candidate's `info`.\n\n## Why it matters\nVoters are shown these fields (for Steering: employer, which the employer cap needs); Kubernetes CI rejects bios without them.\n\n## Example\n```yaml\nshow_candidate_fields: [employer]\n# candidate-bob.md: info: [- slack: bob]\n```\n\n## How to fix\nAdd the field to the candidate's `info`.",
    origin: "k/community `verify-steering-election-tool.go`",
};

/// Fields `show_candidate_fields` wants but `info` lacks.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    let Some(fields) = e
        .config
        .as_ref()
        .and_then(|c| c.show_candidate_fields.as_ref())
    else {
        return vec![];
    };
    let mut out = Vec::new();
    for c in &e.candidates {
        for f in fields {
            if c.info(f).is_none() {
                out.push(
                    Diagnostic::warning(META.id, format!("candidate `{}` has no `info.{f}`", c.id))
                        .at(&c.file, c.line, 1)
                        .with_help(format!("add `- {f}: ...` under `info:`")),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_without_employer() {
        let bob = include_str!("../../tests/fixtures/election-ok/candidate-bob.md")
            .replace("  - employer: Initech\n", "");
        let d = check_with(&[("candidate-bob.md", Some(&bob))]);
        assert_eq!(
            of(&d, META.id),
            ["candidate-bob.md:3: candidate `bob` has no `info.employer`"]
        );
    }
}
