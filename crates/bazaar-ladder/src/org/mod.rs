//! Org membership as code: the kubernetes/org repository (peribolos config)
//! as one model.
//!
//! [`OrgTree`] is everything under `config/`: one [`Org`] per org directory
//! (its `org.yaml` with every first-level `teams.yaml` merged in), the
//! `restrictions.yaml` rules and the OWNERS files, plus the findings made
//! while decoding them. [`crate::load::load_org_root`] builds it from disk;
//! [`parse`] builds each piece from text.

pub mod model;
pub mod owners;
pub mod parse;
pub mod restrictions;

use bazaar_core::{Diagnostic, Login};

pub use model::{
    At, LoginEntry, Org, OrgFile, OrgMetadata, Pos, Privacy, Repo, RepoCreateOptions,
    RepoPermission, Team, TeamRepo, TeamsFile,
};
pub use owners::{OwnersEntry, OwnersFile, OwnersScope};
pub use restrictions::Restrictions;

/// One directory directly under `config/` and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgDir {
    /// The directory name (the org's key).
    pub name: String,
    /// Display path of the directory.
    pub path: String,
    pub has_org_yaml: bool,
    pub has_owners: bool,
}

/// The whole peribolos configuration of a kubernetes/org-style repository.
#[derive(Clone, Debug, Default)]
pub struct OrgTree {
    /// How display paths reach `config/` (`"config/"` when the root is the
    /// repository, `""` when the root is the config directory itself).
    pub config_prefix: String,
    /// Every org directory, sorted by name.
    pub dirs: Vec<OrgDir>,
    /// Every org whose `org.yaml` decoded, sorted by name.
    pub orgs: Vec<Org>,
    /// `config/restrictions.yaml`, when present and decodable.
    pub restrictions: Option<Restrictions>,
    /// OWNERS files of org and team directories, sorted by path.
    pub owners: Vec<OwnersFile>,
    /// Findings made while decoding (syntax errors, unknown keys, ...).
    pub diagnostics: Vec<Diagnostic>,
}

impl OrgTree {
    /// The org with this key.
    pub fn org(&self, name: &str) -> Option<&Org> {
        self.orgs.iter().find(|o| o.name == name)
    }

    /// The orgs `login` belongs to (as admin or member), by key.
    pub fn orgs_of(&self, login: &Login) -> Vec<&str> {
        self.orgs
            .iter()
            .filter(|o| o.is_member(login))
            .map(|o| o.name.as_str())
            .collect()
    }

    /// `display` (a path under the config directory) relative to `config/`,
    /// the form `restrictions.yaml` globs match.
    pub fn config_rel<'a>(&self, display: &'a str) -> &'a str {
        display
            .strip_prefix(self.config_prefix.as_str())
            .unwrap_or(display)
    }
}
