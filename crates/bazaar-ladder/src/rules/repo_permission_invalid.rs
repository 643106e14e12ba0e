//! `org/repo-permission-invalid`: a repository permission is not one peribolos knows.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::{OrgTree, RepoPermission};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/repo-permission-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a team's repo permission or the org's `default_repository_permission` is not a valid level",
    doc: "## What it checks\nThat every value of a team's `repos` map, and the org's \
          `default_repository_permission`, is one of `none`, `read`, `triage`, `write`, `maintain`, \
          `admin`.\n\n\
          ## Why it matters\nPeribolos fails to parse any other value, so the whole org config is \
          rejected at `make config` time.\n\n\
          ## Example\n```yaml\nteams:\n  sig-foo-admins:\n    repos:\n      foo: owner\n```\n\n\
          ## How to fix\nUse one of the six levels (`admin` for full control).",
    origin: "peribolos github.RepoPermissionLevel",
};

fn levels() -> String {
    let names: Vec<_> = RepoPermission::ALL
        .iter()
        .map(|p| format!("`{}`", p.as_str()))
        .collect();
    names.join(", ")
}

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        if let Some(p) = &org.metadata.default_repository_permission
            && RepoPermission::parse(&p.value).is_none()
        {
            out.push(
                finding(
                    &RULE,
                    &org.file,
                    p.pos,
                    format!("`default_repository_permission` of org `{}` is `{}`, not a permission level", org.name, p.value),
                )
                .with_help(format!("use one of {}", levels())),
            );
        }
        for t in org.all_teams() {
            for r in t.repos.iter().filter(|r| r.permission().is_none()) {
                out.push(
                    finding(
                        &RULE,
                        &t.file,
                        r.permission.pos,
                        format!(
                            "team `{}` has permission `{}` on repo `{}`, not a permission level",
                            t.name, r.permission.value, r.repo.value
                        ),
                    )
                    .with_help(format!("use one of {}", levels())),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn flags_unknown_levels() {
        let org = format!(
            "{}default_repository_permission: reader\nteams:\n  t:\n    privacy: closed\n    repos:\n      a: admin\n      b: owner\n",
            ORG_OK
        );
        let t = org_tree(&org, &[]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/org.yaml:11:32: `default_repository_permission` of org `x` is `reader`, not a permission level",
                "config/x/org.yaml:17:10: team `t` has permission `owner` on repo `b`, not a permission level",
            ]
        );
    }
}
