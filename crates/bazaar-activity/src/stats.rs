//! Reports: people, companies and repositories (gitdm + DevStats semantics).
//!
//! [`Facts::load`] reads day-level aggregates from the store (the edge);
//! [`people`], [`companies`], [`repos`] and [`timeline`] are pure functions
//! of those facts and the [`Affiliations`].
//!
//! Definitions:
//! - **commits** (gitdm changesets): non-merge commits whose author is not a
//!   bot; **lines changed** = `max(added, removed)` per commit, summed.
//! - **contributions** (DevStats): events of the seven contribution types by
//!   a non-bot actor, each event id once.
//! - **identity**: a GitHub login; a git author is its lower-cased e-mail
//!   after aliases, unless the affiliation files list that e-mail under a
//!   login, in which case commits and events meet under the login.
//! - **company**: commits go to the author's employer on the author-local
//!   commit date (gitdm), events to the actor's employer on the UTC event
//!   date (DevStats); nothing known is `(Unknown)`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::params;
use rustc_hash::FxHashMap;

use crate::affiliations::{Affiliations, UNKNOWN};
use crate::date::Day;
use crate::gharchive::CONTRIBUTION_TYPES;
use crate::store::{Store, StoreError};

/// A half-open time window `[since, until)` in Unix seconds; `None` is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub since: Option<i64>,
    pub until: Option<i64>,
}

impl Window {
    fn bounds(self) -> (i64, i64) {
        (
            self.since.unwrap_or(i64::MIN),
            self.until.unwrap_or(i64::MAX),
        )
    }
}

/// Commits of one author in one repository on one (author-local) day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitFact {
    pub repo: String,
    /// Lower-cased author e-mail, as stored.
    pub email: String,
    pub name: String,
    pub day: Day,
    pub commits: u64,
    pub added: u64,
    pub removed: u64,
    pub changed: u64,
}

/// Contribution events of one login, of one type, in one repository on one UTC day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventFact {
    pub repo: String,
    /// As GitHub spells it (the greatest spelling seen, for determinism).
    pub login: String,
    pub kind: &'static str,
    pub day: Day,
    pub count: u64,
}

/// Everything the reports need, already filtered (no merges, no bots) and windowed.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub commits: Vec<CommitFact>,
    pub events: Vec<EventFact>,
}

/// SQLite expression: floor division of a time by a day.
const DAY_OF: &str = "((t) - (((t) % 86400) + 86400) % 86400) / 86400";

impl Facts {
    /// Read the facts in `window` from the store.
    pub fn load(store: &Store, window: Window) -> Result<Facts, StoreError> {
        let (since, until) = window.bounds();
        let conn = store.conn();
        let err = |e| store.sqlite_err(e);
        let mut facts = Facts::default();
        let commit_sql = format!(
            "SELECT repo, author_email, max(author_name), {} AS day, count(*), sum(added), sum(removed), sum(max(added, removed))
             FROM commits WHERE parents <= 1 AND is_bot = 0 AND author_time >= ?1 AND author_time < ?2
             GROUP BY repo, author_email, day ORDER BY repo, author_email, day",
            DAY_OF.replace("(t)", "(author_time + author_offset)")
        );
        let mut stmt = conn.prepare(&commit_sql).map_err(err)?;
        let rows = stmt
            .query_map(params![since, until], |r| {
                Ok(CommitFact {
                    repo: r.get(0)?,
                    email: r.get(1)?,
                    name: r.get(2)?,
                    day: Day(r.get::<_, i64>(3)? as i32),
                    commits: r.get::<_, i64>(4)? as u64,
                    added: r.get::<_, i64>(5)? as u64,
                    removed: r.get::<_, i64>(6)? as u64,
                    changed: r.get::<_, i64>(7)? as u64,
                })
            })
            .map_err(err)?;
        facts.commits = rows.collect::<Result<_, _>>().map_err(err)?;
        facts.events = load_event_facts(conn, since, until).map_err(err)?;
        Ok(facts)
    }
}

