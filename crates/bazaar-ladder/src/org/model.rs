//! The peribolos org model: what `config/<org>/org.yaml` and its merged
//! `teams.yaml` files say, with the place every value was written.
//!
//! Field names follow peribolos' `org.Config` / `org.Team` / `org.Repo` at the
//! prow version kubernetes/org pins. Values whose spelling matters to a check
//! (logins, team names, privacy, permissions) keep their source position;
//! enumerations are kept as written and interpreted by accessors, so a bad
//! value becomes a located finding instead of a failed load.

use bazaar_core::Login;

/// A position in a source file (1-based; 0 means "not known").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub const UNKNOWN: Pos = Pos { line: 0, col: 0 };

    pub fn new(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }
}

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> At<T> {
    pub fn new(value: T, pos: Pos) -> At<T> {
        At { value, pos }
    }
}

/// One login in a list (`admins`, `members`, `maintainers`, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoginEntry {
    /// Compared case-insensitively; displays as written.
    pub login: Login,
    /// The scalar exactly as written (may carry a leading `@` or spaces).
    pub raw: String,
    pub pos: Pos,
    /// Written in quotes. Matters because peribolos decodes through JSON: an
    /// unquoted `12345` or `yes` becomes a number or boolean and fails to
    /// decode into a login.
    pub quoted: bool,
}

/// Team visibility (`privacy`). Any other value fails peribolos' parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Privacy {
    /// Visible to every org member. kubernetes/org requires it on every team.
    Closed,
    /// Visible to team members only.
    Secret,
}

impl Privacy {
    pub fn parse(s: &str) -> Option<Privacy> {
        match s {
            "closed" => Some(Privacy::Closed),
            "secret" => Some(Privacy::Secret),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Privacy::Closed => "closed",
            Privacy::Secret => "secret",
        }
    }
}

/// A team's (or the org default) permission on a repository
/// (`github.RepoPermissionLevel`). Any other value fails peribolos' parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RepoPermission {
    None,
    Read,
    Triage,
    Write,
    Maintain,
    Admin,
}

impl RepoPermission {
    /// Every value, weakest first.
    pub const ALL: [RepoPermission; 6] = [
        RepoPermission::None,
        RepoPermission::Read,
        RepoPermission::Triage,
        RepoPermission::Write,
        RepoPermission::Maintain,
        RepoPermission::Admin,
    ];

    pub fn parse(s: &str) -> Option<RepoPermission> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RepoPermission::None => "none",
            RepoPermission::Read => "read",
            RepoPermission::Triage => "triage",
            RepoPermission::Write => "write",
            RepoPermission::Maintain => "maintain",
            RepoPermission::Admin => "admin",
        }
    }
}

/// Org settings (`org.Metadata`), each with where it was set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrgMetadata {
    pub billing_email: Option<At<String>>,
    pub company: Option<At<String>>,
    pub email: Option<At<String>>,
    /// Display name, e.g. "Kubernetes SIGs".
    pub name: Option<At<String>>,
    pub description: Option<At<String>>,
    pub location: Option<At<String>>,
    pub has_organization_projects: Option<At<bool>>,
    pub has_repository_projects: Option<At<bool>>,
    /// As written; see [`OrgMetadata::default_repository_permission`].
    pub default_repository_permission: Option<At<String>>,
    pub members_can_create_repositories: Option<At<bool>>,
}

impl OrgMetadata {
    /// `default_repository_permission` when it is set to a valid level.
    pub fn default_repository_permission(&self) -> Option<RepoPermission> {
        self.default_repository_permission
            .as_ref()
            .and_then(|p| RepoPermission::parse(&p.value))
    }

