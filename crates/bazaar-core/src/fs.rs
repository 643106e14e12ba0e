//! The only code in bazaar that writes files.
//!
//! **Invariant:** a write either fully happens or leaves the target untouched:
//! contents go to a temporary file in the target's directory, which is then
//! renamed over the target (as `gix-lock` does). [`WriteBatch`] extends this
//! to many files: every file is staged first, and only when all staging
//! succeeded are they renamed into place, so a failure while preparing any
//! file touches none of them; if a rename fails midway, the files already
//! renamed are put back as they were (a hard link, or a copy, of each old
//! file is kept until the batch is done). New files get the mode any
//! program's new file gets (`0666` less the umask), not the temp file's
//! owner-only mode.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Reading or writing a file failed.
#[derive(Debug, thiserror::Error)]
pub enum FsError {
    #[error("cannot read `{path}`")]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot write `{path}`")]
    Write { path: PathBuf, source: io::Error },
}

/// Read a whole file as UTF-8 text.
pub fn read_to_string(path: &Path) -> Result<String, FsError> {
    fs::read_to_string(path).map_err(|source| FsError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Write `contents` to `path` atomically (temp file in the same directory, then rename).
/// Parent directories are created when missing.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), FsError> {
    let mut batch = WriteBatch::new();
    batch.add(path, contents.to_vec());
    batch.commit().map(|_| ())
}

/// One file of a batch and whether it differs from what is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedWrite {
    pub path: PathBuf,
    /// Current content, `None` when the file does not exist.
    pub old: Option<Vec<u8>>,
    pub new: Vec<u8>,
}

impl PlannedWrite {
    /// True when writing would change the file.
    pub fn changes(&self) -> bool {
        self.old.as_deref() != Some(self.new.as_slice())
    }
}

/// A set of files written together: all staged, then all renamed into place.
/// Files whose content is already right are not rewritten (a second run
/// changes nothing, not even modification times).
#[derive(Debug, Default)]
pub struct WriteBatch {
    files: Vec<(PathBuf, Vec<u8>)>,
}

impl WriteBatch {
    pub fn new() -> Self {
        Self::default()
    }

    /// Queue `contents` for `path`. A later `add` for the same path replaces the earlier one.
    pub fn add(&mut self, path: impl Into<PathBuf>, contents: Vec<u8>) {
        let path = path.into();
        if let Some(slot) = self.files.iter_mut().find(|(p, _)| *p == path) {
            slot.1 = contents;
        } else {
            self.files.push((path, contents));
        }
    }

    /// Number of queued files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Compare every queued file with the disk, without writing anything.
    pub fn plan(&self) -> Result<Vec<PlannedWrite>, FsError> {
        self.files
            .iter()
            .map(|(path, new)| {
                let old = match fs::read(path) {
                    Ok(bytes) => Some(bytes),
                    Err(e) if e.kind() == io::ErrorKind::NotFound => None,
                    Err(source) => {
                        return Err(FsError::Read {
                            path: path.clone(),
                            source,
                        });
                    }
                };
                Ok(PlannedWrite {
                    path: path.clone(),
                    old,
                    new: new.clone(),
                })
            })
            .collect()
    }

    /// Write every file that changes. Returns the paths written, in queue order.
    ///
    /// Staging (creating directories, writing temp files) happens for all files
    /// before any rename; if staging fails, temp files and directories created
    /// by this call are removed and no target is touched.
    pub fn commit(self) -> Result<Vec<PathBuf>, FsError> {
        let plan = self.plan()?;
        let mut created_dirs: Vec<PathBuf> = Vec::new();
        let mut staged: Vec<(tempfile::NamedTempFile, PathBuf)> = Vec::new();
        for p in plan.into_iter().filter(PlannedWrite::changes) {
            match stage(&p.path, &p.new, &mut created_dirs) {
                Ok(tmp) => staged.push((tmp, p.path)),
                Err(e) => {
                    drop(staged);
                    for dir in created_dirs.iter().rev() {
                        let _ = fs::remove_dir(dir);
                    }
                    return Err(e);
                }
            }
        }
        let mut written: Vec<(PathBuf, Option<PathBuf>)> = Vec::with_capacity(staged.len());
        let mut result = Ok(());
        for (i, (tmp, path)) in staged.into_iter().enumerate() {
            #[cfg(test)]
            if tests::FAIL_RENAME_AT.with(|f| f.get()) == Some(i) {
                result = Err(FsError::Write {
                    path,
                    source: io::Error::other("injected rename failure"),
                });
                break;
            }
            #[cfg(not(test))]
            let _ = i;
            // Keep the old file reachable until the whole batch is in place.
            let backup = match backup_of(&path) {
                Ok(b) => b,
                Err(source) => {
                    result = Err(FsError::Write { path, source });
                    break;
                }
            };
            if let Err(e) = tmp.persist(&path) {
                if let Some(b) = &backup {
                    let _ = fs::remove_file(b);
                }
                result = Err(FsError::Write {
                    path,
                    source: e.error,
                });
                break;
            }
            written.push((path, backup));
        }
        if let Err(e) = result {
            // Undo in reverse order: old files back, new files removed.
            for (path, backup) in written.iter().rev() {
                match backup {
                    Some(b) => {
                        let _ = fs::rename(b, path);
                    }
                    None => {
                        let _ = fs::remove_file(path);
                    }
                }
            }
            for dir in created_dirs.iter().rev() {
                let _ = fs::remove_dir(dir);
            }
            return Err(e);
        }
        for (_, backup) in &written {
            if let Some(b) = backup {
                let _ = fs::remove_file(b);
            }
        }
        Ok(written.into_iter().map(|(p, _)| p).collect())
    }
}

