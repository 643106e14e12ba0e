//! The query API other capabilities use (the contributor ladder, voter
//! eligibility): per login and time window, plain structs out.
//!
//! **Primary reviewer** of a pull request: among the people who reviewed it
//! (`PullRequestReviewEvent`) or commented on its diff
//! (`PullRequestReviewCommentEvent`), excluding its author, the one with the
//! most such review records on that PR; ties go to the earliest first review,
//! then to the smaller login. A login "primary-reviewed" a PR when it is that
//! PR's primary reviewer. The definition uses only what GH Archive carries;
//! Prow's `/lgtm` comments are not parsed.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, params};

use crate::gharchive::CONTRIBUTION_TYPES;
use crate::stats::Window;
use crate::store::{Store, StoreError};

/// A PR a login reviewed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewedPr {
    pub repo: String,
    pub number: u64,
    /// The PR's author, when an event carried it.
    pub author: Option<String>,
    /// Reviews by the login on the PR (in the window).
    pub reviews: u64,
    /// Review comments by the login on the PR (in the window).
    pub review_comments: u64,
    /// Whether the login approved it at least once.
    pub approved: bool,
    /// Whether the login is the PR's primary reviewer (over all stored reviews).
    pub primary: bool,
    /// Unix seconds of the login's first review record on it.
    pub first_at: i64,
}

/// What one login did in a window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoginActivity {
    pub login: String,
    /// Event type → contributions (each event id once), bots included only
    /// when the login itself is a bot.
    pub contributions: BTreeMap<&'static str, u64>,
    /// PRs the login opened (by the PR's `created_at`).
    pub prs_authored: u64,
    /// Of the login's PRs, those merged in the window (by `merged_at`).
    pub prs_merged: u64,
    /// PRs the login merged (as `merged_by`) in the window.
    pub prs_merged_by: u64,
    /// PRs reviewed, sorted by repo and number; the login's own PRs excluded.
    pub reviewed: Vec<ReviewedPr>,
    /// Unix seconds of the login's last event in the store (any time).
    pub last_activity: Option<i64>,
}

impl LoginActivity {
    pub fn total_contributions(&self) -> u64 {
        self.contributions.values().sum()
    }
    /// PRs where the login is the primary reviewer.
    pub fn primary_reviews(&self) -> u64 {
        self.reviewed.iter().filter(|r| r.primary).count() as u64
    }
}

/// Everything about `login` (case-insensitive) in `window`.
pub fn login_activity(
    store: &Store,
    login: &str,
    window: Window,
) -> Result<LoginActivity, StoreError> {
    let conn = store.conn();
    let err = |e| store.sqlite_err(e);
    let lower = login.to_lowercase();
    let (since, until) = (
        window.since.unwrap_or(i64::MIN),
        window.until.unwrap_or(i64::MAX),
    );
    let mut out = LoginActivity {
        login: login.to_string(),
        ..Default::default()
    };

    let mut stmt = conn
        .prepare_cached("SELECT type, count(*) FROM events WHERE actor_lower = ?1 AND created_at >= ?2 AND created_at < ?3 GROUP BY type")
        .map_err(err)?;
    let rows = stmt
        .query_map(params![lower, since, until], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })
        .map_err(err)?;
    for row in rows {
        let (code, n) = row.map_err(err)?;
        if let Some(t) = CONTRIBUTION_TYPES.get(code as usize) {
            out.contributions.insert(t, n as u64);
        }
    }
    let count = |sql: &str| -> Result<u64, StoreError> {
        conn.query_row(sql, params![lower, since, until], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(err)
    };
    out.prs_authored = count(
        "SELECT count(*) FROM pull_requests WHERE lower(author) = ?1 AND created_at >= ?2 AND created_at < ?3",
    )?;
    out.prs_merged = count(
        "SELECT count(*) FROM pull_requests WHERE lower(author) = ?1 AND merged_at >= ?2 AND merged_at < ?3",
    )?;
    out.prs_merged_by = count(
        "SELECT count(*) FROM pull_requests WHERE lower(merged_by) = ?1 AND merged_at >= ?2 AND merged_at < ?3",
    )?;
    out.last_activity = conn
        .query_row(
            "SELECT max(created_at) FROM events WHERE actor_lower = ?1",
            [&lower],
            |r| r.get::<_, Option<i64>>(0),
        )
        .optional()
        .map_err(err)?
        .flatten();

    let mut stmt = conn
        .prepare_cached(
            "SELECT r.repo, r.number, p.author,
                    sum(r.kind = 'review'), sum(r.kind = 'review_comment'), coalesce(max(r.state = 'approved'), 0), min(r.at)
             FROM reviews r LEFT JOIN pull_requests p ON p.repo = r.repo AND p.number = r.number
             WHERE r.reviewer_lower = ?1 AND r.at >= ?2 AND r.at < ?3
               AND (p.author IS NULL OR lower(p.author) <> ?1)
             GROUP BY r.repo, r.number ORDER BY r.repo, r.number",
        )
        .map_err(err)?;
    let rows = stmt
        .query_map(params![lower, since, until], |r| {
            Ok(ReviewedPr {
                repo: r.get(0)?,
                number: r.get::<_, i64>(1)? as u64,
                author: r.get(2)?,
                reviews: r.get::<_, i64>(3)? as u64,
                review_comments: r.get::<_, i64>(4)? as u64,
                approved: r.get::<_, i64>(5)? != 0,
                primary: false,
                first_at: r.get(6)?,
            })
        })
        .map_err(err)?;
    for row in rows {
        let mut pr = row.map_err(err)?;
        pr.primary = primary_reviewer(store, &pr.repo, pr.number)?
            .is_some_and(|p| p.to_lowercase() == lower);
        out.reviewed.push(pr);
    }
    Ok(out)
}

