//! The contributor ladder: which rungs a person holds and how far they are
//! from the next one (kubernetes/community `community-membership.md`).
//!
//! ```text
//! contributor → member → reviewer → approver → subproject owner/lead → chair/tech lead
//! ```
//!
//! [`progress`] is a pure function from a [`LadderInput`] (the person's
//! roles with since-dates, activity counts, sponsors, `now`) to a
//! [`Progress`]: current rungs, the next rung, and each requirement of the
//! next rung met or not, with the evidence and what is missing. Numbers come
//! from [`Thresholds`] (Kubernetes' by default).

pub mod date;

use bazaar_core::Login;
use jiff::civil::Date;

use crate::activity::{Activity, ActivityWindow};
use crate::sponsor::{SponsorFacts, sponsor_requirements};
use date::months_between;

/// One rung of the ladder, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rung {
    /// Anyone contributing, not (yet) an org member.
    Contributor,
    /// Member of a GitHub org of the community.
    Member,
    /// `reviewers` entry in an OWNERS file.
    Reviewer,
    /// `approvers` entry in an OWNERS file.
    Approver,
    /// Owner (OWNERS of a subproject in `sigs.yaml`) or lead (`subprojects[].leads`).
    SubprojectOwner,
    /// Chair or tech lead of a SIG/WG (`sigs.yaml` leadership).
    GroupLead,
}

impl Rung {
    /// Every rung, lowest first.
    pub const ALL: [Rung; 6] = [
        Rung::Contributor,
        Rung::Member,
        Rung::Reviewer,
        Rung::Approver,
        Rung::SubprojectOwner,
        Rung::GroupLead,
    ];

    /// Stable name used in JSON (`subproject-owner`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Rung::Contributor => "contributor",
            Rung::Member => "member",
            Rung::Reviewer => "reviewer",
            Rung::Approver => "approver",
            Rung::SubprojectOwner => "subproject-owner",
            Rung::GroupLead => "group-lead",
        }
    }

    /// The name people use.
    pub fn title(self) -> &'static str {
        match self {
            Rung::Contributor => "non-member contributor",
            Rung::Member => "org member",
            Rung::Reviewer => "reviewer",
            Rung::Approver => "approver",
            Rung::SubprojectOwner => "subproject owner/lead",
            Rung::GroupLead => "chair/tech lead",
        }
    }

    /// The rung above, if any.
    pub fn next(self) -> Option<Rung> {
        Self::ALL.iter().copied().find(|r| *r > self)
    }
}

/// A rung held in one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub rung: Rung,
    /// Where: an org (`kubernetes`), an OWNERS file, a subproject or group.
    pub scope: String,
    /// When the person took the role, when known.
    pub since: Option<Date>,
}

/// Whether a requirement holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Met,
    NotMet,
    /// The data needed is missing; the evidence says which.
    Unknown,
    /// Not measurable from data (nomination, 2FA, ...): checked by people.
    Manual,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not-met",
            Status::Unknown => "unknown",
            Status::Manual => "manual",
        }
    }
}

/// One requirement, evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// Stable id, e.g. `reviewer/primary-reviews`, `sponsor/owners-role`.
    pub id: String,
    /// Whom it is about when not the person themself (a sponsor's login).
    pub subject: Option<String>,
    /// What is required, e.g. "primary reviewer on at least 5 PRs".
    pub description: String,
    pub status: Status,
    /// What the data shows.
    pub evidence: String,
    /// What is still needed (for anything not met).
    pub missing: Option<String>,
}

impl Requirement {
    pub fn new(
        id: &str,
        subject: Option<String>,
        description: impl Into<String>,
        status: Status,
        evidence: impl Into<String>,
        missing: Option<String>,
    ) -> Requirement {
        Requirement {
            id: id.to_string(),
            subject,
            description: description.into(),
            status,
            evidence: evidence.into(),
            missing,
        }
    }
}

/// The numbers of the ladder. `Default` is Kubernetes'.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thresholds {
    /// "Multiple contributions".
    pub member_contributions: u32,
    /// "At least one merged PR" (authored or reviewed).
    pub member_merged_prs: u32,
    pub reviewer_months_as_member: i32,
    pub reviewer_primary_reviews: u32,
    /// PRs reviewed or authored.
    pub reviewer_prs: u32,
    pub approver_months_as_reviewer: i32,
    pub approver_primary_reviews: u32,
    /// PRs reviewed or merged.
    pub approver_prs: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            member_contributions: 2,
            member_merged_prs: 1,
            reviewer_months_as_member: 3,
            reviewer_primary_reviews: 5,
            reviewer_prs: 20,
            approver_months_as_reviewer: 3,
            approver_primary_reviews: 10,
            approver_prs: 30,
        }
    }
}

