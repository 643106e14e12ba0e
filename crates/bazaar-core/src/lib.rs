//! Shared vocabulary of bazaar.
//!
//! # Brief overview
//!
//! Every capability crate (`bazaar-community`, `bazaar-review`, `bazaar-vote`,
//! `bazaar-activity`, `bazaar-ladder`) speaks in the types defined here:
//!
//! - [`Diagnostic`]: a finding *in* the data, located at `file:line:col`, tagged
//!   with a rule id such as `community/lead-missing-email`. Checks return
//!   `Vec<Diagnostic>`; exit code 1 means "there were error-level findings".
//! - [`RuleMeta`]: the registry entry of a rule (id, severity, summary, the
//!   long explanation printed by `bazaar explain`).
//! - [`Login`]: a GitHub login, compared case-insensitively as GitHub does.
//! - [`yaml::from_str`]: strict, located YAML decoding shared by every loader.
//! - [`fs::write_atomic`] and [`fs::WriteBatch`]: the only way bazaar writes
//!   files (temp file, then rename; nothing half-written).
//! - [`OutputFormat`]: the closed set of `--format` values.
//! - [`workspace::Workspace`]: `bazaar.toml`, saying where a community keeps
//!   its data (registry, org config, activity store, local checkouts).
//!
//! ```
//! use bazaar_core::{Diagnostic, Severity};
//!
//! let d = Diagnostic::error("community/dir-mismatch", "expected dir `sig-foo`, got `sig-bar`")
//!     .at("sigs.yaml", 12, 5)
//!     .with_help("rename the directory or fix `name`");
//! assert_eq!(d.severity, Severity::Error);
//! assert_eq!(
//!     d.to_string(),
//!     "sigs.yaml:12:5: community/dir-mismatch expected dir `sig-foo`, got `sig-bar`\n  help: rename the directory or fix `name`"
//! );
//! ```

pub mod diag;
pub mod fs;
pub mod login;
pub mod output;
pub mod rule;
pub mod workspace;
pub mod yaml;

pub use diag::{Diagnostic, Severity};
pub use login::Login;
pub use output::OutputFormat;
pub use rule::{RuleMeta, RuleStatus};