/// The primary reviewer of a PR (see the module docs), if anyone but the author reviewed it.
pub fn primary_reviewer(
    store: &Store,
    repo: &str,
    number: u64,
) -> Result<Option<String>, StoreError> {
    let conn = store.conn();
    conn.prepare_cached(
        "SELECT max(r.reviewer) FROM reviews r LEFT JOIN pull_requests p ON p.repo = r.repo AND p.number = r.number
         WHERE r.repo = ?1 AND r.number = ?2 AND (p.author IS NULL OR lower(p.author) <> r.reviewer_lower)
         GROUP BY r.reviewer_lower ORDER BY count(*) DESC, min(r.at) ASC, r.reviewer_lower ASC LIMIT 1",
    )
    .and_then(|mut s| s.query_row(params![repo, number as i64], |r| r.get::<_, String>(0)).optional())
    .map_err(|e| store.sqlite_err(e))
}

/// Unix seconds of the last event of `login`, or of the last commit
/// authored with one of `emails`, whichever is later.
pub fn last_activity(
    store: &Store,
    login: &str,
    emails: &[String],
) -> Result<Option<i64>, StoreError> {
    let conn = store.conn();
    let err = |e| store.sqlite_err(e);
    let mut last: Option<i64> = conn
        .query_row(
            "SELECT max(created_at) FROM events WHERE actor_lower = ?1",
            [login.to_lowercase()],
            |r| r.get(0),
        )
        .map_err(err)?;
    for e in emails {
        let t: Option<i64> = conn
            .query_row(
                "SELECT max(author_time) FROM commits WHERE author_email = ?1",
                [e.to_lowercase()],
                |r| r.get(0),
            )
            .map_err(err)?;
        last = last.max(t);
    }
    Ok(last)
}

/// What the store holds over all time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extent {
    /// Unix seconds of the first and last event or commit.
    pub first: Option<i64>,
    pub last: Option<i64>,
    pub events: u64,
    /// Non-merge commits.
    pub commits: u64,
    pub reviews: u64,
    /// Repositories git history was ingested for, sorted.
    pub git_repos: Vec<String>,
}

/// The store's extent, in a few indexed aggregate queries.
pub fn extent(store: &Store) -> Result<Extent, StoreError> {
    let conn = store.conn();
    let err = |e| store.sqlite_err(e);
    let row = |sql: &str| -> Result<(Option<i64>, Option<i64>, i64), StoreError> {
        conn.query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(err)
    };
    let (ef, el, events) = row("SELECT min(created_at), max(created_at), count(*) FROM events")?;
    let (cf, cl, commits) =
        row("SELECT min(author_time), max(author_time), count(*) FROM commits WHERE parents <= 1")?;
    let (_, _, reviews) = row("SELECT NULL, NULL, count(*) FROM reviews")?;
    let mut stmt = conn
        .prepare("SELECT DISTINCT repo FROM commits ORDER BY repo")
        .map_err(err)?;
    let git_repos = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(err)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(err)?;
    let pick = |a: Option<i64>, b: Option<i64>, f: fn(i64, i64) -> i64| match (a, b) {
        (Some(a), Some(b)) => Some(f(a, b)),
        (a, b) => a.or(b),
    };
    Ok(Extent {
        first: pick(ef, cf, i64::min),
        last: pick(el, cl, i64::max),
        events: events.max(0) as u64,
        commits: commits.max(0) as u64,
        reviews: reviews.max(0) as u64,
        git_repos,
    })
}

