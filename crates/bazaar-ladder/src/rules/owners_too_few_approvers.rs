//! `org/owners-too-few-approvers`: an org's `OWNERS` names fewer approvers than required.

use std::collections::BTreeSet;

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::{OrgTree, OwnersScope, Pos};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/owners-too-few-approvers",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "`config/<org>/OWNERS` lists fewer than 5 distinct approvers",
    doc: "## What it checks\nThat each org's `config/<org>/OWNERS` names at least 5 distinct approvers \
          (after lower-casing and alias expansion).\n\n\
          ## Why it matters\nThose approvers decide who joins the org; kubernetes/org's test requires \
          at least 5 (\"Require at least 5 approvers\") so no small group controls membership.\n\n\
          ## Example\n```yaml\napprovers:\n- alice\n- bob\n```\n\n\
          ## How to fix\nAdd approvers (they must be org members), or lower the minimum for your \
          community.",
    origin: "kubernetes/org config/config_test.go testOrg",
};

pub fn check(tree: &OrgTree, opts: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in &tree.owners {
        let OwnersScope::Org { org } = &f.scope else {
            continue;
        };
        let distinct: BTreeSet<&str> = f.approvers.iter().map(|e| e.login.normalized()).collect();
        if distinct.len() < opts.min_org_approvers {
            let pos = f.approvers.first().map_or(Pos::UNKNOWN, |e| e.pos);
            let names: Vec<_> = distinct.iter().map(|l| format!("`{l}`")).collect();
            out.push(
                finding(
                    &RULE,
                    &f.path,
                    pos,
                    format!(
                        "org `{}` has {} approver(s) in OWNERS ({}); at least {} are required",
                        org,
                        distinct.len(),
                        if names.is_empty() {
                            "none".to_string()
                        } else {
                            names.join(", ")
                        },
                        opts.min_org_approvers
                    ),
                )
                .with_help("add approvers who are members of the org"),
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
    fn flags_too_few_distinct_approvers() {
        let t = tree(&[
            ("config/x/org.yaml", ORG_OK),
            // Five entries, but only four distinct people.
            (
                "config/x/OWNERS",
                "approvers:\n- a1\n- A1\n- a2\n- a3\n- a4\n",
            ),
        ]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/OWNERS:2:3: org `x` has 4 approver(s) in OWNERS (`a1`, `a2`, `a3`, `a4`); at least 5 are required"
            ]
        );
    }

    #[test]
    fn team_dir_owners_are_not_counted() {
        let t = tree(&[
            ("config/x/org.yaml", ORG_OK),
            ("config/x/OWNERS", OWNERS_OK),
            ("config/x/sig-a/OWNERS", "approvers:\n- a1\n"),
        ]);
        assert!(run(check, &t).is_empty());
    }
}