/// A hard link (or, where links are not possible, a copy) of `path` next to
/// it, when `path` exists.
fn backup_of(path: &Path) -> io::Result<Option<PathBuf>> {
    if !path.exists() {
        return Ok(None);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    for i in 0..100u32 {
        let b = dir.join(format!(".bazaar-bak-{}-{i}-{name}", std::process::id()));
        if b.exists() {
            continue;
        }
        return match fs::hard_link(path, &b) {
            Ok(()) => Ok(Some(b)),
            Err(_) => fs::copy(path, &b).map(|_| Some(b)),
        };
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free name for a backup of the old file",
    ))
}

fn stage(
    path: &Path,
    contents: &[u8],
    created_dirs: &mut Vec<PathBuf>,
) -> Result<tempfile::NamedTempFile, FsError> {
    let werr = |source| FsError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_dirs(&dir, created_dirs).map_err(werr)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bazaar-tmp-");
    // A temp file is owner-only; a new target gets an ordinary new file's
    // mode (the umask still applies when the file is created).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(werr)?;
    tmp.write_all(contents).map_err(werr)?;
    tmp.as_file().sync_data().map_err(werr)?;
    // Keep the target's permissions when replacing an existing file.
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(tmp.path(), meta.permissions()).map_err(werr)?;
    }
    Ok(tmp)
}

/// `create_dir_all`, remembering which directories did not exist before.
fn create_dirs(dir: &Path, created: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if d.as_os_str().is_empty() || d.exists() {
            break;
        }
        missing.push(d.to_path_buf());
        cur = d.parent();
    }
    for d in missing.into_iter().rev() {
        fs::create_dir(&d)?;
        created.push(d);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_writes_only_changed_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.txt");
        let b = dir.path().join("sub/b.txt");
        fs::write(&a, "same").expect("seed");
        let mut batch = WriteBatch::new();
        batch.add(&a, b"same".to_vec());
        batch.add(&b, b"new".to_vec());
        let written = batch.commit().expect("commit");
        assert_eq!(written, vec![b.clone()]);
        assert_eq!(fs::read_to_string(&b).expect("read"), "new");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_get_an_ordinary_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let ordinary = dir.path().join("ordinary");
        fs::write(&ordinary, "x").expect("plain write");
        let ours = dir.path().join("ours");
        write_atomic(&ours, b"x").expect("write");
        let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&ours), mode(&ordinary));
        // An existing file keeps its mode.
        fs::set_permissions(&ours, fs::Permissions::from_mode(0o600)).expect("chmod");
        write_atomic(&ours, b"y").expect("write");
        assert_eq!(mode(&ours), 0o600);
    }

    thread_local! {
        /// Make the rename of the n-th staged file fail (fault injection).
        pub(super) static FAIL_RENAME_AT: std::cell::Cell<Option<usize>> =
            const { std::cell::Cell::new(None) };
    }

    #[test]
    fn a_failed_rename_puts_back_what_was_renamed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.txt");
        let fresh = dir.path().join("sub/fresh.txt");
        fs::write(&a, "old").expect("seed");
        let mut batch = WriteBatch::new();
        batch.add(&a, b"new".to_vec());
        batch.add(&fresh, b"fresh".to_vec());
        batch.add(dir.path().join("third.txt"), b"x".to_vec());
        FAIL_RENAME_AT.with(|f| f.set(Some(2)));
        let r = batch.commit();
        FAIL_RENAME_AT.with(|f| f.set(None));
        assert!(r.is_err());
        assert!(
            !dir.path().join("sub").exists(),
            "created directory removed"
        );
        assert_eq!(fs::read_to_string(&a).expect("read"), "old", "restored");
        assert!(!fresh.exists(), "a file the batch created is removed");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .expect("ls")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".bazaar-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn failed_staging_touches_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.txt");
        fs::write(&a, "old").expect("seed");
        // A regular file where a directory is needed makes staging fail.
        let blocker = dir.path().join("blocker");
        fs::write(&blocker, "x").expect("seed");
        let mut batch = WriteBatch::new();
        batch.add(&a, b"new".to_vec());
        batch.add(dir.path().join("newdir/x.txt"), b"x".to_vec());
        batch.add(blocker.join("c.txt"), b"c".to_vec());
        assert!(batch.commit().is_err());
        assert_eq!(fs::read_to_string(&a).expect("read"), "old");
        assert!(!dir.path().join("newdir").exists(), "created dir removed");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .expect("ls")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".bazaar-tmp-"))
            .collect();
        assert!(leftovers.is_empty());
    }
}
