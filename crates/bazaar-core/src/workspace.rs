//! `bazaar.toml`: where a community's data lives.
//!
//! Commands that combine several data sets (the ladder, cross-checks) need
//! to know where each one is. A workspace file says so once; every path in it
//! is relative to the file's directory. Without a workspace file, commands
//! fall back to the embedded default community.
//!
//! ```toml
//! [community]
//! root = "../shared/data/community"     # the directory holding sigs.yaml
//!
//! [org]
//! root = "../shared/data/org"           # a kubernetes/org checkout (config/<org>/org.yaml)
//! orgs = ["kubernetes", "kubernetes-sigs"]   # which orgs make someone a member (default: all)
//!
//! [activity]
//! store = ".bazaar/activity.db"
//! affiliations = ["developers_affiliations.txt"]   # gitdm formats, optional
//!
//! [checkouts]                           # org/repo = local checkout, to resolve OWNERS URLs
//! "kubernetes/community" = "../shared/data/community"
//!
//! [ladder]
//! dates = "roles-since.yaml"            # when people took their roles (tenure)
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The file name looked for by [`discover`].
pub const FILE_NAME: &str = "bazaar.toml";

/// A loaded workspace; every path is already resolved against [`Workspace::dir`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workspace {
    /// The file it was read from.
    pub file: PathBuf,
    /// Its directory: the base of every relative path.
    pub dir: PathBuf,
    /// Directory holding `sigs.yaml`.
    pub community_root: Option<PathBuf>,
    /// A kubernetes/org style checkout.
    pub org_root: Option<PathBuf>,
    /// Orgs whose members count as members (empty: every org in the config).
    pub orgs: Vec<String>,
    pub activity: ActivityPaths,
    /// `org/repo` → local checkout.
    pub checkouts: BTreeMap<String, PathBuf>,
    /// A role-dates file (when people took their roles).
    pub ladder_dates: Option<PathBuf>,
}

/// Where the activity store and the gitdm affiliation files are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityPaths {
    pub store: Option<PathBuf>,
    pub affiliations: Vec<PathBuf>,
    pub email_map: Vec<PathBuf>,
    pub domain_map: Vec<PathBuf>,
    pub aliases: Vec<PathBuf>,
}

impl Workspace {
    /// The local checkout of `org/repo`, compared case-insensitively as
    /// GitHub compares names.
    pub fn checkout(&self, org: &str, repo: &str) -> Option<&Path> {
        let key = format!("{org}/{repo}").to_lowercase();
        self.checkouts
            .iter()
            .find(|(k, _)| k.to_lowercase() == key)
            .map(|(_, p)| p.as_path())
    }
}

/// The workspace file could not be read or is invalid.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("cannot read `{path}`")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{col}: {message}")]
    Invalid {
        path: PathBuf,
        line: u32,
        col: u32,
        message: String,
    },
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    community: Option<RawRoot>,
    #[serde(default)]
    org: Option<RawOrg>,
    #[serde(default)]
    activity: Option<RawActivity>,
    #[serde(default)]
    checkouts: BTreeMap<String, String>,
    #[serde(default)]
    ladder: Option<RawLadder>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLadder {
    #[serde(default)]
    dates: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoot {
    root: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrg {
    root: String,
    #[serde(default)]
    orgs: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawActivity {
    #[serde(default)]
    store: Option<String>,
    #[serde(default)]
    affiliations: Vec<String>,
    #[serde(default)]
    email_map: Vec<String>,
    #[serde(default)]
    domain_map: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Parse a workspace file's text; `file` is its path (for messages and as
/// the base of relative paths).
pub fn parse(file: &Path, text: &str) -> Result<Workspace, WorkspaceError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let (line, col) = e.span().map_or((0, 0), |span| line_col(text, span.start));
        WorkspaceError::Invalid {
            path: file.to_path_buf(),
            line,
            col,
            message: e.message().trim().to_string(),
        }
    })?;
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let at = |p: &str| dir.join(p);
    let all = |v: &[String]| v.iter().map(|p| at(p)).collect::<Vec<_>>();
    let activity = raw.activity.unwrap_or_default();
    Ok(Workspace {
        file: file.to_path_buf(),
        community_root: raw.community.map(|c| at(&c.root)),
        org_root: raw.org.as_ref().map(|o| at(&o.root)),
        orgs: raw.org.map(|o| o.orgs).unwrap_or_default(),
        activity: ActivityPaths {
            store: activity.store.as_deref().map(at),
            affiliations: all(&activity.affiliations),
            email_map: all(&activity.email_map),
            domain_map: all(&activity.domain_map),
            aliases: all(&activity.aliases),
        },
        checkouts: raw
            .checkouts
            .into_iter()
            .map(|(k, v)| (k, at(&v)))
            .collect(),
        ladder_dates: raw.ladder.and_then(|l| l.dates).as_deref().map(at),
        dir,
    })
}

/// Read and parse a workspace file.
pub fn load(file: &Path) -> Result<Workspace, WorkspaceError> {
    let text = std::fs::read_to_string(file).map_err(|source| WorkspaceError::Read {
        path: file.to_path_buf(),
        source,
    })?;
    parse(file, &text)
}

/// Find `bazaar.toml` in `start` or its ancestors and load it.
pub fn discover(start: &Path) -> Result<Option<Workspace>, WorkspaceError> {
    for dir in start.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return load(&candidate).map(Some);
        }
    }
    Ok(None)
}

fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_against_the_file() {
        let ws = parse(
            Path::new("/w/bazaar.toml"),
            "[community]\nroot = \"data/community\"\n[org]\nroot = \"org\"\norgs = [\"kubernetes\"]\n\
             [activity]\nstore = \".bazaar/a.db\"\naffiliations = [\"aff.txt\"]\n\
             [checkouts]\n\"Kubernetes/Community\" = \"data/community\"\n\
             [ladder]\ndates = \"dates.yaml\"\n",
        )
        .expect("valid");
        assert_eq!(ws.community_root, Some(PathBuf::from("/w/data/community")));
        assert_eq!(ws.org_root, Some(PathBuf::from("/w/org")));
        assert_eq!(ws.orgs, ["kubernetes"]);
        assert_eq!(ws.activity.store, Some(PathBuf::from("/w/.bazaar/a.db")));
        assert_eq!(ws.activity.affiliations, [PathBuf::from("/w/aff.txt")]);
        assert_eq!(
            ws.checkout("kubernetes", "community"),
            Some(Path::new("/w/data/community"))
        );
        assert_eq!(ws.checkout("kubernetes", "org"), None);
        assert_eq!(ws.ladder_dates, Some(PathBuf::from("/w/dates.yaml")));
    }

    #[test]
    fn unknown_keys_are_located() {
        let err = parse(Path::new("b.toml"), "[community]\nroot = \"x\"\nrot = 1\n")
            .expect_err("unknown key");
        match err {
            WorkspaceError::Invalid { line, message, .. } => {
                assert_eq!(line, 3);
                assert!(message.contains("unknown field `rot`"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn empty_file_is_an_empty_workspace() {
        let ws = parse(Path::new("bazaar.toml"), "").expect("valid");
        assert_eq!(ws.dir, PathBuf::from("."));
        assert!(ws.community_root.is_none() && ws.checkouts.is_empty());
    }
}
