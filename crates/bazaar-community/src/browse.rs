//! Looking things up in a registry: a group by any of its names, and every
//! role a person holds. Pure functions over a [`Community`].

use bazaar_core::Login;

use crate::model::{Community, Group, GroupKind, LeadRole, Person};
use crate::suggest;

/// A group name that matched nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no group named `{query}`{}", suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
pub struct GroupNotFound {
    pub query: String,
    /// The closest `dir`, when one is close enough.
    pub suggestion: Option<String>,
}

/// Find a group by `dir`, `label` or `name`, case-insensitively
/// (`sig-apps`, `apps` and `Apps` all find SIG Apps). A `dir` match wins over
/// a label or name match (`storage` is SIG Storage's label; no WG shadows it).
pub fn find_group<'a>(c: &'a Community, query: &str) -> Result<&'a Group, GroupNotFound> {
    let q = query.trim();
    let eq = |a: &str| a.eq_ignore_ascii_case(q) || a.to_lowercase() == q.to_lowercase();
    if let Some(g) = c.groups().find(|g| eq(&g.dir)) {
        return Ok(g);
    }
    // SIGs first: `batch` is the WG's label, `network` the SIG's.
    if let Some(g) = c.groups().find(|g| eq(&g.label) || eq(&g.name)) {
        return Ok(g);
    }
    let candidates = c
        .groups()
        .flat_map(|g| [g.dir.as_str(), g.label.as_str(), g.name.as_str()]);
    let suggestion = suggest::closest(q, candidates).and_then(|best| {
        c.groups()
            .find(|g| g.dir == best || g.label == best || g.name == best)
            .map(|g| g.dir.clone())
    });
    Err(GroupNotFound {
        query: q.to_string(),
        suggestion,
    })
}

/// What a person is, somewhere in the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoleKind {
    /// `leadership.chairs`: a SIG chair, a WG organizer or a committee member.
    Chair,
    TechLead,
    /// `leadership.emeritus_leads`.
    Emeritus,
    /// `subprojects[].leads`.
    SubprojectLead,
    /// `contact.liaison` of a group (a Steering Committee member).
    Liaison,
    /// `gb_rep`.
    GbRep,
}

impl RoleKind {
    /// A stable machine name (`chair`, `tech_lead`, ...), used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RoleKind::Chair => "chair",
            RoleKind::TechLead => "tech_lead",
            RoleKind::Emeritus => "emeritus",
            RoleKind::SubprojectLead => "subproject_lead",
            RoleKind::Liaison => "liaison",
            RoleKind::GbRep => "gb_rep",
        }
    }

    /// How the group's own docs call the role: a WG's chairs are its
    /// *organizers*, a committee's chairs its *members*.
    pub fn title(self, kind: Option<GroupKind>) -> &'static str {
        match (self, kind) {
            (RoleKind::Chair, Some(GroupKind::WorkingGroup | GroupKind::UserGroup)) => "organizer",
            (RoleKind::Chair, Some(GroupKind::Committee)) => "member",
            (RoleKind::Chair, _) => "chair",
            (RoleKind::TechLead, _) => "tech lead",
            (RoleKind::Emeritus, Some(GroupKind::WorkingGroup | GroupKind::UserGroup)) => {
                "emeritus organizer"
            }
            (RoleKind::Emeritus, Some(GroupKind::Committee)) => "emeritus member",
            (RoleKind::Emeritus, _) => "emeritus lead",
            (RoleKind::SubprojectLead, _) => "subproject lead",
            (RoleKind::Liaison, _) => "steering liaison",
            (RoleKind::GbRep, _) => "CNCF GB representative",
        }
    }
}

/// One role a person holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role<'a> {
    pub kind: RoleKind,
    /// The group the role is in; `None` for the GB representative.
    pub group: Option<&'a Group>,
    /// The subproject, for subproject leads.
    pub subproject: Option<&'a str>,
    /// The entry as written (name, company, email of that entry).
    pub person: &'a Person,
}

