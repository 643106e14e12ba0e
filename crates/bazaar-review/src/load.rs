//! The I/O edge: walking a checkout for OWNERS files and reading `PR.json`.
//!
//! The walk reproduces Prow's `filepath.Walk` over the base branch checkout:
//! directories matching the denylist are skipped with everything below them,
//! only regular files count (symlinks are not followed), only files named
//! exactly `OWNERS` are read (plus `*.md` with mdYAML on), and the aliases
//! come from the root `OWNERS_ALIASES` only.

use std::fs;
use std::path::{Path, PathBuf};

use bazaar_core::Diagnostic;

use crate::owners::{
    DirDenylist, OwnersConfig, OwnersTree, Pos, SourceFile, SourceKind, Unreadable,
    UnreadableReason,
};
use crate::pr::{PrError, PullRequest};

/// Input that cannot be read at all (the CLI exits 2).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("`{path}` is not a directory")]
    NotADirectory { path: PathBuf },
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Located once: `path:line:col: message`.
    #[error("{}:{}:{}: {}", .path.display(), .error.line, .error.col, .error.message)]
    PullRequest { path: PathBuf, error: PrError },
}

/// The files of a checkout that matter for OWNERS, read but not parsed.
#[derive(Clone, Debug, Default)]
pub struct Checkout {
    pub sources: Vec<SourceFile>,
    /// Text of the root `OWNERS_ALIASES`, if there is one.
    pub aliases: Option<String>,
    /// OWNERS files and directories that could not be read (Prow skips them).
    pub unreadable: Vec<Unreadable>,
    /// Other problems met while walking (bad denylist patterns, an
    /// unreadable OWNERS_ALIASES).
    pub diagnostics: Vec<Diagnostic>,
}

