//! Community-wide audits of the ladder, as pure functions over plain input.
//!
//! [`audit`] takes an [`AuditInput`] (org membership, activity counts,
//! OWNERS entries, groups from `sigs.yaml`, `now`) and returns every
//! [`Finding`]:
//!
//! | rule | finds |
//! |---|---|
//! | `ladder/inactive-member` | org members with no contributions in 12 months |
//! | `ladder/inactive-owners-entry` | OWNERS reviewers/approvers below the activity threshold |
//! | `ladder/lead-not-org-member` | chairs, tech leads, subproject leads outside every org |
//! | `ladder/subproject-approvers-inactive` | subprojects whose approvers are all inactive |
//! | `ladder/too-few-leads` | groups and subprojects below the governance minimums |
//! | `ladder/meetings-too-rare` | SIGs meeting less often than every three weeks |
//! | `ladder/meeting-frequency-unknown` | meeting frequencies that could not be read |
//! | `ladder/audit-input-missing` | an audit not run because its input is missing |
//!
//! Missing input never produces an "inactive" finding: the audit that needs
//! it reports `ladder/audit-input-missing` instead.

pub mod frequency;
pub mod inactive_member;
pub mod inactive_owner;
pub mod input_missing;
pub mod lead_not_org_member;
pub mod meeting_frequency_unknown;
pub mod meetings_too_rare;
pub mod subproject_approvers_inactive;
pub mod too_few_leads;

use bazaar_core::{Diagnostic, Login, RuleMeta, Severity};
use jiff::civil::Date;

use crate::activity::ActivityData;
use crate::org::{Org, OwnersFile, Pos};

/// The members of one org.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub org: String,
    /// Display path of the file listing them.
    pub file: String,
    /// Admins and members, with where each is listed.
    pub people: Vec<(Login, Pos)>,
}

impl Membership {
    /// The admins and members of a peribolos org.
    pub fn from_org(org: &Org) -> Membership {
        Membership {
            org: org.name.clone(),
            file: org.file.clone(),
            people: org
                .admins
                .iter()
                .chain(&org.members)
                .map(|e| (e.login.clone(), e.pos))
                .collect(),
        }
    }

    pub fn contains(&self, login: &Login) -> bool {
        self.people.iter().any(|(l, _)| l == login)
    }
}

/// Kinds of `sigs.yaml` groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKind {
    Sig,
    WorkingGroup,
    UserGroup,
    Committee,
}

impl GroupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::Sig => "SIG",
            GroupKind::WorkingGroup => "working group",
            GroupKind::UserGroup => "user group",
            GroupKind::Committee => "committee",
        }
    }
}

/// One declared meeting of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    pub description: String,
    /// As written (free-form).
    pub frequency: String,
    pub pos: Pos,
}

/// One subproject of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subproject {
    pub name: String,
    pub pos: Pos,
    /// `subprojects[].leads`.
    pub leads: Vec<Login>,
    /// Approvers of the subproject's OWNERS files (`subprojects[].owners`),
    /// aliases expanded; `Err(why)` when those files could not be read
    /// ("no checkout of `kubernetes/kubernetes`").
    pub approvers: Result<Vec<Login>, String>,
}

/// One group of `sigs.yaml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// `dir`, e.g. `sig-node`.
    pub name: String,
    pub kind: GroupKind,
    /// Display path of the registry file and the group's position in it.
    pub file: String,
    pub pos: Pos,
    pub chairs: Vec<Login>,
    pub tech_leads: Vec<Login>,
    pub meetings: Vec<Meeting>,
    pub subprojects: Vec<Subproject>,
}

/// A login the inactivity audits skip (bots, people on agreed leave), as
/// in `korg audit`'s exceptions CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exception {
    pub login: Login,
    pub reason: String,
}

/// The exceptions CSV of `korg audit` (`username,reason` with a header row).
/// Lines without a username are skipped; a missing reason is empty.
pub fn parse_exceptions_csv(text: &str) -> Vec<Exception> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let (user, reason) = line.split_once(',').unwrap_or((line, ""));
            let user = user.trim();
            (!user.is_empty()).then(|| Exception {
                login: Login::new(user),
                reason: reason.trim().trim_matches('"').to_string(),
            })
        })
        .collect()
}

