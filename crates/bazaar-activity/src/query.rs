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
