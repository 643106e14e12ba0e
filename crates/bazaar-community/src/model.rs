//! The `sigs.yaml` model (spec §1), plus what bazaar derives from it.
//!
//! Field order in every struct is the emit order of the upstream Go structs, and
//! every field holds the raw text yaml.v3 would put in a Go string (null reads as
//! `""`). Each entity remembers where it was defined ([`Loc`]) so that rules can
//! report `sigs.yaml:LINE:COL`.
//!
//! A [`Community`] returned by the loader is already *completed* (reporting WGs
//! derived) and *sorted*, exactly as the upstream generator does before it
//! validates and writes anything (spec §2.3).

use std::fmt;

/// A position in the source file: 1-based line and column; 0 when unknown
/// (e.g. for values built in code rather than read from a file).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
}

impl Loc {
    pub const UNKNOWN: Loc = Loc { line: 0, col: 0 };

    pub fn new(line: u32, col: u32) -> Loc {
        Loc { line, col }
    }

    /// This location, or `fallback` when this one is unknown.
    pub fn or(self, fallback: Loc) -> Loc {
        if self.line == 0 { fallback } else { self }
    }
}

/// The four kinds of group `sigs.yaml` lists, in the order the file lists them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKind {
    #[default]
    Sig,
    WorkingGroup,
    UserGroup,
    Committee,
}

impl GroupKind {
    /// Every kind, in file order.
    pub const ALL: [GroupKind; 4] = [
        GroupKind::Sig,
        GroupKind::WorkingGroup,
        GroupKind::UserGroup,
        GroupKind::Committee,
    ];

    /// The directory prefix upstream uses (`sig`, `wg`, `ug`, `committee`).
    pub fn prefix(self) -> &'static str {
        match self {
            GroupKind::Sig => "sig",
            GroupKind::WorkingGroup => "wg",
            GroupKind::UserGroup => "ug",
            GroupKind::Committee => "committee",
        }
    }

    /// The top-level `sigs.yaml` key holding groups of this kind.
    pub fn yaml_key(self) -> &'static str {
        match self {
            GroupKind::Sig => "sigs",
            GroupKind::WorkingGroup => "workinggroups",
            GroupKind::UserGroup => "usergroups",
            GroupKind::Committee => "committees",
        }
    }

    /// A short human name: `SIG`, `WG`, `UG`, `Committee`.
    pub fn title(self) -> &'static str {
        match self {
            GroupKind::Sig => "SIG",
            GroupKind::WorkingGroup => "WG",
            GroupKind::UserGroup => "UG",
            GroupKind::Committee => "Committee",
        }
    }
}

impl fmt::Display for GroupKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.prefix())
    }
}

/// The whole registry (upstream's `Context`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Community {
    pub sigs: Vec<Group>,
    pub working_groups: Vec<Group>,
    pub user_groups: Vec<Group>,
    pub committees: Vec<Group>,
    /// CNCF Governing Board representative; all fields empty when absent.
    pub gb_rep: Person,
    /// `categories.yaml`, when the community has one (not part of `sigs.yaml`).
    pub categories: Option<Categories>,
}

impl Community {
    /// The groups of one kind.
    pub fn groups_of(&self, kind: GroupKind) -> &[Group] {
        match kind {
            GroupKind::Sig => &self.sigs,
            GroupKind::WorkingGroup => &self.working_groups,
            GroupKind::UserGroup => &self.user_groups,
            GroupKind::Committee => &self.committees,
        }
    }

    /// The groups of one kind, for editing (re-`sort` before writing).
    pub fn groups_of_mut(&mut self, kind: GroupKind) -> &mut Vec<Group> {
        match kind {
            GroupKind::Sig => &mut self.sigs,
            GroupKind::WorkingGroup => &mut self.working_groups,
            GroupKind::UserGroup => &mut self.user_groups,
            GroupKind::Committee => &mut self.committees,
        }
    }

    /// Every group: SIGs, then WGs, UGs and committees, each in list order.
    pub fn groups(&self) -> impl Iterator<Item = &Group> {
        GroupKind::ALL
            .into_iter()
            .flat_map(move |k| self.groups_of(k).iter())
    }

    /// The group whose `dir` is `dir` (exact match).
    pub fn group_by_dir(&self, dir: &str) -> Option<&Group> {
        self.groups().find(|g| g.dir == dir)
    }

    /// The SIG whose `name` is exactly `name` (how `stakeholder_sigs` refer to SIGs).
    pub fn sig_by_name(&self, name: &str) -> Option<&Group> {
        self.sigs.iter().find(|g| g.name == name)
    }

