//! Org membership as code (peribolos / kubernetes/org) and the contributor
//! ladder: checks, progress toward the next rung, and community audits.
//!
//! # Brief overview
//!
//! Data flows one way: **load → model → engine**; rendering is the CLI's.
//!
//! - [`load::load_org_root`] reads a kubernetes/org checkout into an
//!   [`org::OrgTree`]: one [`org::Org`] per `config/<org>/` (its `org.yaml`
//!   with every first-level `teams.yaml` merged in, as `cmd/merge` does),
//!   `restrictions.yaml`, and the OWNERS files, with every login, team and
//!   repo located at `file:line:col`. [`org::parse`] decodes each file from
//!   text (strict, like peribolos).
//! - [`rules::check`] runs every `org/*` rule (kubernetes/org's own tests,
//!   `cmd/restrictions`, peribolos' apply-time checks, and the duplicate /
//!   case / login-shape checks upstream lacks) and returns sorted
//!   [`bazaar_core::Diagnostic`]s. [`rules::check_owners_membership`] is the
//!   "OWNERS approvers are org members" check on plain input.
//! - [`ladder::progress`] is the ladder engine: from a [`ladder::LadderInput`]
//!   (roles with since-dates, [`activity::Activity`] counts, sponsors, `now`)
//!   to a [`ladder::Progress`] (current rungs, next rung, each
//!   [`ladder::Requirement`] met or not, with evidence and what is missing).
//! - [`audit::audit`] runs the community audits over an [`audit::AuditInput`]
//!   (inactive members and OWNERS entries, leads outside the orgs, dormant
//!   subprojects, groups below the governance minimums, SIGs that meet too
//!   rarely) and says which inputs were missing instead of guessing.
//! - [`sponsor::check_sponsors`] validates a membership request.
//!
//! Every rule is listed in [`rules::ALL`] with its documentation.
//!
//! ```
//! use bazaar_ladder::org::parse::parse_org_file;
//! use bazaar_ladder::org::{Org, Privacy};
//!
//! let text = "admins:\n- k8s-ci-robot\nmembers:\n- Alice\nteams:\n  sig-foo:\n    privacy: closed\n    members: [alice]\n";
//! let org = Org::from_file("example", "config/example/org.yaml", parse_org_file(text, "config/example/org.yaml")?);
//! assert!(org.is_member(&"ALICE".into()));
//! let team = &org.teams[0];
//! assert_eq!((team.name.as_str(), team.pos.line), ("sig-foo", 6));
//! assert_eq!(team.privacy(), Some(Privacy::Closed));
//! # Ok::<(), bazaar_core::yaml::YamlError>(())
//! ```
//!
//! ```
//! use bazaar_ladder::ladder::{progress, LadderInput, Role, Rung, Status, Thresholds};
//! use jiff::civil::date;
//!
//! let input = LadderInput {
//!     login: "pat".into(),
//!     roles: vec![Role { rung: Rung::Member, scope: "kubernetes".into(), since: Some(date(2026, 1, 5)) }],
//!     activity: Err("no activity data".into()),
//!     sponsors: vec![],
//!     target_orgs: vec![],
//!     main_org: "kubernetes".into(),
//!     now: date(2026, 8, 21),
//! };
//! let p = progress(&input, &Thresholds::default());
//! assert_eq!(p.next, Some(Rung::Reviewer));
//! assert_eq!(p.requirements[0].status, Status::Met); // member for 7 months
//! assert_eq!(p.requirements[1].status, Status::Unknown); // no activity data
//! ```

pub mod activity;
pub mod audit;
pub mod data;
pub mod dates;
pub mod embedded;
pub mod ladder;
pub mod load;
pub mod org;
pub mod rules;
pub mod sponsor;

pub use jiff::civil::Date;

/// The entry point the `org_yaml` fuzz target and the no-panic test share:
/// decode `text` as `config/fuzz/org.yaml` (and as a `teams.yaml` merged
/// into it) and run every `org/*` check on the result. Returns the number of
/// findings. Never panics, whatever the input.
#[doc(hidden)]
pub fn fuzz_org_yaml(text: &str) -> usize {
    use org::parse::parse_org_file;
    let file = "config/fuzz/org.yaml";
    let mut tree = org::OrgTree {
        config_prefix: "config/".to_string(),
        ..org::OrgTree::default()
    };
    match parse_org_file(text, file) {
        Ok(parsed) => {
            let mut o = org::Org::from_file("fuzz", file, parsed);
            if let Ok(teams) = parse_org_file(text, "config/fuzz/sig-fuzz/teams.yaml") {
                o.merge_teams_file("config/fuzz/sig-fuzz/teams.yaml", "sig-fuzz", teams);
            }
            tree.orgs.push(o);
        }
        Err(e) => tree.diagnostics.push(e.to_diagnostic(file)),
    }
    rules::check(&tree, &rules::CheckOptions::default()).len()
}
