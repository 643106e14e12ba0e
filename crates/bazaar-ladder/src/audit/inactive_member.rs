//! `ladder/inactive-member`: an org member with no contributions in 12 months.

use std::collections::BTreeMap;

use bazaar_core::{Login, RuleMeta, RuleStatus, Severity};

use super::input_missing::missing;
use super::short_list;
use super::{AuditInput, Finding};
use crate::org::Pos;

pub const RULE: RuleMeta = RuleMeta {
    id: "ladder/inactive-member",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an org admin or member has no recorded contribution in the last 12 months",
    doc: "## What it checks\nEvery admin and member of every org, except logins in the exceptions list \
          (bots), against activity data covering the 12 months before now: a person with no \
          contribution at all in any org is reported once, at their first entry.\n\n\
          ## Why it matters\nkubernetes/community removes members with no contributions across any \
          org within 12 months (they may re-apply); `korg audit` lists them from DevStats. Inactive \
          accounts with org rights are a security risk.\n\n\
          ## Example\n```\nconfig/kubernetes/org.yaml:412:3: ladder/inactive-member `jdoe` (member of `kubernetes`) has no contributions in 12 months\n```\n\n\
          ## How to fix\nAsk the person; remove them from the org files (`hack/remove-members.sh`), \
          or add them to the exceptions if the account is a bot or the work is not counted (DevStats \
          ignores non-code work).",
    origin: "kubernetes/community community-membership.md (inactivity); kubernetes/org korg audit",
};

const AUDIT: &str = "inactive-member";

pub(crate) fn audit(input: &AuditInput) -> Vec<Finding> {
    let not_assessed = "inactivity of org members not assessed";
    let Some(orgs) = input.orgs else {
        return vec![missing(AUDIT, "org membership not available", not_assessed)];
    };
    let Some(activity) = input.activity else {
        return vec![missing(AUDIT, "activity data not available", not_assessed)];
    };
    let t = &input.thresholds;
    if let Some(gap) =
        activity.inactivity_gap(input.now, t.member_inactive_months, t.max_staleness_days)
    {
        return vec![missing(AUDIT, &gap, not_assessed)];
    }
    // login → (orgs, first entry)
    let mut people: BTreeMap<&Login, (Vec<&str>, &str, Pos)> = BTreeMap::new();
    for m in orgs {
        for (login, pos) in &m.people {
            people
                .entry(login)
                .or_insert_with(|| (Vec::new(), &m.file, *pos))
                .0
                .push(&m.org);
        }
    }
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    for (login, (in_orgs, file, pos)) in people {
        if input.excepted(login) {
            continue;
        }
        match activity.of(login) {
            None => {
                unknown.push(login);
                continue;
            }
            Some(a) if a.contributions > 0 => continue,
            Some(_) => {}
        }
        let mut in_orgs = in_orgs;
        in_orgs.dedup();
        let list: Vec<String> = in_orgs.iter().map(|o| format!("`{o}`")).collect();
        out.push(
            Finding::new(
                &RULE,
                login.as_str(),
                format!(
                    "`{login}` (member of {}) has no contributions in {} months",
                    list.join(", "),
                    t.member_inactive_months
                ),
            )
            .evidence(format!("0 contributions recorded in {}", activity.window))
            .at(file, pos),
        );
    }
    if !unknown.is_empty() {
        out.push(
            missing(
                AUDIT,
                &format!(
                    "activity of {} org member(s) unknown (no e-mail of theirs maps to their login)",
                    unknown.len()
                ),
                "their inactivity not assessed",
            )
            .evidence(short_list(unknown)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::{Exception, Finding};
    use super::*;
    use crate::activity::ActivityWindow;
    use jiff::civil::date;

    fn run(input: &AuditInput) -> Vec<Finding> {
        let mut f = audit(input);
        f.sort_by(|a, b| a.subject.cmp(&b.subject));
        f
    }

    #[test]
    fn reports_members_without_contributions_once() {
        let orgs = [
            membership("kubernetes", &["alice", "bob", "k8s-ci-robot"]),
            membership("kubernetes-sigs", &["Bob", "carol"]),
        ];
        let act = activity(&[("alice", 3, 0), ("carol", 0, 4)]);
        let exceptions = [Exception {
            login: login("k8s-ci-robot"),
            reason: "bot".into(),
        }];
        let mut i = input();
        i.orgs = Some(&orgs);
        i.activity = Some(&act);
        i.exceptions = &exceptions;
        let f = run(&i);
        assert_eq!(
            lines(&f),
            [
                "ladder/inactive-member bob: `bob` (member of `kubernetes`, `kubernetes-sigs`) has no contributions in 12 months",
                "ladder/inactive-member carol: `carol` (member of `kubernetes-sigs`) has no contributions in 12 months",
            ],
            "PR comments alone are not contributions here; alice is active; the bot is excepted"
        );
        assert_eq!(
            (f[0].file.as_str(), f[0].pos),
            ("config/kubernetes/org.yaml", Pos::new(3, 3))
        );
        assert_eq!(
            f[0].evidence,
            "0 contributions recorded in 2025-08-20..2026-08-20"
        );
    }

    #[test]
    fn missing_or_short_activity_is_not_inactivity() {
        let orgs = [membership("kubernetes", &["bob"])];
        let mut i = input();
        i.orgs = Some(&orgs);
        assert_eq!(
            lines(&run(&i)),
            [
                "ladder/audit-input-missing inactive-member: activity data not available: inactivity of org members not assessed"
            ]
        );
        let mut short = activity(&[]);
        short.window = ActivityWindow {
            from: date(2026, 3, 1),
            to: date(2026, 8, 20),
        };
        i.activity = Some(&short);
        let f = run(&i);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule.id, "ladder/audit-input-missing");
        assert!(
            f[0].message.contains("covers 2026-03-01..2026-08-20 only"),
            "{}",
            f[0].message
        );
        let mut i = input();
        i.activity = Some(&short);
        assert!(lines(&run(&i))[0].contains("org membership not available"));
    }

    #[test]
    fn git_history_alone_never_shows_inactivity() {
        let orgs = [membership("kubernetes", &["alice"])];
        let mut act = activity(&[]);
        act.org_wide = false;
        act.source = "git history of `kubernetes/enhancements`".into();
        let mut i = input();
        i.orgs = Some(&orgs);
        i.activity = Some(&act);
        assert_eq!(
            lines(&run(&i)),
            [
                "ladder/audit-input-missing inactive-member: activity data is git history of `kubernetes/enhancements` only (no GitHub events: reviews, comments and other repositories are missing): inactivity of org members not assessed"
            ]
        );
    }

    #[test]
    fn members_the_data_cannot_speak_for_are_not_inactive() {
        let orgs = [membership("kubernetes", &["alice", "bob", "carol"])];
        let mut act = activity(&[("alice", 3, 0)]);
        act.covered = Some([login("alice"), login("bob")].into());
        let mut i = input();
        i.orgs = Some(&orgs);
        i.activity = Some(&act);
        assert_eq!(
            lines(&run(&i)),
            [
                "ladder/inactive-member bob: `bob` (member of `kubernetes`) has no contributions in 12 months",
                "ladder/audit-input-missing inactive-member: activity of 1 org member(s) unknown (no e-mail of theirs maps to their login): their inactivity not assessed",
            ]
        );
        assert_eq!(run(&i)[1].evidence, "`carol`");
    }
}