    /// Upstream `Complete()`: derive each SIG's `reporting_wgs` from the WGs'
    /// `stakeholder_sigs` (exact name match). Idempotent.
    pub fn complete(&mut self) {
        for sig in &mut self.sigs {
            sig.reporting_wgs.clear();
        }
        let pairs: Vec<(String, String)> = self
            .working_groups
            .iter()
            .flat_map(|wg| {
                wg.stakeholder_sigs
                    .iter()
                    .map(move |s| (s.clone(), wg.name.clone()))
            })
            .collect();
        for (sig_name, wg_name) in pairs {
            if let Some(sig) = self.sigs.iter_mut().find(|s| s.name == sig_name) {
                sig.reporting_wgs.push(wg_name);
            }
        }
    }

    /// Upstream `Sort()`: every list in bytewise order of its key (spec §2.3).
    /// Stable, so entries with equal keys keep file order (Go's sort agrees
    /// whenever keys are unique, which `community/duplicate-sort-key` checks).
    pub fn sort(&mut self) {
        for kind in GroupKind::ALL {
            let groups = self.groups_of_mut(kind);
            groups.sort_by(|a, b| a.dir.cmp(&b.dir));
            for g in groups.iter_mut() {
                g.sort();
            }
        }
    }
}

/// A SIG, working group, user group or committee (upstream's `Group`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    /// Which list the group is in (not a `sigs.yaml` field).
    pub kind: GroupKind,
    pub dir: String,
    /// Never present in real files; kept so a file that has it round-trips.
    pub prefix: String,
    pub name: String,
    /// Ends with `\n` when written as a folded block, as upstream's always are.
    pub mission_statement: String,
    pub charter_link: String,
    /// WGs only: the `name`s of the SIGs sponsoring the WG.
    pub stakeholder_sigs: Vec<String>,
    pub label: String,
    pub leadership: Leadership,
    pub meetings: Vec<Meeting>,
    pub contact: Contact,
    pub subprojects: Vec<Subproject>,
    /// SIGs only, derived by [`Community::complete`]: names of the WGs that
    /// list this SIG as a stakeholder.
    pub reporting_wgs: Vec<String>,
    /// From `categories.yaml` when present (not a `sigs.yaml` field).
    pub category: Option<Category>,
    /// Where the group and some of its fields were defined.
    pub at: GroupLocs,
}

/// Source positions of a group and of the fields rules point at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupLocs {
    pub group: Loc,
    pub dir: Loc,
    pub name: Loc,
    pub label: Loc,
    pub stakeholder_sigs: Loc,
    /// One per entry of `stakeholder_sigs`, in the same order.
    pub stakeholder_sig_items: Vec<Loc>,
    pub subprojects: Loc,
}

impl Group {
    /// Upstream `DirName(prefix, name)`: `prefix-` + lowercase name with spaces as `-`.
    pub fn expected_dir(&self) -> String {
        dir_name(self.kind.prefix(), &self.name)
    }

    /// Upstream `LabelName`: the expected dir without its first `prefix-`.
    pub fn expected_label(&self) -> String {
        let dir = self.expected_dir();
        let prefix = format!("{}-", self.kind.prefix());
        dir.replacen(&prefix, "", 1)
    }

    /// Upstream `Owners()`: chairs then tech leads, bytewise by `github`,
    /// first occurrence of each login kept (the OWNERS_ALIASES membership).
    pub fn owners(&self) -> Vec<&Person> {
        let mut all: Vec<&Person> = self
            .leadership
            .chairs
            .iter()
            .chain(&self.leadership.tech_leads)
            .collect();
        all.sort_by(|a, b| a.github.cmp(&b.github));
        let mut out: Vec<&Person> = Vec::with_capacity(all.len());
        for p in all {
            if !out.iter().any(|q| q.github == p.github) {
                out.push(p);
            }
        }
        out
    }

    fn sort(&mut self) {
        sort_with_locs(
            &mut self.stakeholder_sigs,
            &mut self.at.stakeholder_sig_items,
        );
        self.reporting_wgs.sort();
        self.leadership.sort();
        self.meetings
            .sort_by(|a, b| a.description.cmp(&b.description));
        self.contact.sort();
        self.subprojects.sort_by(|a, b| a.name.cmp(&b.name));
        for sp in &mut self.subprojects {
            sp.sort();
        }
    }
}

/// Upstream `DirName`: `prefix + "-" + lowercase(name, " " → "-")`.
pub fn dir_name(prefix: &str, name: &str) -> String {
    format!("{prefix}-{}", name.replace(' ', "-").to_lowercase())
}

/// Sort `values` bytewise, carrying each value's location along.
fn sort_with_locs(values: &mut Vec<String>, locs: &mut Vec<Loc>) {
    if locs.len() != values.len() {
        locs.resize(values.len(), Loc::UNKNOWN);
    }
    let mut pairs: Vec<(String, Loc)> = values.drain(..).zip(locs.drain(..)).collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    for (v, l) in pairs {
        values.push(v);
        locs.push(l);
    }
}

