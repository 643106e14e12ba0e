//! `ladder/inactive-owners-entry`: an OWNERS reviewer or approver below the activity threshold.

use std::collections::BTreeSet;

use bazaar_core::{RuleMeta, RuleStatus, Severity};

use super::input_missing::missing;
use super::short_list;
use super::{AuditInput, Finding};

pub const RULE: RuleMeta = RuleMeta {
    id: "ladder/inactive-owners-entry",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an OWNERS reviewer or approver has fewer than 10 contributions and 10 PR comments in a year",
    doc: "## What it checks\nEvery `reviewers` and `approvers` entry (aliases expanded) of every OWNERS \
          file given, against activity data covering the last 12 months: fewer than 10 contributions \
          and fewer than 10 PR comments make the entry inactive. Excepted logins are skipped.\n\n\
          ## Why it matters\nkubernetes/community's OWNERS cleanup rule: inactive reviewers are \
          removed, inactive approvers move to `emeritus_approvers`, so PRs are not assigned to people \
          who will not answer.\n\n\
          ## Example\n```\nOWNERS:4:5: ladder/inactive-owners-entry approver `jdoe` is inactive: move to `emeritus_approvers`\n```\n\n\
          ## How to fix\nOpen a PR moving the approver to `emeritus_approvers` (or removing the \
          reviewer), after asking them.",
    origin: "kubernetes/community contributors/guide/owners.md (Cleanup)",
};

const AUDIT: &str = "inactive-owners-entry";

pub(crate) fn audit(input: &AuditInput) -> Vec<Finding> {
    let not_assessed = "inactivity of OWNERS reviewers and approvers not assessed";
    let Some(owners) = input.owners else {
        return vec![missing(AUDIT, "OWNERS files not available", not_assessed)];
    };
    let Some(activity) = input.activity else {
        return vec![missing(AUDIT, "activity data not available", not_assessed)];
    };
    let t = &input.thresholds;
    if let Some(gap) = activity.inactivity_gap(input.now, 12, t.max_staleness_days) {
        return vec![missing(AUDIT, &gap, not_assessed)];
    }
    let mut out = Vec::new();
    let mut unknown = BTreeSet::new();
    for f in owners {
        for (approver, entries) in [(false, &f.reviewers), (true, &f.approvers)] {
            let mut seen = BTreeSet::new();
            for e in entries {
                if !seen.insert(e.login.normalized()) || input.excepted(&e.login) {
                    continue;
                }
                let Some(a) = activity.of(&e.login) else {
                    unknown.insert(&e.login);
                    continue;
                };
                if a.contributions >= t.owners_min_contributions
                    || a.pr_comments >= t.owners_min_pr_comments
                {
                    continue;
                }
                let (role, action) = if approver {
                    ("approver", "move to `emeritus_approvers`")
                } else {
                    ("reviewer", "remove from `reviewers`")
                };
                let via = e
                    .alias
                    .as_ref()
                    .map(|a| format!(" (via alias `{a}`)"))
                    .unwrap_or_default();
                out.push(
                    Finding::new(
                        &RULE,
                        e.login.as_str(),
                        format!(
                            "{role} `{}`{via} in `{}` is inactive: {action}",
                            e.login, f.path
                        ),
                    )
                    .evidence(format!(
                        "{} contributions and {} PR comments in {} (threshold {} / {})",
                        a.contributions,
                        a.pr_comments,
                        activity.window,
                        t.owners_min_contributions,
                        t.owners_min_pr_comments
                    ))
                    .at(&f.path, e.pos),
                );
            }
        }
    }
    if !unknown.is_empty() {
        out.push(
            missing(
                AUDIT,
                &format!(
                    "activity of {} OWNERS reviewer(s) or approver(s) unknown (no e-mail of theirs maps to their login)",
                    unknown.len()
                ),
                "their entries not assessed",
            )
            .evidence(short_list(unknown)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::org::{OwnersEntry, OwnersFile, OwnersScope, Pos};

    fn entry(l: &str, line: u32) -> OwnersEntry {
        OwnersEntry {
            login: login(l),
            pos: Pos::new(line, 5),
            alias: None,
        }
    }

    #[test]
    fn reviewers_are_removed_and_approvers_go_emeritus() {
        let owners = [OwnersFile {
            path: "pkg/kubelet/OWNERS".into(),
            scope: OwnersScope::Other,
            reviewers: vec![entry("quiet", 2), entry("busy", 3), entry("talker", 4)],
            approvers: vec![entry("quiet", 6), entry("Quiet", 7)],
        }];
        let act = activity(&[("quiet", 9, 9), ("busy", 10, 0), ("talker", 0, 10)]);
        let mut i = input();
        i.owners = Some(&owners);
        i.activity = Some(&act);
        let f = audit(&i);
        assert_eq!(
            lines(&f),
            [
                "ladder/inactive-owners-entry quiet: reviewer `quiet` in `pkg/kubelet/OWNERS` is inactive: remove from `reviewers`",
                "ladder/inactive-owners-entry quiet: approver `quiet` in `pkg/kubelet/OWNERS` is inactive: move to `emeritus_approvers`",
            ]
        );
        assert_eq!(f[1].pos, Pos::new(6, 5));
        assert!(
            f[0].evidence
                .starts_with("9 contributions and 9 PR comments"),
            "{}",
            f[0].evidence
        );
    }

    #[test]
    fn entries_the_data_cannot_speak_for_are_not_inactive() {
        let owners = [OwnersFile {
            path: "OWNERS".into(),
            scope: OwnersScope::Other,
            reviewers: vec![entry("mapped", 2), entry("stranger", 3)],
            approvers: vec![entry("stranger", 5)],
        }];
        let mut act = activity(&[]);
        act.covered = Some([login("mapped")].into());
        let mut i = input();
        i.owners = Some(&owners);
        i.activity = Some(&act);
        assert_eq!(
            lines(&audit(&i)),
            [
                "ladder/inactive-owners-entry mapped: reviewer `mapped` in `OWNERS` is inactive: remove from `reviewers`",
                "ladder/audit-input-missing inactive-owners-entry: activity of 1 OWNERS reviewer(s) or approver(s) unknown (no e-mail of theirs maps to their login): their entries not assessed",
            ]
        );
    }

    #[test]
    fn says_what_is_missing() {
        let mut i = input();
        assert!(lines(&audit(&i))[0].contains("OWNERS files not available"));
        i.owners = Some(&[]);
        assert!(lines(&audit(&i))[0].contains("activity data not available"));
    }
}
