//! `org/team-member-not-org-member`: a team member does not belong to the org.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::OrgTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "org/team-member-not-org-member",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a team member is not an admin or member of the org",
    doc: "## What it checks\nEvery `members` entry of every team (at every depth) must be an admin or \
          member of the team's org, compared case-insensitively.\n\n\
          ## Why it matters\nGitHub can only add org members to teams; peribolos fails at apply time \
          and kubernetes/org's test fails with \"The following members of team … are not … org \
          members\". (Peribolos itself only checks top-level teams; the test, and bazaar, recurse.)\n\n\
          ## Example\n```yaml\nmembers: [alice]\nteams:\n  sig-foo:\n    members: [bob]   # bob is not in the org\n```\n\n\
          ## How to fix\nAdd the login to the org's `members` (membership requires sponsors), or remove \
          it from the team.",
    origin: "kubernetes/org config/config_test.go testTeamMembers; peribolos",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        let members = org.member_set();
        for t in org.all_teams() {
            for e in t
                .members
                .iter()
                .filter(|e| !members.contains(e.login.normalized()))
            {
                out.push(
                    finding(
                        &RULE,
                        &t.file,
                        e.pos,
                        format!(
                            "member `{}` of team `{}` is not a member of org `{}`",
                            e.raw, t.name, org.name
                        ),
                    )
                    .with_help(format!("add the login to the members in `{}`", org.file)),
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
    fn flags_team_members_outside_the_org_in_teams_files_too() {
        let t = org_tree(
            ORG_OK,
            &[(
                "config/x/sig-a/teams.yaml",
                "teams:\n  t:\n    privacy: closed\n    members:\n    - m1\n    - stranger\n    teams:\n      c:\n        privacy: closed\n        members: [M2, other]\n",
            )],
        );
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/sig-a/teams.yaml:6:7: member `stranger` of team `t` is not a member of org `x`",
                "config/x/sig-a/teams.yaml:10:23: member `other` of team `c` is not a member of org `x`",
            ]
        );
    }
}
