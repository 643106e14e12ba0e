//! `vote/config-value-invalid`: a flag in `election.yaml` is not a boolean.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/config-value-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a flag in `election.yaml` is not a boolean",
    doc: "## What it checks\nThat `allow_no_opinion` and `delete_after` are booleans (`True`/`False`).\n\n## Why it matters\nA misspelt flag is read as true by Python (any non-empty string); the election would then behave differently from what its officers wrote.\n\n## Example\n```yaml\nallow_no_opinion: maybe\n```\n\n## How to fix\nWrite `True` or `False`.",
    origin: "Elekto `election.yaml`",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_a_non_boolean() {
        let cfg = include_str!("../../tests/fixtures/election-ok/election.yaml")
            .replace("allow_no_opinion: True", "allow_no_opinion: maybe");
        let d = check_with(&[("election.yaml", Some(&cfg))]);
        assert_eq!(
            of(&d, META.id),
            ["election.yaml:6: `allow_no_opinion: maybe` is not a boolean"]
        );
    }
}