/// Counts over a window, for one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonActivity {
    pub window: ActivityWindow,
    pub counts: Activity,
    /// Whether the data holds PR reviews: without them (git history only)
    /// review-based requirements are unknown, not unmet.
    pub has_reviews: bool,
}

impl PersonActivity {
    /// `login`'s counts from `data`, or why there are none.
    pub fn from_data(
        data: &crate::activity::ActivityData,
        login: &Login,
    ) -> Result<PersonActivity, String> {
        match data.of(login) {
            Some(counts) => Ok(PersonActivity {
                window: data.window,
                counts,
                has_reviews: data.has_reviews,
            }),
            None => Err(format!(
                "no activity can be attributed to `{login}`: no author in the {} maps to the login",
                data.source
            )),
        }
    }
}

/// Everything [`progress`] needs about one person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LadderInput {
    pub login: Login,
    /// Every role held. Org membership is a [`Rung::Member`] role per org.
    pub roles: Vec<Role>,
    /// The person's counts, or why there are none (no activity data, or
    /// data that cannot speak for this login).
    pub activity: Result<PersonActivity, String>,
    /// Sponsors named for a membership request (member rung only).
    pub sponsors: Vec<SponsorFacts>,
    /// Orgs a membership request targets (member rung only).
    pub target_orgs: Vec<String>,
    /// The org whose members may sponsor for any org (`kubernetes`).
    pub main_org: String,
    pub now: Date,
}

/// Where a person stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub login: Login,
    /// Roles held, highest rung first (a lone [`Rung::Contributor`] role when none).
    pub current: Vec<Role>,
    pub highest: Rung,
    /// The rung to work toward; `None` at the top.
    pub next: Option<Rung>,
    /// Requirements of `next`, in the order the ladder document lists them.
    pub requirements: Vec<Requirement>,
}

impl Progress {
    /// True when every requirement of the next rung is met.
    pub fn ready(&self) -> bool {
        self.next.is_some() && self.requirements.iter().all(|r| r.status == Status::Met)
    }
}

/// Where `input.login` stands on the ladder and what the next rung needs.
pub fn progress(input: &LadderInput, t: &Thresholds) -> Progress {
    let mut current = input.roles.clone();
    current.sort_by(|a, b| b.rung.cmp(&a.rung).then_with(|| a.scope.cmp(&b.scope)));
    let highest = current.first().map_or(Rung::Contributor, |r| r.rung);
    if current.is_empty() {
        current.push(Role {
            rung: Rung::Contributor,
            scope: String::new(),
            since: None,
        });
    }
    let next = highest.next();
    let requirements = match next {
        Some(Rung::Member) => member_requirements(input, t),
        Some(Rung::Reviewer) => reviewer_requirements(input, t),
        Some(Rung::Approver) => approver_requirements(input, t),
        Some(Rung::SubprojectOwner) => owner_requirements(input),
        Some(Rung::GroupLead) => lead_requirements(input),
        Some(Rung::Contributor) | None => Vec::new(),
    };
    Progress {
        login: input.login.clone(),
        current,
        highest,
        next,
        requirements,
    }
}

/// The evidence of a requirement when there is no activity data at all.
pub const NO_ACTIVITY: &str = "activity data not available";

/// What a count requirement needs from the data.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Needs {
    /// Contributions or authored PRs: every data source has them.
    Contributions,
    /// Review counts only: unknown without review data.
    Reviews,
    /// Reviews plus authored PRs: met by authored PRs alone, otherwise
    /// unknown without review data.
    ReviewsOrAuthored,
}

