//! `ladder/meetings-too-rare`: a SIG declares no meeting at least every three weeks.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

use super::frequency::parse_frequency;
use super::input_missing::missing;
use super::{AuditInput, Finding, GroupKind};

pub const RULE: RuleMeta = RuleMeta {
    id: "ladder/meetings-too-rare",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a SIG declares no meeting, or only meetings less often than every three weeks",
    doc: "## What it checks\nThe `frequency` of each of a SIG's own meetings in `sigs.yaml` is read \
          (`weekly`, `biweekly`/`bi-weekly`, `every four weeks`, `First Wednesday of the month`, \
          ...). The SIG passes when at least one meeting happens every 21 days or more often. When \
          no meeting is frequent enough and some frequencies cannot be read, \
          `ladder/meeting-frequency-unknown` is reported instead, never a silent pass. Subproject \
          meetings do not count.\n\n\
          ## Why it matters\nsig-governance: a SIG must \"meet at least 30 minutes every 3 weeks\" \
          (November and December excepted). A SIG that meets monthly or never is on the way to \
          retirement.\n\n\
          ## Example\n```yaml\nmeetings:\n- description: Regular SIG Meeting\n  frequency: monthly\n```\n\n\
          ## How to fix\nMeet more often, or correct `frequency` if the registry is out of date.",
    origin: "kubernetes/community committee-steering/governance/sig-governance.md",
};

const AUDIT: &str = "meetings-too-rare";

pub(crate) fn audit(input: &AuditInput) -> Vec<Finding> {
    let Some(groups) = input.groups else {
        return vec![missing(
            AUDIT,
            "group registry not available",
            "meeting frequency not assessed",
        )];
    };
    let max = input.thresholds.sig_meeting_max_days;
    let mut out = Vec::new();
    for g in groups.iter().filter(|g| g.kind == GroupKind::Sig) {
        if g.meetings.is_empty() {
            out.push(
                Finding::new(
                    &RULE,
                    &g.name,
                    format!("SIG `{}` declares no meeting", g.name),
                )
                .at(&g.file, g.pos),
            );
            continue;
        }
        let read: Vec<_> = g
            .meetings
            .iter()
            .map(|m| (m, parse_frequency(&m.frequency)))
            .collect();
        if read.iter().any(|(_, c)| c.is_some_and(|c| c.days <= max)) {
            continue;
        }
        let unknown: Vec<_> = read.iter().filter(|(_, c)| c.is_none()).collect();
        if !unknown.is_empty() {
            for (m, _) in unknown {
                out.push(
                    Finding::new(
                        &super::meeting_frequency_unknown::RULE,
                        &g.name,
                        format!(
                            "cannot interpret frequency `{}` of meeting `{}` of SIG `{}`: whether it meets every three weeks is not known",
                            m.frequency, m.description, g.name
                        ),
                    )
                    .at(&g.file, m.pos),
                );
            }
            continue;
        }
        let declared: Vec<String> = read
            .iter()
            .filter_map(|(m, c)| c.map(|c| format!("`{}`: {}", m.description, c.label)))
            .collect();
        out.push(
            Finding::new(
                &RULE,
                &g.name,
                format!("SIG `{}` meets less often than every three weeks", g.name),
            )
            .evidence(declared.join("; "))
            .at(&g.file, g.pos),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Meeting;
    use super::super::testing::*;
    use super::*;
    use crate::org::Pos;

    fn with_meetings(name: &str, kind: GroupKind, freqs: &[&str]) -> super::super::Group {
        let mut g = group(name, kind, &["a", "b"], &[]);
        g.meetings = freqs
            .iter()
            .enumerate()
            .map(|(i, f)| Meeting {
                description: format!("meeting {i}"),
                frequency: f.to_string(),
                pos: Pos::new(20 + u32::try_from(i).unwrap_or(0), 5),
            })
            .collect();
        g
    }

    #[test]
    fn judges_each_sig_by_its_most_frequent_meeting() {
        let groups = [
            with_meetings(
                "sig-arch",
                GroupKind::Sig,
                &["First Wednesday of the month", "biweekly"],
            ),
            with_meetings(
                "sig-cli",
                GroupKind::Sig,
                &["every four weeks", "monthly - third Tuesday"],
            ),
            with_meetings("sig-ui", GroupKind::Sig, &[]),
            with_meetings("sig-odd", GroupKind::Sig, &["monthly", "when needed"]),
            with_meetings("sig-odd-ok", GroupKind::Sig, &["weekly", "when needed"]),
            with_meetings("committee-steering", GroupKind::Committee, &["monthly"]),
        ];
        let mut i = input();
        i.groups = Some(&groups);
        let f = audit(&i);
        assert_eq!(
            lines(&f),
            [
                "ladder/meetings-too-rare sig-cli: SIG `sig-cli` meets less often than every three weeks",
                "ladder/meetings-too-rare sig-ui: SIG `sig-ui` declares no meeting",
                "ladder/meeting-frequency-unknown sig-odd: cannot interpret frequency `when needed` of meeting `meeting 1` of SIG `sig-odd`: whether it meets every three weeks is not known",
            ]
        );
        assert_eq!(
            f[0].evidence,
            "`meeting 0`: every 4 weeks; `meeting 1`: monthly"
        );
        assert_eq!(f[2].pos, Pos::new(21, 5));
    }
}
