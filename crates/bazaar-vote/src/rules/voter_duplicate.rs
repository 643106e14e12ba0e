//! `vote/voter-duplicate`: a voter is listed twice (logins compare case-insensitively).

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/voter-duplicate",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a voter is listed twice (logins compare case-insensitively)",
    doc: "## What it checks\nThat no login appears twice in the voter list, comparing case-insensitively and ignoring a leading `@`.\n\n## Why it matters\nGitHub logins are case-insensitive. A duplicate usually means one entry was re-cased by hand (the 2026 log: \"Update serenity611 to Serenity611\") and the other forgotten; it also makes the eligible-voter count, and so the turnout, wrong.\n\n## Example\n```yaml\neligible_voters:\n- serenity611\n- Serenity611\n```\n\n## How to fix\nKeep one entry, with GitHub's canonical capitalisation.",
    origin: "bazaar (Elekto issue #84)",
};

/// Duplicate voters.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    let Some(v) = &e.voters else { return vec![] };
    let mut first: std::collections::BTreeMap<&str, u32> = Default::default();
    let mut out = Vec::new();
    for entry in &v.entries {
        match first.get(entry.login.normalized()) {
            Some(&line) => out.push(
                Diagnostic::error(
                    META.id,
                    format!(
                        "voter `{}` is listed twice (first on line {line})",
                        entry.login
                    ),
                )
                .at(&v.file, entry.line, 1)
                .with_help("remove one of the entries"),
            ),
            None => {
                first.insert(entry.login.normalized(), entry.line);
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
    fn fires_on_a_recased_duplicate() {
        let d = check_with(&[(
            "voters.yaml",
            Some("eligible_voters:\n- alice\n- bob\n- Alice\n"),
        )]);
        assert_eq!(
            of(&d, META.id),
            ["voters.yaml:4: voter `Alice` is listed twice (first on line 2)"]
        );
    }
}