/// One login's counts in a window, from every source in the store.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonCounts {
    /// DevStats contributions: events of the seven types (bots' events are
    /// kept only for bot logins).
    pub events: u64,
    /// Non-merge commits whose author e-mail maps to the login (gitdm
    /// changesets, bots excluded).
    pub commits: u64,
    /// Issue and PR comments plus review comments (GH Archive does not
    /// tell PR comments from issue comments once stored).
    pub comments: u64,
    /// The login's PRs merged in the window: the larger of what GH Archive
    /// events and git merge commits show (the two overlap).
    pub prs_authored_merged: u64,
    /// PRs the login reviewed (not their own) in the window.
    pub prs_reviewed: u64,
    /// Of those, PRs where the login is the primary reviewer.
    pub prs_primary_reviewer: u64,
}

impl PersonCounts {
    /// Contributions for the ladder: DevStats' count when there are events,
    /// or the git changesets when those are more (a store holding only git
    /// history has no events; the two are never added, they overlap).
    pub fn contributions(&self) -> u64 {
        self.events.max(self.commits)
    }
}

/// Everyone's counts in a window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeopleActivity {
    /// Unix seconds of the first and last fact in the window (events or
    /// commits), `None` when the window holds nothing.
    pub first: Option<i64>,
    pub last: Option<i64>,
    /// Contribution events in the window: when there are some, every login
    /// is accounted for (a login with none did nothing).
    pub events: u64,
    /// Review records in the store (any time): without them review counts
    /// are unknown, not zero.
    pub reviews: u64,
    /// Non-merge, non-bot commits in the window, and how many of them could
    /// not be attributed to a login.
    pub commits: u64,
    pub unattributed_commits: u64,
    /// Logins (lower-cased) that some stored commit (any time) is attributed
    /// to: with git history only, these are the people the data speaks for.
    pub git_logins: std::collections::BTreeSet<String>,
    /// Lower-cased login → counts.
    pub people: BTreeMap<String, PersonCounts>,
}

