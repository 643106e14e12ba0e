//! Reading a kubernetes/org checkout from disk into an [`OrgTree`].
//!
//! The walk follows `make config` / `cmd/merge`: each directory directly
//! under `config/` is an org whose `org.yaml` is decoded first; then, in
//! lexical order, each first-level subdirectory's `teams.yaml` is merged in
//! (files directly in the org directory and deeper directories are
//! ignored). Directories named `linux_*` / `darwin_*` are skipped as
//! kubernetes/org's test does, and so are hidden ones.
//!
//! A file that does not decode becomes a located finding and the walk goes
//! on; only a root that cannot be read at all is an error.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use bazaar_core::Diagnostic;

use crate::org::owners::{self, Aliases, OwnersScope};
use crate::org::parse::parse_org_file;
use crate::org::restrictions::parse_restrictions;
use crate::org::{Org, OrgDir, OrgTree};

/// The org repository could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(
        "`{0}` is not a kubernetes/org checkout: it has neither a `config/` directory nor `<org>/org.yaml` files"
    )]
    NotAnOrgRepo(PathBuf),
    #[error("cannot read `{path}`")]
    Io { path: PathBuf, source: io::Error },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> LoadError + '_ {
    move |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Load the peribolos configuration under `root`: either a kubernetes/org
/// checkout (with `config/`) or its `config/` directory itself.
pub fn load_org_root(root: &Path) -> Result<OrgTree, LoadError> {
    let (config_dir, prefix, aliases_path, aliases_display) = locate(root)?;
    let mut tree = OrgTree {
        config_prefix: prefix.clone(),
        ..OrgTree::default()
    };
    let aliases = read_aliases(&aliases_path, &aliases_display, &mut tree.diagnostics)?;

    for name in subdirs(&config_dir)? {
        if name.starts_with("linux_") || name.starts_with("darwin_") || name.starts_with('.') {
            continue;
        }
        let dir = config_dir.join(&name);
        let dir_display = format!("{prefix}{name}");
        let org_yaml = dir.join("org.yaml");
        let owners_path = dir.join("OWNERS");
        tree.dirs.push(OrgDir {
            name: name.clone(),
            path: dir_display.clone(),
            has_org_yaml: org_yaml.is_file(),
            has_owners: owners_path.is_file(),
        });
        if owners_path.is_file() {
            read_owners(
                &owners_path,
                &format!("{dir_display}/OWNERS"),
                OwnersScope::Org { org: name.clone() },
                &aliases,
                &mut tree,
            )?;
        }
        // Team files are decoded even when `org.yaml` is missing or broken,
        // so their own problems are reported too.
        let mut org = None;
        if org_yaml.is_file() {
            let org_display = format!("{dir_display}/org.yaml");
            if let Some(text) = read_text(&org_yaml, &org_display, &mut tree.diagnostics)? {
                match parse_org_file(&text, &org_display) {
                    Ok(parsed) => org = Some(Org::from_file(&name, &org_display, parsed)),
                    Err(e) => tree.diagnostics.push(e.to_diagnostic(&org_display)),
                }
            }
        }
        for group in subdirs(&dir)? {
            let group_dir = dir.join(&group);
            let teams = group_dir.join("teams.yaml");
            if teams.is_file() {
                let display = format!("{dir_display}/{group}/teams.yaml");
                if let Some(text) = read_text(&teams, &display, &mut tree.diagnostics)? {
                    match parse_org_file(&text, &display) {
                        Ok(parsed) => {
                            if let Some(org) = org.as_mut() {
                                org.merge_teams_file(&display, &group, parsed);
                            }
                        }
                        Err(e) => tree.diagnostics.push(e.to_diagnostic(&display)),
                    }
                }
            }
            let owners_path = group_dir.join("OWNERS");
            if owners_path.is_file() {
                read_owners(
                    &owners_path,
                    &format!("{dir_display}/{group}/OWNERS"),
                    OwnersScope::TeamDir {
                        org: name.clone(),
                        dir: group.clone(),
                    },
                    &aliases,
                    &mut tree,
                )?;
            }
        }
        tree.orgs.extend(org);
    }

    let restrictions = config_dir.join("restrictions.yaml");
    if restrictions.is_file() {
        let display = format!("{prefix}restrictions.yaml");
        if let Some(text) = read_text(&restrictions, &display, &mut tree.diagnostics)? {
            match parse_restrictions(&text, &display) {
                Ok(r) => tree.restrictions = Some(r),
                Err(e) => tree.diagnostics.push(e.to_diagnostic(&display)),
            }
        }
    }
    tree.owners.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(tree)
}

