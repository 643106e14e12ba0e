//! Ingestion: inputs → store, with progress reported through [`Progress`].
//!
//! Git: walk the refs, skip commits already stored, read the rest in
//! parallel in chunks, and write each chunk in one transaction.
//!
//! GH Archive: one file per worker (decompression dominates, so files are
//! read in parallel on every core), a bounded channel to the single writer,
//! one transaction per file. A file that cannot be read to its end (a
//! truncated gzip) commits nothing; malformed lines are counted and reported.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use bazaar_core::Diagnostic;
use rayon::prelude::*;

use crate::gharchive::{self, Filter, ReadError};
use crate::git::{GitError, Repo};
use crate::store::{Store, StoreError};

/// Where progress goes (a terminal bar in the CLI, nothing in tests).
pub trait Progress: Sync {
    /// A new phase with `total` units (`commits`, `bytes`, ...).
    fn start(&self, _total: u64, _unit: &'static str, _message: &str) {}
    fn inc(&self, _n: u64) {}
    fn finish(&self) {}
}

/// Progress that goes nowhere.
pub struct NoProgress;
impl Progress for NoProgress {}

/// Ingestion failed as a whole.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What ingesting one repository did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GitReport {
    /// The name commits are stored under.
    pub repo: String,
    /// Commits reachable from the refs.
    pub reachable: u64,
    /// Commits added by this run (the rest were already stored).
    pub added: u64,
}

/// Commits read and written per transaction.
const GIT_CHUNK: usize = 2000;

/// Ingest the history of the repository at `path` reachable from `refs`
/// (default `HEAD`) under the name `name` (default: [`Repo::name`]).
pub fn ingest_git(
    store: &mut Store,
    path: &Path,
    refs: &[String],
    name: Option<&str>,
    progress: &dyn Progress,
) -> Result<GitReport, IngestError> {
    let repo = Repo::open(path)?;
    let name = name.map_or_else(|| repo.name(), str::to_string);
    let tips = repo.tips(refs)?;
    let ids = repo.walk(&tips)?;
    let known = store.known_commits(&name)?;
    let todo: Vec<_> = ids
        .iter()
        .filter(|id| !known.contains(&id.to_string()))
        .copied()
        .collect();
    let mut report = GitReport {
        repo: name.clone(),
        reachable: ids.len() as u64,
        added: 0,
    };
    progress.start(todo.len() as u64, "commits", &name);
    // Workers read on every core; this thread writes whole batches of
    // commits, each in one transaction.
    let (tx, rx) = std::sync::mpsc::sync_channel(1024);
    std::thread::scope(|s| -> Result<(), IngestError> {
        let repo = &repo;
        let todo = &todo;
        s.spawn(move || repo.read_commits_into(todo, tx));
        let mut batch = Vec::with_capacity(GIT_CHUNK);
        for (_, c) in rx {
            progress.inc(1);
            batch.push(c?);
            if batch.len() == GIT_CHUNK {
                report.added += store.insert_commits(&name, &batch)?.commits;
                batch.clear();
            }
        }
        report.added += store.insert_commits(&name, &batch)?.commits;
        Ok(())
    })?;
    progress.finish();
    Ok(report)
}

/// What ingesting one hour file did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileReport {
    pub path: PathBuf,
    /// Already ingested by an earlier run: not read again.
    pub skipped: bool,
    pub lines: u64,
    /// Contribution events that passed the filter.
    pub events: u64,
    /// Of those, new to the store.
    pub new_events: u64,
    pub malformed: u64,
    pub unknown_types: u64,
    /// Why nothing from the file was stored.
    pub error: Option<String>,
}

/// The key under which a file is remembered as done: its name and size,
/// and the filter it was read with (a file read for one org has not been
/// read for another).
fn source_key(path: &Path, size: u64, filter: &Filter) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut key = format!("{name}:{size}");
    if !filter.orgs.is_empty() || !filter.repos.is_empty() {
        let sorted = |v: &[String]| {
            let mut v = v.to_vec();
            v.sort();
            v.dedup();
            v.join(",")
        };
        key.push_str(&format!(
            " orgs={} repos={}",
            sorted(&filter.orgs),
            sorted(&filter.repos)
        ));
    }
    key
}

