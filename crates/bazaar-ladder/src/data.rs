//! Everything the ladder knows about one community, as plain data, and the
//! ladder model built on it: which rungs each person holds, where, and since
//! when.
//!
//! [`LadderData`] is filled at the edge (the CLI reads the org config, the
//! OWNERS files of local checkouts, the group registry, the activity store
//! and role dates, and converts each into this crate's plain structs). Every
//! part is optional: `None` means "not available", and the engines say so
//! instead of guessing.
//!
//! Rungs come from:
//! - **member**: admin or member of an org;
//! - **reviewer** / **approver**: a `reviewers` / `approvers` entry (aliases
//!   expanded) of any OWNERS file known;
//! - **subproject owner/lead**: an approver of an OWNERS file a subproject
//!   lists in `sigs.yaml` (`subprojects[].owners`), or a subproject lead;
//! - **chair/tech lead**: `leadership` of a group in `sigs.yaml`.

use std::collections::BTreeMap;

use bazaar_core::Login;
use jiff::civil::Date;

use crate::activity::ActivityData;
use crate::audit::{self, AuditInput, AuditThresholds, Exception, Finding, Group, Membership};
use crate::dates::RoleDates;
use crate::ladder::{self, LadderInput, PersonActivity, Progress, Role, Rung, Thresholds};
use crate::org::OwnersFile;
use crate::sponsor::{OwnersRole, SponsorFacts};

/// One community's membership, OWNERS, registry, activity and dates.
#[derive(Clone, Debug)]
pub struct LadderData {
    pub now: Date,
    /// The org whose members may sponsor for any org (`kubernetes`).
    pub main_org: String,
    pub orgs: Option<Vec<Membership>>,
    /// Every OWNERS file known (display paths `org/repo/path/OWNERS`).
    pub owners: Option<Vec<OwnersFile>>,
    pub groups: Option<Vec<Group>>,
    pub activity: Option<ActivityData>,
    pub dates: RoleDates,
    /// What the data knows of people's employers (for sponsors).
    pub companies: BTreeMap<Login, String>,
    /// Logins the inactivity audits skip.
    pub exceptions: Vec<Exception>,
}

impl LadderData {
    /// Every rung `login` holds, with where and since when (highest first,
    /// then by scope).
    pub fn roles_of(&self, login: &Login) -> Vec<Role> {
        let mut out = Vec::new();
        let mut push = |rung: Rung, scope: &str| {
            out.push(Role {
                rung,
                scope: scope.to_string(),
                since: self.dates.since_in(rung, login, scope),
            });
        };
        for m in self.orgs.iter().flatten() {
            if m.contains(login) {
                push(Rung::Member, &m.org);
            }
        }
        for f in self.owners.iter().flatten() {
            if f.approvers.iter().any(|e| &e.login == login) {
                push(Rung::Approver, &f.path);
            } else if f.reviewers.iter().any(|e| &e.login == login) {
                push(Rung::Reviewer, &f.path);
            }
        }
        for g in self.groups.iter().flatten() {
            if g.chairs.contains(login) || g.tech_leads.contains(login) {
                push(Rung::GroupLead, &g.name);
            }
            for s in &g.subprojects {
                let owner = s.leads.contains(login)
                    || s.approvers.as_ref().is_ok_and(|a| a.contains(login));
                if owner {
                    push(Rung::SubprojectOwner, &format!("{}/{}", g.name, s.name));
                }
            }
        }
        out.sort_by(|a, b| b.rung.cmp(&a.rung).then_with(|| a.scope.cmp(&b.scope)));
        out.dedup();
        out
    }

    /// `login`'s activity, or why there is none.
    pub fn activity_of(&self, login: &Login) -> Result<PersonActivity, String> {
        match &self.activity {
            None => Err(ladder::NO_ACTIVITY.to_string()),
            Some(data) => PersonActivity::from_data(data, login),
        }
    }

    /// What the data says about a would-be sponsor.
    pub fn sponsor_facts(&self, login: &Login) -> SponsorFacts {
        let owners_roles = self.owners.as_ref().and_then(|files| {
            let roles: Vec<OwnersRole> = files
                .iter()
                .filter_map(|f| {
                    let approver = f.approvers.iter().any(|e| &e.login == login);
                    (approver || f.reviewers.iter().any(|e| &e.login == login)).then(|| {
                        OwnersRole {
                            path: f.path.clone(),
                            approver,
                        }
                    })
                })
                .collect();
            // The files known are not every OWNERS file of the orgs: finding
            // none proves nothing.
            (!roles.is_empty()).then_some(roles)
        });
        SponsorFacts {
            login: login.clone(),
            orgs: self.orgs_of(login),
            owners_roles,
            company: self.companies.get(login).cloned(),
        }
    }

    /// The orgs `login` belongs to, or `None` without membership data.
    pub fn orgs_of(&self, login: &Login) -> Option<Vec<String>> {
        self.orgs.as_ref().map(|orgs| {
            orgs.iter()
                .filter(|m| m.contains(login))
                .map(|m| m.org.clone())
                .collect()
        })
    }

    /// Where `login` stands and what the next rung needs. `sponsors` and
    /// `target_orgs` matter for the member rung only (default target: the
    /// main org).
    pub fn progress(
        &self,
        login: &Login,
        sponsors: &[Login],
        target_orgs: &[String],
        t: &Thresholds,
    ) -> Progress {
        let target_orgs = if target_orgs.is_empty() {
            vec![self.main_org.clone()]
        } else {
            target_orgs.to_vec()
        };
        let input = LadderInput {
            login: login.clone(),
            roles: self.roles_of(login),
            activity: self.activity_of(login),
            sponsors: sponsors.iter().map(|s| self.sponsor_facts(s)).collect(),
            target_orgs,
            main_org: self.main_org.clone(),
            now: self.now,
        };
        ladder::progress(&input, t)
    }

