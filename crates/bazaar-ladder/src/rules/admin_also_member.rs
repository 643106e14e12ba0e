//! `org/admin-also-member`: a login is in both `admins` and `members` of an org.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::OrgTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "org/admin-also-member",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a login is listed both as an org admin and as an org member",
    doc: "## What it checks\nThat no login (compared case-insensitively) appears in both `admins` and \
          `members` of the same `org.yaml`.\n\n\
          ## Why it matters\nA GitHub user holds exactly one org role; peribolos refuses a config that \
          gives both, and kubernetes/org's test fails with \"users in both org admin and member \
          roles\".\n\n\
          ## Example\n```yaml\nadmins:\n- alice\nmembers:\n- Alice\n```\n\n\
          ## How to fix\nKeep the login in one list: `admins` for org owners, `members` otherwise.",
    origin: "kubernetes/org config/config_test.go TestAllOrgs; peribolos",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        for m in org.members.iter().filter(|m| org.is_admin(&m.login)) {
            out.push(
                finding(
                    &RULE,
                    &org.file,
                    m.pos,
                    format!(
                        "`{}` is both an admin and a member of org `{}`",
                        m.login, org.name
                    ),
                )
                .with_help("remove the login from `members`; admins are members already"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn flags_logins_in_both_roles() {
        let t = org_tree(&ORG_OK.replace("- m2\n", "- m2\n- A3\n"), &[]);
        assert_eq!(
            lines(&run(check, &t)),
            ["config/x/org.yaml:10:3: `A3` is both an admin and a member of org `x`"]
        );
    }
}