/// Day-level event facts. SQLite only scans; the grouping is done here
/// (a hash over interned strings is several times faster than SQLite's
/// sorter on a few hundred thousand rows), then sorted as the report needs.
/// Fx hashing: the keys are the store's own strings and small integers.
fn load_event_facts(
    conn: &rusqlite::Connection,
    since: i64,
    until: i64,
) -> rusqlite::Result<Vec<EventFact>> {
    #[derive(Default)]
    struct Interner {
        ids: FxHashMap<String, u32>,
        names: Vec<String>,
    }
    impl Interner {
        fn id(&mut self, s: &str) -> u32 {
            if let Some(&id) = self.ids.get(s) {
                return id;
            }
            let id = self.names.len() as u32;
            self.names.push(s.to_string());
            self.ids.insert(s.to_string(), id);
            id
        }
    }
    let (mut repos, mut logins) = (Interner::default(), Interner::default());
    // (repo, lower-cased login, type, day) -> (greatest spelling, count)
    let mut groups: FxHashMap<(u32, u32, u8, Day), (u32, u64)> = FxHashMap::default();
    let mut stmt = conn.prepare(
        "SELECT repo, actor, actor_lower, type, created_at FROM events
         WHERE is_bot = 0 AND created_at >= ?1 AND created_at < ?2",
    )?;
    let mut rows = stmt.query(params![since, until])?;
    while let Some(r) = rows.next()? {
        let repo = repos.id(r.get_ref(0)?.as_str()?);
        let actor = logins.id(r.get_ref(1)?.as_str()?);
        let lower = logins.id(r.get_ref(2)?.as_str()?);
        let code = r
            .get::<_, i64>(3)?
            .clamp(0, CONTRIBUTION_TYPES.len() as i64 - 1) as u8;
        let day = Day::from_unix(r.get::<_, i64>(4)?);
        let g = groups.entry((repo, lower, code, day)).or_insert((actor, 0));
        if logins.names[actor as usize] > logins.names[g.0 as usize] {
            g.0 = actor;
        }
        g.1 += 1;
    }
    let mut keys: Vec<_> = groups.into_iter().collect();
    fn name(i: u32, t: &Interner) -> &str {
        t.names[i as usize].as_str()
    }
    keys.sort_unstable_by(|((r1, l1, t1, d1), _), ((r2, l2, t2, d2), _)| {
        (name(*r1, &repos), name(*l1, &logins), t1, d1).cmp(&(
            name(*r2, &repos),
            name(*l2, &logins),
            t2,
            d2,
        ))
    });
    Ok(keys
        .into_iter()
        .map(|((repo, _, code, day), (actor, count))| EventFact {
            repo: repos.names[repo as usize].clone(),
            login: logins.names[actor as usize].clone(),
            kind: CONTRIBUTION_TYPES[code as usize],
            day,
            count,
        })
        .collect())
}

/// Who a fact belongs to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Identity {
    /// Lower-cased login.
    Login(String),
    /// Lower-cased e-mail (after aliases).
    Email(String),
}

fn git_identity(affs: &Affiliations, email: &str) -> (Identity, String) {
    let canonical = affs.canonical_email(email);
    match affs.login_of_email(&canonical) {
        Some(login) => (Identity::Login(login.to_lowercase()), canonical),
        None => (Identity::Email(canonical.clone()), canonical),
    }
}

fn email_company<'a>(affs: &'a Affiliations, email: &str, day: Day) -> &'a str {
    affs.company_of_email(email, day).0.unwrap_or(UNKNOWN)
}

fn login_company<'a>(affs: &'a Affiliations, login: &str, day: Day) -> &'a str {
    affs.company_of_login(login, day).unwrap_or(UNKNOWN)
}

/// Counts shared by every report row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub commits: u64,
    pub lines_added: u64,
    pub lines_removed: u64,
    pub lines_changed: u64,
    /// Event type → contributions.
    pub contributions: BTreeMap<&'static str, u64>,
}

impl Counts {
    pub fn total_contributions(&self) -> u64 {
        self.contributions.values().sum()
    }
    fn add_commits(&mut self, f: &CommitFact) {
        self.commits += f.commits;
        self.lines_added += f.added;
        self.lines_removed += f.removed;
        self.lines_changed += f.changed;
    }
    fn add_events(&mut self, f: &EventFact) {
        *self.contributions.entry(f.kind).or_default() += f.count;
    }
}

/// One identity's totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    pub identity: Identity,
    pub login: Option<String>,
    /// The e-mail with the most commits (ties: the smallest), if any commit.
    pub email: Option<String>,
    /// Every e-mail seen, sorted.
    pub emails: Vec<String>,
    pub name: Option<String>,
    /// The company on the identity's last active day.
    pub company: String,
    pub last_active: Option<Day>,
    pub counts: Counts,
}

