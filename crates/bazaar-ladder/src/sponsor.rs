//! Validating a membership request: does the candidate have two sponsors
//! who may sponsor them?
//!
//! The rules (kubernetes/community `community-membership.md` and the
//! kubernetes/org membership issue template): two sponsors, each a reviewer
//! or approver in at least one OWNERS file (the contributor-playground repo
//! does not count) and a member of the requested org or of the main org,
//! working at different companies. Someone who already belongs to one org
//! of the family needs no sponsors to join another.
//!
//! Every fact is optional: what the caller does not know makes the answer
//! [`Verdict::Incomplete`], never a rejection.

use std::collections::{BTreeMap, BTreeSet};

use bazaar_core::Login;
use bazaar_core::yaml::{self, YamlError};
use serde::Deserialize;

use crate::ladder::{Requirement, Status};
use crate::org::OrgTree;

/// A role in one OWNERS file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnersRole {
    /// Which OWNERS file (path or URL).
    pub path: String,
    /// `true` for approver, `false` for reviewer.
    pub approver: bool,
}

/// What is known about one sponsor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SponsorFacts {
    pub login: Login,
    /// Orgs the sponsor is an admin or member of; `None` when not known.
    pub orgs: Option<Vec<String>>,
    /// Every OWNERS file listing the sponsor as reviewer or approver.
    /// `None` when not known. Pass `Some(vec![])` only when every OWNERS
    /// file of the community was searched.
    pub owners_roles: Option<Vec<OwnersRole>>,
    /// Employer per gitdm/openprofile (`Independent` for none); `None` when not known.
    pub company: Option<String>,
}

/// A membership request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SponsorRequest {
    pub candidate: Login,
    /// Orgs the candidate already belongs to; `None` when not known.
    pub candidate_orgs: Option<Vec<String>>,
    /// Orgs the candidate asks to join.
    pub target_orgs: Vec<String>,
    /// The org whose members may sponsor for any org (`kubernetes`).
    pub main_org: String,
    pub sponsors: Vec<SponsorFacts>,
}

/// The answer to a membership request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every requirement is met.
    Approved,
    /// At least one requirement is not met.
    Rejected,
    /// Nothing fails, but some facts are unknown.
    Incomplete,
    /// The candidate is already in an org of the family: no sponsors needed.
    NotNeeded,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Approved => "approved",
            Verdict::Rejected => "rejected",
            Verdict::Incomplete => "incomplete",
            Verdict::NotNeeded => "not-needed",
        }
    }
}

/// The verdict and every requirement checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SponsorReport {
    pub verdict: Verdict,
    pub requirements: Vec<Requirement>,
}

/// OWNERS files of this repository do not qualify a sponsor.
const EXCLUDED_OWNERS: &str = "contributor-playground";

/// The number of sponsors a request needs.
pub const SPONSORS_NEEDED: usize = 2;

/// Check a membership request.
pub fn check_sponsors(req: &SponsorRequest) -> SponsorReport {
    if let Some(orgs) = req.candidate_orgs.as_ref().filter(|o| !o.is_empty()) {
        let list = backticked(orgs);
        return SponsorReport {
            verdict: Verdict::NotNeeded,
            requirements: vec![Requirement::new(
                "sponsor/already-member",
                None,
                "the candidate is not yet a member of any org",
                Status::Met,
                format!("`{}` is already a member of {list}", req.candidate),
                Some(
                    "no sponsors are needed: a member of one org adds themself to another org's `org.yaml` directly"
                        .to_string(),
                ),
            )],
        };
    }
    let requirements = sponsor_requirements(
        &req.candidate,
        &req.target_orgs,
        &req.main_org,
        &req.sponsors,
    );
    SponsorReport {
        verdict: verdict(&requirements),
        requirements,
    }
}