    /// The keys that are set, with their positions (for "this key is ignored" findings).
    pub fn keys_set(&self) -> Vec<(&'static str, Pos)> {
        let s = |k: &'static str, v: &Option<At<String>>| v.as_ref().map(|a| (k, a.pos));
        let b = |k: &'static str, v: &Option<At<bool>>| v.as_ref().map(|a| (k, a.pos));
        [
            s("billing_email", &self.billing_email),
            s("company", &self.company),
            s("email", &self.email),
            s("name", &self.name),
            s("description", &self.description),
            s("location", &self.location),
            b("has_organization_projects", &self.has_organization_projects),
            b("has_repository_projects", &self.has_repository_projects),
            s(
                "default_repository_permission",
                &self.default_repository_permission,
            ),
            b(
                "members_can_create_repositories",
                &self.members_can_create_repositories,
            ),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// A team's permission on one repository of the same org (`team.repos`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamRepo {
    pub repo: At<String>,
    /// As written; see [`TeamRepo::permission`].
    pub permission: At<String>,
}

impl TeamRepo {
    pub fn permission(&self) -> Option<RepoPermission> {
        RepoPermission::parse(&self.permission.value)
    }
}

/// A team (`org.Team`), possibly nested under another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Team {
    /// The key in the `teams` map; may contain `/` and `.`.
    pub name: String,
    /// Where the name (the map key) is written.
    pub pos: Pos,
    /// The file that defines it (display path).
    pub file: String,
    pub description: Option<At<String>>,
    /// As written; see [`Team::privacy`].
    pub privacy: Option<At<String>>,
    pub maintainers: Vec<LoginEntry>,
    pub members: Vec<LoginEntry>,
    /// Nested child teams (key `teams`).
    pub children: Vec<Team>,
    /// Former names, so peribolos renames the team instead of recreating it.
    pub previously: Vec<At<String>>,
    pub repos: Vec<TeamRepo>,
}

impl Team {
    /// The privacy when set to a valid value.
    pub fn privacy(&self) -> Option<Privacy> {
        self.privacy.as_ref().and_then(|p| Privacy::parse(&p.value))
    }

    /// This team and every descendant, parents before children.
    pub fn walk(&self) -> Vec<&Team> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.walk());
        }
        out
    }
}

/// Options applied only when peribolos creates a repository (`on_create`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RepoCreateOptions {
    pub auto_init: Option<bool>,
    pub gitignore_template: Option<String>,
    pub license_template: Option<String>,
}

/// An org-level repository declaration (`org.Repo`). The kubernetes orgs do
/// not use it, but peribolos accepts it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repo {
    pub name: String,
    pub pos: Pos,
    pub description: Option<String>,
    pub homepage: Option<String>,
    pub private: Option<bool>,
    pub has_issues: Option<bool>,
    pub has_projects: Option<bool>,
    pub has_wiki: Option<bool>,
    pub allow_squash_merge: Option<bool>,
    pub allow_merge_commit: Option<bool>,
    pub allow_rebase_merge: Option<bool>,
    pub squash_merge_commit_title: Option<String>,
    pub squash_merge_commit_message: Option<String>,
    pub default_branch: Option<String>,
    pub archived: Option<bool>,
    pub previously: Vec<At<String>>,
    pub on_create: Option<RepoCreateOptions>,
}

/// One decoded `org.yaml` or `teams.yaml` (both are `org.Config`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrgFile {
    pub metadata: OrgMetadata,
    /// Position of the `admins` list, when present.
    pub admins_pos: Option<Pos>,
    pub admins: Vec<LoginEntry>,
    /// Position of the `members` list, when present.
    pub members_pos: Option<Pos>,
    pub members: Vec<LoginEntry>,
    /// Top-level teams in file order.
    pub teams: Vec<Team>,
    /// Position of the `repos` map, when present.
    pub repos_pos: Option<Pos>,
    pub repos: Vec<Repo>,
    /// Block-style top-level keys and where they start.
    pub top_keys: Vec<(String, Pos)>,
}

/// A `teams.yaml` merged into an org, and the keys the merge ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamsFile {
    /// Display path.
    pub file: String,
    /// The team directory's name (a grouping label such as `sig-node`).
    pub dir: String,
    /// Keys other than `teams` that are set; the merge drops them.
    pub ignored_keys: Vec<(&'static str, Pos)>,
}