/// Events written per transaction at most (whole files only): fewer
/// commits rewrite fewer index pages, and a crash loses at most this much
/// work, never part of a file.
const GHARCHIVE_EVENTS_PER_TRANSACTION: usize = 50_000;

/// Ingest GH Archive hour files. Returns one report per file (in the order
/// given) and the diagnostics of bad lines. A store error stops everything
/// (what was committed stays committed, whole files only).
pub fn ingest_gharchive(
    store: &mut Store,
    files: &[PathBuf],
    filter: &Filter,
    progress: &dyn Progress,
) -> Result<(Vec<FileReport>, Vec<Diagnostic>), IngestError> {
    let mut reports: Vec<FileReport> = files
        .iter()
        .map(|p| FileReport {
            path: p.clone(),
            ..Default::default()
        })
        .collect();
    // Sizes and keys are taken once, before reading: a file is recorded
    // under the key it was checked against.
    let sizes: Vec<u64> = files
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .collect();
    let keys: Vec<String> = files
        .iter()
        .zip(&sizes)
        .map(|(p, size)| source_key(p, *size, filter))
        .collect();
    let mut todo = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        if store.source_done("gharchive", key)? {
            reports[i].skipped = true;
        } else {
            todo.push(i);
        }
    }
    let total: u64 = todo.iter().map(|&i| sizes[i]).sum();
    progress.start(total, "bytes", "GH Archive");
    let mut diags = Vec::new();
    // Workers read whole files; the bounded channel keeps at most a few
    // decoded files in memory while the writer catches up.
    let (tx, rx) = mpsc::sync_channel::<(usize, Result<gharchive::FileBatch, ReadError>)>(4);
    let result = std::thread::scope(|scope| -> Result<(), IngestError> {
        let todo_ref = &todo;
        scope.spawn(move || {
            todo_ref.par_iter().for_each_with(tx, |tx, &i| {
                let r = gharchive::read_hour_file(&files[i], filter);
                // The receiver only hangs up on a store error; stop quietly then.
                let _ = tx.send((i, r));
            });
        });
        // Owned here so that a store error drops it, which stops the
        // readers (they would block on a full channel otherwise).
        let rx = rx;
        // Take what the readers have ready (without waiting) and write it
        // in one transaction.
        let events_in =
            |r: &Result<gharchive::FileBatch, ReadError>| r.as_ref().map_or(0, |b| b.events.len());
        while let Ok(first) = rx.recv() {
            let mut events = events_in(&first.1);
            let mut ready = vec![first];
            while events < GHARCHIVE_EVENTS_PER_TRANSACTION {
                match rx.try_recv() {
                    Ok(next) => {
                        events += events_in(&next.1);
                        ready.push(next);
                    }
                    Err(_) => break,
                }
            }
            let batches: Vec<(&str, &gharchive::FileBatch)> = ready
                .iter()
                .filter_map(|(i, r)| r.as_ref().ok().map(|b| (keys[*i].as_str(), b)))
                .collect();
            let mut added = store.insert_hour_files(&batches)?.into_iter();
            for (i, r) in ready {
                progress.inc(sizes[i]);
                let rep = &mut reports[i];
                match r {
                    Ok(batch) => {
                        let n = added.next().unwrap_or_default();
                        rep.lines = batch.lines;
                        rep.events = batch.events.len() as u64;
                        rep.new_events = n.events;
                        rep.malformed = batch.malformed;
                        rep.unknown_types = batch.unknown_type;
                        diags.extend(batch.diagnostics);
                    }
                    Err(e) => rep.error = Some(e.to_string()),
                }
            }
        }
        Ok(())
    });
    progress.finish();
    result?;
    Ok((reports, diags))
}
