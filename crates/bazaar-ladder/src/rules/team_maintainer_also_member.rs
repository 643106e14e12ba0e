//! `org/team-maintainer-also-member`: a login is both maintainer and member of a team.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::OrgTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "org/team-maintainer-also-member",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a login is listed both as maintainer and as member of the same team",
    doc: "## What it checks\nThat no login (case-insensitively) is in both `maintainers` and `members` \
          of one team.\n\n\
          ## Why it matters\nA GitHub team role is either maintainer or member; peribolos would flip \
          between them. kubernetes/org's test fails with \"has users in both maintainer admin and \
          member roles\".\n\n\
          ## Example\n```yaml\nteams:\n  sig-foo:\n    maintainers: [alice]\n    members: [alice, bob]\n```\n\n\
          ## How to fix\nKeep the login in one list (maintainers only for org admins).",
    origin: "kubernetes/org config/config_test.go testTeamMembers",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        for t in org.all_teams() {
            for e in &t.members {
                if t.maintainers.iter().any(|m| m.login == e.login) {
                    out.push(
                        finding(
                            &RULE,
                            &t.file,
                            e.pos,
                            format!(
                                "`{}` is both a maintainer and a member of team `{}` in org `{}`",
                                e.raw, t.name, org.name
                            ),
                        )
                        .with_help("remove the login from one of the two lists"),
                    );
                }
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
    fn flags_logins_in_both_team_roles() {
        let org = format!(
            "{ORG_OK}teams:\n  t:\n    privacy: closed\n    maintainers: [a1]\n    members:\n    - A1\n    - m1\n"
        );
        let t = org_tree(&org, &[]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/org.yaml:16:7: `A1` is both a maintainer and a member of team `t` in org `x`"
            ]
        );
    }
}
