//! The only code in bazaar that writes files.
//!
//! **Invariant:** a write either fully happens or leaves the target untouched:
//! contents go to a temporary file in the target's directory, which is then
//! renamed over the target (as `gix-lock` does). [`WriteBatch`] extends this
//! to many files: every file is staged first, and only when all staging
//! succeeded are they renamed into place, so a failure while preparing any
//! file touches none of them.

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
        let mut written = Vec::with_capacity(staged.len());
        for (tmp, path) in staged {
            tmp.persist(&path).map_err(|e| FsError::Write {
                path: path.clone(),
                source: e.error,
            })?;
            written.push(path);
        }
        Ok(written)
    }
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
    let mut tmp = tempfile::Builder::new()
        .prefix(".bazaar-tmp-")
        .tempfile_in(&dir)
        .map_err(werr)?;
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