/// `leadership`: chairs (committee *members*, WG *organizers*), tech leads, emeritus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Leadership {
    pub chairs: Vec<Person>,
    pub tech_leads: Vec<Person>,
    pub emeritus_leads: Vec<Person>,
}

impl Leadership {
    fn sort(&mut self) {
        for list in [
            &mut self.chairs,
            &mut self.tech_leads,
            &mut self.emeritus_leads,
        ] {
            list.sort_by(|a, b| a.github.cmp(&b.github));
        }
    }

    /// The three role lists with upstream's role names (`chair`, `tech_lead`, `emeritus_lead`).
    pub fn by_role(&self) -> [(LeadRole, &[Person]); 3] {
        [
            (LeadRole::Chair, &self.chairs),
            (LeadRole::TechLead, &self.tech_leads),
            (LeadRole::EmeritusLead, &self.emeritus_leads),
        ]
    }
}

/// The leadership roles of `sigs.yaml` (upstream `PrefixToPersonMap`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeadRole {
    Chair,
    TechLead,
    EmeritusLead,
}

impl LeadRole {
    /// Upstream's role name as used in validation messages.
    pub fn as_str(self) -> &'static str {
        match self {
            LeadRole::Chair => "chair",
            LeadRole::TechLead => "tech_lead",
            LeadRole::EmeritusLead => "emeritus_lead",
        }
    }
}

/// A person (`github`, `name`, `company`, `email`).
#[derive(Clone, Debug, Default)]
pub struct Person {
    pub github: String,
    pub name: String,
    pub company: String,
    pub email: String,
    pub loc: Loc,
}

impl Person {
    /// True when every field is empty (an omitted `gb_rep` or `liaison`).
    pub fn is_empty(&self) -> bool {
        self.github.is_empty()
            && self.name.is_empty()
            && self.company.is_empty()
            && self.email.is_empty()
    }

    /// Go's `%v` of the struct: `{github name company email}`.
    pub fn go_debug(&self) -> String {
        format!(
            "{{{} {} {} {}}}",
            self.github, self.name, self.company, self.email
        )
    }
}

/// Equality over the four fields; the location is not part of a person.
impl PartialEq for Person {
    fn eq(&self, other: &Self) -> bool {
        self.github == other.github
            && self.name == other.name
            && self.company == other.company
            && self.email == other.email
    }
}
impl Eq for Person {}

/// A recurring meeting. All fields are free text (spec §1.6).
#[derive(Clone, Debug, Default)]
pub struct Meeting {
    pub description: String,
    pub day: String,
    pub time: String,
    pub tz: String,
    pub frequency: String,
    pub url: String,
    pub archive_url: String,
    pub recordings_url: String,
    pub calendar_url: String,
    pub loc: Loc,
}

impl PartialEq for Meeting {
    fn eq(&self, o: &Self) -> bool {
        (
            &self.description,
            &self.day,
            &self.time,
            &self.tz,
            &self.frequency,
            &self.url,
            &self.archive_url,
            &self.recordings_url,
            &self.calendar_url,
        ) == (
            &o.description,
            &o.day,
            &o.time,
            &o.tz,
            &o.frequency,
            &o.url,
            &o.archive_url,
            &o.recordings_url,
            &o.calendar_url,
        )
    }
}
impl Eq for Meeting {}

/// How to reach a group or subproject.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    /// Slack channel name without `#`.
    pub slack: String,
    pub mailing_list: String,
    pub private_mailing_list: String,
    /// YAML key `teams`.
    pub teams: Vec<Team>,
    /// Steering Committee liaison (usually only `github` and `name`).
    pub liaison: Person,
}

impl Contact {
    /// True when nothing is set (written as `contact: {}`).
    pub fn is_empty(&self) -> bool {
        self.slack.is_empty()
            && self.mailing_list.is_empty()
            && self.private_mailing_list.is_empty()
            && self.teams.is_empty()
            && self.liaison.is_empty()
    }

    fn sort(&mut self) {
        self.teams.sort_by(|a, b| a.name.cmp(&b.name));
    }
}

/// A GitHub team (`name`, `description`).
#[derive(Clone, Debug, Default)]
pub struct Team {
    pub name: String,
    pub description: String,
    pub loc: Loc,
}

impl PartialEq for Team {
    fn eq(&self, o: &Self) -> bool {
        self.name == o.name && self.description == o.description
    }
}
impl Eq for Team {}

/// A subproject: a named area of code with OWNERS files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subproject {
    pub name: String,
    pub description: String,
    /// `None` when the key is absent or null (Go's nil pointer).
    pub contact: Option<Contact>,
    /// URLs of OWNERS files; see [`crate::owners_url::OwnersUrl`] for their parts.
    pub owners: Vec<String>,
    pub leads: Vec<Person>,
    pub meetings: Vec<Meeting>,
    pub at: SubprojectLocs,
}