/// Every login's counts in `window`, in a few grouped queries (the ladder
/// audit asks for thousands of people at once). Git commits are attributed
/// to logins through `identities` and `affs`.
pub fn people_activity(
    store: &Store,
    window: Window,
    identities: &crate::identity::Identities,
    affs: &crate::affiliations::Affiliations,
) -> Result<PeopleActivity, StoreError> {
    let conn = store.conn();
    let err = |e| store.sqlite_err(e);
    let (since, until) = (
        window.since.unwrap_or(i64::MIN),
        window.until.unwrap_or(i64::MAX),
    );
    let mut out = PeopleActivity::default();
    let mut span = Span::default();
    let mut people: BTreeMap<String, PersonCounts> = BTreeMap::new();

    // Events: contributions and comments.
    let comment_types: Vec<i64> = ["IssueCommentEvent", "PullRequestReviewCommentEvent"]
        .iter()
        .filter_map(|t| CONTRIBUTION_TYPES.iter().position(|c| c == t))
        .map(|i| i as i64)
        .collect();
    let mut stmt = conn
        .prepare(
            "SELECT actor_lower, type, count(*), min(created_at), max(created_at) FROM events
             WHERE created_at >= ?1 AND created_at < ?2 GROUP BY actor_lower, type",
        )
        .map_err(err)?;
    let rows = stmt
        .query_map(params![since, until], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })
        .map_err(err)?;
    for row in rows {
        let (login, kind, n, first, last) = row.map_err(err)?;
        span.widen(first);
        span.widen(last);
        out.events += n as u64;
        let p = people.entry(login).or_default();
        p.events += n as u64;
        if comment_types.contains(&kind) {
            p.comments += n as u64;
        }
    }

    // Git: non-merge commits, attributed through the identities.
    let mut stmt = conn
        .prepare(
            "SELECT author_email, count(*), min(author_time), max(author_time),
                    sum(author_time >= ?1 AND author_time < ?2)
             FROM commits WHERE parents <= 1 AND is_bot = 0 GROUP BY author_email",
        )
        .map_err(err)?;
    let rows = stmt
        .query_map(params![since, until], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })
        .map_err(err)?;
    for row in rows {
        let (email, first, last, in_window) = row.map_err(err)?;
        let in_window = in_window.max(0) as u64;
        if in_window > 0 {
            // The commit times inside the window are somewhere in this range.
            span.widen(first.max(since));
            span.widen(last.min(until.saturating_sub(1)));
        }
        out.commits += in_window;
        match identities.login_of(affs, &email) {
            Some((login, _)) => {
                let login = login.to_lowercase();
                out.git_logins.insert(login.clone());
                people.entry(login).or_default().commits += in_window;
            }
            None => out.unattributed_commits += in_window,
        }
    }

    // PRs merged: GH Archive's view and git's, the larger per login.
    let merged = |sql: &str| -> Result<BTreeMap<String, u64>, StoreError> {
        let mut stmt = conn.prepare(sql).map_err(err)?;
        let rows = stmt
            .query_map(params![since, until], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })
            .map_err(err)?;
        rows.map(|r| r.map(|(l, n)| (l, n as u64)).map_err(err))
            .collect()
    };
    let from_events = merged(
        "SELECT lower(author), count(*) FROM pull_requests
         WHERE author IS NOT NULL AND merged_at >= ?1 AND merged_at < ?2 GROUP BY 1",
    )?;
    let from_git = merged(
        "SELECT author_lower, count(*) FROM merged_prs
         WHERE merged_at >= ?1 AND merged_at < ?2 GROUP BY 1",
    )?;
    for (login, n) in from_events.into_iter().chain(from_git) {
        let p = people.entry(login).or_default();
        p.prs_authored_merged = p.prs_authored_merged.max(n);
    }

    // Reviews: per PR and reviewer over all time (the primary reviewer is
    // decided over every stored review), counted for PRs reviewed in the window.
    out.reviews = conn
        .query_row("SELECT count(*) FROM reviews", [], |r| r.get::<_, i64>(0))
        .map_err(err)? as u64;
    let mut stmt = conn
        .prepare(
            "SELECT r.repo, r.number, r.reviewer_lower, count(*), min(r.at),
                    sum(r.at >= ?1 AND r.at < ?2)
             FROM reviews r LEFT JOIN pull_requests p ON p.repo = r.repo AND p.number = r.number
             WHERE p.author IS NULL OR lower(p.author) <> r.reviewer_lower
             GROUP BY r.repo, r.number, r.reviewer_lower
             ORDER BY r.repo, r.number",
        )
        .map_err(err)?;
    let rows = stmt
        .query_map(params![since, until], |r| {
            Ok((
                (r.get::<_, String>(0)?, r.get::<_, i64>(1)?),
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })
        .map_err(err)?;
    // Rows arrive grouped by PR: settle each PR when the next one starts.
    let mut current: Option<(String, i64)> = None;
    let mut reviewers: Vec<(String, i64, i64, i64)> = Vec::new();
    let mut settle = |reviewers: &mut Vec<(String, i64, i64, i64)>| {
        // Primary: most records, then earliest, then smaller login.
        let primary = reviewers
            .iter()
            .min_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)).then(a.0.cmp(&b.0)))
            .map(|r| r.0.clone());
        for (login, _, _, in_window) in reviewers.drain(..) {
            if in_window > 0 {
                let p = people.entry(login.clone()).or_default();
                p.prs_reviewed += 1;
                if primary.as_deref() == Some(login.as_str()) {
                    p.prs_primary_reviewer += 1;
                }
            }
        }
    };
    for row in rows {
        let (pr, login, n, first, in_window) = row.map_err(err)?;
        if in_window > 0 {
            span.widen(first.max(since));
        }
        if current.as_ref() != Some(&pr) {
            settle(&mut reviewers);
            current = Some(pr);
        }
        reviewers.push((login, n, first, in_window));
    }
    settle(&mut reviewers);
    out.people = people;
    (out.first, out.last) = (span.first, span.last);
    Ok(out)
}

/// The first and last time seen.
#[derive(Default)]
struct Span {
    first: Option<i64>,
    last: Option<i64>,
}

impl Span {
    fn widen(&mut self, t: i64) {
        self.first = Some(self.first.map_or(t, |f| f.min(t)));
        self.last = Some(self.last.map_or(t, |l| l.max(t)));
    }
}

/// One stored version of an OWNERS or OWNERS_ALIASES file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnersVersion {
    pub repo: String,
    /// Path inside the repository.
    pub path: String,
    /// Unix seconds of the commit that wrote it.
    pub at: i64,
    /// `None`: the commit deleted the file.
    pub text: Option<String>,
}

/// Every stored OWNERS / OWNERS_ALIASES version of `repo`, oldest first
/// (ties by path, then commit).
pub fn owners_versions(store: &Store, repo: &str) -> Result<Vec<OwnersVersion>, StoreError> {
    let conn = store.conn();
    let err = |e| store.sqlite_err(e);
    let mut stmt = conn
        .prepare(
            "SELECT repo, path, at, text FROM owners_versions WHERE repo = ?1 ORDER BY at, path, sha",
        )
        .map_err(err)?;
    let rows = stmt
        .query_map([repo], |r| {
            Ok(OwnersVersion {
                repo: r.get(0)?,
                path: r.get(1)?,
                at: r.get(2)?,
                text: r.get(3)?,
            })
        })
        .map_err(err)?;
    rows.collect::<Result<_, _>>().map_err(err)
}
