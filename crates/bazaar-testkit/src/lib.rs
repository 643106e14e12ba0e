//! Test support shared by every crate's tests (a dev-dependency only).
//!
//! - [`shared_data`] finds a data set under `../shared/data` (relative to the
//!   workspace root), or says clearly that the test is skipped.
//! - [`Dir`] is a scratch directory with helpers to create files.
//! - [`Rng`] is a small deterministic generator for generated inputs.

use std::fs;
use std::path::{Path, PathBuf};

/// The workspace root (the directory holding the top-level `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    // crates/bazaar-testkit → ../..
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Path of `../shared/data/<sub>` when it exists. `BAZAAR_SHARED_DATA`
/// overrides the location of `../shared/data`.
///
/// When it does not exist this prints `skipped: ../shared/data not found`
/// (visible with `--nocapture` and in the test log) and returns `None`; the
/// caller returns early.
pub fn shared_data(sub: &str) -> Option<PathBuf> {
    let base = std::env::var_os("BAZAAR_SHARED_DATA")
        .map_or_else(|| workspace_root().join("../shared/data"), PathBuf::from);
    if !base.is_dir() {
        eprintln!("skipped: ../shared/data not found");
        return None;
    }
    let p = base.join(sub);
    if !p.exists() {
        eprintln!("skipped: ../shared/data/{sub} not found");
        return None;
    }
    Some(p)
}

/// A scratch directory, removed when dropped.
pub struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        Dir {
            tmp: tempfile::tempdir().expect("a temporary directory can be created"),
        }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Write `contents` at `rel`, creating parent directories.
    pub fn create(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.tmp.path().join(rel);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).expect("parent directories can be created");
        }
        fs::write(&p, contents).expect("the scratch file can be written");
        p
    }

    /// Read the file at `rel` as text.
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.tmp.path().join(rel)).expect("the scratch file can be read")
    }

    /// Copy a directory tree into the scratch dir at `rel`.
    pub fn copy_tree(&self, from: &Path, rel: &str) -> PathBuf {
        let to = self.tmp.path().join(rel);
        copy_dir(from, &to);
        to
    }
}

impl Default for Dir {
    fn default() -> Self {
        Dir::new()
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("target directory can be created");
    for entry in fs::read_dir(from).expect("source directory can be listed") {
        let entry = entry.expect("directory entry can be read");
        let ty = entry.file_type().expect("file type is known");
        let dest = to.join(entry.file_name());
        if ty.is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            fs::copy(entry.path(), &dest).expect("file can be copied");
        }
    }
}

/// xorshift64*: a deterministic, dependency-free generator for generated
/// test inputs and benchmark data (`Rng(seed)`; a zero seed stays zero).
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % (n.max(1) as u64)).unwrap_or(0)
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
