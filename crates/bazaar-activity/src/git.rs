//! Reading git history with gix (the I/O edge for commits).
//!
//! [`read_commits`] turns commit ids into [`GitCommit`]s with per-file line
//! counts equal to `git log --numstat -M`: the first-parent tree diff (the
//! empty tree for a root commit), git's rename detection ([`crate::rename`]),
//! binary files (a NUL in the first 8000 bytes, as git checks) counted as
//! zero lines, and a Myers line diff for the rest. Merge commits are read
//! (author, dates) but not diffed: `git log --no-merges` and gitdm skip them.
//!
//! Work is spread over every core with rayon; each worker holds its own
//! repository handle with its own object cache.

use std::collections::HashMap;
use std::path::Path;

use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::diff::blob::{Algorithm, Diff, InternedInput};
use gix::diff::tree::recorder::{Change, Location};
use gix::diff::tree::{self, Recorder};
use gix::objs::{FindExt, TreeRefIter};

use crate::bots;
use crate::rename::{self, Blobs, Fingerprint, Side};

/// One commit as `git log --numstat -M` sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GitCommit {
    /// Hex object id.
    pub sha: String,
    pub author_name: String,
    /// Lower-cased.
    pub author_email: String,
    /// Unix seconds.
    pub author_time: i64,
    /// Offset of the author's time zone, in seconds east of UTC.
    pub author_offset: i32,
    pub committer_name: String,
    /// Lower-cased.
    pub committer_email: String,
    pub committer_time: i64,
    pub parents: u32,
    /// gitdm's bot rule (see [`crate::bots`]).
    pub is_bot: bool,
    /// Per-file counts in git's output order; empty for merges.
    pub files: Vec<FileStat>,
    /// For a GitHub merge commit ("Merge pull request #N from LOGIN/branch"):
    /// the pull request it merged.
    pub merged_pr: Option<MergedPr>,
    /// Files named `OWNERS` or `OWNERS_ALIASES` this commit adds, changes or
    /// deletes, with their new text: the history of who reviewed and
    /// approved where (the ladder's tenure dates). Empty for merges.
    pub owners_changes: Vec<OwnersChange>,
}

/// A new version of an OWNERS or OWNERS_ALIASES file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnersChange {
    pub path: String,
    /// The file's text after the commit; `None` when the commit deletes it.
    pub text: Option<String>,
}

/// Whether the ladder follows the history of this path.
pub fn is_owners_path(path: &[u8]) -> bool {
    let name = path.rsplit(|&b| b == b'/').next().unwrap_or(path);
    name == b"OWNERS" || name == b"OWNERS_ALIASES"
}

/// A pull request merged by a GitHub merge commit, as its subject line and
/// parents tell: GitHub writes `Merge pull request #N from OWNER/BRANCH`,
/// where OWNER is the fork the PR came from, that is its author's login.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedPr {
    pub number: u64,
    /// The head fork's owner, as written.
    pub author: String,
    /// The second parent: the PR's head commit.
    pub head: String,
}

/// `(number, owner)` from a GitHub merge commit subject, or `None` for any
/// other subject. The owner must look like a GitHub login (letters, digits
/// and inner hyphens, at most 39 characters).
pub fn parse_merge_subject(subject: &str) -> Option<(u64, &str)> {
    let rest = subject.strip_prefix("Merge pull request #")?;
    let (number, rest) = rest.split_once(" from ")?;
    let number: u64 = number.parse().ok()?;
    let (owner, branch) = rest.split_once('/')?;
    let login_like = !owner.is_empty()
        && owner.len() <= 39
        && owner
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !owner.starts_with('-')
        && !owner.ends_with('-');
    (login_like && !branch.is_empty()).then_some((number, owner))
}

impl GitCommit {
    pub fn is_merge(&self) -> bool {
        self.parents > 1
    }
    pub fn added(&self) -> u64 {
        self.files.iter().map(|f| u64::from(f.added)).sum()
    }
    pub fn removed(&self) -> u64 {
        self.files.iter().map(|f| u64::from(f.removed)).sum()
    }
}

/// One line of `--numstat`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStat {
    /// Path after the change (the new path of a rename).
    pub path: String,
    /// The old path of a rename.
    pub old_path: Option<String>,
    pub added: u32,
    pub removed: u32,
    /// Either side is binary (`-\t-` in numstat; counted as 0).
    pub binary: bool,
}

