//! `org/team-maintainer-not-admin`: a team maintainer is not an org admin.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::OrgTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "org/team-maintainer-not-admin",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a team lists a maintainer who is not an org admin",
    doc: "## What it checks\nEvery `maintainers` entry of every team (at every depth) must be one of the \
          org's `admins`.\n\n\
          ## Why it matters\nIn kubernetes/org, team maintainers are reserved for org admins (who are \
          implicitly maintainers of every team); everyone else goes in `members`. The test fails with \
          \"has non-admins listed as maintainers; these users should be in the members list \
          instead\".\n\n\
          ## Example\n```yaml\nteams:\n  sig-foo:\n    maintainers:\n    - alice   # not in admins\n```\n\n\
          ## How to fix\nMove the login to the team's `members`.",
    origin: "kubernetes/org config/config_test.go testTeamMembers",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        for t in org.all_teams() {
            for e in t.maintainers.iter().filter(|e| !org.is_admin(&e.login)) {
                out.push(
                    finding(
                        &RULE,
                        &t.file,
                        e.pos,
                        format!(
                            "maintainer `{}` of team `{}` is not an admin of org `{}`",
                            e.raw, t.name, org.name
                        ),
                    )
                    .with_help("move the login to the team's `members`"),
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
    fn flags_non_admin_maintainers() {
        let org = format!(
            "{ORG_OK}teams:\n  t:\n    privacy: closed\n    maintainers: [a1, m1]\n    teams:\n      c:\n        privacy: closed\n        maintainers: [k8s-ci-robot, nobody]\n"
        );
        let t = org_tree(&org, &[]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/org.yaml:14:23: maintainer `m1` of team `t` is not an admin of org `x`",
                "config/x/org.yaml:18:37: maintainer `nobody` of team `c` is not an admin of org `x`",
            ]
        );
    }
}