/// The sponsor requirements alone (also part of the member rung).
pub(crate) fn sponsor_requirements(
    candidate: &Login,
    target_orgs: &[String],
    main_org: &str,
    sponsors: &[SponsorFacts],
) -> Vec<Requirement> {
    let mut out = Vec::new();
    let mut distinct: Vec<&SponsorFacts> = Vec::new();
    let mut self_sponsor = false;
    for s in sponsors {
        if &s.login == candidate {
            self_sponsor = true;
        } else if !distinct.iter().any(|d| d.login == s.login) {
            distinct.push(s);
        }
    }
    let names: Vec<String> = distinct.iter().map(|s| format!("`{}`", s.login)).collect();
    let (status, missing) = if distinct.len() >= SPONSORS_NEEDED {
        (Status::Met, None)
    } else {
        let more = SPONSORS_NEEDED - distinct.len();
        (
            Status::NotMet,
            Some(format!(
                "{more} more sponsor(s) who reviewed the candidate's work{}",
                if self_sponsor {
                    " (a candidate cannot sponsor themself)"
                } else {
                    ""
                }
            )),
        )
    };
    out.push(Requirement::new(
        "sponsor/count",
        None,
        "two sponsors",
        status,
        if names.is_empty() {
            "no sponsors given".to_string()
        } else {
            format!("sponsors: {}", names.join(", "))
        },
        missing,
    ));

    let allowed_orgs: BTreeSet<&str> = target_orgs
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(main_org))
        .collect();
    for s in &distinct {
        out.push(owners_requirement(s));
        out.push(org_requirement(s, &allowed_orgs));
    }
    out.push(companies_requirement(&distinct));
    out
}

fn owners_requirement(s: &SponsorFacts) -> Requirement {
    let desc = "reviewer or approver in an OWNERS file (not contributor-playground)";
    let subject = Some(s.login.as_str().to_string());
    match &s.owners_roles {
        None => Requirement::new(
            "sponsor/owners-role",
            subject,
            desc,
            Status::Unknown,
            format!("no OWNERS data lists `{}`", s.login),
            Some("confirm the sponsor's OWNERS entries by hand".to_string()),
        ),
        Some(roles) => {
            let qualifying: Vec<&OwnersRole> = roles
                .iter()
                .filter(|r| !r.path.contains(EXCLUDED_OWNERS))
                .collect();
            if qualifying.is_empty() {
                let only_playground = !roles.is_empty();
                Requirement::new(
                    "sponsor/owners-role",
                    subject,
                    desc,
                    Status::NotMet,
                    if only_playground {
                        format!(
                            "`{}` is listed only in contributor-playground OWNERS files",
                            s.login
                        )
                    } else {
                        format!("`{}` is in no OWNERS file", s.login)
                    },
                    Some("choose a sponsor who reviews or approves in an OWNERS file".to_string()),
                )
            } else {
                let shown: Vec<String> = qualifying
                    .iter()
                    .take(3)
                    .map(|r| {
                        format!(
                            "{} in `{}`",
                            if r.approver { "approver" } else { "reviewer" },
                            r.path
                        )
                    })
                    .collect();
                let more = qualifying.len().saturating_sub(3);
                Requirement::new(
                    "sponsor/owners-role",
                    subject,
                    desc,
                    Status::Met,
                    format!(
                        "{}{}",
                        shown.join(", "),
                        if more > 0 {
                            format!(" and {more} more")
                        } else {
                            String::new()
                        }
                    ),
                    None,
                )
            }
        }
    }
}

fn org_requirement(s: &SponsorFacts, allowed: &BTreeSet<&str>) -> Requirement {
    let allowed_list = backticked(allowed);
    let desc = format!("member of {allowed_list}");
    let subject = Some(s.login.as_str().to_string());
    match &s.orgs {
        None => Requirement::new(
            "sponsor/org-member",
            subject,
            desc,
            Status::Unknown,
            "org membership not known".to_string(),
            Some("load the org config (`--root`)".to_string()),
        ),
        Some(orgs) => {
            let hits: Vec<&String> = orgs
                .iter()
                .filter(|o| allowed.contains(o.as_str()))
                .collect();
            if hits.is_empty() {
                Requirement::new(
                    "sponsor/org-member",
                    subject,
                    desc,
                    Status::NotMet,
                    if orgs.is_empty() {
                        format!("`{}` is in no org", s.login)
                    } else {
                        format!("`{}` is a member of {} only", s.login, backticked(orgs))
                    },
                    Some(format!(
                        "choose a sponsor who is a member of {allowed_list}"
                    )),
                )
            } else {
                Requirement::new(
                    "sponsor/org-member",
                    subject,
                    desc,
                    Status::Met,
                    format!("member of {}", backticked(&hits)),
                    None,
                )
            }
        }
    }
}

/// `Independent` sponsors are not colleagues of each other.
fn company_key(c: &str) -> Option<String> {
    let k = c.trim().to_lowercase();
    (!matches!(
        k.as_str(),
        "independent" | "none" | "self" | "self-employed" | ""
    ))
    .then_some(k)
}

