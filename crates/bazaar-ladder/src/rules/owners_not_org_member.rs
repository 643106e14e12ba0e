//! `org/owners-not-org-member`: a reviewer or approver of `config/<org>/OWNERS` is not in the org.
//!
//! The check runs on plain input ([`check_owners_membership`]: OWNERS files
//! with their logins, and the orgs), so any OWNERS loader can feed it.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::{Org, OrgTree, OwnersFile, OwnersScope};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/owners-not-org-member",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a reviewer or approver in `config/<org>/OWNERS` is not an admin or member of that org",
    doc: "## What it checks\nEvery `reviewers` and `approvers` entry of `config/<org>/OWNERS` (aliases \
          expanded through `OWNERS_ALIASES`) must be an admin or member of `<org>`, compared \
          case-insensitively.\n\n\
          ## Why it matters\nThe people who approve membership changes must themselves belong to the \
          org; kubernetes/org's test fails with \"The following reviewers/approvers must be \
          members\".\n\n\
          ## Example\n```yaml\n# config/kubernetes/OWNERS\napprovers:\n- someone-not-in-org-yaml\n```\n\n\
          ## How to fix\nAdd the person to the org's `members` (or `admins`) in `org.yaml`, or remove \
          them from OWNERS.",
    origin: "kubernetes/org config/config_test.go testOrg",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    check_owners_membership(&tree.owners, &tree.orgs)
        .into_iter()
        .filter(|d| d.rule == RULE.id)
        .collect()
}

/// Reviewers and approvers of `owners` who are not admins or members of the
/// org their file belongs to: `org/owners-not-org-member` for org-level
/// files, `org/team-owners-not-org-member` for team-directory files. Files
/// of an org not in `orgs`, and files outside the org repository, are skipped (its missing `org.yaml` is reported
/// by `org/org-dir-incomplete`).
pub fn check_owners_membership(owners: &[OwnersFile], orgs: &[Org]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in owners {
        let rule = match f.scope {
            OwnersScope::Org { .. } => &RULE,
            OwnersScope::TeamDir { .. } => &super::team_owners_not_org_member::RULE,
            OwnersScope::Other => continue,
        };
        let Some(org) = orgs.iter().find(|o| Some(o.name.as_str()) == f.scope.org()) else {
            continue;
        };
        let members = org.member_set();
        for (role, entries) in [("reviewer", &f.reviewers), ("approver", &f.approvers)] {
            for e in entries
                .iter()
                .filter(|e| !members.contains(e.login.normalized()))
            {
                let via = e
                    .alias
                    .as_ref()
                    .map(|a| format!(" (from alias `{a}`)"))
                    .unwrap_or_default();
                out.push(
                    finding(
                        rule,
                        &f.path,
                        e.pos,
                        format!(
                            "OWNERS {role} `{}`{via} is not a member of org `{}`",
                            e.login, org.name
                        ),
                    )
                    .with_help(format!(
                        "add `{}` to the members of `{}` or remove the entry; a name that is no alias in OWNERS_ALIASES is read as a login",
                        e.login, org.file
                    )),
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
    fn flags_reviewers_and_approvers_outside_the_org() {
        let t = tree(&[
            ("config/x/org.yaml", ORG_OK),
            (
                "config/x/OWNERS",
                "reviewers:\n- stranger\n- M1\napprovers:\n- a1\n- a2\n- a3\n- a4\n- x-leads\n",
            ),
            (
                "OWNERS_ALIASES",
                "aliases:\n  x-leads:\n  - a1\n  - outsider\n",
            ),
        ]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/OWNERS:2:3: OWNERS reviewer `stranger` is not a member of org `x`",
                "config/x/OWNERS:9:3: OWNERS approver `outsider` (from alias `x-leads`) is not a member of org `x`",
            ]
        );
    }

    #[test]
    fn plain_input_works_without_a_tree() {
        let t = org_tree(ORG_OK, &[]);
        let owners = vec![OwnersFile {
            path: "somewhere/OWNERS".into(),
            scope: OwnersScope::Org { org: "x".into() },
            reviewers: vec![],
            approvers: vec![crate::org::OwnersEntry {
                login: bazaar_core::Login::new("nobody"),
                pos: crate::org::Pos::new(3, 1),
                alias: None,
            }],
        }];
        let d = check_owners_membership(&owners, &t.orgs);
        assert_eq!(
            lines(&d),
            ["somewhere/OWNERS:3:1: OWNERS approver `nobody` is not a member of org `x`"]
        );
        assert_eq!(d[0].rule, RULE.id);
    }
}