/// Reading a repository failed.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("`{path}` is not a git repository: {message}")]
    NotARepo { path: String, message: String },
    #[error("`{path}`: ref `{name}` not found: {message}")]
    MissingRef {
        path: String,
        name: String,
        message: String,
    },
    #[error("`{path}`: {message}")]
    Read { path: String, message: String },
}

/// An open repository, shareable between threads.
pub struct Repo {
    inner: gix::ThreadSafeRepository,
    shown: String,
}

impl Repo {
    /// Open the repository at `path` (a work tree or a bare repository).
    pub fn open(path: &Path) -> Result<Repo, GitError> {
        let shown = path.display().to_string();
        let inner = gix::open_opts(path, gix::open::Options::isolated()).map_err(|e| {
            GitError::NotARepo {
                path: shown.clone(),
                message: e.to_string(),
            }
        })?;
        Ok(Repo {
            inner: inner.into_sync(),
            shown,
        })
    }

    /// The path as the user gave it.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// A name for the repository: `owner/name` from the `origin` remote when
    /// it is a hosted URL, else the directory name.
    pub fn name(&self) -> String {
        let repo = self.inner.to_thread_local();
        let url = repo.find_remote("origin").ok().and_then(|r| {
            r.url(gix::remote::Direction::Fetch)
                .map(|u| u.to_bstring().to_string())
        });
        let from_dir = || {
            let dir = repo.workdir().unwrap_or_else(|| repo.git_dir());
            let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            let mut name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name == ".git" {
                name = dir
                    .parent()
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
            }
            name.trim_end_matches(".git").to_string()
        };
        match url {
            Some(u) if u.contains("://") || u.contains('@') => {
                let trimmed = u.trim_end_matches('/').trim_end_matches(".git");
                let parts: Vec<&str> = trimmed.rsplit(['/', ':']).take(2).collect();
                match parts.as_slice() {
                    [name, owner] if !owner.is_empty() && !name.is_empty() => {
                        format!("{owner}/{name}")
                    }
                    _ => from_dir(),
                }
            }
            _ => from_dir(),
        }
    }

    /// Resolve `refs` (default `HEAD`) to commit ids.
    pub fn tips(&self, refs: &[String]) -> Result<Vec<ObjectId>, GitError> {
        let repo = self.inner.to_thread_local();
        let wanted: Vec<String> = if refs.is_empty() {
            vec!["HEAD".to_string()]
        } else {
            refs.to_vec()
        };
        let mut out = Vec::new();
        for name in wanted {
            let missing = |message: String| GitError::MissingRef {
                path: self.shown.clone(),
                name: name.clone(),
                message,
            };
            let id = repo
                .rev_parse_single(name.as_str())
                .map_err(|e| missing(e.to_string()))?;
            let commit = id
                .object()
                .map_err(|e| missing(e.to_string()))?
                .peel_to_commit()
                .map_err(|e| missing(format!("does not point to a commit: {e}")))?;
            out.push(commit.id);
        }
        Ok(out)
    }

    /// Every commit reachable from `tips`, newest first.
    pub fn walk(&self, tips: &[ObjectId]) -> Result<Vec<ObjectId>, GitError> {
        let repo = self.inner.to_thread_local();
        let rerr = |e: &dyn std::fmt::Display| GitError::Read {
            path: self.shown.clone(),
            message: e.to_string(),
        };
        let walk = repo
            .rev_walk(tips.iter().copied())
            .all()
            .map_err(|e| rerr(&e))?;
        let mut ids = Vec::new();
        for info in walk {
            ids.push(info.map_err(|e| rerr(&e))?.id);
        }
        Ok(ids)
    }

