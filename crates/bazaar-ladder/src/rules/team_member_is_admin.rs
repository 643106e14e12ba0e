//! `org/team-member-is-admin`: an org admin is listed as a team member.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::OrgTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "org/team-member-is-admin",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an org admin is listed in a team's `members`",
    doc: "## What it checks\nNo team `members` entry (at any depth) may be an org admin.\n\n\
          ## Why it matters\nGitHub makes org admins maintainers of any team they join, so peribolos \
          would keep trying to demote them. kubernetes/org's test fails with \"has org admins listed \
          as members; these users should be in the maintainers list instead\".\n\n\
          ## Example\n```yaml\nadmins: [alice]\nteams:\n  sig-foo:\n    members: [alice]\n```\n\n\
          ## How to fix\nMove the login to the team's `maintainers`.",
    origin: "kubernetes/org config/config_test.go testTeamMembers",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        for t in org.all_teams() {
            for e in t.members.iter().filter(|e| org.is_admin(&e.login)) {
                out.push(
                    finding(
                        &RULE,
                        &t.file,
                        e.pos,
                        format!(
                            "member `{}` of team `{}` is an admin of org `{}`",
                            e.raw, t.name, org.name
                        ),
                    )
                    .with_help("move the login to the team's `maintainers`"),
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
    fn flags_admins_in_members() {
        let org = format!("{ORG_OK}teams:\n  t:\n    privacy: closed\n    members: [a2, m1]\n");
        let t = org_tree(&org, &[]);
        assert_eq!(
            lines(&run(check, &t)),
            ["config/x/org.yaml:14:15: member `a2` of team `t` is an admin of org `x`"]
        );
    }
}
