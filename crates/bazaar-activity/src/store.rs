//! The activity store: an embedded SQLite database (default
//! `.bazaar/activity.db`).
//!
//! **Idempotent:** commits are keyed by `(repo, sha)`, events by their GH
//! Archive id, reviews by `(kind, id)`; inserting the same facts again adds
//! nothing. **Crash-safe:** every hour file is written in one transaction
//! together with its row in `sources`, and git history in transactions of
//! whole commits, so a killed process leaves either all of a unit or none of
//! it (SQLite's journal rolls back the rest on the next open). **Resumable:**
//! files already in `sources` and commits already stored are skipped.
//!
//! The schema is versioned with `PRAGMA user_version`; [`MIGRATIONS`] holds
//! one SQL script per version and opening a store applies the missing ones.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use crate::gharchive::{CONTRIBUTION_TYPES, FileBatch};
use crate::git::GitCommit;

/// The default location of the store, relative to the working directory.
pub const DEFAULT_PATH: &str = ".bazaar/activity.db";

/// One script per schema version; index 0 brings an empty file to version 1.
pub const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE commits (
    repo TEXT NOT NULL,
    sha TEXT NOT NULL,
    author_name TEXT NOT NULL,
    author_email TEXT NOT NULL,       -- lower-cased
    author_time INTEGER NOT NULL,     -- unix seconds
    author_offset INTEGER NOT NULL,   -- seconds east of UTC
    committer_name TEXT NOT NULL,
    committer_email TEXT NOT NULL,
    committer_time INTEGER NOT NULL,
    parents INTEGER NOT NULL,
    is_bot INTEGER NOT NULL,
    added INTEGER NOT NULL,           -- 0 for merges (not diffed)
    removed INTEGER NOT NULL,
    files INTEGER NOT NULL,
    PRIMARY KEY (repo, sha)
) WITHOUT ROWID;
CREATE TABLE commit_files (
    repo TEXT NOT NULL,
    sha TEXT NOT NULL,
    path TEXT NOT NULL,
    old_path TEXT,
    added INTEGER NOT NULL,
    removed INTEGER NOT NULL,
    binary INTEGER NOT NULL,
    PRIMARY KEY (repo, sha, path)
) WITHOUT ROWID;
-- Contribution events (the seven DevStats types); `type` indexes event_types.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    type INTEGER NOT NULL,
    actor TEXT NOT NULL,
    actor_lower TEXT NOT NULL,
    repo TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    is_bot INTEGER NOT NULL
);
CREATE INDEX events_actor ON events (actor_lower, created_at);
CREATE TABLE event_types (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO event_types VALUES
    (0, 'PushEvent'), (1, 'PullRequestEvent'), (2, 'IssuesEvent'), (3, 'PullRequestReviewEvent'),
    (4, 'CommitCommentEvent'), (5, 'IssueCommentEvent'), (6, 'PullRequestReviewCommentEvent');
-- What the events tell about pull requests, merged across events.
CREATE TABLE pull_requests (
    repo TEXT NOT NULL,
    number INTEGER NOT NULL,
    author TEXT,
    created_at INTEGER,
    merged_at INTEGER,
    merged_by TEXT,
    PRIMARY KEY (repo, number)
) WITHOUT ROWID;
-- Reviews and review comments: who reviewed which PR (join pull_requests for its author).
CREATE TABLE reviews (
    kind TEXT NOT NULL,               -- 'review' | 'review_comment'
    id INTEGER NOT NULL,
    event_id INTEGER NOT NULL,
    repo TEXT NOT NULL,
    number INTEGER NOT NULL,
    reviewer TEXT NOT NULL,
    reviewer_lower TEXT NOT NULL,
    state TEXT,
    at INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE INDEX reviews_reviewer ON reviews (reviewer_lower, at);
CREATE INDEX reviews_pr ON reviews (repo, number);
-- Inputs fully ingested (one row per hour file, written in the file's transaction).
CREATE TABLE sources (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    lines INTEGER NOT NULL,
    events INTEGER NOT NULL,
    malformed INTEGER NOT NULL,
    unknown_types INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
"#,
    r#"
-- Pull requests merged by GitHub merge commits ("Merge pull request #N from
-- LOGIN/branch"): the PR author's login and head commit, from git alone.
-- One row per merge commit.
CREATE TABLE merged_prs (
    repo TEXT NOT NULL,
    number INTEGER NOT NULL,
    author TEXT NOT NULL,
    author_lower TEXT NOT NULL,
    merge_sha TEXT NOT NULL,
    head_sha TEXT NOT NULL,
    merged_at INTEGER NOT NULL,        -- the merge commit's committer time
    -- Not (repo, number): a history can hold merges of another repository
    -- with the same numbers (the keps history holds kubernetes/community's).
    PRIMARY KEY (repo, merge_sha)
) WITHOUT ROWID;
CREATE INDEX merged_prs_author ON merged_prs (author_lower, merged_at);
-- Version 1 did not keep merge subjects: forget its merge commits (never
-- counted by reports) so that the next ingestion reads them again.
DELETE FROM commits WHERE parents > 1;
"#,
    r#"
-- Every version of the OWNERS and OWNERS_ALIASES files a commit changed
-- (text NULL: deleted), for when people took their reviewer and approver
-- roles. Version 2 did not keep them: forget its commits that touched such
-- files, so that the next ingestion reads them again.
CREATE TABLE owners_versions (
    repo TEXT NOT NULL,
    path TEXT NOT NULL,
    sha TEXT NOT NULL,
    at INTEGER NOT NULL,              -- the commit's committer time
    text TEXT,
    PRIMARY KEY (repo, path, sha)
) WITHOUT ROWID;
DELETE FROM commits WHERE EXISTS (
    SELECT 1 FROM commit_files f WHERE f.repo = commits.repo AND f.sha = commits.sha
      AND (f.path = 'OWNERS' OR f.path LIKE '%/OWNERS' OR f.path = 'OWNERS_ALIASES'
           OR f.path LIKE '%/OWNERS_ALIASES'
           OR f.old_path = 'OWNERS' OR f.old_path LIKE '%/OWNERS'
           OR f.old_path = 'OWNERS_ALIASES' OR f.old_path LIKE '%/OWNERS_ALIASES'));
DELETE FROM commit_files WHERE NOT EXISTS (
    SELECT 1 FROM commits c WHERE c.repo = commit_files.repo AND c.sha = commit_files.sha);
"#,
];

/// How long an operation waits for another process's lock.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// The schema version this build writes.
pub fn schema_version() -> i32 {
    MIGRATIONS.len() as i32
}

/// Opening or writing the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("activity store `{path}`: {source}")]
    Sqlite {
        path: String,
        source: rusqlite::Error,
    },
    #[error("cannot create the directory of the activity store `{path}`: {source}")]
    Dir {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "activity store `{path}` has schema version {found}, newer than this bazaar ({supported}); upgrade bazaar"
    )]
    TooNew {
        path: String,
        found: i32,
        supported: i32,
    },
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// What writing one unit added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Inserted {
    pub commits: u64,
    pub events: u64,
    pub reviews: u64,
}

impl Store {
    /// Open (creating when missing) the store at `path`, in WAL mode, and
    /// apply pending migrations.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Dir {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Sqlite {
            path: path.display().to_string(),
            source,
        })?;
        Self::init(conn, path.to_path_buf())
    }

    /// A store that lives in memory (tests, the embedded sample).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Sqlite {
            path: ":memory:".into(),
            source,
        })?;
        Self::init(conn, PathBuf::from(":memory:"))
    }

    fn init(conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        let mut s = Store { conn, path };
        // Openers racing on a new file can be refused a lock without waiting
        // (SQLite answers BUSY at once where waiting could deadlock, e.g. two
        // connections switching the file to WAL): start over after a pause.
        let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
        let mut pause = std::time::Duration::from_millis(2);
        loop {
            match s.set_up() {
                Err(StoreError::Sqlite { source, .. })
                    if is_busy(&source) && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(std::time::Duration::from_millis(100));
                }
                r => return r.map(|()| s),
            }
        }
    }

    fn set_up(&mut self) -> Result<(), StoreError> {
        let r: rusqlite::Result<()> = (|| {
            self.conn.busy_timeout(BUSY_TIMEOUT)?;
            // A new store gets 64 KiB pages: bulk ingestion writes a quarter
            // as many WAL frames and system calls as with 4 KiB pages (about
            // 10% less CPU on GH Archive), and reports scan. An existing
            // file keeps its page size (SQLite ignores this then).
            self.conn.pragma_update(None, "page_size", 65_536)?;
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
            // Bulk ingestion: keep B-tree pages in memory (16 MiB, a fixed
            // bound) and checkpoint the WAL every 64 MiB instead of every
            // 1,000 pages, whatever the page size.
            self.conn.pragma_update(None, "cache_size", -16_384)?;
            let page: i64 = self
                .conn
                .pragma_query_value(None, "page_size", |r| r.get(0))?;
            self.conn
                .pragma_update(None, "wal_autocheckpoint", (64 << 20) / page.max(512))?;
            self.conn.pragma_update(None, "foreign_keys", "ON")?;
            Ok(())
        })();
        r.map_err(|e| self.err(e))?;
        self.migrate()
    }

    pub(crate) fn sqlite_err(&self, source: rusqlite::Error) -> StoreError {
        self.err(source)
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.display().to_string(),
            source,
        }
    }

    /// Where the store lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The current schema version of the file.
    pub fn version(&self) -> Result<i32, StoreError> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let supported = schema_version();
        let found = self.version()?;
        if found == supported {
            return Ok(());
        }
        if found > supported {
            return Err(self.too_new(found, supported));
        }
        // Take the write lock before reading the version again: another
        // process opening the same new store may be migrating it right now,
        // and the loser of that race must see the winner's schema.
        let path = self.path.display().to_string();
        let sql_err = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(sql_err)?;
        let found: i32 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sql_err)?;
        if found > supported {
            drop(tx);
            return Err(self.too_new(found, supported));
        }
        for sql in MIGRATIONS.iter().skip(found.max(0) as usize) {
            tx.execute_batch(sql).map_err(sql_err)?;
        }
        tx.pragma_update(None, "user_version", supported)
            .and_then(|()| tx.commit())
            .map_err(sql_err)
    }

    fn too_new(&self, found: i32, supported: i32) -> StoreError {
        StoreError::TooNew {
            path: self.path.display().to_string(),
            found,
            supported,
        }
    }

    /// The underlying connection, for the query API in this crate.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Shas already stored for `repo`.
    pub fn known_commits(&self, repo: &str) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT sha FROM commits WHERE repo = ?1")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([repo], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Store commits (and their per-file counts) in one transaction.
    pub fn insert_commits(
        &mut self,
        repo: &str,
        commits: &[GitCommit],
    ) -> Result<Inserted, StoreError> {
        let path = self.path.display().to_string();
        let e = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(e)?;
        let mut n = Inserted::default();
        {
            let mut c = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO commits VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                )
                .map_err(e)?;
            let mut f = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO commit_files VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(e)?;
            let mut m = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO merged_prs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(e)?;
            let mut o = tx
                .prepare_cached("INSERT OR IGNORE INTO owners_versions VALUES (?1, ?2, ?3, ?4, ?5)")
                .map_err(e)?;
            for cm in commits {
                let added = c
                    .execute(params![
                        repo,
                        cm.sha,
                        cm.author_name,
                        cm.author_email,
                        cm.author_time,
                        cm.author_offset,
                        cm.committer_name,
                        cm.committer_email,
                        cm.committer_time,
                        cm.parents,
                        cm.is_bot,
                        cm.added() as i64,
                        cm.removed() as i64,
                        cm.files.len() as i64,
                    ])
                    .map_err(e)?;
                if added == 0 {
                    continue;
                }
                n.commits += 1;
                for ch in &cm.owners_changes {
                    o.execute(params![repo, ch.path, cm.sha, cm.committer_time, ch.text])
                        .map_err(e)?;
                }
                if let Some(pr) = &cm.merged_pr {
                    m.execute(params![
                        repo,
                        pr.number as i64,
                        pr.author,
                        pr.author.to_lowercase(),
                        cm.sha,
                        pr.head,
                        cm.committer_time,
                    ])
                    .map_err(e)?;
                }
                for fs in &cm.files {
                    f.execute(params![
                        repo,
                        cm.sha,
                        fs.path,
                        fs.old_path,
                        fs.added,
                        fs.removed,
                        fs.binary
                    ])
                    .map_err(e)?;
                }
            }
        }
        tx.commit().map_err(e)?;
        Ok(n)
    }

    /// Whether an input was fully ingested before.
    pub fn source_done(&self, kind: &str, key: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT 1 FROM sources WHERE kind = ?1 AND key = ?2",
                [kind, key],
                |_| Ok(()),
            )
            .optional()
            .map(|o| o.is_some())
            .map_err(|e| self.err(e))
    }

    /// Store one hour file's events, PR facts and reviews, and mark the file
    /// done, all in one transaction.
    pub fn insert_hour_file(
        &mut self,
        key: &str,
        batch: &FileBatch,
    ) -> Result<Inserted, StoreError> {
        let mut n = self.insert_hour_files(&[(key, batch)])?;
        Ok(n.pop().unwrap_or_default())
    }

    /// Store several whole hour files in one transaction (fewer commits
    /// rewrite fewer index pages), each marked done under its key. Returns
    /// what each file added, in order.
    pub fn insert_hour_files(
        &mut self,
        files: &[(&str, &FileBatch)],
    ) -> Result<Vec<Inserted>, StoreError> {
        let path = self.path.display().to_string();
        let e = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(e)?;
        let mut added_per_file = Vec::with_capacity(files.len());
        {
            let mut ev = tx
                .prepare_cached("INSERT OR IGNORE INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .map_err(e)?;
            let mut pr = tx
                .prepare_cached(
                    // Order-independent merge (files arrive in any order):
                    // the least non-null value of each field. Consistent
                    // data has one value; inconsistent data still gives one
                    // answer whatever the order. (min() is NULL if either is.)
                    "INSERT INTO pull_requests VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (repo, number) DO UPDATE SET
                       author = coalesce(min(author, excluded.author), author, excluded.author),
                       created_at = coalesce(min(created_at, excluded.created_at), created_at, excluded.created_at),
                       merged_at = coalesce(min(merged_at, excluded.merged_at), merged_at, excluded.merged_at),
                       merged_by = coalesce(min(merged_by, excluded.merged_by), merged_by, excluded.merged_by)",
                )
                .map_err(e)?;
            let mut rv = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO reviews VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(e)?;
            let mut src = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO sources VALUES ('gharchive', ?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(e)?;
            // PR facts of the new events, merged per PR (sorted: the upserts
            // then walk the table's B-tree in order).
            let mut prs: BTreeMap<(&str, u64), PrMerge> = BTreeMap::new();
            for (key, batch) in files {
                let mut n = Inserted::default();
                for event in &batch.events {
                    let code = CONTRIBUTION_TYPES
                        .iter()
                        .position(|t| *t == event.kind)
                        .unwrap_or(0) as i64;
                    let added = ev
                        .execute(params![
                            event.id as i64,
                            code,
                            event.actor,
                            event.actor.to_lowercase(),
                            event.repo,
                            event.created_at,
                            event.is_bot,
                        ])
                        .map_err(e)?;
                    n.events += added as u64;
                    if added == 0 {
                        continue;
                    }
                    if let Some(p) = &event.pr {
                        prs.entry((event.repo.as_str(), p.number))
                            .and_modify(|m| m.merge(p))
                            .or_insert_with(|| PrMerge::from(p));
                        if let Some(r) = &event.review {
                            n.reviews += rv
                                .execute(params![
                                    r.kind,
                                    r.id as i64,
                                    event.id as i64,
                                    event.repo,
                                    p.number as i64,
                                    r.reviewer,
                                    r.reviewer.to_lowercase(),
                                    r.state,
                                    r.at,
                                ])
                                .map_err(e)? as u64;
                        }
                    }
                }
                src.execute(params![
                    key,
                    batch.lines as i64,
                    n.events as i64,
                    batch.malformed as i64,
                    batch.unknown_type as i64
                ])
                .map_err(e)?;
                added_per_file.push(n);
            }
            // One upsert per PR of the batch: the merge above follows the
            // SQL's rule (least non-null value), which does not depend on order.
            for ((repo, number), m) in &prs {
                pr.execute(params![
                    repo,
                    *number as i64,
                    m.author,
                    m.created_at,
                    m.merged_at,
                    m.merged_by
                ])
                .map_err(e)?;
            }
        }
        tx.commit().map_err(e)?;
        Ok(added_per_file)
    }

    /// Row counts of the main tables (for tests and `--verbose` summaries).
    pub fn totals(&self) -> Result<Totals, StoreError> {
        let q = |sql: &str| {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map_err(|e| self.err(e))
        };
        Ok(Totals {
            commits: q("SELECT count(*) FROM commits")? as u64,
            commit_files: q("SELECT count(*) FROM commit_files")? as u64,
            lines_added: q("SELECT coalesce(sum(added), 0) FROM commits")? as u64,
            events: q("SELECT count(*) FROM events")? as u64,
            pull_requests: q("SELECT count(*) FROM pull_requests")? as u64,
            reviews: q("SELECT count(*) FROM reviews")? as u64,
            sources: q("SELECT count(*) FROM sources")? as u64,
        })
    }
}

/// What the events of one batch say about one pull request, merged by the
/// rule the `pull_requests` upsert applies: the least non-null value of each
/// field.
struct PrMerge<'a> {
    author: Option<&'a str>,
    created_at: Option<i64>,
    merged_at: Option<i64>,
    merged_by: Option<&'a str>,
}