    /// Read `ids` in parallel and return them in the order given;
    /// `progress(n)` is called as commits finish.
    pub fn read_commits(
        &self,
        ids: &[ObjectId],
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<Vec<GitCommit>, GitError> {
        let (tx, rx) = std::sync::mpsc::sync_channel(256);
        let mut out: Vec<Option<GitCommit>> = vec![None; ids.len()];
        std::thread::scope(|s| {
            s.spawn(|| self.read_commits_into(ids, tx));
            for (i, c) in rx {
                progress(1);
                out[i] = Some(c?);
            }
            Ok::<(), GitError>(())
        })?;
        Ok(out.into_iter().flatten().collect())
    }

    /// Read `ids` on every core and send `(index, commit)` as each finishes.
    ///
    /// Each worker takes a contiguous run of the ids (neighbouring commits
    /// share trees and delta chains) and keeps one repository handle with
    /// its caches for the whole run. Stops early when the receiver hangs up.
    pub fn read_commits_into(
        &self,
        ids: &[ObjectId],
        tx: std::sync::mpsc::SyncSender<(usize, Result<GitCommit, GitError>)>,
    ) {
        let workers = rayon::current_num_threads().clamp(1, ids.len().max(1));
        let per = ids.len().div_ceil(workers);
        std::thread::scope(|s| {
            for (part, chunk) in ids.chunks(per.max(1)).enumerate() {
                let tx = tx.clone();
                s.spawn(move || {
                    let mut w = Worker::new(&self.inner);
                    for (k, id) in chunk.iter().enumerate() {
                        let c = w.commit(*id).map_err(|message| GitError::Read {
                            path: self.shown.clone(),
                            message: format!("commit {id}: {message}"),
                        });
                        if tx.send((part * per + k, c)).is_err() {
                            return;
                        }
                    }
                });
            }
        });
    }
}

/// Per-thread state: a repository handle with an object cache, and buffers.
struct Worker {
    repo: gix::Repository,
    state: tree::State,
    buf1: Vec<u8>,
    buf2: Vec<u8>,
}

impl Worker {
    fn new(sync: &gix::ThreadSafeRepository) -> Worker {
        let mut repo = sync.to_thread_local();
        // Like git's delta base cache: keep decoded delta bases, since
        // neighbouring commits read the same blobs' chains.
        repo.objects.set_pack_cache(|| {
            Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(
                96 * 1024 * 1024,
            ))
        });
        repo.object_cache_size(Some(64 * 1024 * 1024));
        Worker {
            repo,
            state: tree::State::default(),
            buf1: Vec::new(),
            buf2: Vec::new(),
        }
    }

    fn commit(&mut self, id: ObjectId) -> Result<GitCommit, String> {
        let (mut out, parents, tree_id) = {
            let commit = self.repo.find_commit(id).map_err(|e| e.to_string())?;
            let decoded = commit.decode().map_err(|e| e.to_string())?;
            let author = decoded.author().map_err(|e| e.to_string())?.trim();
            let committer = decoded.committer().map_err(|e| e.to_string())?.trim();
            let atime = author.time().map_err(|e| e.to_string())?;
            let ctime = committer.time().map_err(|e| e.to_string())?;
            let parents: Vec<ObjectId> = decoded.parents().collect();
            let merged_pr = match parents.get(1) {
                Some(head) => {
                    let subject = decoded.message.lines().next().unwrap_or_default();
                    parse_merge_subject(&subject.to_str_lossy()).map(|(number, author)| MergedPr {
                        number,
                        author: author.to_string(),
                        head: head.to_string(),
                    })
                }
                None => None,
            };
            let author_name = author.name.to_str_lossy().into_owned();
            let author_email = author.email.to_str_lossy().to_lowercase();
            let out = GitCommit {
                sha: id.to_string(),
                is_bot: bots::is_bot_commit_author(&author_name, &author_email),
                author_name,
                author_email,
                author_time: atime.seconds,
                author_offset: atime.offset,
                committer_name: committer.name.to_str_lossy().into_owned(),
                committer_email: committer.email.to_str_lossy().to_lowercase(),
                committer_time: ctime.seconds,
                parents: parents.len() as u32,
                files: Vec::new(),
                merged_pr,
                owners_changes: Vec::new(),
            };
            (out, parents, decoded.tree())
        };
        if parents.len() <= 1 {
            let old_tree = match parents.first() {
                Some(p) => Some(
                    self.repo
                        .find_commit(*p)
                        .map_err(|e| e.to_string())?
                        .tree_id()
                        .map_err(|e| e.to_string())?
                        .detach(),
                ),
                None => None,
            };
            let (files, owners) = self.numstat(old_tree, tree_id)?;
            out.files = files;
            for (path, oid) in owners {
                let text = match oid {
                    Some(oid) => {
                        let obj = self.repo.find_object(oid).map_err(|e| e.to_string())?;
                        Some(String::from_utf8_lossy(&obj.data).into_owned())
                    }
                    None => None,
                };
                out.owners_changes.push(OwnersChange { path, text });
            }
        }
        Ok(out)
    }

