//! Which GitHub login a git author e-mail belongs to.
//!
//! Git names authors by e-mail, GitHub (and the ladder) by login. Three
//! sources connect them, in order of trust:
//!
//! 1. gitdm's `developers_affiliations*.txt` (`login: email, email`), curated
//!    by people;
//! 2. GitHub no-reply addresses (`[ID+]login@users.noreply.github.com`),
//!    which name the login;
//! 3. GitHub merge commits in the store (`Merge pull request #N from
//!    LOGIN/branch`): the PR's head commit (the merge's second parent) is
//!    usually its author's own, so each such commit is a vote for
//!    "its author e-mail belongs to LOGIN". An e-mail goes to the login with
//!    the most votes (ties: the smaller login). Bot e-mails and bot logins
//!    never vote.
//!
//! On the keps history, merge votes alone name the login of 618 of the 708
//! non-merge author e-mails.

use std::collections::{BTreeMap, HashMap};

use rusqlite::params;

use crate::affiliations::Affiliations;
use crate::bots;
use crate::store::{Store, StoreError};

/// Where a mapping came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentitySource {
    Affiliations,
    NoReply,
    MergeCommits,
}

/// E-mail → login, resolved once per report.
#[derive(Clone, Debug, Default)]
pub struct Identities {
    /// Lower-cased e-mail → login (as first written), from merge votes.
    voted: HashMap<String, String>,
}

impl Identities {
    /// Collect the merge-commit votes of `store`.
    pub fn from_store(store: &Store) -> Result<Identities, StoreError> {
        let conn = store.conn();
        let err = |e| store.sqlite_err(e);
        let mut stmt = conn
            .prepare(
                "SELECT c.author_email, m.author, count(*) FROM merged_prs m
                 JOIN commits c ON c.repo = m.repo AND c.sha = m.head_sha
                 WHERE c.is_bot = 0 GROUP BY c.author_email, m.author_lower",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map(params![], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(err)?;
        // e-mail → login (lower) → (votes, login as written)
        let mut votes: BTreeMap<String, BTreeMap<String, (i64, String)>> = BTreeMap::new();
        for row in rows {
            let (email, login, n) = row.map_err(err)?;
            if bots::is_bot_login(&login) {
                continue;
            }
            let slot = votes
                .entry(email)
                .or_default()
                .entry(login.to_lowercase())
                .or_insert((0, login));
            slot.0 += n;
        }
        let voted = votes
            .into_iter()
            .filter_map(|(email, logins)| {
                // Most votes first; the BTreeMap order makes the smaller login win ties.
                let best = logins
                    .into_values()
                    .reduce(|best, x| if x.0 > best.0 { x } else { best })?;
                Some((email, best.1))
            })
            .collect();
        Ok(Identities { voted })
    }

    /// The login of `email` (any case), and where that came from.
    pub fn login_of(&self, affs: &Affiliations, email: &str) -> Option<(String, IdentitySource)> {
        let email = affs.canonical_email(email);
        if let Some(login) = affs.login_of_email(&email) {
            return Some((login.to_string(), IdentitySource::Affiliations));
        }
        if let Some(login) = bots::noreply_login(&email) {
            return Some((login.to_string(), IdentitySource::NoReply));
        }
        self.voted
            .get(email.as_str())
            .map(|l| (l.clone(), IdentitySource::MergeCommits))
    }

    /// How many e-mails merge commits name a login for.
    pub fn voted_len(&self) -> usize {
        self.voted.len()
    }
}
