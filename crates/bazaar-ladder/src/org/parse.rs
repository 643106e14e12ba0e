//! Decoding `org.yaml` / `teams.yaml` text into [`OrgFile`] (pure: text in,
//! model or located error out).
//!
//! Strict like `cmd/merge` (`sigs.k8s.io/yaml` with `DisallowUnknownFields`):
//! an unknown key anywhere fails the file with `yaml/unknown-key` at its
//! line and column. Keys are matched exactly; Go's JSON decoder would also
//! accept a key in another case (see SHORTCOMINGS.md).

use std::fmt;
use std::marker::PhantomData;

use bazaar_core::Login;
use bazaar_core::yaml::{self, YamlError};
use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_saphyr::{Location, Spanned};

use super::model::{
    At, LoginEntry, OrgFile, OrgMetadata, Pos, Repo, RepoCreateOptions, Team, TeamRepo,
};

/// Decode one `org.yaml` or `teams.yaml`. `file` is the display path stored
/// on every team. An empty document (or only comments) is an empty config,
/// as in Go.
pub fn parse_org_file(text: &str, file: &str) -> Result<OrgFile, YamlError> {
    let raw: Option<RawOrg> = yaml::from_str(text)?;
    Ok(raw.map_or_else(OrgFile::default, |r| r.convert(text, file)))
}

pub(crate) fn pos(loc: &Location) -> Pos {
    let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    Pos::new(clamp(loc.line()), clamp(loc.column()))
}

pub(crate) fn at<T>(s: Spanned<T>) -> At<T> {
    At::new(s.value, pos(&s.referenced))
}

/// Was the scalar at `loc` written in quotes? Unknown offsets count as quoted
/// (nothing is reported for them).
fn quoted(text: &str, loc: &Location) -> bool {
    loc.span()
        .byte_offset()
        .and_then(|off| usize::try_from(off).ok())
        .and_then(|off| text.as_bytes().get(off))
        .is_none_or(|b| matches!(b, b'"' | b'\''))
}

fn login_entry(text: &str, s: Spanned<String>) -> LoginEntry {
    LoginEntry {
        login: Login::new(&s.value),
        quoted: quoted(text, &s.referenced),
        pos: pos(&s.referenced),
        raw: s.value,
    }
}

fn logins(text: &str, list: Option<Vec<Spanned<String>>>) -> Vec<LoginEntry> {
    list.unwrap_or_default()
        .into_iter()
        .map(|s| login_entry(text, s))
        .collect()
}

/// A YAML mapping kept in file order with the position of each key.
/// (Duplicate keys are already rejected by the decoder.)
pub(crate) struct Entries<T>(pub(crate) Vec<(Spanned<String>, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(EntriesVisitor(PhantomData))
    }
}

type List = Option<Spanned<Vec<Spanned<String>>>>;

fn list_pos(l: &List) -> Option<Pos> {
    l.as_ref().map(|s| pos(&s.referenced))
}

/// Positions of block-style top-level keys (`key:` starting a line). The
/// decoder locates values, not keys; findings about a whole key read better
/// at the key. Flow-style documents find nothing here and fall back to the
/// value's position.
fn top_level_keys(text: &str) -> Vec<(String, Pos)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let key_len = line
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        if key_len > 0 && line[key_len..].trim_start_matches(' ').starts_with(':') {
            let line_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
            out.push((line[..key_len].to_string(), Pos::new(line_no, 1)));
        }
    }
    out
}

