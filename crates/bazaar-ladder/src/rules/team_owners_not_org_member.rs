//! `org/team-owners-not-org-member`: a team directory's OWNERS names someone outside the org.
//!
//! The check itself is shared with `org/owners-not-org-member`
//! ([`super::check_owners_membership`]); this file holds the rule's
//! registration, docs and tests.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, check_owners_membership};
use crate::org::OrgTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "org/team-owners-not-org-member",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a reviewer or approver in `config/<org>/<dir>/OWNERS` is not a member of that org",
    doc: "## What it checks\nThe OWNERS file of each team directory (usually one alias such as \
          `sig-node-leads`, expanded through `OWNERS_ALIASES`) should name only admins or members of \
          the org the directory belongs to. A name that is no alias is read as a login, as Prow does.\n\n\
          ## Why it matters\nThose people approve changes to the org's teams; upstream does not check \
          them, so stale aliases (a retired working group's `-leads` alias) and leads who are members \
          of another org only go unnoticed. A warning, because kubernetes/org does not enforce it and \
          its data has such entries.\n\n\
          ## Example\n```yaml\n# config/kubernetes/wg-naming/OWNERS\napprovers:\n- wg-naming-leads   # no such alias\n```\n\n\
          ## How to fix\nFix the alias in `OWNERS_ALIASES`, add the person to the org, or point the \
          OWNERS file at current leads.",
    origin: "bazaar",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    check_owners_membership(&tree.owners, &tree.orgs)
        .into_iter()
        .filter(|d| d.rule == RULE.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn flags_team_dir_owners_outside_the_org() {
        let t = org_tree(
            ORG_OK,
            &[
                (
                    "config/x/sig-a/OWNERS",
                    "approvers:\n- sig-a-leads\n- gone-leads\n",
                ),
                (
                    "OWNERS_ALIASES",
                    "aliases:\n  sig-a-leads:\n  - a1\n  - elsewhere\n",
                ),
            ],
        );
        let d = run(check, &t);
        assert_eq!(
            lines(&d),
            [
                "config/x/sig-a/OWNERS:2:3: OWNERS approver `elsewhere` (from alias `sig-a-leads`) is not a member of org `x`",
                "config/x/sig-a/OWNERS:3:3: OWNERS approver `gone-leads` is not a member of org `x`",
            ]
        );
        assert!(d.iter().all(|d| d.severity == Severity::Warning));
    }
}