/// Totals per identity, sorted by contributions + commits (descending), then identity.
pub fn people(facts: &Facts, affs: &Affiliations) -> Vec<PersonRow> {
    struct Acc {
        login: Option<String>,
        emails: BTreeMap<String, u64>,
        name: Option<String>,
        last: Option<Day>,
        counts: Counts,
    }
    let mut by: HashMap<Identity, Acc> = HashMap::new();
    let new = || Acc {
        login: None,
        emails: BTreeMap::new(),
        name: None,
        last: None,
        counts: Counts::default(),
    };
    for f in &facts.commits {
        let (id, email) = git_identity(affs, &f.email);
        let acc = by.entry(id.clone()).or_insert_with(new);
        if let Identity::Login(_) = id
            && acc.login.is_none()
        {
            acc.login = affs.login_of_email(&email).map(str::to_string);
        }
        *acc.emails.entry(email).or_default() += f.commits;
        if acc.name.as_deref().is_none_or(|n| n < f.name.as_str()) {
            acc.name = Some(f.name.clone());
        }
        acc.last = acc.last.max(Some(f.day));
        acc.counts.add_commits(f);
    }
    for f in &facts.events {
        let acc = by
            .entry(Identity::Login(f.login.to_lowercase()))
            .or_insert_with(new);
        if acc.login.as_deref().is_none_or(|l| l < f.login.as_str()) {
            acc.login = Some(f.login.clone());
        }
        acc.last = acc.last.max(Some(f.day));
        acc.counts.add_events(f);
    }
    let mut rows: Vec<PersonRow> = by
        .into_iter()
        .map(|(identity, a)| {
            let email = a
                .emails
                .iter()
                .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
                .map(|(e, _)| e.clone());
            let company = match (&a.last, &a.login, &email) {
                (Some(day), Some(login), _) if affs.developer(login).is_some() => {
                    login_company(affs, login, *day).to_string()
                }
                (Some(day), _, Some(e)) => email_company(affs, e, *day).to_string(),
                (Some(day), Some(login), None) => login_company(affs, login, *day).to_string(),
                _ => UNKNOWN.to_string(),
            };
            PersonRow {
                identity,
                login: a.login,
                email,
                emails: a.emails.into_keys().collect(),
                name: a.name,
                company,
                last_active: a.last,
                counts: a.counts,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let ka = a.counts.total_contributions() + a.counts.commits;
        let kb = b.counts.total_contributions() + b.counts.commits;
        kb.cmp(&ka).then_with(|| a.identity.cmp(&b.identity))
    });
    rows
}

/// One company's totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyRow {
    pub company: String,
    pub counts: Counts,
    /// Distinct identities with at least one commit or contribution here.
    pub contributors: u64,
    /// Distinct git identities with a commit here.
    pub authors: u64,
}

/// Totals per company, each fact attributed on its own date; sorted by
/// contributions + commits (descending), then name.
pub fn companies(facts: &Facts, affs: &Affiliations) -> Vec<CompanyRow> {
    let mut by: BTreeMap<String, (Counts, BTreeSet<Identity>, BTreeSet<Identity>)> =
        BTreeMap::new();
    for f in &facts.commits {
        let (id, email) = git_identity(affs, &f.email);
        let company = match &id {
            Identity::Login(l) if affs.developer(l).is_some() => login_company(affs, l, f.day),
            _ => email_company(affs, &email, f.day),
        };
        let e = by.entry(company.to_string()).or_default();
        e.0.add_commits(f);
        e.1.insert(id.clone());
        e.2.insert(id);
    }
    for f in &facts.events {
        let company = login_company(affs, &f.login, f.day);
        let e = by.entry(company.to_string()).or_default();
        e.0.add_events(f);
        e.1.insert(Identity::Login(f.login.to_lowercase()));
    }
    let mut rows: Vec<CompanyRow> = by
        .into_iter()
        .map(|(company, (counts, people, authors))| CompanyRow {
            company,
            counts,
            contributors: people.len() as u64,
            authors: authors.len() as u64,
        })
        .collect();
    rows.sort_by(|a, b| {
        let ka = a.counts.total_contributions() + a.counts.commits;
        let kb = b.counts.total_contributions() + b.counts.commits;
        kb.cmp(&ka).then_with(|| a.company.cmp(&b.company))
    });
    rows
}

/// One repository's totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepoRow {
    pub repo: String,
    pub counts: Counts,
    pub contributors: u64,
    pub authors: u64,
}