/// One GitHub organization after merging, as peribolos sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Org {
    /// The org's key: its directory name under `config/`.
    pub name: String,
    /// Display path of its `org.yaml`.
    pub file: String,
    pub metadata: OrgMetadata,
    pub admins_pos: Option<Pos>,
    pub admins: Vec<LoginEntry>,
    pub members_pos: Option<Pos>,
    pub members: Vec<LoginEntry>,
    /// Every top-level team definition in merge order: `org.yaml` first, then
    /// each `teams.yaml` in lexical directory order. A name defined twice
    /// appears twice here; [`Org::effective_teams`] applies "last writer wins".
    pub teams: Vec<Team>,
    pub repos: Vec<Repo>,
    /// The `teams.yaml` files merged in, in merge order.
    pub teams_files: Vec<TeamsFile>,
}

impl Org {
    /// Build an org from its decoded `org.yaml`.
    pub fn from_file(name: &str, file: &str, parsed: OrgFile) -> Org {
        Org {
            name: name.to_string(),
            file: file.to_string(),
            metadata: parsed.metadata,
            admins_pos: parsed.admins_pos,
            admins: parsed.admins,
            members_pos: parsed.members_pos,
            members: parsed.members,
            teams: parsed.teams,
            repos: parsed.repos,
            teams_files: Vec::new(),
        }
    }

    /// Merge one `teams.yaml` (as `cmd/merge --merge-teams` does: only its
    /// `teams` are taken; everything else in it is ignored).
    pub fn merge_teams_file(&mut self, file: &str, dir: &str, parsed: OrgFile) {
        let mut ignored = parsed.metadata.keys_set();
        // Point at the key rather than its value when the key was found.
        for (key, pos) in &mut ignored {
            if let Some((_, p)) = parsed.top_keys.iter().find(|(k, _)| k == key) {
                *pos = *p;
            }
        }
        let lists = [
            ("admins", parsed.admins_pos),
            ("members", parsed.members_pos),
            ("repos", parsed.repos_pos),
        ];
        ignored.extend(lists.into_iter().filter_map(|(k, p)| p.map(|p| (k, p))));
        ignored.sort_by_key(|&(_, p)| p);
        self.teams_files.push(TeamsFile {
            file: file.to_string(),
            dir: dir.to_string(),
            ignored_keys: ignored,
        });
        self.teams.extend(parsed.teams);
    }

    /// The display name (`name:`), or the org key when unset.
    pub fn display_name(&self) -> &str {
        self.metadata
            .name
            .as_ref()
            .map_or(self.name.as_str(), |n| n.value.as_str())
    }

    /// Is `login` an admin of this org?
    pub fn is_admin(&self, login: &Login) -> bool {
        self.admins.iter().any(|e| &e.login == login)
    }

    /// Is `login` an admin or member of this org?
    pub fn is_member(&self, login: &Login) -> bool {
        self.is_admin(login) || self.members.iter().any(|e| &e.login == login)
    }

    /// Normalised logins of every admin and member, for repeated lookups.
    pub fn member_set(&self) -> std::collections::HashSet<&str> {
        self.admins
            .iter()
            .chain(&self.members)
            .map(|e| e.login.normalized())
            .collect()
    }

    /// The merged team map: for each top-level name, the last definition wins
    /// (peribolos' merge semantics), in name order.
    pub fn effective_teams(&self) -> Vec<&Team> {
        let mut by_name: std::collections::BTreeMap<&str, &Team> = Default::default();
        for t in &self.teams {
            by_name.insert(t.name.as_str(), t);
        }
        by_name.into_values().collect()
    }

    /// Every team definition at every depth, parents before children.
    pub fn all_teams(&self) -> Vec<&Team> {
        self.teams.iter().flat_map(Team::walk).collect()
    }
}