/// Walk `root` as Prow does and read the OWNERS (and mdYAML) files.
pub fn read_checkout(root: &Path, config: &OwnersConfig) -> Result<Checkout, LoadError> {
    let meta = fs::metadata(root).map_err(|source| LoadError::Io {
        path: root.to_path_buf(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(LoadError::NotADirectory {
            path: root.to_path_buf(),
        });
    }
    // The root itself must be listable.
    fs::read_dir(root).map_err(|source| LoadError::Io {
        path: root.to_path_buf(),
        source,
    })?;
    let mut out = Checkout::default();
    let (denylist, bad) = DirDenylist::new(&config.dir_denylist);
    for msg in bad {
        out.diagnostics
            .push(Diagnostic::warning("review/filter-regex-invalid", msg));
    }
    // The root's entries are walked on as many threads as there are cores
    // (subtrees are independent); results are merged in path order.
    let mut top: Vec<fs::DirEntry> = fs::read_dir(root)
        .map_err(|source| LoadError::Io {
            path: root.to_path_buf(),
            source,
        })?
        .filter_map(Result::ok)
        .collect();
    top.sort_by_key(fs::DirEntry::file_name);
    if denylist.skips(".") {
        // A denylist pattern matching the root skips the whole walk, as in Prow.
        top.clear();
    }
    let (root_files, subdirs): (Vec<_>, Vec<_>) = top
        .into_iter()
        .partition(|e| !e.file_type().is_ok_and(|t| t.is_dir()));
    for e in root_files {
        visit_file(root, &e.path(), e.file_type().ok(), config, &mut out);
    }
    let subdirs: Vec<_> = subdirs
        .into_iter()
        .map(|e| e.path())
        .filter(|p| !denylist.skips(&rel_path(root, p)))
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8)
        .min(subdirs.len().max(1));
    let chunk = subdirs.len().div_ceil(threads).max(1);
    let parts: Vec<Checkout> = std::thread::scope(|scope| {
        let handles: Vec<_> = subdirs
            .chunks(chunk)
            .map(|dirs| {
                let denylist = &denylist;
                scope.spawn(move || {
                    let mut part = Checkout::default();
                    for d in dirs {
                        walk_subtree(root, d, denylist, config, &mut part);
                    }
                    part
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for part in parts {
        out.sources.extend(part.sources);
        out.unreadable.extend(part.unreadable);
        out.diagnostics.extend(part.diagnostics);
    }
    out.sources.sort_by(|a, b| a.path.cmp(&b.path));
    let aliases_path = root.join("OWNERS_ALIASES");
    match fs::read(&aliases_path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => out.aliases = Some(text),
            Err(_) => out.diagnostics.push(
                Diagnostic::warning(
                    "review/aliases-unparsable",
                    "OWNERS_ALIASES is not UTF-8 text, no alias is expanded",
                )
                .in_file("OWNERS_ALIASES"),
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => out.diagnostics.push(
            Diagnostic::warning(
                "review/aliases-unparsable",
                format!("cannot read OWNERS_ALIASES, no alias is expanded: {e}"),
            )
            .in_file("OWNERS_ALIASES"),
        ),
    }
    Ok(out)
}

/// Walk one top-level directory (already known not to be denylisted).
fn walk_subtree(
    root: &Path,
    dir: &Path,
    denylist: &DirDenylist,
    config: &OwnersConfig,
    out: &mut Checkout,
) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| !e.file_type().is_dir() || !denylist.skips(&rel_path(root, e.path())));
    for entry in walker {
        match entry {
            Ok(e) => visit_file(root, e.path(), Some(e.file_type()), config, out),
            Err(e) => {
                let path = e.path().map(|p| rel_path(root, p)).unwrap_or_default();
                let text = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                let is_dir = e
                    .path()
                    .and_then(|p| fs::symlink_metadata(p).ok())
                    .is_some_and(|m| m.is_dir());
                out.unreadable.push(Unreadable {
                    path,
                    pos: Pos::default(),
                    reason: if is_dir {
                        UnreadableReason::Dir(text)
                    } else {
                        UnreadableReason::Io(text)
                    },
                });
            }
        }
    }
}

/// Read a file if it is an OWNERS (or mdYAML) source.
fn visit_file(
    root: &Path,
    path: &Path,
    file_type: Option<fs::FileType>,
    config: &OwnersConfig,
    out: &mut Checkout,
) {
    if !file_type.is_some_and(|t| t.is_file()) {
        return;
    }
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return;
    };
    let kind = if name == "OWNERS" {
        SourceKind::Owners
    } else if config.md_yaml && name.ends_with(".md") {
        SourceKind::Markdown
    } else {
        return;
    };
    let rel = rel_path(root, path);
    match fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => out.sources.push(SourceFile {
                path: rel,
                kind,
                text,
            }),
            Err(e) => {
                let bytes = e.as_bytes();
                let valid = e.utf8_error().valid_up_to();
                out.unreadable.push(Unreadable {
                    path: rel,
                    pos: position_of(bytes, valid),
                    reason: UnreadableReason::NotUtf8 {
                        byte: bytes.get(valid).copied().unwrap_or(0),
                    },
                });
            }
        },
        Err(e) => out.unreadable.push(Unreadable {
            path: rel,
            pos: Pos::default(),
            reason: UnreadableReason::Io(e.to_string()),
        }),
    }
}

/// Line and column (from 1, in characters) of byte `at`, whose prefix is UTF-8.
fn position_of(bytes: &[u8], at: usize) -> Pos {
    let prefix = bytes
        .get(..at)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("");
    let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
    let line = prefix.matches('\n').count() + 1;
    let col = prefix[line_start..].chars().count() + 1;
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
    }
}

/// Walk, read and build the tree. Diagnostics are what Prow would only log.
pub fn load_tree(
    root: &Path,
    config: &OwnersConfig,
) -> Result<(OwnersTree, Vec<Diagnostic>), LoadError> {
    let checkout = read_checkout(root, config)?;
    let (mut tree, mut diags) =
        OwnersTree::build(&checkout.sources, checkout.aliases.as_deref(), config);
    tree.set_unreadable(checkout.unreadable);
    diags.extend(crate::rules::owners_unreadable::check(&tree));
    diags.extend(checkout.diagnostics);
    bazaar_core::diag::normalize(&mut diags);
    Ok((tree, diags))
}

/// Read and decode a `PR.json` file.
pub fn pull_request(path: &Path) -> Result<PullRequest, LoadError> {
    let text = fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    PullRequest::from_json(&text).map_err(|error| LoadError::PullRequest {
        path: path.to_path_buf(),
        error,
    })
}

/// `path` relative to `root`, with `/` separators (`""` for the root).
fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}