fn companies_requirement(sponsors: &[&SponsorFacts]) -> Requirement {
    let desc = "sponsors work at different companies";
    let mut known: Vec<(&Login, &str)> = Vec::new();
    let mut unknown: Vec<&Login> = Vec::new();
    for s in sponsors {
        match &s.company {
            Some(c) => known.push((&s.login, c)),
            None => unknown.push(&s.login),
        }
    }
    let mut companies: Vec<Option<String>> = Vec::new();
    let mut distinct = 0usize;
    for (_, c) in &known {
        let key = company_key(c);
        if key.is_none() || !companies.contains(&key) {
            distinct += 1;
        }
        companies.push(key);
    }
    let evidence = {
        let mut parts: Vec<String> = known.iter().map(|(l, c)| format!("`{l}`: {c}")).collect();
        parts.extend(unknown.iter().map(|l| format!("`{l}`: company not known")));
        if parts.is_empty() {
            "no sponsors".to_string()
        } else {
            parts.join("; ")
        }
    };
    let (status, missing) = if distinct >= SPONSORS_NEEDED {
        (Status::Met, None)
    } else if distinct + unknown.len() >= SPONSORS_NEEDED {
        (
            Status::Unknown,
            Some("record the sponsors' affiliations (gitdm / openprofile.dev)".to_string()),
        )
    } else {
        (
            Status::NotMet,
            Some("a sponsor from another company".to_string()),
        )
    };
    Requirement::new(
        "sponsor/different-companies",
        None,
        desc,
        status,
        evidence,
        missing,
    )
}

pub(crate) fn verdict(reqs: &[Requirement]) -> Verdict {
    if reqs.iter().any(|r| r.status == Status::NotMet) {
        Verdict::Rejected
    } else if reqs
        .iter()
        .any(|r| matches!(r.status, Status::Unknown | Status::Manual))
    {
        Verdict::Incomplete
    } else {
        Verdict::Approved
    }
}

/// Facts about people that the org repository does not hold (yet): their
/// company and their OWNERS roles elsewhere. Read from a small YAML file:
///
/// ```yaml
/// people:
///   alice:
///     company: Google
///     owners:                      # every OWNERS role; [] = none anywhere
///     - path: kubernetes/kubernetes/pkg/kubelet/OWNERS
///       role: approver             # or reviewer
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeopleFacts {
    pub people: BTreeMap<Login, PersonFacts>,
}