impl<'a> PrMerge<'a> {
    fn from(p: &'a crate::gharchive::PrFacts) -> Self {
        PrMerge {
            author: p.author.as_deref(),
            created_at: p.created_at,
            merged_at: p.merged_at,
            merged_by: p.merged_by.as_deref(),
        }
    }

    fn merge(&mut self, p: &'a crate::gharchive::PrFacts) {
        fn least<T: Ord>(a: Option<T>, b: Option<T>) -> Option<T> {
            match (a, b) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        }
        self.author = least(self.author, p.author.as_deref());
        self.created_at = least(self.created_at, p.created_at);
        self.merged_at = least(self.merged_at, p.merged_at);
        self.merged_by = least(self.merged_by, p.merged_by.as_deref());
    }
}

/// Row counts of the store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub commits: u64,
    pub commit_files: u64,
    pub lines_added: u64,
    pub events: u64,
    pub pull_requests: u64,
    pub reviews: u64,
    pub sources: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gharchive::PrFacts;

    fn facts(author: Option<&str>, created: Option<i64>, merged: Option<i64>) -> PrFacts {
        PrFacts {
            number: 1,
            author: author.map(str::to_string),
            created_at: created,
            merged_at: merged,
            merged_by: merged.map(|_| "m".to_string()),
            action: None,
        }
    }

    /// The batch merge gives the same facts in any order, and the least
    /// non-null value of each field, as the SQL upsert does.
    #[test]
    fn pr_merge_is_order_independent() {
        let all = [
            facts(Some("b"), Some(20), None),
            facts(None, Some(10), Some(30)),
            facts(Some("a"), None, Some(40)),
        ];
        let orders = [[0, 1, 2], [2, 1, 0], [1, 0, 2], [1, 2, 0]];
        let merged: Vec<_> = orders
            .iter()
            .map(|o| {
                let mut m = PrMerge::from(&all[o[0]]);
                m.merge(&all[o[1]]);
                m.merge(&all[o[2]]);
                (m.author, m.created_at, m.merged_at, m.merged_by)
            })
            .collect();
        assert!(merged.windows(2).all(|w| w[0] == w[1]), "{merged:?}");
        assert_eq!(merged[0], (Some("a"), Some(10), Some(30), Some("m")));
    }
}