/// Every role `login` holds (compared case-insensitively, as GitHub does),
/// in registry order: GB rep, then group by group.
pub fn roles<'a>(c: &'a Community, login: &str) -> Vec<Role<'a>> {
    let who = Login::new(login);
    let is = |p: &Person| !p.github.is_empty() && Login::new(&p.github) == who;
    let mut out = Vec::new();
    if is(&c.gb_rep) {
        out.push(Role {
            kind: RoleKind::GbRep,
            group: None,
            subproject: None,
            person: &c.gb_rep,
        });
    }
    for g in c.groups() {
        for (role, people) in g.leadership.by_role() {
            let kind = match role {
                LeadRole::Chair => RoleKind::Chair,
                LeadRole::TechLead => RoleKind::TechLead,
                LeadRole::EmeritusLead => RoleKind::Emeritus,
            };
            for p in people.iter().filter(|p| is(p)) {
                out.push(Role {
                    kind,
                    group: Some(g),
                    subproject: None,
                    person: p,
                });
            }
        }
        for s in &g.subprojects {
            for p in s.leads.iter().filter(|p| is(p)) {
                out.push(Role {
                    kind: RoleKind::SubprojectLead,
                    group: Some(g),
                    subproject: Some(&s.name),
                    person: p,
                });
            }
        }
        if is(&g.contact.liaison) {
            out.push(Role {
                kind: RoleKind::Liaison,
                group: Some(g),
                subproject: None,
                person: &g.contact.liaison,
            });
        }
    }
    out
}

/// Every login that appears anywhere in the registry (people entries only).
pub fn all_logins(c: &Community) -> Vec<&str> {
    let mut v: Vec<&str> = std::iter::once(&c.gb_rep)
        .chain(c.groups().flat_map(|g| {
            g.leadership
                .chairs
                .iter()
                .chain(&g.leadership.tech_leads)
                .chain(&g.leadership.emeritus_leads)
                .chain(g.subprojects.iter().flat_map(|s| &s.leads))
                .chain(std::iter::once(&g.contact.liaison))
        }))
        .map(|p| p.github.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The closest known login to `login`, for "did you mean" messages.
pub fn suggest_login<'a>(c: &'a Community, login: &str) -> Option<&'a str> {
    suggest::closest(login, all_logins(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;

    fn community() -> Community {
        parse(
            include_str!("../tests/fixtures/rules/valid/sigs.yaml"),
            None,
        )
        .expect("decodes")
    }

    #[test]
    fn groups_are_found_by_dir_label_or_name() {
        let c = community();
        for q in ["sig-apps", "apps", "Apps", "APPS", " sig-Apps "] {
            assert_eq!(
                find_group(&c, q).map(|g| g.dir.as_str()),
                Ok("sig-apps"),
                "{q}"
            );
        }
        assert_eq!(
            find_group(&c, "Steering").map(|g| g.dir.as_str()),
            Ok("committee-steering")
        );
        let err = find_group(&c, "sig-nodes").expect_err("unknown");
        assert_eq!(err.suggestion.as_deref(), Some("sig-node"));
        assert_eq!(
            err.to_string(),
            "no group named `sig-nodes` (did you mean `sig-node`?)"
        );
        assert_eq!(
            find_group(&c, "zzzz").expect_err("unknown").suggestion,
            None
        );
    }

    #[test]
    fn roles_cover_every_kind_case_insensitively() {
        let c = community();
        let r = roles(&c, "BOB");
        let kinds: Vec<_> = r
            .iter()
            .map(|r| (r.kind, r.group.map(|g| g.dir.as_str())))
            .collect();
        assert_eq!(
            kinds,
            [
                (RoleKind::TechLead, Some("sig-apps")),
                (RoleKind::Chair, Some("sig-node")),
            ]
        );
        let sam: Vec<_> = roles(&c, "sam").iter().map(|r| r.kind).collect();
        assert_eq!(sam, [RoleKind::Liaison, RoleKind::Liaison, RoleKind::Chair]);
        assert_eq!(roles(&c, "gina")[0].kind, RoleKind::GbRep);
        assert_eq!(
            roles(&c, "olga")[0].kind.title(Some(GroupKind::Sig)),
            "emeritus lead"
        );
        assert!(roles(&c, "nobody").is_empty());
        assert_eq!(suggest_login(&c, "alicee"), Some("alice"));
    }
}