    /// `git diff --numstat -M old new` for two trees, and the OWNERS files
    /// the diff touches (path, new blob or `None` for a deletion).
    #[allow(clippy::type_complexity)]
    fn numstat(
        &mut self,
        old: Option<ObjectId>,
        new: ObjectId,
    ) -> Result<(Vec<FileStat>, Vec<(String, Option<ObjectId>)>), String> {
        let objects = &self.repo.objects;
        let lhs = match old {
            Some(t) => objects
                .find_tree_iter(&t, &mut self.buf1)
                .map_err(|e| e.to_string())?,
            None => TreeRefIter::from_bytes(&[], gix::hash::Kind::Sha1),
        };
        let rhs = objects
            .find_tree_iter(&new, &mut self.buf2)
            .map_err(|e| e.to_string())?;
        let mut rec = Recorder::default().track_location(Some(Location::Path));
        gix::diff::tree(lhs, rhs, &mut self.state, objects, &mut rec).map_err(|e| e.to_string())?;

        // Split into modifications, deletions (sources) and additions (destinations).
        struct Entry {
            path: Vec<u8>,
            mode: u32,
            oid: ObjectId,
        }
        let mut dels: Vec<Entry> = Vec::new();
        let mut adds: Vec<Entry> = Vec::new();
        let mut mods: Vec<(Vec<u8>, Entry, Entry)> = Vec::new();
        for ch in rec.records {
            match ch {
                Change::Addition {
                    entry_mode,
                    oid,
                    path,
                    ..
                } if !entry_mode.is_tree() => {
                    adds.push(Entry {
                        path: path.into(),
                        mode: u32::from(entry_mode.value()),
                        oid,
                    });
                }
                Change::Deletion {
                    entry_mode,
                    oid,
                    path,
                    ..
                } if !entry_mode.is_tree() => {
                    dels.push(Entry {
                        path: path.into(),
                        mode: u32::from(entry_mode.value()),
                        oid,
                    });
                }
                Change::Modification {
                    previous_entry_mode,
                    previous_oid,
                    entry_mode,
                    oid,
                    path,
                } => {
                    match (previous_entry_mode.is_tree(), entry_mode.is_tree()) {
                        (true, true) => {}
                        // A tree replaced by a file or the reverse: a deletion plus an addition.
                        (true, false) => adds.push(Entry {
                            path: path.into(),
                            mode: u32::from(entry_mode.value()),
                            oid,
                        }),
                        (false, true) => dels.push(Entry {
                            path: path.into(),
                            mode: u32::from(previous_entry_mode.value()),
                            oid: previous_oid,
                        }),
                        (false, false) => {
                            let p: Vec<u8> = path.into();
                            mods.push((
                                p.clone(),
                                Entry {
                                    path: p.clone(),
                                    mode: u32::from(previous_entry_mode.value()),
                                    oid: previous_oid,
                                },
                                Entry {
                                    path: p,
                                    mode: u32::from(entry_mode.value()),
                                    oid,
                                },
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
        let mut owners: Vec<(String, Option<ObjectId>)> = Vec::new();
        for e in &dels {
            if is_owners_path(&e.path) {
                owners.push((lossy(&e.path), None));
            }
        }
        for e in adds.iter().chain(mods.iter().map(|m| &m.2)) {
            if is_owners_path(&e.path) {
                owners.push((lossy(&e.path), Some(e.oid)));
            }
        }
        // A path deleted and added again (a type change) ends up present.
        owners.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.is_some().cmp(&b.1.is_some())));
        owners.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                earlier.1 = later.1;
            }
            same
        });
        // git's diff queue is in path order (gix walks breadth first).
        dels.sort_by(|a, b| a.path.cmp(&b.path));
        adds.sort_by(|a, b| a.path.cmp(&b.path));

        let mut blobs = BlobCache {
            repo: &self.repo,
            data: HashMap::new(),
            fps: HashMap::new(),
        };
        let pairs = {
            let srcs: Vec<Side> = dels
                .iter()
                .map(|e| Side {
                    path: &e.path,
                    mode: e.mode,
                    oid: e.oid.as_bytes(),
                })
                .collect();
            let dsts: Vec<Side> = adds
                .iter()
                .map(|e| Side {
                    path: &e.path,
                    mode: e.mode,
                    oid: e.oid.as_bytes(),
                })
                .collect();
            let mut lookup = PairBlobs {
                cache: &mut blobs,
                srcs: &dels,
                dsts: &adds,
                oid: |e: &Entry| (e.oid, e.mode),
            };
            rename::detect(&srcs, &dsts, &mut lookup)
        };
        let mut src_used = vec![false; dels.len()];
        let mut dst_used = vec![false; adds.len()];
        // (sort key path, FileStat)
        let mut stats: Vec<(Vec<u8>, FileStat)> = Vec::new();
        for (s, d) in pairs {
            src_used[s] = true;
            dst_used[d] = true;
            let (a, r, bin) =
                blobs.count((dels[s].oid, dels[s].mode), (adds[d].oid, adds[d].mode))?;
            stats.push((
                adds[d].path.clone(),
                FileStat {
                    path: lossy(&adds[d].path),
                    old_path: Some(lossy(&dels[s].path)),
                    added: a,
                    removed: r,
                    binary: bin,
                },
            ));
        }
        for (p, old, new) in mods {
            let (a, r, bin) = blobs.count((old.oid, old.mode), (new.oid, new.mode))?;
            stats.push((
                p.clone(),
                FileStat {
                    path: lossy(&p),
                    old_path: None,
                    added: a,
                    removed: r,
                    binary: bin,
                },
            ));
        }
        for (i, e) in adds.iter().enumerate().filter(|(i, _)| !dst_used[*i]) {
            let _ = i;
            let (lines, bin) = blobs.lines(e.oid, e.mode)?;
            stats.push((
                e.path.clone(),
                FileStat {
                    path: lossy(&e.path),
                    old_path: None,
                    added: lines,
                    removed: 0,
                    binary: bin,
                },
            ));
        }
        for (i, e) in dels.iter().enumerate().filter(|(i, _)| !src_used[*i]) {
            let _ = i;
            let (lines, bin) = blobs.lines(e.oid, e.mode)?;
            stats.push((
                e.path.clone(),
                FileStat {
                    path: lossy(&e.path),
                    old_path: None,
                    added: 0,
                    removed: lines,
                    binary: bin,
                },
            ));
        }
        stats.sort_by(|a, b| a.0.cmp(&b.0));
        Ok((stats.into_iter().map(|(_, s)| s).collect(), owners))
    }
}

fn lossy(p: &[u8]) -> String {
    String::from_utf8_lossy(p).into_owned()
}

const GITLINK: u32 = 0o160000;

/// Blob contents and fingerprints of one commit's diff, loaded once each.
struct BlobCache<'r> {
    repo: &'r gix::Repository,
    data: HashMap<ObjectId, Vec<u8>>,
    fps: HashMap<ObjectId, Fingerprint>,
}

impl BlobCache<'_> {
    /// The content git diffs for an entry: the blob, or for a submodule
    /// (gitlink) the line `Subproject commit <id>`.
    fn get(&mut self, oid: ObjectId, mode: u32) -> Result<&[u8], String> {
        if !self.data.contains_key(&oid) {
            let bytes = if mode == GITLINK {
                format!("Subproject commit {oid}\n").into_bytes()
            } else {
                let mut buf = Vec::new();
                self.repo
                    .objects
                    .find_blob(&oid, &mut buf)
                    .map_err(|e| e.to_string())?;
                buf
            };
            self.data.insert(oid, bytes);
        }
        Ok(self.data.get(&oid).map(Vec::as_slice).unwrap_or_default())
    }