/// A "at least `need` of `what`" requirement from activity counts.
fn count_req(
    id: &str,
    description: String,
    input: &LadderInput,
    (need, needs): (u32, Needs),
    what: &str,
    count: impl Fn(&Activity) -> u32,
) -> Requirement {
    let a = match &input.activity {
        Ok(a) => a,
        Err(why) => {
            return Requirement::new(
                id,
                None,
                description,
                Status::Unknown,
                why.clone(),
                Some("ingest activity (GH Archive, or git with e-mail → login affiliations) to assess".into()),
            );
        }
    };
    let have = count(&a.counts);
    let unknowable = match needs {
        Needs::Contributions => false,
        Needs::Reviews => true,
        Needs::ReviewsOrAuthored => have < need,
    };
    if unknowable && !a.has_reviews {
        return Requirement::new(
            id,
            None,
            description,
            Status::Unknown,
            format!(
                "the activity data for {} holds no PR reviews (git history only)",
                a.window
            ),
            Some(format!(
                "ingest GH Archive events to count reviews ({have} {what} without them)"
            )),
        );
    }
    let evidence = format!("{have} {what} in {}", a.window);
    if have >= need {
        Requirement::new(id, None, description, Status::Met, evidence, None)
    } else {
        Requirement::new(
            id,
            None,
            description,
            Status::NotMet,
            evidence,
            Some(format!("{} more {what}", need - have)),
        )
    }
}

/// "held `rung` for at least `months`" from the earliest since-date of that rung.
fn tenure_req(id: &str, input: &LadderInput, rung: Rung, months: i32) -> Requirement {
    let description = format!("{} for at least {months} months", rung.title());
    let held: Vec<&Role> = input.roles.iter().filter(|r| r.rung >= rung).collect();
    if held.is_empty() {
        return Requirement::new(
            id,
            None,
            description,
            Status::NotMet,
            format!("not a {}", rung.title()),
            Some(format!("become a {} first", rung.title())),
        );
    }
    let Some(since) = held.iter().filter_map(|r| r.since).min() else {
        return Requirement::new(
            id,
            None,
            description,
            Status::Unknown,
            format!("{} since an unknown date", rung.title()),
            Some(
                "record when the role started (e.g. from the git history of org.yaml / OWNERS)"
                    .into(),
            ),
        );
    };
    let have = months_between(since, input.now);
    let evidence = format!("{} since {since} ({have} months)", rung.title());
    if have >= months {
        Requirement::new(id, None, description, Status::Met, evidence, None)
    } else {
        let when = date::add_months(since, months);
        Requirement::new(
            id,
            None,
            description,
            Status::NotMet,
            evidence,
            Some(format!("wait until {when}")),
        )
    }
}

fn manual(id: &str, description: &str) -> Requirement {
    Requirement::new(
        id,
        None,
        description,
        Status::Manual,
        "not recorded in data",
        Some("confirm by hand".into()),
    )
}

fn member_requirements(input: &LadderInput, t: &Thresholds) -> Vec<Requirement> {
    let mut out = vec![
        count_req(
            "member/contributions",
            format!(
                "at least {} contributions (ongoing commitment)",
                t.member_contributions
            ),
            input,
            (t.member_contributions, Needs::Contributions),
            "contributions",
            |a| a.contributions,
        ),
        count_req(
            "member/merged-prs",
            format!(
                "at least {} merged PR (authored or reviewed)",
                t.member_merged_prs
            ),
            input,
            (t.member_merged_prs, Needs::ReviewsOrAuthored),
            "merged PRs authored or reviewed",
            |a| a.prs_authored_merged.saturating_add(a.prs_reviewed),
        ),
    ];
    out.extend(sponsor_requirements(
        &input.login,
        &input.target_orgs,
        &input.main_org,
        &input.sponsors,
    ));
    out.push(manual(
        "member/two-factor",
        "two-factor authentication enabled on GitHub",
    ));
    out.push(manual("member/dev-list", "subscribed to dev@kubernetes.io"));
    out
}

fn reviewer_requirements(input: &LadderInput, t: &Thresholds) -> Vec<Requirement> {
    vec![
        tenure_req(
            "reviewer/member-tenure",
            input,
            Rung::Member,
            t.reviewer_months_as_member,
        ),
        count_req(
            "reviewer/primary-reviews",
            format!(
                "primary reviewer on at least {} PRs",
                t.reviewer_primary_reviews
            ),
            input,
            (t.reviewer_primary_reviews, Needs::Reviews),
            "PRs as primary reviewer",
            |a| a.prs_primary_reviewer,
        ),
        count_req(
            "reviewer/prs",
            format!("at least {} PRs reviewed or authored", t.reviewer_prs),
            input,
            (t.reviewer_prs, Needs::ReviewsOrAuthored),
            "PRs reviewed, or authored and merged",
            |a| a.prs_reviewed.saturating_add(a.prs_authored_merged),
        ),
        manual(
            "reviewer/sponsored",
            "sponsored by a subproject approver (a PR adding you to an OWNERS file)",
        ),
    ]
}