fn list_value(l: List) -> Option<Vec<Spanned<String>>> {
    l.map(|s| s.value)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrg {
    billing_email: Option<Spanned<String>>,
    company: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    name: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
    location: Option<Spanned<String>>,
    has_organization_projects: Option<Spanned<bool>>,
    has_repository_projects: Option<Spanned<bool>>,
    default_repository_permission: Option<Spanned<String>>,
    members_can_create_repositories: Option<Spanned<bool>>,
    admins: List,
    members: List,
    teams: Option<Entries<RawTeam>>,
    repos: Option<Spanned<Entries<RawRepo>>>,
}

impl RawOrg {
    fn convert(self, text: &str, file: &str) -> OrgFile {
        let metadata = OrgMetadata {
            billing_email: self.billing_email.map(at),
            company: self.company.map(at),
            email: self.email.map(at),
            name: self.name.map(at),
            description: self.description.map(at),
            location: self.location.map(at),
            has_organization_projects: self.has_organization_projects.map(at),
            has_repository_projects: self.has_repository_projects.map(at),
            default_repository_permission: self.default_repository_permission.map(at),
            members_can_create_repositories: self.members_can_create_repositories.map(at),
        };
        let top_keys = top_level_keys(text);
        let key_pos = |key: &str, value_pos: Option<Pos>| {
            value_pos.map(|p| {
                top_keys
                    .iter()
                    .find(|(k, _)| k == key)
                    .map_or(p, |&(_, kp)| kp)
            })
        };
        let repos_pos = key_pos("repos", self.repos.as_ref().map(|r| pos(&r.referenced)));
        OrgFile {
            metadata,
            admins_pos: key_pos("admins", list_pos(&self.admins)),
            admins: logins(text, list_value(self.admins)),
            members_pos: key_pos("members", list_pos(&self.members)),
            members: logins(text, list_value(self.members)),
            teams: convert_teams(self.teams, text, file),
            repos_pos,
            repos: self
                .repos
                .map(|r| r.value.0)
                .unwrap_or_default()
                .into_iter()
                .map(|(name, r)| r.convert(name))
                .collect(),
            top_keys,
        }
    }
}

fn convert_teams(teams: Option<Entries<RawTeam>>, text: &str, file: &str) -> Vec<Team> {
    teams
        .map(|e| e.0)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, t)| t.convert(name, text, file))
        .collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTeam {
    description: Option<Spanned<String>>,
    privacy: Option<Spanned<String>>,
    members: Option<Vec<Spanned<String>>>,
    maintainers: Option<Vec<Spanned<String>>>,
    teams: Option<Entries<RawTeam>>,
    previously: Option<Vec<Spanned<String>>>,
    repos: Option<Entries<Spanned<String>>>,
}