/// The numbers of the audits. `Default` is Kubernetes'.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditThresholds {
    /// Months without contributions before an org member is inactive (12).
    pub member_inactive_months: i32,
    /// Contributions per year below which an OWNERS entry is inactive (10).
    pub owners_min_contributions: u32,
    /// ... and PR comments per year, both must be below (10).
    pub owners_min_pr_comments: u32,
    /// The activity data may end this many days before `now` (31).
    pub max_staleness_days: i32,
    /// Minimum chairs of a SIG (2, sig-governance).
    pub sig_chairs: usize,
    /// Minimum chairs (organizers) of a working group (2).
    pub wg_chairs: usize,
    /// Minimum chairs of user groups and committees (1).
    pub other_chairs: usize,
    /// Tech leads, subproject leads and subproject owners, when present: 2+.
    pub co_leads: usize,
    /// Longest interval between SIG meetings, in days (21: "every 3 weeks").
    pub sig_meeting_max_days: u32,
}

impl Default for AuditThresholds {
    fn default() -> Self {
        AuditThresholds {
            member_inactive_months: 12,
            owners_min_contributions: 10,
            owners_min_pr_comments: 10,
            max_staleness_days: 31,
            sig_chairs: 2,
            wg_chairs: 2,
            other_chairs: 1,
            co_leads: 2,
            sig_meeting_max_days: 21,
        }
    }
}

/// Everything the audits look at. `None` means "not available": the audits
/// that need it say so instead of guessing.
#[derive(Clone, Debug)]
pub struct AuditInput<'a> {
    pub now: Date,
    pub orgs: Option<&'a [Membership]>,
    pub activity: Option<&'a ActivityData>,
    pub owners: Option<&'a [OwnersFile]>,
    pub groups: Option<&'a [Group]>,
    pub exceptions: &'a [Exception],
    pub thresholds: AuditThresholds,
}

impl AuditInput<'_> {
    /// Is `login` excepted from inactivity audits?
    pub fn excepted(&self, login: &Login) -> bool {
        self.exceptions.iter().any(|e| &e.login == login)
    }

    /// Is `login` an admin or member of any org?
    pub fn in_any_org(&self, login: &Login) -> Option<bool> {
        self.orgs.map(|orgs| orgs.iter().any(|m| m.contains(login)))
    }
}

/// One audit result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    /// Whom or what it is about: a login, `sig-node`, `sig-node/kubelet`.
    pub subject: String,
    pub message: String,
    /// The numbers behind it.
    pub evidence: String,
    /// Where the subject is written, when known.
    pub file: String,
    pub pos: Pos,
}

impl Finding {
    pub fn new(
        rule: &'static RuleMeta,
        subject: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule,
            severity: rule.severity,
            subject: subject.into(),
            message: message.into(),
            evidence: String::new(),
            file: String::new(),
            pos: Pos::UNKNOWN,
        }
    }

    pub fn evidence(mut self, evidence: impl Into<String>) -> Finding {
        self.evidence = evidence.into();
        self
    }

    pub fn at(mut self, file: &str, pos: Pos) -> Finding {
        self.file = file.to_string();
        self.pos = pos;
        self
    }

    /// As a located diagnostic (the evidence becomes the help line).
    pub fn to_diagnostic(&self) -> Diagnostic {
        let d = Diagnostic::new(self.rule.id, self.severity, self.message.clone()).at(
            self.file.clone(),
            self.pos.line,
            self.pos.col,
        );
        if self.evidence.is_empty() {
            d
        } else {
            d.with_help(self.evidence.clone())
        }
    }

    fn key(&self) -> (&str, &str, &str, Pos, &str) {
        (
            self.rule.id,
            &self.subject,
            &self.file,
            self.pos,
            &self.message,
        )
    }
}

/// A short list for messages: `` `a`, `b`, `c` and 4 more `` (at most
/// five shown).
pub(crate) fn short_list<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    const SHOW: usize = 5;
    let all: Vec<T> = items.into_iter().collect();
    let shown: Vec<String> = all.iter().take(SHOW).map(|l| format!("`{l}`")).collect();
    match all.len().saturating_sub(SHOW) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// Run every audit. Findings are sorted by rule, subject, then location.
