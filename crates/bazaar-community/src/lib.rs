//! The community registry: `sigs.yaml`, its validation, and the documents
//! the kubernetes/community generator writes from it.
//!
//! # Brief overview
//!
//! Data flows one way: [`load`] → [`model`] → engines ([`rules`],
//! [`generate`], [`emit`], [`browse`]) → the CLI renders.
//!
//! - [`Source`] reads a community directory (`sigs.yaml`, the optional
//!   `categories.yaml`, the existing group directories) or the default
//!   community compiled into the binary ([`Source::embedded`]).
//!   [`Source::decode`] returns a [`Community`] (strictly decoded, completed
//!   and sorted as upstream does before it validates) or located `yaml/*`
//!   diagnostics.
//! - [`Community`] holds the [`Group`]s (each with its [`GroupKind`], `dir`,
//!   `name`, `label`, optional [`Category`], [`Leadership`] with chairs, tech
//!   leads and emeritus leads, [`Meeting`]s, [`Contact`] and [`Subproject`]s
//!   with their OWNERS URLs and leads) and the GB representative. Every
//!   entity keeps its source position ([`Loc`]).
//! - [`OwnersUrl`] parses a subproject OWNERS URL into org, repo, branch and
//!   path, with upstream's quirks (and a resolved form for other tools).
//! - [`check`] decodes and runs every rule of [`rules::ALL`]: all of
//!   upstream's `Validate()` (same messages) plus bazaar's own warnings.
//! - [`emit::to_yaml`] writes `sigs.yaml` byte-identical to yaml.v3 v3.0.1;
//!   [`generate::generate`] returns every generated document (READMEs,
//!   `sig-list.md`, `OWNERS_ALIASES`, `liaisons.md`), custom blocks kept.
//! - [`browse`] finds groups by any of their names and lists a person's roles.
//!
//! ```
//! use bazaar_community::{Source, check, generate::generate};
//!
//! let yaml = "sigs:\n  - dir: sig-apps\n    name: Apps\n    label: apps\n";
//! let community = bazaar_community::load::parse(yaml, None).expect("decodes");
//! assert_eq!(community.sigs[0].expected_dir(), "sig-apps");
//!
//! // The default community passes every error-level rule.
//! let checked = check(&Source::embedded());
//! assert!(!bazaar_core::diag::has_errors(&checked.diagnostics));
//!
//! // Generation is pure: the caller supplies the current files (none here).
//! let files = generate(checked.community.as_ref().expect("decoded"), &mut |_| Ok(None))
//!     .expect("nothing to read");
//! assert_eq!(files[0].path, "sigs.yaml");
//! assert!(files.iter().any(|f| f.path == "sig-apps/README.md"));
//! ```

pub mod browse;
pub mod emit;
pub mod generate;
pub mod load;
pub mod model;
pub mod owners_url;
pub mod rules;
pub mod suggest;

use bazaar_core::Diagnostic;

pub use load::{LoadError, Origin, SIGS_YAML, Source};
pub use model::{
    Category, CategoryKind, Community, Contact, Group, GroupKind, LeadRole, Leadership, Loc,
    Meeting, Person, Relation, Subproject, Team,
};
pub use owners_url::OwnersUrl;

/// A decoded and validated community.
#[derive(Clone, Debug)]
pub struct Checked {
    /// `None` when the input could not be decoded.
    pub community: Option<Community>,
    /// Decoding errors, or every rule's findings, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Decode `source` and run every rule on it.
pub fn check(source: &Source) -> Checked {
    match source.decode() {
        Err(diagnostics) => Checked {
            community: None,
            diagnostics,
        },
        Ok(community) => {
            let sigs_file = source.label(load::SIGS_YAML);
            let categories_file = source.label(load::CATEGORIES_YAML);
            let diagnostics = rules::validate(&rules::Context {
                community: &community,
                sigs_file: &sigs_file,
                categories_file: &categories_file,
                generated_dirs: &source.generated_dirs,
            });
            Checked {
                community: Some(community),
                diagnostics,
            }
        }
    }
}
