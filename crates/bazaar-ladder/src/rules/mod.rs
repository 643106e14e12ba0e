//! The checks `bazaar org check` runs over an [`OrgTree`], one file per rule.
//!
//! The `org/*` rules reproduce what kubernetes/org's own tooling enforces
//! (`config/config_test.go`, `cmd/merge`, `cmd/restrictions`, peribolos'
//! apply-time checks) and add the checks upstream meant to have but cannot
//! fail (duplicates) or never had (case, shape of logins). Each rule's
//! `origin` says which. The `ladder/*` rules are the audit findings of
//! [`crate::audit`].

mod admin_also_member;
mod duplicate_login;
mod duplicate_repo;
mod duplicate_team;
mod login_case_mismatch;
mod login_invalid;
mod org_dir_incomplete;
mod owners_not_org_member;
mod owners_too_few_approvers;
mod repo_permission_invalid;
mod required_admin_missing;
mod restricted_repo;
mod restricted_repo_nested;
mod restriction_invalid;
mod restriction_unused;
mod team_maintainer_also_member;
mod team_maintainer_not_admin;
mod team_member_is_admin;
mod team_member_not_org_member;
mod team_name_invalid;
mod team_owners_not_org_member;
mod team_previously_conflict;
mod team_privacy_not_closed;
mod teams_file_ignored_key;
mod too_few_admins;
mod unsorted_logins;

use bazaar_core::diag::normalize;
use bazaar_core::{Diagnostic, Login, RuleMeta};

use crate::org::{LoginEntry, Org, OrgTree, Pos, Team};

pub use owners_not_org_member::check_owners_membership;

/// Settings of `bazaar org check`. The defaults are kubernetes/org's.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// Logins every org must list as admins (`config_test.go` hard-codes
    /// `k8s-ci-robot`).
    pub required_admins: Vec<Login>,
    /// Minimum distinct approvers of each `config/<org>/OWNERS` (5).
    pub min_org_approvers: usize,
    /// Minimum distinct admins per org (peribolos `--min-admins`, 5).
    pub min_admins: usize,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            required_admins: vec![Login::new("k8s-ci-robot")],
            min_org_approvers: 5,
            min_admins: 5,
        }
    }
}

type CheckFn = fn(&OrgTree, &CheckOptions) -> Vec<Diagnostic>;

/// Every `org/*` rule with its check, in registry order.
const CHECKS: &[(RuleMeta, CheckFn)] = &[
    (org_dir_incomplete::RULE, org_dir_incomplete::check),
    (
        owners_too_few_approvers::RULE,
        owners_too_few_approvers::check,
    ),
    (owners_not_org_member::RULE, owners_not_org_member::check),
    (
        team_owners_not_org_member::RULE,
        team_owners_not_org_member::check,
    ),
    (admin_also_member::RULE, admin_also_member::check),
    (required_admin_missing::RULE, required_admin_missing::check),
    (too_few_admins::RULE, too_few_admins::check),
    (unsorted_logins::RULE, unsorted_logins::check),
    (duplicate_login::RULE, duplicate_login::check),
    (login_case_mismatch::RULE, login_case_mismatch::check),
    (login_invalid::RULE, login_invalid::check),
    (
        team_privacy_not_closed::RULE,
        team_privacy_not_closed::check,
    ),
    (
        team_maintainer_not_admin::RULE,
        team_maintainer_not_admin::check,
    ),
    (
        team_maintainer_also_member::RULE,
        team_maintainer_also_member::check,
    ),
    (
        team_member_not_org_member::RULE,
        team_member_not_org_member::check,
    ),
    (team_member_is_admin::RULE, team_member_is_admin::check),
    (duplicate_team::RULE, duplicate_team::check),
    (team_name_invalid::RULE, team_name_invalid::check),
    (
        team_previously_conflict::RULE,
        team_previously_conflict::check,
    ),
    (teams_file_ignored_key::RULE, teams_file_ignored_key::check),
    (
        repo_permission_invalid::RULE,
        repo_permission_invalid::check,
    ),
    (duplicate_repo::RULE, duplicate_repo::check),
    (restricted_repo::RULE, restricted_repo::check),
    (restricted_repo_nested::RULE, restricted_repo_nested::check),
    (restriction_invalid::RULE, restriction_invalid::check),
    (restriction_unused::RULE, restriction_unused::check),
];

/// Every rule of this crate: the `org/*` checks, then the `ladder/*` audit
/// findings.
pub const ALL: &[RuleMeta] = &[
    org_dir_incomplete::RULE,
    owners_too_few_approvers::RULE,
    owners_not_org_member::RULE,
    team_owners_not_org_member::RULE,
    admin_also_member::RULE,
    required_admin_missing::RULE,
    too_few_admins::RULE,
    unsorted_logins::RULE,
    duplicate_login::RULE,
    login_case_mismatch::RULE,
    login_invalid::RULE,
    team_privacy_not_closed::RULE,
    team_maintainer_not_admin::RULE,
    team_maintainer_also_member::RULE,
    team_member_not_org_member::RULE,
    team_member_is_admin::RULE,
    duplicate_team::RULE,
    team_name_invalid::RULE,
    team_previously_conflict::RULE,
    teams_file_ignored_key::RULE,
    repo_permission_invalid::RULE,
    duplicate_repo::RULE,
    restricted_repo::RULE,
    restricted_repo_nested::RULE,
    restriction_invalid::RULE,
    restriction_unused::RULE,
    crate::audit::inactive_member::RULE,
    crate::audit::inactive_owner::RULE,
    crate::audit::lead_not_org_member::RULE,
    crate::audit::subproject_approvers_inactive::RULE,
    crate::audit::too_few_leads::RULE,
    crate::audit::meetings_too_rare::RULE,
    crate::audit::meeting_frequency_unknown::RULE,
    crate::audit::input_missing::RULE,
];

