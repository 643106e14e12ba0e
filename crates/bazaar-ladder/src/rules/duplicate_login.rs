//! `org/duplicate-login`: a login appears twice in one list.

use std::collections::HashMap;

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding, login_lists};
use crate::org::{OrgTree, OwnersScope, Pos};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/duplicate-login",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a login is listed twice in the same list (case-insensitively)",
    doc: "## What it checks\nThat no login appears twice, compared case-insensitively, in an org's \
          `admins` or `members`, in a team's `maintainers` or `members`, or among the logins written \
          directly in `config/<org>/OWNERS` `reviewers` or `approvers`.\n\n\
          ## Why it matters\nkubernetes/org's test means to reject duplicates, but runs its check on a \
          set, which cannot hold any, so the check never fails. A duplicate usually hides a bad merge \
          and makes removals leave the person behind (`korg remove` removes the first match only).\n\n\
          ## Example\n```yaml\nmembers:\n- alice\n- Alice\n```\n\n\
          ## How to fix\nDelete the second entry.",
    origin: "kubernetes/org config/config_test.go testDuplicates (dead code upstream)",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        for list in login_lists(org) {
            let mut seen: HashMap<&str, Pos> = HashMap::new();
            for e in list.entries {
                if let Some(first) = seen.get(e.login.normalized()) {
                    out.push(
                        finding(
                            &RULE,
                            list.file,
                            e.pos,
                            format!(
                                "`{}` is listed twice in {} (first on line {})",
                                e.raw, list.what, first.line
                            ),
                        )
                        .with_help("delete this entry"),
                    );
                } else {
                    seen.insert(e.login.normalized(), e.pos);
                }
            }
        }
    }
    for f in tree
        .owners
        .iter()
        .filter(|f| matches!(f.scope, OwnersScope::Org { .. }))
    {
        for (role, entries) in [("reviewers", &f.reviewers), ("approvers", &f.approvers)] {
            let mut seen: HashMap<&str, Pos> = HashMap::new();
            // Alias expansions may overlap legitimately; only direct entries count.
            for e in entries.iter().filter(|e| e.alias.is_none()) {
                if let Some(first) = seen.get(e.login.normalized()) {
                    out.push(
                        finding(
                            &RULE,
                            &f.path,
                            e.pos,
                            format!(
                                "`{}` is listed twice in the OWNERS {role} (first on line {})",
                                e.login, first.line
                            ),
                        )
                        .with_help("delete this entry"),
                    );
                } else {
                    seen.insert(e.login.normalized(), e.pos);
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
    fn flags_second_occurrences() {
        let org = format!(
            "{}teams:\n  t:\n    privacy: closed\n    members: [m1, M1]\n",
            ORG_OK.replace("- m2\n", "- m2\n- M2\n")
        );
        let t = org_tree(
            &org,
            &[(
                "config/x/OWNERS",
                "approvers:\n- a1\n- a2\n- a3\n- a4\n- m1\n- A1\n",
            )],
        );
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/OWNERS:7:3: `A1` is listed twice in the OWNERS approvers (first on line 2)",
                "config/x/org.yaml:10:3: `M2` is listed twice in the members of org `x` (first on line 9)",
                "config/x/org.yaml:15:19: `M1` is listed twice in the members of team `t` in org `x` (first on line 15)",
            ]
        );
    }
}
