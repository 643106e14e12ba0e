//! `vote/voter-invalid`: a `voters.yaml` entry is not a GitHub login, or the list is missing.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/voter-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a `voters.yaml` entry is not a GitHub login, or the list is missing",
    doc: "## What it checks\nThat `voters.yaml` has an `eligible_voters` list and every entry is a single GitHub login.\n\n## Why it matters\nAn entry that is not a login can never match a signed-in voter, so an eligible person cannot vote; a missing list shuts everybody out.\n\n## Example\n```yaml\neligible_voters:\n- Jane Doe\n```\n\n## How to fix\nWrite one GitHub login per entry.",
    origin: "Elekto `voters.yaml`",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_a_name_with_a_space() {
        let d = check_with(&[(
            "voters.yaml",
            Some("eligible_voters:\n- alice\n- Jane Doe\n"),
        )]);
        assert_eq!(
            of(&d, META.id),
            ["voters.yaml:3: `Jane Doe` is not a GitHub login"]
        );
    }
}
