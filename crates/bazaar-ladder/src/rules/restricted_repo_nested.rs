//! `org/restricted-repo-nested`: a child team references a repo its file may not grant.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::CheckOptions;
use super::restricted_repo::violations;
use crate::org::OrgTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "org/restricted-repo-nested",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a child team references a repo that `restrictions.yaml` does not allow for its file",
    doc: "## What it checks\nThe same as `org/restricted-repo`, for teams nested under another team \
          (`teams:` inside a team), which upstream's `cmd/restrictions` never looks at.\n\n\
          ## Why it matters\nA nested team grants repository access exactly like a top-level one, so \
          the gap lets any team file grant access to any repo. A warning, because upstream does not \
          enforce it and kubernetes/org's data relies on the gap (for example kubernetes-sigs \
          `sig-security` children referencing `cve-feed-osv`, a file covered by the deny-all \
          catch-all).\n\n\
          ## Example\n```yaml\n# config/kubernetes/sig-foo/teams.yaml (restricted to ^foo-)\nteams:\n  sig-foo:\n    teams:\n      sig-foo-admins:\n        repos:\n          kubernetes: admin\n```\n\n\
          ## How to fix\nAs for `org/restricted-repo`: move the team or extend `allowedRepos`.",
    origin: "bazaar (closes a gap of kubernetes/org cmd/restrictions)",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    violations(tree, &RULE, true)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn flags_child_team_repos() {
        let t = org_tree(
            ORG_OK,
            &[
                (
                    "config/restrictions.yaml",
                    "restrictions:\n  - path: \"x/sig-a/teams.yaml\"\n    allowedRepos: [\"^a-\"]\n",
                ),
                (
                    "config/x/sig-a/teams.yaml",
                    "teams:\n  a:\n    privacy: closed\n    repos:\n      a-one: admin\n    teams:\n      child:\n        privacy: closed\n        repos:\n          a-two: read\n          elsewhere: read\n",
                ),
            ],
        );
        let d = run(check, &t);
        assert_eq!(
            lines(&d),
            [
                "config/x/sig-a/teams.yaml:11:11: `x/sig-a/teams.yaml` cannot define repo `elsewhere` for child team `child`: no `allowedRepos` pattern of the restriction `x/sig-a/teams.yaml` (config/restrictions.yaml:2) matches"
            ]
        );
        assert_eq!(d[0].severity, Severity::Warning);
    }
}