/// What [`PeopleFacts`] says about one person.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonFacts {
    pub company: Option<String>,
    /// `None` when the file does not say.
    pub owners: Option<Vec<OwnersRole>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeople {
    people: Option<BTreeMap<String, RawPerson>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    company: Option<String>,
    owners: Option<Vec<RawOwnersRole>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOwnersRole {
    path: String,
    role: RawRole,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum RawRole {
    Reviewer,
    Approver,
}

/// Decode a people-facts file (strict: unknown keys are located errors).
pub fn parse_people(text: &str) -> Result<PeopleFacts, YamlError> {
    let raw: Option<RawPeople> = yaml::from_str(text)?;
    let people = raw
        .and_then(|r| r.people)
        .unwrap_or_default()
        .into_iter()
        .map(|(login, p)| {
            let owners = p.owners.map(|o| {
                o.into_iter()
                    .map(|r| OwnersRole {
                        path: r.path,
                        approver: matches!(r.role, RawRole::Approver),
                    })
                    .collect()
            });
            (
                Login::new(&login),
                PersonFacts {
                    company: p.company,
                    owners,
                },
            )
        })
        .collect();
    Ok(PeopleFacts { people })
}

/// Assemble a request from the org repository and extra facts:
/// memberships come from `tree`; OWNERS roles from the org repository's
/// OWNERS files plus `facts` (the org repository alone cannot prove that
/// someone is in no OWNERS file, so without `facts` a sponsor not found
/// there is "unknown", not "not a reviewer"); companies from `facts`.
pub fn request_from_tree(
    tree: &OrgTree,
    candidate: &Login,
    sponsors: &[Login],
    target_orgs: &[String],
    main_org: &str,
    facts: &PeopleFacts,
) -> SponsorRequest {
    let orgs_of =
        |l: &Login| -> Vec<String> { tree.orgs_of(l).into_iter().map(str::to_string).collect() };
    let sponsors = sponsors
        .iter()
        .map(|s| {
            let person = facts.people.get(s);
            let mut roles: Vec<OwnersRole> = Vec::new();
            for f in &tree.owners {
                // One role per file, the higher one.
                let approver = f.approvers.iter().any(|e| &e.login == s);
                if approver || f.reviewers.iter().any(|e| &e.login == s) {
                    roles.push(OwnersRole {
                        path: f.path.clone(),
                        approver,
                    });
                }
            }
            let owners_roles = match person.and_then(|p| p.owners.as_ref()) {
                Some(listed) => {
                    roles.extend(listed.iter().cloned());
                    Some(roles)
                }
                None if roles.is_empty() => None,
                None => Some(roles),
            };
            SponsorFacts {
                login: s.clone(),
                orgs: Some(orgs_of(s)),
                owners_roles,
                company: person.and_then(|p| p.company.clone()),
            }
        })
        .collect();
    SponsorRequest {
        candidate: candidate.clone(),
        candidate_orgs: Some(orgs_of(candidate)),
        target_orgs: target_orgs.to_vec(),
        main_org: main_org.to_string(),
        sponsors,
    }
}

fn backticked<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let v: Vec<String> = items
        .into_iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect();
    v.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sponsor(
        login: &str,
        orgs: Option<&[&str]>,
        owners: Option<&[&str]>,
        company: Option<&str>,
    ) -> SponsorFacts {
        SponsorFacts {
            login: Login::new(login),
            orgs: orgs.map(|o| o.iter().map(|s| s.to_string()).collect()),
            owners_roles: owners.map(|o| {
                o.iter()
                    .map(|p| OwnersRole {
                        path: p.to_string(),
                        approver: true,
                    })
                    .collect()
            }),
            company: company.map(str::to_string),
        }
    }

    fn request(sponsors: Vec<SponsorFacts>) -> SponsorRequest {
        SponsorRequest {
            candidate: Login::new("newbie"),
            candidate_orgs: Some(vec![]),
            target_orgs: vec!["kubernetes-sigs".into()],
            main_org: "kubernetes".into(),
            sponsors,
        }
    }

    fn statuses(r: &SponsorReport) -> Vec<(String, Option<String>, Status)> {
        r.requirements
            .iter()
            .map(|q| (q.id.clone(), q.subject.clone(), q.status))
            .collect()
    }

    #[test]
    fn two_qualified_sponsors_from_different_companies_pass() {
        let r = check_sponsors(&request(vec![
            sponsor(
                "alice",
                Some(&["kubernetes"]),
                Some(&["k/k/OWNERS"]),
                Some("Google"),
            ),
            sponsor(
                "bob",
                Some(&["kubernetes-sigs"]),
                Some(&["k-sigs/kind/OWNERS"]),
                Some("Red Hat"),
            ),
        ]));
        assert_eq!(r.verdict, Verdict::Approved, "{:#?}", r.requirements);
        assert_eq!(r.requirements.len(), 6);
    }

    #[test]
    fn each_failure_is_reported() {
        let r = check_sponsors(&request(vec![
            sponsor(
                "alice",
                Some(&["etcd-io"]),
                Some(&["kubernetes-sigs/contributor-playground/OWNERS"]),
                Some("Google"),
            ),
            sponsor("bob", Some(&["kubernetes"]), Some(&[]), Some("google ")),
        ]));
        assert_eq!(r.verdict, Verdict::Rejected);
        let failed: Vec<_> = statuses(&r)
            .into_iter()
            .filter(|(_, _, s)| *s == Status::NotMet)
            .map(|(id, who, _)| format!("{id} {}", who.unwrap_or_default()))
            .collect();
        assert_eq!(
            failed,
            [
                "sponsor/owners-role alice",
                "sponsor/org-member alice",
                "sponsor/owners-role bob",
                "sponsor/different-companies ",
            ]
        );
        let playground = &r.requirements[1];
        assert!(
            playground
                .evidence
                .contains("only in contributor-playground"),
            "{}",
            playground.evidence
        );
    }

    #[test]
    fn too_few_sponsors_and_self_sponsoring() {
        let r = check_sponsors(&request(vec![
            sponsor(
                "newbie",
                Some(&["kubernetes"]),
                Some(&["x/OWNERS"]),
                Some("A"),
            ),
            sponsor(
                "alice",
                Some(&["kubernetes"]),
                Some(&["x/OWNERS"]),
                Some("B"),
            ),
            sponsor(
                "Alice",
                Some(&["kubernetes"]),
                Some(&["x/OWNERS"]),
                Some("B"),
            ),
        ]));
        assert_eq!(r.verdict, Verdict::Rejected);
        let count = &r.requirements[0];
        assert_eq!(count.status, Status::NotMet);
        assert_eq!(
            count.missing.as_deref(),
            Some(
                "1 more sponsor(s) who reviewed the candidate's work (a candidate cannot sponsor themself)"
            )
        );
    }

    #[test]
    fn unknown_facts_make_it_incomplete_not_rejected() {
        let r = check_sponsors(&request(vec![
            sponsor("alice", None, None, None),
            sponsor(
                "bob",
                Some(&["kubernetes"]),
                Some(&["x/OWNERS"]),
                Some("Independent"),
            ),
        ]));
        assert_eq!(r.verdict, Verdict::Incomplete);
        assert!(statuses(&r).iter().all(|(_, _, s)| *s != Status::NotMet));
    }

    #[test]
    fn independents_are_not_colleagues() {
        let r = check_sponsors(&request(vec![
            sponsor(
                "alice",
                Some(&["kubernetes"]),
                Some(&["x/OWNERS"]),
                Some("Independent"),
            ),
            sponsor(
                "bob",
                Some(&["kubernetes"]),
                Some(&["x/OWNERS"]),
                Some("independent"),
            ),
        ]));
        assert_eq!(r.verdict, Verdict::Approved);
    }

    #[test]
    fn people_facts_file() {
        let f = parse_people(
            "people:\n  Alice:\n    company: Google\n    owners:\n    - path: k/k/OWNERS\n      role: approver\n  bob:\n    owners: []\n",
        )
        .expect("valid");
        let alice = &f.people[&Login::new("alice")];
        assert_eq!(alice.company.as_deref(), Some("Google"));
        assert_eq!(alice.owners.as_ref().map(Vec::len), Some(1));
        assert_eq!(f.people[&Login::new("bob")].owners, Some(vec![]));
        let e = parse_people("people:\n  a:\n    employer: X\n").expect_err("strict");
        assert_eq!((e.rule.id, e.line), ("yaml/unknown-key", 3));
        let e = parse_people("people:\n  a:\n    owners:\n    - {path: x, role: owner}\n")
            .expect_err("role");
        assert_eq!(e.line, 4);
    }

    #[test]
    fn request_from_the_org_repository() {
        let dir = bazaar_testkit::Dir::new();
        dir.create(
            "config/x/org.yaml",
            "admins: [boss]\nmembers: [alice, bob, carol]\n",
        );
        dir.create("config/x/OWNERS", "approvers: [boss, alice]\n");
        dir.create("config/y/org.yaml", "members: [newbie]\n");
        let tree = crate::load::load_org_root(dir.path()).expect("loads");
        let facts = parse_people(
            "people:\n  bob:\n    company: B\n    owners: []\n  alice:\n    company: A\n",
        )
        .expect("valid");
        let req = request_from_tree(
            &tree,
            &Login::new("stranger"),
            &[Login::new("alice"), Login::new("bob"), Login::new("carol")],
            &["x".to_string()],
            "x",
            &facts,
        );
        assert_eq!(req.candidate_orgs, Some(vec![]));
        let roles: Vec<_> = req
            .sponsors
            .iter()
            .map(|s| s.owners_roles.as_ref().map(Vec::len))
            .collect();
        assert_eq!(
            roles,
            [Some(1), Some(0), None],
            "found / listed as none / unknown"
        );
        let r = check_sponsors(&req);
        assert_eq!(r.verdict, Verdict::Rejected, "bob is in no OWNERS file");
        let newbie = request_from_tree(&tree, &Login::new("NEWBIE"), &[], &[], "x", &facts);
        assert_eq!(check_sponsors(&newbie).verdict, Verdict::NotNeeded);
    }

    #[test]
    fn existing_members_need_no_sponsors() {
        let mut req = request(vec![]);
        req.candidate_orgs = Some(vec!["etcd-io".into()]);
        let r = check_sponsors(&req);
        assert_eq!(r.verdict, Verdict::NotNeeded);
        assert!(r.requirements[0].evidence.contains("`etcd-io`"));
    }
}