fn approver_requirements(input: &LadderInput, t: &Thresholds) -> Vec<Requirement> {
    vec![
        tenure_req(
            "approver/reviewer-tenure",
            input,
            Rung::Reviewer,
            t.approver_months_as_reviewer,
        ),
        count_req(
            "approver/primary-reviews",
            format!(
                "primary reviewer on at least {} PRs",
                t.approver_primary_reviews
            ),
            input,
            (t.approver_primary_reviews, Needs::Reviews),
            "PRs as primary reviewer",
            |a| a.prs_primary_reviewer,
        ),
        count_req(
            "approver/prs",
            format!("at least {} PRs reviewed or merged", t.approver_prs),
            input,
            (t.approver_prs, Needs::ReviewsOrAuthored),
            "PRs reviewed, or authored and merged",
            |a| a.prs_reviewed.saturating_add(a.prs_authored_merged),
        ),
        manual(
            "approver/nominated",
            "nominated by a subproject owner (a PR to the top-level OWNERS file)",
        ),
    ]
}

/// A requirement that holds when the person is at least `rung` somewhere.
fn holds_req(id: &str, input: &LadderInput, rung: Rung) -> Requirement {
    // The evidence names where the rung itself is held, else the higher
    // roles that imply it.
    let exact: Vec<&str> = input
        .roles
        .iter()
        .filter(|r| r.rung == rung)
        .map(|r| r.scope.as_str())
        .collect();
    let scopes: Vec<&str> = if exact.is_empty() {
        input
            .roles
            .iter()
            .filter(|r| r.rung >= rung)
            .map(|r| r.scope.as_str())
            .collect()
    } else {
        exact
    };
    let description = format!("is a {}", rung.title());
    if scopes.is_empty() {
        Requirement::new(
            id,
            None,
            description,
            Status::NotMet,
            format!("not a {}", rung.title()),
            Some(format!("become a {} first", rung.title())),
        )
    } else {
        let shown: Vec<String> = scopes.iter().take(3).map(|s| format!("`{s}`")).collect();
        Requirement::new(
            id,
            None,
            description,
            Status::Met,
            format!("{} in {}", rung.title(), shown.join(", ")),
            None,
        )
    }
}

fn owner_requirements(input: &LadderInput) -> Vec<Requirement> {
    vec![
        holds_req("owner/approver", input, Rung::Approver),
        holds_req("owner/member", input, Rung::Member),
        manual(
            "owner/appointed",
            "appointed by the SIG's tech leads (listed in the subproject's OWNERS or `sigs.yaml` leads)",
        ),
    ]
}