/// Source positions of a subproject and of its owner URLs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubprojectLocs {
    pub subproject: Loc,
    /// One per entry of `owners`, in the same order.
    pub owner_items: Vec<Loc>,
}

impl Subproject {
    fn sort(&mut self) {
        if let Some(c) = &mut self.contact {
            c.sort();
        }
        self.leads.sort_by(|a, b| a.github.cmp(&b.github));
        sort_with_locs(&mut self.owners, &mut self.at.owner_items);
        self.meetings
            .sort_by(|a, b| a.description.cmp(&b.description));
    }
}

/// Where a group sits in the project (the SIG diagram's rows). Not part of
/// `sigs.yaml`: read from `categories.yaml` next to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    pub kind: CategoryKind,
    /// Optional sub-area of a vertical group (e.g. `Resource Management`).
    pub area: String,
    /// How the group relates to other groups (e.g. a WG feeding into another).
    pub related: Vec<Relation>,
}

/// The three rows of the SIG diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CategoryKind {
    /// Project-wide groups (governance, release, testing, infrastructure of the project itself).
    Project,
    /// Cross-cutting concerns used by every feature area.
    Horizontal,
    /// Feature areas.
    Vertical,
}

impl CategoryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CategoryKind::Project => "project",
            CategoryKind::Horizontal => "horizontal",
            CategoryKind::Vertical => "vertical",
        }
    }
}

impl fmt::Display for CategoryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A relation between two groups, e.g. `wg-batch` *feeds into* `wg-ai-integration`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    /// `dir` of the other group.
    pub group: String,
    /// Free text, read as "<this group> <how> <other group>".
    pub how: String,
}

/// `categories.yaml`: each group's place in the project, keyed by `dir`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Categories {
    pub entries: Vec<CategoryEntry>,
}

/// One group's entry in `categories.yaml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryEntry {
    pub dir: String,
    pub category: Category,
    pub loc: Loc,
    /// One per `related` entry, in the same order.
    pub related_locs: Vec<Loc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(gh: &str) -> Person {
        Person {
            github: gh.into(),
            name: gh.to_uppercase(),
            ..Person::default()
        }
    }

    #[test]
    fn dir_and_label_follow_upstream() {
        let g = Group {
            kind: GroupKind::Sig,
            name: "K8s Infra".into(),
            ..Group::default()
        };
        assert_eq!(g.expected_dir(), "sig-k8s-infra");
        assert_eq!(g.expected_label(), "k8s-infra");
        let c = Group {
            kind: GroupKind::Committee,
            name: "Code of Conduct".into(),
            ..Group::default()
        };
        assert_eq!(c.expected_dir(), "committee-code-of-conduct");
        assert_eq!(c.expected_label(), "code-of-conduct");
        assert_eq!(dir_name("sig", "Foo Bar"), "sig-foo-bar");
    }

    #[test]
    fn owners_are_sorted_bytewise_and_deduplicated() {
        let g = Group {
            leadership: Leadership {
                chairs: vec![person("b"), person("PatrickLang")],
                tech_leads: vec![person("a"), person("b")],
                emeritus_leads: vec![person("zz")],
            },
            ..Group::default()
        };
        let owners: Vec<_> = g.owners().iter().map(|p| p.github.as_str()).collect();
        assert_eq!(owners, ["PatrickLang", "a", "b"]);
    }

    #[test]
    fn complete_links_wgs_to_sigs_by_exact_name() {
        let mut c = Community {
            sigs: vec![
                Group {
                    name: "Apps".into(),
                    ..Group::default()
                },
                Group {
                    name: "Node".into(),
                    ..Group::default()
                },
            ],
            working_groups: vec![Group {
                kind: GroupKind::WorkingGroup,
                name: "Batch".into(),
                stakeholder_sigs: vec!["Node".into(), "apps".into()],
                ..Group::default()
            }],
            ..Community::default()
        };
        c.complete();
        c.complete();
        assert!(c.sigs[0].reporting_wgs.is_empty(), "match is exact");
        assert_eq!(c.sigs[1].reporting_wgs, ["Batch"]);
    }

    #[test]
    fn sort_carries_locations_along() {
        let mut g = Group {
            stakeholder_sigs: vec!["b".into(), "a".into()],
            at: GroupLocs {
                stakeholder_sig_items: vec![Loc::new(1, 1), Loc::new(2, 2)],
                ..GroupLocs::default()
            },
            ..Group::default()
        };
        g.sort();
        assert_eq!(g.stakeholder_sigs, ["a", "b"]);
        assert_eq!(g.at.stakeholder_sig_items, [Loc::new(2, 2), Loc::new(1, 1)]);
    }
}