    /// Lines of a whole file (added or deleted), and whether it is binary.
    fn lines(&mut self, oid: ObjectId, mode: u32) -> Result<(u32, bool), String> {
        let data = self.get(oid, mode)?;
        if rename::is_binary(data) {
            return Ok((0, true));
        }
        Ok((count_lines(data), false))
    }

    /// Added and removed lines between two blobs, and whether either is binary.
    fn count(
        &mut self,
        old: (ObjectId, u32),
        new: (ObjectId, u32),
    ) -> Result<(u32, u32, bool), String> {
        if old.0 == new.0 {
            let bin = rename::is_binary(self.get(old.0, old.1)?);
            return Ok((0, 0, bin));
        }
        self.get(old.0, old.1)?;
        self.get(new.0, new.1)?;
        let a = self.data.get(&old.0).map(Vec::as_slice).unwrap_or_default();
        let b = self.data.get(&new.0).map(Vec::as_slice).unwrap_or_default();
        if rename::is_binary(a) || rename::is_binary(b) {
            return Ok((0, 0, true));
        }
        let (added, removed) = line_diff(a, b);
        Ok((added, removed, false))
    }
}

/// Lines of a text: newlines, plus one for an unterminated last line.
pub fn count_lines(data: &[u8]) -> u32 {
    let n = memchr::memchr_iter(b'\n', data).count() as u32;
    n + u32::from(data.last().is_some_and(|&c| c != b'\n'))
}

