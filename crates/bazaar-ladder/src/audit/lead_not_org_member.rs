//! `ladder/lead-not-org-member`: a chair, tech lead or subproject lead is not an org member.

use bazaar_core::{Login, RuleMeta, RuleStatus, Severity};

use super::input_missing::missing;
use super::{AuditInput, Finding};

pub const RULE: RuleMeta = RuleMeta {
    id: "ladder/lead-not-org-member",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a chair, tech lead or subproject lead is not an admin or member of any org",
    doc: "## What it checks\nEvery chair and tech lead of every group, and every lead of every \
          subproject, must be an admin or member of at least one org (compared case-insensitively).\n\n\
          ## Why it matters\nsig-governance: \"any lead must be at least an org member\"; the \
          leadership-change process requires nominees to be members. A lead outside the orgs cannot \
          be assigned issues, run tests or hold team rights.\n\n\
          ## Example\n```yaml\nleadership:\n  chairs:\n  - github: not-a-member\n```\n\n\
          ## How to fix\nHave the lead apply for membership (a member of one org adds themself to \
          another), or correct the GitHub handle in the registry.",
    origin: "kubernetes/community sig-governance.md; leadership-changes.md",
};

const AUDIT: &str = "lead-not-org-member";

pub(crate) fn audit(input: &AuditInput) -> Vec<Finding> {
    let not_assessed = "org membership of leads not assessed";
    let Some(groups) = input.groups else {
        return vec![missing(AUDIT, "group registry not available", not_assessed)];
    };
    if input.orgs.is_none() {
        return vec![missing(AUDIT, "org membership not available", not_assessed)];
    }
    let mut out = Vec::new();
    let mut check = |login: &Login, role: String, file: &str, pos| {
        if input.in_any_org(login) == Some(false) {
            out.push(
                Finding::new(
                    &RULE,
                    login.as_str(),
                    format!("{role} `{login}` is not a member of any org"),
                )
                .at(file, pos),
            );
        }
    };
    for g in groups {
        for l in &g.chairs {
            check(l, format!("chair of `{}`", g.name), &g.file, g.pos);
        }
        for l in &g.tech_leads {
            check(l, format!("tech lead of `{}`", g.name), &g.file, g.pos);
        }
        for s in &g.subprojects {
            for l in &s.leads {
                check(
                    l,
                    format!("lead of subproject `{}/{}`", g.name, s.name),
                    &g.file,
                    s.pos,
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::{GroupKind, Subproject};
    use super::*;
    use crate::org::Pos;

    #[test]
    fn flags_leads_outside_every_org() {
        let orgs = [
            membership("kubernetes", &["alice", "Bob"]),
            membership("etcd-io", &["erin"]),
        ];
        let mut g = group(
            "sig-x",
            GroupKind::Sig,
            &["alice", "carol"],
            &["bob", "erin", "dave"],
        );
        g.subprojects.push(Subproject {
            name: "kit".into(),
            pos: Pos::new(30, 5),
            leads: logins(&["frank"]),
            approvers: Err("not read".into()),
        });
        let groups = [g];
        let mut i = input();
        i.groups = Some(&groups);
        i.orgs = Some(&orgs);
        assert_eq!(
            lines(&audit(&i)),
            [
                "ladder/lead-not-org-member carol: chair of `sig-x` `carol` is not a member of any org",
                "ladder/lead-not-org-member dave: tech lead of `sig-x` `dave` is not a member of any org",
                "ladder/lead-not-org-member frank: lead of subproject `sig-x/kit` `frank` is not a member of any org",
            ]
        );
    }

    #[test]
    fn says_what_is_missing() {
        let groups = [group("sig-x", GroupKind::Sig, &["carol"], &[])];
        let mut i = input();
        i.groups = Some(&groups);
        assert!(lines(&audit(&i))[0].contains("org membership not available"));
    }
}