pub fn audit(input: &AuditInput) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(inactive_member::audit(input));
    out.extend(inactive_owner::audit(input));
    out.extend(lead_not_org_member::audit(input));
    out.extend(subproject_approvers_inactive::audit(input));
    out.extend(too_few_leads::audit(input));
    out.extend(meetings_too_rare::audit(input));
    out.sort_by(|a, b| a.key().cmp(&b.key()));
    out.dedup();
    out
}

#[cfg(test)]
pub(crate) mod testing {
    //! Small inputs for the audit tests.

    use std::collections::BTreeMap;

    use super::*;
    use crate::activity::{Activity, ActivityWindow};
    use jiff::civil::date;

    pub fn now() -> Date {
        date(2026, 8, 21)
    }

    pub fn login(s: &str) -> Login {
        Login::new(s)
    }

    pub fn logins(s: &[&str]) -> Vec<Login> {
        s.iter().map(|l| Login::new(l)).collect()
    }

    pub fn membership(org: &str, people: &[&str]) -> Membership {
        Membership {
            org: org.into(),
            file: format!("config/{org}/org.yaml"),
            people: people
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    (
                        Login::new(p),
                        Pos::new(u32::try_from(i).unwrap_or(0) + 2, 3),
                    )
                })
                .collect(),
        }
    }

    /// A year of activity ending yesterday: `(login, contributions, pr_comments)`.
    pub fn activity(people: &[(&str, u32, u32)]) -> ActivityData {
        ActivityData {
            window: ActivityWindow {
                from: date(2025, 8, 20),
                to: date(2026, 8, 20),
            },
            covered: None,
            has_reviews: true,
            org_wide: true,
            source: "GH Archive events".into(),
            people: people
                .iter()
                .map(|(l, c, p)| {
                    (
                        Login::new(l),
                        Activity {
                            contributions: *c,
                            pr_comments: *p,
                            ..Activity::default()
                        },
                    )
                })
                .collect::<BTreeMap<_, _>>(),
        }
    }

    pub fn input<'a>() -> AuditInput<'a> {
        AuditInput {
            now: now(),
            orgs: None,
            activity: None,
            owners: None,
            groups: None,
            exceptions: &[],
            thresholds: AuditThresholds::default(),
        }
    }

    pub fn group(name: &str, kind: GroupKind, chairs: &[&str], tls: &[&str]) -> Group {
        Group {
            name: name.into(),
            kind,
            file: "sigs.yaml".into(),
            pos: Pos::new(10, 3),
            chairs: logins(chairs),
            tech_leads: logins(tls),
            meetings: vec![Meeting {
                description: "Regular SIG Meeting".into(),
                frequency: "biweekly".into(),
                pos: Pos::new(20, 5),
            }],
            subprojects: vec![],
        }
    }

    /// `rule subject: message` of each finding.
    pub fn lines(f: &[Finding]) -> Vec<String> {
        f.iter()
            .map(|f| format!("{} {}: {}", f.rule.id, f.subject, f.message))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn with_no_input_every_audit_says_what_is_missing() {
        let f = audit(&input());
        assert!(!f.is_empty());
        assert!(
            f.iter().all(|f| f.rule.id == "ladder/audit-input-missing"),
            "{:#?}",
            lines(&f)
        );
        assert!(f.iter().all(|f| f.severity == Severity::Info));
        let text = lines(&f).join("\n");
        for what in ["org membership", "OWNERS files", "group registry"] {
            assert!(text.contains(&format!("{what} not available")), "{text}");
        }
    }

    #[test]
    fn short_lists() {
        assert_eq!(short_list(["a", "b", "c"]), "`a`, `b`, `c`");
        assert_eq!(short_list(1..=7), "`1`, `2`, `3`, `4`, `5` and 2 more");
    }

    #[test]
    fn exceptions_csv() {
        let e = parse_exceptions_csv(
            "username,reason\nk8s-ci-robot,bot\n\n thelinuxfoundation , \"LF account\"\nlonely\n",
        );
        let v: Vec<_> = e
            .iter()
            .map(|e| (e.login.as_str(), e.reason.as_str()))
            .collect();
        assert_eq!(
            v,
            [
                ("k8s-ci-robot", "bot"),
                ("thelinuxfoundation", "LF account"),
                ("lonely", "")
            ]
        );
    }
}