/// Added and removed lines between two texts (Myers, as git's default).
pub fn line_diff(a: &[u8], b: &[u8]) -> (u32, u32) {
    let input = InternedInput::new(a, b);
    let diff = Diff::compute(Algorithm::Myers, &input);
    (diff.count_additions(), diff.count_removals())
}

/// Adapter giving [`rename::detect`] lazy access to sizes and fingerprints.
struct PairBlobs<'a, 'r, E, F: Fn(&E) -> (ObjectId, u32)> {
    cache: &'a mut BlobCache<'r>,
    srcs: &'a [E],
    dsts: &'a [E],
    oid: F,
}

impl<E, F: Fn(&E) -> (ObjectId, u32)> Blobs for PairBlobs<'_, '_, E, F> {
    fn size(&mut self, src: bool, i: usize) -> u64 {
        let (oid, mode) = (self.oid)(if src { &self.srcs[i] } else { &self.dsts[i] });
        self.cache.get(oid, mode).map_or(0, |d| d.len() as u64)
    }
    fn fingerprint(&mut self, src: bool, i: usize) -> &Fingerprint {
        let (oid, mode) = (self.oid)(if src { &self.srcs[i] } else { &self.dsts[i] });
        if !self.cache.fps.contains_key(&oid) {
            let fp = Fingerprint::of(self.cache.get(oid, mode).unwrap_or_default());
            self.cache.fps.insert(oid, fp);
        }
        &self.cache.fps[&oid]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_like_git() {
        assert_eq!(count_lines(b""), 0);
        assert_eq!(count_lines(b"a"), 1);
        assert_eq!(count_lines(b"a\nb\n"), 2);
        assert_eq!(count_lines(b"a\nb"), 2);
        assert_eq!(line_diff(b"a\nb\nc\n", b"a\nB\nc\nd\n"), (2, 1));
        // A missing final newline is a changed line, as in git.
        assert_eq!(line_diff(b"a\nb", b"a\nb\n"), (1, 1));
    }

    #[test]
    fn owners_paths() {
        assert!(is_owners_path(b"OWNERS"));
        assert!(is_owners_path(b"keps/sig-node/OWNERS"));
        assert!(is_owners_path(b"OWNERS_ALIASES"));
        assert!(!is_owners_path(b"keps/OWNERS.md"));
        assert!(!is_owners_path(b"NOT_OWNERS"));
    }

    #[test]
    fn github_merge_subjects() {
        assert_eq!(
            parse_merge_subject("Merge pull request #6256 from AkihiroSuda/rootless-beta"),
            Some((6256, "AkihiroSuda"))
        );
        assert_eq!(
            parse_merge_subject("Merge pull request #12 from a-b/c/d"),
            Some((12, "a-b"))
        );
        for other in [
            "Merge branch 'master' into x",
            "Merge pull request #x from a/b",
            "Merge pull request #1 from a",
            "Merge pull request #1 from a/",
            "Merge pull request #1 from -a/b",
            "Merge pull request #1 from a_b/c",
            "Merge remote-tracking branch 'upstream/master'",
        ] {
            assert_eq!(parse_merge_subject(other), None, "{other}");
        }
    }
}