fn lead_requirements(input: &LadderInput) -> Vec<Requirement> {
    vec![
        holds_req("lead/member", input, Rung::Member),
        manual(
            "lead/chosen",
            "chosen by the group's leads (lazy consensus or super-majority) and announced to dev@",
        ),
        manual(
            "lead/lfc102",
            "completed LFC102 (Inclusive Open Source Community Orientation) within 30 days",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sponsor::OwnersRole;
    use jiff::civil::date;

    fn role(rung: Rung, scope: &str, since: Option<Date>) -> Role {
        Role {
            rung,
            scope: scope.into(),
            since,
        }
    }

    fn input(roles: Vec<Role>, counts: Option<Activity>) -> LadderInput {
        LadderInput {
            login: Login::new("pat"),
            roles,
            activity: counts
                .map(|counts| PersonActivity {
                    window: ActivityWindow {
                        from: date(2025, 8, 21),
                        to: date(2026, 8, 21),
                    },
                    counts,
                    has_reviews: true,
                })
                .ok_or_else(|| NO_ACTIVITY.to_string()),
            sponsors: vec![],
            target_orgs: vec!["kubernetes".into()],
            main_org: "kubernetes".into(),
            now: date(2026, 8, 21),
        }
    }

    fn status_of(p: &Progress) -> Vec<(String, Status)> {
        p.requirements
            .iter()
            .map(|r| {
                (
                    format!(
                        "{}{}",
                        r.id,
                        r.subject
                            .as_ref()
                            .map(|s| format!(" {s}"))
                            .unwrap_or_default()
                    ),
                    r.status,
                )
            })
            .collect()
    }

    fn s(id: &str, st: Status) -> (String, Status) {
        (id.to_string(), st)
    }

    fn qualified(login: &str, company: &str) -> SponsorFacts {
        SponsorFacts {
            login: Login::new(login),
            orgs: Some(vec!["kubernetes".into()]),
            owners_roles: Some(vec![OwnersRole {
                path: "kubernetes/kubernetes/OWNERS".into(),
                approver: false,
            }]),
            company: Some(company.into()),
        }
    }

    #[test]
    fn contributor_toward_member() {
        let mut i = input(
            vec![],
            Some(Activity {
                contributions: 1,
                prs_authored_merged: 0,
                ..Activity::default()
            }),
        );
        i.sponsors = vec![qualified("alice", "A")];
        let p = progress(&i, &Thresholds::default());
        assert_eq!((p.highest, p.next), (Rung::Contributor, Some(Rung::Member)));
        assert_eq!(p.current[0].rung, Rung::Contributor);
        assert_eq!(
            status_of(&p),
            [
                s("member/contributions", Status::NotMet),
                s("member/merged-prs", Status::NotMet),
                s("sponsor/count", Status::NotMet),
                s("sponsor/owners-role alice", Status::Met),
                s("sponsor/org-member alice", Status::Met),
                s("sponsor/different-companies", Status::NotMet),
                s("member/two-factor", Status::Manual),
                s("member/dev-list", Status::Manual),
            ]
        );
        assert_eq!(
            p.requirements[0].missing.as_deref(),
            Some("1 more contributions")
        );
        assert_eq!(
            p.requirements[0].evidence,
            "1 contributions in 2025-08-21..2026-08-21"
        );
        assert!(!p.ready());

        i.activity.as_mut().expect("set above").counts = Activity {
            contributions: 9,
            prs_reviewed: 1,
            ..Activity::default()
        };
        i.sponsors.push(qualified("bob", "B"));
        let p = progress(&i, &Thresholds::default());
        let unmet: Vec<_> = p
            .requirements
            .iter()
            .filter(|r| r.status != Status::Met)
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(unmet, ["member/two-factor", "member/dev-list"]);
    }

    #[test]
    fn member_toward_reviewer() {
        let counts = Activity {
            prs_primary_reviewer: 5,
            prs_reviewed: 12,
            prs_authored_merged: 7,
            ..Activity::default()
        };
        let recent = input(
            vec![role(Rung::Member, "kubernetes", Some(date(2026, 6, 1)))],
            Some(counts),
        );
        let p = progress(&recent, &Thresholds::default());
        assert_eq!(p.next, Some(Rung::Reviewer));
        assert_eq!(
            status_of(&p),
            [
                s("reviewer/member-tenure", Status::NotMet),
                s("reviewer/primary-reviews", Status::Met),
                s("reviewer/prs", Status::NotMet),
                s("reviewer/sponsored", Status::Manual),
            ]
        );
        assert_eq!(
            p.requirements[0].evidence,
            "org member since 2026-06-01 (2 months)"
        );
        assert_eq!(
            p.requirements[0].missing.as_deref(),
            Some("wait until 2026-09-01")
        );
        assert_eq!(
            p.requirements[2].missing.as_deref(),
            Some("1 more PRs reviewed, or authored and merged")
        );

        let long = input(
            vec![
                role(Rung::Member, "kubernetes", Some(date(2026, 5, 21))),
                role(Rung::Member, "kubernetes-sigs", None),
            ],
            Some(Activity {
                prs_reviewed: 13,
                ..counts
            }),
        );
        let p = progress(&long, &Thresholds::default());
        assert_eq!(
            p.requirements[0].status,
            Status::Met,
            "{:?}",
            p.requirements[0]
        );
        assert_eq!(p.requirements[2].status, Status::Met);
    }

    #[test]
    fn reviewer_toward_approver_and_unknowns() {
        let i = input(
            vec![
                role(Rung::Member, "kubernetes", Some(date(2024, 1, 1))),
                role(
                    Rung::Reviewer,
                    "kubernetes/kubernetes/pkg/kubelet/OWNERS",
                    None,
                ),
            ],
            None,
        );
        let p = progress(&i, &Thresholds::default());
        assert_eq!((p.highest, p.next), (Rung::Reviewer, Some(Rung::Approver)));
        assert_eq!(p.current[0].rung, Rung::Reviewer, "highest first");
        assert_eq!(
            status_of(&p),
            [
                s("approver/reviewer-tenure", Status::Unknown),
                s("approver/primary-reviews", Status::Unknown),
                s("approver/prs", Status::Unknown),
                s("approver/nominated", Status::Manual),
            ]
        );
        assert_eq!(p.requirements[1].evidence, "activity data not available");

        let i = input(
            vec![role(Rung::Reviewer, "x/OWNERS", Some(date(2026, 1, 1)))],
            Some(Activity {
                prs_primary_reviewer: 9,
                prs_reviewed: 30,
                ..Activity::default()
            }),
        );
        let p = progress(&i, &Thresholds::default());
        assert_eq!(
            status_of(&p)[..3],
            [
                s("approver/reviewer-tenure", Status::Met),
                s("approver/primary-reviews", Status::NotMet),
                s("approver/prs", Status::Met),
            ]
        );
    }

    #[test]
    fn without_review_data_review_counts_are_unknown() {
        let mut i = input(
            vec![role(Rung::Member, "kubernetes", Some(date(2025, 1, 1)))],
            Some(Activity {
                contributions: 40,
                prs_authored_merged: 21,
                ..Activity::default()
            }),
        );
        i.activity.as_mut().expect("set above").has_reviews = false;
        let p = progress(&i, &Thresholds::default());
        assert_eq!(
            status_of(&p),
            [
                s("reviewer/member-tenure", Status::Met),
                s("reviewer/primary-reviews", Status::Unknown),
                s("reviewer/prs", Status::Met),
                s("reviewer/sponsored", Status::Manual),
            ],
            "21 authored PRs meet `20 reviewed or authored` without review data"
        );
        assert!(p.requirements[1].evidence.contains("holds no PR reviews"));
        i.activity
            .as_mut()
            .expect("set above")
            .counts
            .prs_authored_merged = 3;
        let p = progress(&i, &Thresholds::default());
        assert_eq!(p.requirements[2].status, Status::Unknown);
        assert_eq!(
            p.requirements[2].missing.as_deref(),
            Some(
                "ingest GH Archive events to count reviews (3 PRs reviewed, or authored and merged without them)"
            )
        );

        i.activity = Err("no activity can be attributed to `pat`".into());
        let p = progress(&i, &Thresholds::default());
        assert_eq!(p.requirements[1].status, Status::Unknown);
        assert_eq!(
            p.requirements[1].evidence,
            "no activity can be attributed to `pat`"
        );
    }

    #[test]
    fn upper_rungs_and_the_top() {
        let i = input(
            vec![
                role(Rung::Member, "kubernetes", None),
                role(Rung::Approver, "x/OWNERS", None),
            ],
            None,
        );
        let p = progress(&i, &Thresholds::default());
        assert_eq!(p.next, Some(Rung::SubprojectOwner));
        assert_eq!(
            status_of(&p),
            [
                s("owner/approver", Status::Met),
                s("owner/member", Status::Met),
                s("owner/appointed", Status::Manual)
            ]
        );

        let i = input(vec![role(Rung::SubprojectOwner, "sig-x/kind", None)], None);
        let p = progress(&i, &Thresholds::default());
        assert_eq!(p.next, Some(Rung::GroupLead));
        assert_eq!(
            p.requirements[0].status,
            Status::Met,
            "an owner is at least a member"
        );

        let i = input(vec![role(Rung::GroupLead, "sig-x", None)], None);
        let p = progress(&i, &Thresholds::default());
        assert_eq!((p.next, p.requirements.len()), (None, 0));
        assert!(!p.ready());
    }

    #[test]
    fn rung_order_and_names() {
        assert_eq!(Rung::Contributor.next(), Some(Rung::Member));
        assert_eq!(Rung::GroupLead.next(), None);
        let names: Vec<_> = Rung::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(
            names,
            [
                "contributor",
                "member",
                "reviewer",
                "approver",
                "subproject-owner",
                "group-lead"
            ]
        );
    }
}