/// `(config dir, display prefix, OWNERS_ALIASES path, its display path)`.
fn locate(root: &Path) -> Result<(PathBuf, String, PathBuf, String), LoadError> {
    if !root.is_dir() {
        // Distinguish "missing" from "not a directory" with the OS's words.
        fs::read_dir(root).map_err(io_err(root))?;
        return Err(LoadError::NotAnOrgRepo(root.to_path_buf()));
    }
    let config = root.join("config");
    if config.is_dir() {
        return Ok((
            config,
            "config/".to_string(),
            root.join("OWNERS_ALIASES"),
            "OWNERS_ALIASES".to_string(),
        ));
    }
    let looks_like_config = root.join("restrictions.yaml").is_file()
        || subdirs(root)?
            .iter()
            .any(|d| root.join(d).join("org.yaml").is_file());
    if looks_like_config {
        return Ok((
            root.to_path_buf(),
            String::new(),
            root.join("../OWNERS_ALIASES"),
            "../OWNERS_ALIASES".to_string(),
        ));
    }
    Err(LoadError::NotAnOrgRepo(root.to_path_buf()))
}

/// Names of the subdirectories of `dir`, in byte order (Go's `filepath.Walk` order).
fn subdirs(dir: &Path) -> Result<Vec<String>, LoadError> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err(dir))? {
        let entry = entry.map_err(io_err(dir))?;
        // Follow symlinks, as `is_dir` does.
        if entry.path().is_dir() {
            out.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    out.sort();
    Ok(out)
}

/// The file's text; `None` (with a finding) when it is not UTF-8.
fn read_text(
    path: &Path,
    display: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<String>, LoadError> {
    let bytes = fs::read(path).map_err(io_err(path))?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Some(s)),
        Err(e) => {
            let (line, col) = line_col(e.as_bytes(), e.utf8_error().valid_up_to());
            diags.push(
                Diagnostic::error("yaml/syntax", "the file is not valid UTF-8")
                    .at(display, line, col)
                    .with_help("save the file as UTF-8"),
            );
            Ok(None)
        }
    }
}

fn line_col(bytes: &[u8], offset: usize) -> (u32, u32) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    (clamp(line), clamp(col))
}

fn read_aliases(
    path: &Path,
    display: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<Aliases, LoadError> {
    if !path.is_file() {
        return Ok(Aliases::new());
    }
    let Some(text) = read_text(path, display, diags)? else {
        return Ok(Aliases::new());
    };
    Ok(owners::parse_aliases(&text).unwrap_or_else(|e| {
        diags.push(e.to_diagnostic(display));
        Aliases::new()
    }))
}

fn read_owners(
    path: &Path,
    display: &str,
    scope: OwnersScope,
    aliases: &Aliases,
    tree: &mut OrgTree,
) -> Result<(), LoadError> {
    if let Some(text) = read_text(path, display, &mut tree.diagnostics)? {
        match owners::parse_owners(&text, display, scope, aliases) {
            Ok(f) => tree.owners.push(f),
            Err(e) => tree.diagnostics.push(e.to_diagnostic(display)),
        }
    }
    Ok(())
}

/// A decoding failure as a finding. serde-saphyr repeats the location and
/// adds a hint about its own options at the end of some messages; drop them.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_of_offsets() {
        assert_eq!(line_col(b"ab\ncd", 4), (2, 2));
        assert_eq!(line_col(b"ab", 0), (1, 1));
        assert_eq!(line_col(b"ab", 99), (1, 3));
    }
}
