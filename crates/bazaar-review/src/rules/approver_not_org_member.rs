//! `review/approver-not-org-member`: an approver who is not a member of the organisation.

use std::collections::{BTreeMap, BTreeSet};

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{ALIASES_FILE, prow_entries};
use crate::owners::{OwnersTree, Role, norm_login};

pub const RULE: RuleMeta = RuleMeta {
    id: "review/approver-not-org-member",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an OWNERS approver (directly or through an alias) is not a member of the organisation",
    doc: "## What it checks\nWith `--org config/<org>/org.yaml` (peribolos), that every approver \
          Prow reads, directly or as a member of an alias used as an approver, is an admin or \
          member of the organisation (or a member or maintainer of one of its teams).\n\n\
          ## Why it matters\nThe contributor ladder requires approvers to be org members; Prow \
          also filters OWNERS by repository collaborators, so a non-member's approval usually \
          counts for nothing.\n\n\
          ## Example\n```yaml\napprovers:\n- alice\n- former-contributor   # left the org\n```\n\n\
          ## How to fix\nMove the person to `emeritus_approvers`, or add them to the org.",
    origin: "kubernetes community-membership.md (approvers are org members)",
};

/// `members` are normalised logins of the org.
pub fn check(tree: &OwnersTree, members: &BTreeSet<String>) -> Vec<Diagnostic> {
    let aliases = tree.aliases();
    let mut out = Vec::new();
    let mut approver_aliases: BTreeMap<String, ()> = BTreeMap::new();
    for e in prow_entries(tree) {
        if e.role != Role::Approvers {
            continue;
        }
        let n = norm_login(e.value);
        if aliases.get(&n).is_some() {
            approver_aliases.insert(n, ());
            continue;
        }
        // Group-like names are `review/alias-undefined`'s business.
        if super::alias_undefined::looks_like_group(&n) || members.contains(&n) {
            continue;
        }
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!("approver `{}` is not a member of the organisation", e.value),
            )
            .at(e.file, e.pos.line, e.pos.col)
            .with_help("move them to `emeritus_approvers` or add them to the org"),
        );
    }
    if let Some(file) = &aliases.file {
        for def in &file.aliases {
            if !approver_aliases.contains_key(&def.name) {
                continue;
            }
            for m in &def.members {
                let n = norm_login(&m.value);
                if members.contains(&n) || aliases.get(&n).is_some() {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        RULE.severity,
                        format!(
                            "`{}` (approver through alias `{}`) is not a member of the organisation",
                            m.value, def.raw_name
                        ),
                    )
                    .at(ALIASES_FILE, m.pos.line, m.pos.col)
                    .with_help("remove them from the alias or add them to the org"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fixture, only};

    fn org() -> BTreeSet<String> {
        ["alice", "bob", "carol"]
            .iter()
            .map(|s| (*s).to_string())
            .collect()
    }

    #[test]
    fn fails_on_fixture() {
        let d = check(&fixture(RULE.id, "fail"), &org());
        let d = only(&d, RULE.id);
        let got: Vec<_> = d
            .iter()
            .map(|d| (d.file.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "OWNERS",
                    "approver `Mallory` is not a member of the organisation"
                ),
                (
                    "OWNERS_ALIASES",
                    "`trent` (approver through alias `team-leads`) is not a member of the organisation"
                ),
            ]
        );
    }

    #[test]
    fn passes_when_all_members() {
        assert!(check(&fixture(RULE.id, "pass"), &org()).is_empty());
    }
}
