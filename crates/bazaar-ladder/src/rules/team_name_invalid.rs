//! `org/team-name-invalid`: a team name GitHub cannot hold.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::OrgTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "org/team-name-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a team name is empty, has leading or trailing spaces, or contains control characters",
    doc: "## What it checks\nEvery key of a `teams` map (at every depth) must be a non-empty name \
          without leading or trailing whitespace and without control characters. Other characters \
          are allowed: the data has names with `/` and `.` (`kubernetes/sig-apps`, \
          `registry.k8s.io-admins`).\n\n\
          ## Why it matters\nGitHub rejects such names when peribolos creates the team, or trims them \
          so the team never matches its config and is recreated on every run.\n\n\
          ## Example\n```yaml\nteams:\n  \"sig-foo-admins \":\n    privacy: closed\n```\n\n\
          ## How to fix\nRename the team to a plain name.",
    origin: "bazaar (GitHub team naming)",
};

/// Why `name` cannot be a team name, if it cannot.
pub(crate) fn problem(name: &str) -> Option<&'static str> {
    if name.trim().is_empty() {
        Some("is empty")
    } else if name.trim() != name {
        Some("has leading or trailing whitespace")
    } else if name.chars().any(char::is_control) {
        Some("contains a control character")
    } else {
        None
    }
}

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        for t in org.all_teams() {
            if let Some(why) = problem(&t.name) {
                out.push(
                    finding(
                        &RULE,
                        &t.file,
                        t.pos,
                        format!("team name {:?} in org `{}` {why}", t.name, org.name),
                    )
                    .with_help("rename the team"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn flags_names_github_cannot_hold() {
        let org = format!(
            "{ORG_OK}teams:\n  \"\":\n    privacy: closed\n  \"a \":\n    privacy: closed\n  \"kubernetes/sig-apps\":\n    privacy: closed\n    teams:\n      \"b\\tc\":\n        privacy: closed\n"
        );
        let t = org_tree(&org, &[]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/org.yaml:12:3: team name \"\" in org `x` is empty",
                "config/x/org.yaml:14:3: team name \"a \" in org `x` has leading or trailing whitespace",
                "config/x/org.yaml:19:7: team name \"b\\tc\" in org `x` contains a control character",
            ]
        );
    }
}
