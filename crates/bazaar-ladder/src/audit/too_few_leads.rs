//! `ladder/too-few-leads`: a group or subproject is below the governance minimum of leads.

use std::collections::BTreeSet;

use bazaar_core::{Login, RuleMeta, RuleStatus, Severity};

use super::input_missing::missing;
use super::{AuditInput, Finding, GroupKind};

pub const RULE: RuleMeta = RuleMeta {
    id: "ladder/too-few-leads",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a group has fewer chairs than required, or a single tech lead, subproject lead or owner",
    doc: "## What it checks\n- a SIG has at least 2 chairs, a working group at least 2 organizers, \
          user groups and committees at least 1 chair;\n\
          - a group with tech leads has at least 2;\n\
          - a subproject with leads has at least 2; a subproject without leads has at least 2 owners \
          (approvers of its OWNERS files).\n\n\
          ## Why it matters\nsig-governance: \"there is never a single lead\"; chairs, tech leads and \
          subproject leads are each 2+, and subproject owners are optional only when leads exist. A \
          single lead is a bus factor of one and leaves no one to approve their own changes.\n\n\
          ## Example\n```yaml\nsubprojects:\n- name: kustomize\n  leads:\n  - github: only-one\n```\n\n\
          ## How to fix\nGrow a second lead through the ladder (the approvers of the area are the \
          natural candidates) and add them to `sigs.yaml`.",
    origin: "kubernetes/community committee-steering/governance/sig-governance.md; governance.md",
};

const AUDIT: &str = "too-few-leads";

fn distinct(l: &[Login]) -> usize {
    l.iter()
        .map(Login::normalized)
        .collect::<BTreeSet<_>>()
        .len()
}

pub(crate) fn audit(input: &AuditInput) -> Vec<Finding> {
    let Some(groups) = input.groups else {
        return vec![missing(
            AUDIT,
            "group registry not available",
            "governance minimums not assessed",
        )];
    };
    let t = &input.thresholds;
    let mut out = Vec::new();
    let mut unread = 0usize;
    for g in groups {
        let (min_chairs, title) = match g.kind {
            GroupKind::Sig => (t.sig_chairs, "chair(s)"),
            GroupKind::WorkingGroup => (t.wg_chairs, "organizer(s)"),
            GroupKind::UserGroup | GroupKind::Committee => (t.other_chairs, "chair(s)"),
        };
        let chairs = distinct(&g.chairs);
        if chairs < min_chairs {
            out.push(
                Finding::new(
                    &RULE,
                    &g.name,
                    format!(
                        "{} `{}` has {chairs} {title}; at least {min_chairs} are required",
                        g.kind.as_str(),
                        g.name
                    ),
                )
                .at(&g.file, g.pos),
            );
        }
        let tls = distinct(&g.tech_leads);
        if tls > 0 && tls < t.co_leads {
            out.push(
                Finding::new(
                    &RULE,
                    &g.name,
                    format!(
                        "{} `{}` has {tls} tech lead(s); tech leads come {}+",
                        g.kind.as_str(),
                        g.name,
                        t.co_leads
                    ),
                )
                .at(&g.file, g.pos),
            );
        }
        for s in &g.subprojects {
            let subject = format!("{}/{}", g.name, s.name);
            let leads = distinct(&s.leads);
            let message = if leads > 0 {
                (leads < t.co_leads).then(|| {
                    format!(
                        "subproject `{subject}` has {leads} lead(s); subproject leads come {}+",
                        t.co_leads
                    )
                })
            } else {
                match &s.approvers {
                    Err(_) => {
                        unread += 1;
                        None
                    }
                    Ok(a) => {
                        let owners = distinct(a);
                        (owners < t.co_leads).then(|| {
                            format!(
                                "subproject `{subject}` has no leads and {owners} owner(s); without leads, owners come {}+",
                                t.co_leads
                            )
                        })
                    }
                }
            };
            if let Some(message) = message {
                out.push(Finding::new(&RULE, &subject, message).at(&g.file, s.pos));
            }
        }
    }
    if unread > 0 {
        out.push(missing(
            AUDIT,
            &format!("OWNERS of {unread} subproject(s) without leads not available"),
            "their number of owners not assessed",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Subproject;
    use super::super::testing::*;
    use super::*;
    use crate::org::Pos;

    fn sub(name: &str, leads: &[&str], approvers: Option<&[&str]>) -> Subproject {
        Subproject {
            name: name.into(),
            pos: Pos::new(50, 5),
            leads: logins(leads),
            approvers: approvers
                .map(logins)
                .ok_or_else(|| "no checkout".to_string()),
        }
    }

    #[test]
    fn flags_each_minimum() {
        let mut sig = group("sig-x", GroupKind::Sig, &["a", "A"], &["t1"]);
        sig.subprojects = vec![
            sub("solo", &["l1"], None),
            sub("pair", &["l1", "l2"], None),
            sub("owned", &[], Some(&["o1", "o2"])),
            sub("thin", &[], Some(&["o1"])),
            sub("dark", &[], None),
        ];
        let groups = [
            sig,
            group("wg-y", GroupKind::WorkingGroup, &["w1"], &[]),
            group("committee-z", GroupKind::Committee, &["c1"], &[]),
            group("sig-ok", GroupKind::Sig, &["a", "b"], &["t1", "t2"]),
        ];
        let mut i = input();
        i.groups = Some(&groups);
        assert_eq!(
            lines(&audit(&i)),
            [
                "ladder/too-few-leads sig-x: SIG `sig-x` has 1 chair(s); at least 2 are required",
                "ladder/too-few-leads sig-x: SIG `sig-x` has 1 tech lead(s); tech leads come 2+",
                "ladder/too-few-leads sig-x/solo: subproject `sig-x/solo` has 1 lead(s); subproject leads come 2+",
                "ladder/too-few-leads sig-x/thin: subproject `sig-x/thin` has no leads and 1 owner(s); without leads, owners come 2+",
                "ladder/too-few-leads wg-y: working group `wg-y` has 1 organizer(s); at least 2 are required",
                "ladder/audit-input-missing too-few-leads: OWNERS of 1 subproject(s) without leads not available: their number of owners not assessed",
            ]
        );
    }
}
