//! `vote/candidate-header-invalid`: a candidate file has no readable front matter or no `ID`.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/candidate-header-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a candidate file has no readable front matter or no `ID`",
    doc: "## What it checks\nThat each `candidate-*.md` opens with a YAML header between two lines of dashes holding `name`, `ID` and optional `info`.\n\n## Why it matters\n`ID` is the ballot key: without it the candidate cannot be voted for or counted. Elekto's own parser takes everything up to the *last* `---` of the file, so a broken header silently swallows the bio.\n\n## Example\n```markdown\n# Jane Doe\nname: Jane Doe\n```\n\n## How to fix\nStart the file with a line of 61 dashes, `name:`, `ID:` and `info:`, then another line of 61 dashes.",
    origin: "Elekto `extract_candidate_info`; k/community `verify-steering-election-tool.go`",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_without_front_matter() {
        let d = check_with(&[("candidate-bob.md", Some("# Bob\nname: Bob\n"))]);
        assert_eq!(
            of(&d, META.id),
            ["candidate-bob.md:1: no front matter: the file does not start with a line of dashes"]
        );
    }
}
