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

use crate::owners::{DirDenylist, OwnersConfig, OwnersTree, SourceFile, SourceKind};
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
    #[error("`{path}`:{}:{}: {}", .error.line, .error.col, .error.message)]
    PullRequest { path: PathBuf, error: PrError },
}

/// The files of a checkout that matter for OWNERS, read but not parsed.
#[derive(Clone, Debug, Default)]
pub struct Checkout {
    pub sources: Vec<SourceFile>,
    /// Text of the root `OWNERS_ALIASES`, if there is one.
    pub aliases: Option<String>,
    /// Problems met while walking (unreadable entries, bad denylist patterns).
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
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if !e.file_type().is_dir() {
                return true;
            }
            let rel = rel_path(root, e.path());
            !denylist.skips(if rel.is_empty() { "." } else { &rel })
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| rel_path(root, p)).unwrap_or_default();
                out.diagnostics.push(
                    Diagnostic::warning(
                        "review/owners-unparsable",
                        format!("cannot read this entry, Prow would skip it: {e}"),
                    )
                    .in_file(path),
                );
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let kind = if name == "OWNERS" {
            SourceKind::Owners
        } else if config.md_yaml && name.ends_with(".md") {
            SourceKind::Markdown
        } else {
            continue;
        };
        let rel = rel_path(root, entry.path());
        match fs::read(entry.path()) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => out.sources.push(SourceFile {
                    path: rel,
                    kind,
                    text,
                }),
                Err(_) => out.diagnostics.push(
                    Diagnostic::warning(
                        "review/owners-unparsable",
                        "the file is not UTF-8 text, Prow skips it",
                    )
                    .in_file(rel),
                ),
            },
            Err(e) => out.diagnostics.push(
                Diagnostic::warning(
                    "review/owners-unparsable",
                    format!("cannot read this file, Prow would skip it: {e}"),
                )
                .in_file(rel),
            ),
        }
    }
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

/// Walk, read and build the tree. Diagnostics are what Prow would only log.
pub fn load_tree(
    root: &Path,
    config: &OwnersConfig,
) -> Result<(OwnersTree, Vec<Diagnostic>), LoadError> {
    let checkout = read_checkout(root, config)?;
    let (tree, mut diags) =
        OwnersTree::build(&checkout.sources, checkout.aliases.as_deref(), config);
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
