//! `org/too-few-admins`: an org has fewer admins than peribolos' `--min-admins`.

use std::collections::BTreeSet;

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::{OrgTree, Pos};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/too-few-admins",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an org lists fewer than 5 distinct admins",
    doc: "## What it checks\nThat each org has at least 5 distinct admins (peribolos' `--min-admins` \
          default).\n\n\
          ## Why it matters\nPeribolos refuses to apply a config with fewer admins, so the mistake \
          would only show when someone runs `admin/update.sh`.\n\n\
          ## Example\n```yaml\nadmins:\n- alice\n- k8s-ci-robot\n```\n\n\
          ## How to fix\nAdd admins, or run peribolos with a lower `--min-admins` (and tell bazaar the \
          same).",
    origin: "peribolos --min-admins",
};

pub fn check(tree: &OrgTree, opts: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        let distinct: BTreeSet<&str> = org.admins.iter().map(|e| e.login.normalized()).collect();
        if distinct.len() < opts.min_admins {
            out.push(
                finding(
                    &RULE,
                    &org.file,
                    org.admins_pos.unwrap_or(Pos::UNKNOWN),
                    format!(
                        "org `{}` has {} admin(s); peribolos requires at least {}",
                        org.name,
                        distinct.len(),
                        opts.min_admins
                    ),
                )
                .with_help("add admins to `admins`"),
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
    fn flags_too_few_admins() {
        let t = org_tree(&ORG_OK.replace("- a1\n- a2\n", ""), &[]);
        assert_eq!(
            lines(&run(check, &t)),
            ["config/x/org.yaml:1:1: org `x` has 3 admin(s); peribolos requires at least 5"]
        );
    }
}
