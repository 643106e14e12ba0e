//! `ladder/subproject-approvers-inactive`: every approver of a subproject is inactive.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

use super::input_missing::missing;
use super::short_list;
use super::{AuditInput, Finding};

pub const RULE: RuleMeta = RuleMeta {
    id: "ladder/subproject-approvers-inactive",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a subproject has no approvers, or all of them are below the activity threshold",
    doc: "## What it checks\nFor every subproject whose OWNERS files could be read: the approvers \
          (aliases expanded) are checked against activity data covering the last 12 months; when \
          each has fewer than 10 contributions and fewer than 10 PR comments (the OWNERS cleanup \
          threshold), or there are no approvers at all, the subproject is reported.\n\n\
          ## Why it matters\nWith no active approver, no PR in the subproject can merge without \
          escalation: the code is effectively unmaintained, which the ladder exists to prevent.\n\n\
          ## Example\n```\nsigs.yaml:812:5: ladder/subproject-approvers-inactive every approver of `sig-foo/bar` is inactive\n```\n\n\
          ## How to fix\nPromote active reviewers to approvers (the ladder's approver requirements), \
          move inactive approvers to emeritus, or retire the subproject.",
    origin: "bazaar (from kubernetes/community owners.md cleanup and sig-governance subproject duties)",
};

const AUDIT: &str = "subproject-approvers-inactive";

pub(crate) fn audit(input: &AuditInput) -> Vec<Finding> {
    let not_assessed = "activity of subproject approvers not assessed";
    let Some(groups) = input.groups else {
        return vec![missing(AUDIT, "group registry not available", not_assessed)];
    };
    let mut out = Vec::new();
    // why → (where the first such subproject is, subprojects)
    let mut unread: std::collections::BTreeMap<&str, (&str, crate::org::Pos, Vec<String>)> =
        std::collections::BTreeMap::new();
    let mut unknown: Vec<String> = Vec::new();
    let t = &input.thresholds;
    let activity = match input.activity {
        None => {
            out.push(missing(AUDIT, "activity data not available", not_assessed));
            None
        }
        Some(a) => match a.inactivity_gap(input.now, 12, t.max_staleness_days) {
            Some(gap) => {
                out.push(missing(AUDIT, &gap, not_assessed));
                None
            }
            None => Some(a),
        },
    };
    for g in groups {
        for s in &g.subprojects {
            let subject = format!("{}/{}", g.name, s.name);
            let approvers = match &s.approvers {
                Ok(a) => a,
                Err(why) => {
                    unread
                        .entry(why.as_str())
                        .or_insert_with(|| (g.file.as_str(), s.pos, Vec::new()))
                        .2
                        .push(subject);
                    continue;
                }
            };
            if approvers.is_empty() {
                out.push(
                    Finding::new(
                        &RULE,
                        &subject,
                        format!("subproject `{subject}` has no approvers"),
                    )
                    .at(&g.file, s.pos),
                );
                continue;
            }
            let Some(activity) = activity else { continue };
            let counts: Option<Vec<_>> = approvers
                .iter()
                .map(|l| activity.of(l).map(|a| (l, a)))
                .collect();
            let Some(counts) = counts else {
                unknown.push(subject);
                continue;
            };
            let inactive = counts.iter().all(|(_, a)| {
                a.contributions < t.owners_min_contributions
                    && a.pr_comments < t.owners_min_pr_comments
            });
            if inactive {
                let counts: Vec<String> = counts
                    .iter()
                    .map(|(l, a)| format!("`{l}` {}", a.contributions))
                    .collect();
                out.push(
                    Finding::new(
                        &RULE,
                        &subject,
                        format!("every approver of subproject `{subject}` is inactive"),
                    )
                    .evidence(format!(
                        "contributions in {}: {}",
                        activity.window,
                        counts.join(", ")
                    ))
                    .at(&g.file, s.pos),
                );
            }
        }
    }
    if !unknown.is_empty() {
        out.push(
            missing(
                AUDIT,
                &format!(
                    "activity of some approvers of {} subproject(s) unknown (no e-mail of theirs maps to their login)",
                    unknown.len()
                ),
                "those subprojects not assessed",
            )
            .evidence(short_list(&unknown)),
        );
    }
    // One located finding per cause (a missing checkout is one fix).
    for (why, (file, pos, subjects)) in unread {
        out.push(
            missing(
                AUDIT,
                &format!(
                    "OWNERS of {} subproject(s) not available ({why})",
                    subjects.len()
                ),
                "their approvers not assessed",
            )
            .evidence(short_list(&subjects))
            .at(file, pos),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::{GroupKind, Subproject};
    use super::*;
    use crate::org::Pos;

    fn sub(name: &str, approvers: Option<&[&str]>) -> Subproject {
        Subproject {
            name: name.into(),
            pos: Pos::new(40, 5),
            leads: vec![],
            approvers: approvers
                .map(logins)
                .ok_or_else(|| "no checkout of `o/r`".to_string()),
        }
    }

    #[test]
    fn flags_subprojects_without_active_approvers() {
        let mut g = group("sig-x", GroupKind::Sig, &["a", "b"], &[]);
        g.subprojects = vec![
            sub("alive", Some(&["busy", "quiet"])),
            sub("dormant", Some(&["quiet", "gone"])),
            sub("orphan", Some(&[])),
            sub("unknown", None),
        ];
        let groups = [g];
        let act = activity(&[("busy", 50, 0), ("quiet", 3, 2)]);
        let mut i = input();
        i.groups = Some(&groups);
        i.activity = Some(&act);
        let f = audit(&i);
        assert_eq!(
            lines(&f),
            [
                "ladder/subproject-approvers-inactive sig-x/dormant: every approver of subproject `sig-x/dormant` is inactive",
                "ladder/subproject-approvers-inactive sig-x/orphan: subproject `sig-x/orphan` has no approvers",
                "ladder/audit-input-missing subproject-approvers-inactive: OWNERS of 1 subproject(s) not available (no checkout of `o/r`): their approvers not assessed",
            ]
        );
        assert_eq!(
            f[0].evidence,
            "contributions in 2025-08-20..2026-08-20: `quiet` 3, `gone` 0"
        );
    }

    #[test]
    fn no_activity_means_not_assessed() {
        let mut g = group("sig-x", GroupKind::Sig, &["a", "b"], &[]);
        g.subprojects = vec![sub("dormant", Some(&["quiet"]))];
        let groups = [g];
        let mut i = input();
        i.groups = Some(&groups);
        assert_eq!(
            lines(&audit(&i)),
            [
                "ladder/audit-input-missing subproject-approvers-inactive: activity data not available: activity of subproject approvers not assessed"
            ]
        );
    }
}