    /// Every community audit over this data.
    pub fn audit(&self, thresholds: AuditThresholds) -> Vec<Finding> {
        audit::audit(&AuditInput {
            now: self.now,
            orgs: self.orgs.as_deref(),
            activity: self.activity.as_ref(),
            owners: self.owners.as_deref(),
            groups: self.groups.as_deref(),
            exceptions: &self.exceptions,
            thresholds,
        })
    }

    /// Every login the data names (org lists, OWNERS entries, group and
    /// subproject leads), sorted: whom "did you mean" suggestions draw from.
    pub fn known_logins(&self) -> Vec<Login> {
        let mut all: Vec<Login> = Vec::new();
        for m in self.orgs.iter().flatten() {
            all.extend(m.people.iter().map(|(l, _)| l.clone()));
        }
        for f in self.owners.iter().flatten() {
            all.extend(
                f.reviewers
                    .iter()
                    .chain(&f.approvers)
                    .map(|e| e.login.clone()),
            );
        }
        for g in self.groups.iter().flatten() {
            all.extend(g.chairs.iter().chain(&g.tech_leads).cloned());
            for s in &g.subprojects {
                all.extend(s.leads.iter().cloned());
            }
        }
        if let Some(a) = &self.activity {
            all.extend(a.people.keys().cloned());
        }
        all.sort();
        all.dedup();
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{GroupKind, Subproject};
    use crate::org::{OwnersEntry, OwnersScope, Pos};
    use jiff::civil::date;

    fn l(s: &str) -> Login {
        Login::new(s)
    }

    fn entry(s: &str) -> OwnersEntry {
        OwnersEntry {
            login: l(s),
            pos: Pos::new(2, 3),
            alias: None,
        }
    }

    fn data() -> LadderData {
        let mut dates = RoleDates::default();
        dates.insert(Rung::Member, l("rev"), date(2024, 1, 1));
        dates.insert(Rung::Reviewer, l("rev"), date(2025, 1, 1));
        LadderData {
            now: date(2026, 8, 21),
            main_org: "kubernetes".into(),
            orgs: Some(vec![Membership {
                org: "kubernetes".into(),
                file: "config/kubernetes/org.yaml".into(),
                people: ["rev", "lead", "owner"]
                    .iter()
                    .map(|p| (l(p), Pos::new(3, 3)))
                    .collect(),
            }]),
            owners: Some(vec![OwnersFile {
                path: "k/k/pkg/kubelet/OWNERS".into(),
                scope: OwnersScope::Other,
                reviewers: vec![entry("rev"), entry("owner")],
                approvers: vec![entry("owner")],
            }]),
            groups: Some(vec![Group {
                name: "sig-node".into(),
                kind: GroupKind::Sig,
                file: "sigs.yaml".into(),
                pos: Pos::new(1, 3),
                chairs: vec![l("lead")],
                tech_leads: vec![],
                meetings: vec![],
                subprojects: vec![Subproject {
                    name: "kubelet".into(),
                    pos: Pos::new(9, 5),
                    leads: vec![],
                    approvers: Ok(vec![l("owner")]),
                }],
            }]),
            activity: None,
            dates,
            companies: BTreeMap::from([(l("owner"), "Acme".to_string())]),
            exceptions: vec![],
        }
    }

    #[test]
    fn rungs_from_every_source() {
        let d = data();
        let rungs = |who: &str| -> Vec<(Rung, String, Option<Date>)> {
            d.roles_of(&l(who))
                .into_iter()
                .map(|r| (r.rung, r.scope, r.since))
                .collect()
        };
        assert_eq!(
            rungs("owner"),
            [
                (Rung::SubprojectOwner, "sig-node/kubelet".to_string(), None),
                (Rung::Approver, "k/k/pkg/kubelet/OWNERS".to_string(), None),
                (Rung::Member, "kubernetes".to_string(), None),
            ],
            "an approver listed as reviewer too holds the higher role once"
        );
        assert_eq!(
            rungs("REV"),
            [
                (
                    Rung::Reviewer,
                    "k/k/pkg/kubelet/OWNERS".to_string(),
                    Some(date(2025, 1, 1))
                ),
                (
                    Rung::Member,
                    "kubernetes".to_string(),
                    Some(date(2024, 1, 1))
                ),
            ]
        );
        assert_eq!(rungs("lead")[0].0, Rung::GroupLead);
        assert!(rungs("stranger").is_empty());
    }

    #[test]
    fn progress_and_sponsors_use_the_data() {
        let d = data();
        let p = d.progress(&l("rev"), &[], &[], &Thresholds::default());
        assert_eq!((p.highest, p.next), (Rung::Reviewer, Some(Rung::Approver)));
        assert_eq!(p.requirements[0].id, "approver/reviewer-tenure");
        assert_eq!(p.requirements[0].status, ladder::Status::Met);
        assert_eq!(p.requirements[1].evidence, ladder::NO_ACTIVITY);

        let s = d.sponsor_facts(&l("owner"));
        assert_eq!(s.orgs.as_deref(), Some(&["kubernetes".to_string()][..]));
        assert_eq!(s.company.as_deref(), Some("Acme"));
        assert!(s.owners_roles.as_ref().is_some_and(|r| r[0].approver));
        assert_eq!(
            d.sponsor_facts(&l("lead")).owners_roles,
            None,
            "none found is unknown"
        );
        let mut none = d.clone();
        none.orgs = None;
        assert_eq!(none.orgs_of(&l("rev")), None);
        assert_eq!(d.known_logins(), [l("lead"), l("owner"), l("rev")]);
    }
}
