//! OWNERS files of the org repository, as plain input for the membership
//! checks: which logins review and approve under which path.
//!
//! [`OwnersFile`] is the input type the checks take. The reader below
//! ([`parse_owners`], [`parse_aliases`]) is the smallest thing that fills it
//! from `config/<org>/OWNERS`, `config/<org>/<dir>/OWNERS` and the root
//! `OWNERS_ALIASES`.
//!
//! The reader is deliberately small: kubernetes/org's own test reads these
//! files the same way. Everything else (the ladder's view of every checkout)
//! reads OWNERS with bazaar-review's Prow loader and converts the result
//! into [`OwnersFile`] at the edge (`bazaar-cli`'s `ladder/world.rs`).

use std::collections::BTreeMap;

use bazaar_core::Login;
use bazaar_core::yaml::{self, YamlError};
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::model::Pos;
use super::parse::pos;

/// Which part of the org repository an OWNERS file governs.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OwnersScope {
    /// `config/<org>/OWNERS`: checked by kubernetes/org's own test.
    Org { org: String },
    /// `config/<org>/<dir>/OWNERS`: gates PRs to that team directory only.
    TeamDir { org: String, dir: String },
    /// Any other OWNERS file (a subproject's, a repository's).
    Other,
}

impl OwnersScope {
    /// The org whose membership the entries are checked against, for files
    /// of the org repository.
    pub fn org(&self) -> Option<&str> {
        match self {
            OwnersScope::Org { org } | OwnersScope::TeamDir { org, .. } => Some(org),
            OwnersScope::Other => None,
        }
    }
}

/// One person listed in an OWNERS file, after alias expansion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnersEntry {
    pub login: Login,
    /// Where the entry (the login or the alias naming it) is written.
    pub pos: Pos,
    /// The alias the login came from, when it came from one.
    pub alias: Option<String>,
}

/// The reviewers and approvers of one OWNERS file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnersFile {
    /// Display path.
    pub path: String,
    pub scope: OwnersScope,
    pub reviewers: Vec<OwnersEntry>,
    pub approvers: Vec<OwnersEntry>,
}

/// `OWNERS_ALIASES`: alias name → logins.
pub type Aliases = BTreeMap<String, Vec<String>>;

#[derive(Deserialize)]
struct RawOwners {
    reviewers: Option<Vec<Spanned<String>>>,
    approvers: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
struct RawAliases {
    aliases: Option<BTreeMap<String, Option<Vec<String>>>>,
}

/// Read `reviewers` and `approvers` of an OWNERS file (lenient: other keys
/// are ignored, as kubernetes/org's test does), expanding aliases. An entry
/// that names no alias is a login (Prow's rule).
pub fn parse_owners(
    text: &str,
    path: &str,
    scope: OwnersScope,
    aliases: &Aliases,
) -> Result<OwnersFile, YamlError> {
    let raw: Option<RawOwners> = yaml::from_str(text)?;
    let (reviewers, approvers) = raw.map_or((None, None), |r| (r.reviewers, r.approvers));
    let expand = |list: Option<Vec<Spanned<String>>>| -> Vec<OwnersEntry> {
        let mut out = Vec::new();
        for s in list.unwrap_or_default() {
            let p = pos(&s.referenced);
            let name = s.value.trim();
            match aliases.get(name) {
                Some(members) => out.extend(members.iter().map(|m| OwnersEntry {
                    login: Login::new(m),
                    pos: p,
                    alias: Some(name.to_string()),
                })),
                None => out.push(OwnersEntry {
                    login: Login::new(name),
                    pos: p,
                    alias: None,
                }),
            }
        }
        out
    };
    Ok(OwnersFile {
        path: path.to_string(),
        scope,
        reviewers: expand(reviewers),
        approvers: expand(approvers),
    })
}

/// Read `OWNERS_ALIASES` (`aliases: {name: [logins]}`; a null list is empty).
pub fn parse_aliases(text: &str) -> Result<Aliases, YamlError> {
    let raw: Option<RawAliases> = yaml::from_str(text)?;
    Ok(raw
        .and_then(|r| r.aliases)
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| (k, v.unwrap_or_default()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_aliases_and_keeps_positions() {
        let aliases = parse_aliases("aliases:\n  sig-x-leads:\n    - alice\n    - Bob\n  empty:\n")
            .expect("valid");
        assert_eq!(aliases["empty"], Vec::<String>::new());
        let f = parse_owners(
            "# comment\nreviewers:\n  - sig-x-leads\napprovers:\n  - carol\n  - unknown-leads\nlabels: [a]\nemeritus_approvers: [dan]\n",
            "config/x/sig-x/OWNERS",
            OwnersScope::TeamDir {
                org: "x".into(),
                dir: "sig-x".into(),
            },
            &aliases,
        )
        .expect("valid");
        let r: Vec<_> = f.reviewers.iter().map(|e| e.login.as_str()).collect();
        assert_eq!(r, ["alice", "Bob"]);
        assert_eq!(f.reviewers[1].pos, Pos::new(3, 5));
        assert_eq!(f.reviewers[1].alias.as_deref(), Some("sig-x-leads"));
        let a: Vec<_> = f.approvers.iter().map(|e| e.login.as_str()).collect();
        assert_eq!(a, ["carol", "unknown-leads"], "no alias: read as a login");
        assert_eq!(f.scope.org(), Some("x"));
    }
}
