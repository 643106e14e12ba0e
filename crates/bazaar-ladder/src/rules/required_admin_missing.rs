//! `org/required-admin-missing`: a login every org must have as admin is not an admin.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::{OrgTree, Pos};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/required-admin-missing",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an org does not list a required admin (by default `k8s-ci-robot`)",
    doc: "## What it checks\nThat every org lists each required login among its `admins`. kubernetes/org \
          requires `k8s-ci-robot` (the bot that applies the config); `bazaar org check \
          --required-admin LOGIN` sets the list for another community.\n\n\
          ## Why it matters\nWithout admin rights the automation cannot manage the org, and \
          kubernetes/org's test fails with \"k8s-ci-robot must be an admin\".\n\n\
          ## Example\n```yaml\nadmins:\n- alice\n- bob\n```\n\n\
          ## How to fix\nAdd the login to `admins` (keeping the list sorted).",
    origin: "kubernetes/org config/config_test.go TestAllOrgs",
};

pub fn check(tree: &OrgTree, opts: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        for required in opts.required_admins.iter().filter(|r| !org.is_admin(r)) {
            out.push(
                finding(
                    &RULE,
                    &org.file,
                    org.admins_pos.unwrap_or(Pos::UNKNOWN),
                    format!("`{required}` is not an admin of org `{}`", org.name),
                )
                .with_help(format!("add `{required}` to `admins`")),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn flags_a_missing_required_admin() {
        let t = org_tree(&ORG_OK.replace("- k8s-ci-robot\n", "- a5\n"), &[]);
        assert_eq!(
            lines(&run(check, &t)),
            ["config/x/org.yaml:1:1: `k8s-ci-robot` is not an admin of org `x`"]
        );
    }

    #[test]
    fn the_list_is_configurable() {
        let t = org_tree(ORG_OK, &[]);
        let opts = CheckOptions {
            required_admins: vec![bazaar_core::Login::new("A1")],
            ..CheckOptions::default()
        };
        assert!(check(&t, &opts).is_empty());
    }
}