/// Run every `org/*` check. The result holds the decoding findings of the
/// tree too, sorted into output order.
pub fn check(tree: &OrgTree, opts: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = tree.diagnostics.clone();
    for (_, check) in CHECKS {
        out.extend(check(tree, opts));
    }
    normalize(&mut out);
    out
}

/// A finding of `rule` at `file:pos`, with the rule's severity.
pub(crate) fn finding(rule: &RuleMeta, file: &str, pos: Pos, message: String) -> Diagnostic {
    Diagnostic::new(rule.id, rule.severity, message).at(file, pos.line, pos.col)
}

/// One list of logins in an org's config, described for messages.
pub(crate) struct LoginList<'a> {
    /// e.g. "the members of team `sig-foo` in org `x`".
    pub what: String,
    pub file: &'a str,
    pub entries: &'a [LoginEntry],
    /// The team holding the list, `None` for the org's own lists.
    pub team: Option<&'a Team>,
}

/// Every login list of `org`: `admins`, `members`, then each team's (at
/// every depth) `maintainers` and `members`.
pub(crate) fn login_lists(org: &Org) -> Vec<LoginList<'_>> {
    let mut out = vec![
        LoginList {
            what: format!("the admins of org `{}`", org.name),
            file: &org.file,
            entries: &org.admins,
            team: None,
        },
        LoginList {
            what: format!("the members of org `{}`", org.name),
            file: &org.file,
            entries: &org.members,
            team: None,
        },
    ];
    for t in org.all_teams() {
        for (kind, entries) in [("maintainers", &t.maintainers), ("members", &t.members)] {
            out.push(LoginList {
                what: format!("the {kind} of team `{}` in org `{}`", t.name, org.name),
                file: &t.file,
                entries,
                team: Some(t),
            });
        }
    }
    out
}

/// `file:line`, for messages that point at a second place.
pub(crate) fn place(file: &str, pos: Pos) -> String {
    if pos.line == 0 {
        file.to_string()
    } else {
        format!("{file}:{}", pos.line)
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Fixture helpers: write a small kubernetes/org tree and load it.

    use super::*;

    /// A valid org `x`: five admins including `k8s-ci-robot`, two members, an OWNERS file.
    pub const ORG_OK: &str = "\
admins:
- a1
- a2
- a3
- a4
- k8s-ci-robot
members:
- m1
- m2
name: X
";
    pub const OWNERS_OK: &str = "approvers:\n- a1\n- a2\n- a3\n- a4\n- m1\nreviewers:\n- m2\n";

    /// Load a tree made of `files` (paths relative to the repository root).
    pub fn tree(files: &[(&str, &str)]) -> OrgTree {
        let dir = bazaar_testkit::Dir::new();
        for (path, text) in files {
            dir.create(path, text);
        }
        crate::load::load_org_root(dir.path()).expect("the fixture loads")
    }

    /// A `restrictions.yaml` that lets no file reference any repo.
    pub const RESTRICTIONS_DENY_ALL: &str = "restrictions:\n- path: \"**/*\"\n";

    /// Org `x` with `org.yaml` replaced, plus extra files (which may replace
    /// the default `OWNERS` and `restrictions.yaml`).
    pub fn org_tree(org_yaml: &str, extra: &[(&str, &str)]) -> OrgTree {
        let mut files = vec![
            ("config/x/org.yaml", org_yaml),
            ("config/x/OWNERS", OWNERS_OK),
            ("config/restrictions.yaml", RESTRICTIONS_DENY_ALL),
        ];
        files.extend_from_slice(extra);
        tree(&files)
    }

    /// Run one rule's check with default options.
    pub fn run(check: CheckFn, t: &OrgTree) -> Vec<Diagnostic> {
        assert!(
            t.diagnostics.is_empty(),
            "fixture decodes: {:?}",
            t.diagnostics
        );
        let mut d = check(t, &CheckOptions::default());
        normalize(&mut d);
        d
    }

    /// `file:line:col message` of each finding, for compact assertions.
    pub fn lines(d: &[Diagnostic]) -> Vec<String> {
        d.iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect()
    }

    #[test]
    fn the_base_fixture_passes_every_check() {
        let t = org_tree(ORG_OK, &[]);
        let d = check(&t, &CheckOptions::default());
        assert!(d.is_empty(), "{:#?}", lines(&d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_complete_and_documented() {
        assert_eq!(CHECKS.len() + 8, ALL.len());
        for (meta, _) in CHECKS {
            assert!(ALL.contains(meta), "{} not in ALL", meta.id);
        }
        let mut ids: Vec<_> = ALL.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len(), "ids are unique");
        for r in ALL {
            assert!(
                r.id.starts_with("org/") || r.id.starts_with("ladder/"),
                "{}",
                r.id
            );
            for s in [
                "## What it checks",
                "## Why it matters",
                "## Example",
                "## How to fix",
            ] {
                assert!(r.doc.contains(s), "{} lacks {s}", r.id);
            }
        }
    }
}
