//! `org/org-dir-incomplete`: a directory under `config/` lacks `org.yaml` or `OWNERS`.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::{OrgTree, Pos};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/org-dir-incomplete",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an org directory under `config/` has no `org.yaml` or no `OWNERS`",
    doc: "## What it checks\nEvery directory directly under `config/` is an org: it must hold an \
          `org.yaml` (so the org appears in the generated config) and an `OWNERS` file (its approvers \
          gate changes to the org). Directories named `linux_*` and `darwin_*` are skipped, as \
          upstream does.\n\n\
          ## Why it matters\n`make config` merges one `org.yaml` per directory; kubernetes/org's \
          `TestAllOrgs` fails with \"<org> missing from generated config.yaml\" or \"failed to load \
          OWNERS\" otherwise.\n\n\
          ## Example\n```\nconfig/\n  kubernetes-foo/\n    org.yaml      # but no OWNERS\n```\n\n\
          ## How to fix\nAdd the missing file, or remove the directory if it is not an org.",
    origin: "kubernetes/org config/config_test.go TestAllOrgs",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for d in &tree.dirs {
        if !d.has_org_yaml {
            out.push(
                finding(
                    &RULE,
                    &d.path,
                    Pos::UNKNOWN,
                    format!(
                        "org directory `{}` has no `org.yaml`, so the org is missing from the merged config",
                        d.name
                    ),
                )
                .with_help(format!("add `{}/org.yaml` or remove the directory", d.path)),
            );
        }
        if !d.has_owners {
            out.push(
                finding(
                    &RULE,
                    &d.path,
                    Pos::UNKNOWN,
                    format!("org directory `{}` has no `OWNERS` file", d.name),
                )
                .with_help(format!(
                    "add `{}/OWNERS` listing the org's approvers",
                    d.path
                )),
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
    fn flags_missing_org_yaml_and_owners() {
        let t = tree(&[
            ("config/x/org.yaml", ORG_OK),
            ("config/x/OWNERS", OWNERS_OK),
            ("config/y/OWNERS", OWNERS_OK),
            ("config/z/org.yaml", ORG_OK),
            ("config/linux_amd64/whatever", ""),
        ]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/y: org directory `y` has no `org.yaml`, so the org is missing from the merged config",
                "config/z: org directory `z` has no `OWNERS` file",
            ]
        );
    }
}