/// Totals per repository, sorted like [`companies`].
pub fn repos(facts: &Facts, affs: &Affiliations) -> Vec<RepoRow> {
    let mut by: BTreeMap<String, (Counts, BTreeSet<Identity>, BTreeSet<Identity>)> =
        BTreeMap::new();
    for f in &facts.commits {
        let (id, _) = git_identity(affs, &f.email);
        let e = by.entry(f.repo.clone()).or_default();
        e.0.add_commits(f);
        e.1.insert(id.clone());
        e.2.insert(id);
    }
    for f in &facts.events {
        let e = by.entry(f.repo.clone()).or_default();
        e.0.add_events(f);
        e.1.insert(Identity::Login(f.login.to_lowercase()));
    }
    let mut rows: Vec<RepoRow> = by
        .into_iter()
        .map(|(repo, (counts, people, authors))| RepoRow {
            repo,
            counts,
            contributors: people.len() as u64,
            authors: authors.len() as u64,
        })
        .collect();
    rows.sort_by(|a, b| {
        let ka = a.counts.total_contributions() + a.counts.commits;
        let kb = b.counts.total_contributions() + b.counts.commits;
        kb.cmp(&ka).then_with(|| a.repo.cmp(&b.repo))
    });
    rows
}

/// Monthly series for the chart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// First day of each month, ascending, without gaps.
    pub months: Vec<Day>,
    /// Event type → contributions per month (same length as `months`).
    pub contributions: BTreeMap<&'static str, Vec<u64>>,
    /// Commits per month.
    pub commits: Vec<u64>,
}

/// Contributions by type and commits, per calendar month.
pub fn timeline(facts: &Facts) -> Timeline {
    let days = facts
        .commits
        .iter()
        .map(|f| f.day)
        .chain(facts.events.iter().map(|f| f.day));
    let (Some(first), Some(last)) = (days.clone().min(), days.max()) else {
        return Timeline::default();
    };
    let mut months = Vec::new();
    let mut m = first.month_start();
    while m <= last {
        months.push(m);
        let (y, mo, _) = m.ymd();
        let next = if mo == 12 {
            Day::from_ymd(y + 1, 1, 1)
        } else {
            Day::from_ymd(y, mo + 1, 1)
        };
        let Some(n) = next else { break };
        m = n;
    }
    let idx = |d: Day| months.partition_point(|&x| x <= d).saturating_sub(1);
    let mut t = Timeline {
        commits: vec![0; months.len()],
        ..Default::default()
    };
    for f in &facts.commits {
        t.commits[idx(f.day)] += f.commits;
    }
    for f in &facts.events {
        t.contributions
            .entry(f.kind)
            .or_insert_with(|| vec![0; months.len()])[idx(f.day)] += f.count;
    }
    t.months = months;
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::affiliations::{parse_developers, parse_email_map};

    fn d(s: &str) -> Day {
        Day::parse(s).expect("date")
    }

    #[test]
    fn company_split_by_date_and_identity_merge() {
        let (devs, _) = parse_developers(
            "alice: alice!corp.com\n\tAcme until 2020-06-01\n\tGlobex from 2020-06-01\n",
            "f",
        );
        let (map, _) = parse_email_map("example.org Example Org\n", "domain-map");
        let affs = Affiliations::new(devs, map, vec![]);
        let facts = Facts {
            commits: vec![
                CommitFact {
                    repo: "r".into(),
                    email: "alice@corp.com".into(),
                    name: "Alice".into(),
                    day: d("2020-05-31"),
                    commits: 2,
                    added: 10,
                    removed: 3,
                    changed: 12,
                },
                CommitFact {
                    repo: "r".into(),
                    email: "bob@dev.example.org".into(),
                    name: "Bob".into(),
                    day: d("2020-07-01"),
                    commits: 1,
                    added: 1,
                    removed: 5,
                    changed: 5,
                },
            ],
            events: vec![EventFact {
                repo: "r".into(),
                login: "Alice".into(),
                kind: "PushEvent",
                day: d("2020-06-01"),
                count: 3,
            }],
        };
        let p = people(&facts, &affs);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].login.as_deref(), Some("alice"));
        assert_eq!(
            (p[0].counts.commits, p[0].counts.total_contributions()),
            (2, 3)
        );
        assert_eq!(p[0].company, "Globex");
        let c = companies(&facts, &affs);
        let names: Vec<(&str, u64, u64)> = c
            .iter()
            .map(|r| {
                (
                    r.company.as_str(),
                    r.counts.commits,
                    r.counts.total_contributions(),
                )
            })
            .collect();
        assert_eq!(
            names,
            vec![("Globex", 0, 3), ("Acme", 2, 0), ("Example Org", 1, 0)]
        );
    }
}