impl RawTeam {
    fn convert(self, name: Spanned<String>, text: &str, file: &str) -> Team {
        Team {
            pos: pos(&name.referenced),
            name: name.value,
            file: file.to_string(),
            description: self.description.map(at),
            privacy: self.privacy.map(at),
            maintainers: logins(text, self.maintainers),
            members: logins(text, self.members),
            children: convert_teams(self.teams, text, file),
            previously: self
                .previously
                .unwrap_or_default()
                .into_iter()
                .map(at)
                .collect(),
            repos: self
                .repos
                .map(|e| e.0)
                .unwrap_or_default()
                .into_iter()
                .map(|(repo, permission)| TeamRepo {
                    repo: at(repo),
                    permission: at(permission),
                })
                .collect(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCreateOptions {
    auto_init: Option<bool>,
    gitignore_template: Option<String>,
    license_template: Option<String>,
}

/// `org.Repo` at the pinned prow version: no `fork_from`,
/// `default_branch_only` or `collaborators` (newer versions only).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRepo {
    description: Option<String>,
    homepage: Option<String>,
    private: Option<bool>,
    has_issues: Option<bool>,
    has_projects: Option<bool>,
    has_wiki: Option<bool>,
    allow_squash_merge: Option<bool>,
    allow_merge_commit: Option<bool>,
    allow_rebase_merge: Option<bool>,
    squash_merge_commit_title: Option<String>,
    squash_merge_commit_message: Option<String>,
    default_branch: Option<String>,
    archived: Option<bool>,
    previously: Option<Vec<Spanned<String>>>,
    on_create: Option<RawCreateOptions>,
}

impl RawRepo {
    fn convert(self, name: Spanned<String>) -> Repo {
        Repo {
            pos: pos(&name.referenced),
            name: name.value,
            description: self.description,
            homepage: self.homepage,
            private: self.private,
            has_issues: self.has_issues,
            has_projects: self.has_projects,
            has_wiki: self.has_wiki,
            allow_squash_merge: self.allow_squash_merge,
            allow_merge_commit: self.allow_merge_commit,
            allow_rebase_merge: self.allow_rebase_merge,
            squash_merge_commit_title: self.squash_merge_commit_title,
            squash_merge_commit_message: self.squash_merge_commit_message,
            default_branch: self.default_branch,
            archived: self.archived,
            previously: self
                .previously
                .unwrap_or_default()
                .into_iter()
                .map(at)
                .collect(),
            on_create: self.on_create.map(|o| RepoCreateOptions {
                auto_init: o.auto_init,
                gitignore_template: o.gitignore_template,
                license_template: o.license_template,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
admins:
- k8s-ci-robot
- Alice
billing_email: github@example.org
default_repository_permission: read
has_organization_projects: true
members:
- bob
- \"12345\"
- 678
name: Example
teams:
  sig-foo:
    description: Foo things
    maintainers:
    - alice
    members:
    - bob
    privacy: closed
    previously:
    - sig-old-foo
    repos:
      foo: admin
      bar: write
    teams:
      sig-foo-reviewers:
        privacy: closed
  zeta: {}
repos:
  foo:
    has_wiki: false
    previously: [old-foo]
    on_create:
      auto_init: true
";

    #[test]
    fn decodes_every_field_with_positions() {
        let f = parse_org_file(SAMPLE, "config/x/org.yaml").expect("valid");
        assert_eq!(
            f.metadata.name.as_ref().map(|n| n.value.as_str()),
            Some("Example")
        );
        assert_eq!(
            f.metadata.default_repository_permission(),
            Some(super::super::model::RepoPermission::Read)
        );
        let admins: Vec<_> = f.admins.iter().map(|e| e.raw.as_str()).collect();
        assert_eq!(admins, ["k8s-ci-robot", "Alice"]);
        assert_eq!(f.admins[1].pos, Pos::new(3, 3));
        assert_eq!(f.admins_pos, Some(Pos::new(1, 1)));
        assert_eq!(f.members_pos, Some(Pos::new(7, 1)));
        let quoted: Vec<_> = f
            .members
            .iter()
            .map(|e| (e.raw.as_str(), e.quoted))
            .collect();
        assert_eq!(quoted, [("bob", false), ("12345", true), ("678", false)]);
        let names: Vec<_> = f.teams.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["sig-foo", "zeta"], "file order is kept");
        let foo = &f.teams[0];
        assert_eq!(foo.pos, Pos::new(13, 3));
        assert_eq!(foo.file, "config/x/org.yaml");
        assert_eq!(foo.privacy(), Some(super::super::model::Privacy::Closed));
        assert_eq!(foo.repos.len(), 2);
        assert_eq!(foo.repos[1].repo.value, "bar");
        assert_eq!(foo.previously[0].value, "sig-old-foo");
        assert_eq!(foo.children[0].name, "sig-foo-reviewers");
        assert_eq!(f.repos[0].name, "foo");
        assert_eq!(f.repos[0].has_wiki, Some(false));
        assert_eq!(
            f.repos[0].on_create.as_ref().and_then(|o| o.auto_init),
            Some(true)
        );
    }

    #[test]
    fn unknown_keys_are_located() {
        let e = parse_org_file(
            "teams:\n  a:\n    somethingBizzare: 1\n",
            "config/x/org.yaml",
        )
        .expect_err("strict");
        assert_eq!((e.rule.id, e.line, e.col), ("yaml/unknown-key", 3, 5));
        // The same team with `repos` loads (kubernetes/org cmd/merge main_test.go).
        parse_org_file("teams:\n  a:\n    repos:\n      r: read\n", "f").expect("valid");
        // Newer prow repo keys are unknown to the pinned version.
        let e = parse_org_file("repos:\n  r:\n    fork_from: a/b\n", "f").expect_err("strict");
        assert_eq!(e.rule.id, "yaml/unknown-key");
    }

    #[test]
    fn empty_and_null_documents_are_empty_configs() {
        for src in [
            "",
            "# only a comment\n",
            "~\n",
            "teams:\n",
            "members: null\n",
        ] {
            let f = parse_org_file(src, "f").expect("empty is fine");
            assert!(f.teams.is_empty() && f.members.is_empty(), "{src:?}");
        }
    }

    #[test]
    fn syntax_errors_and_duplicate_keys_are_located() {
        let e = parse_org_file("teams:\n  a: {}\n  a: {}\n", "f").expect_err("dup");
        assert_eq!((e.rule.id, e.line), ("yaml/duplicate-key", 3));
        let e = parse_org_file("members:\n- a\n  b: [\n", "f").expect_err("syntax");
        assert_eq!(e.rule.id, "yaml/syntax");
        assert!(e.line >= 2, "{e:?}");
        let e = parse_org_file("members: {a: b}\n", "f").expect_err("type");
        assert_eq!(e.rule.id, "yaml/wrong-type");
    }
}
