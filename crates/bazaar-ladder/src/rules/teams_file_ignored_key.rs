//! `org/teams-file-ignored-key`: a `teams.yaml` sets a key the merge ignores.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::OrgTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "org/teams-file-ignored-key",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a `teams.yaml` sets `members`, `admins` or an org setting, which the merge drops",
    doc: "## What it checks\nA `config/<org>/<dir>/teams.yaml` is decoded as a whole org config, but \
          `cmd/merge` takes only its `teams`. Any other key (`members`, `admins`, `repos`, `name`, \
          ...) is accepted and then dropped.\n\n\
          ## Why it matters\nSomeone adding a member in a team file believes they granted membership; \
          nothing happens and no tool says so.\n\n\
          ## Example\n```yaml\n# config/kubernetes/sig-foo/teams.yaml\nmembers:\n- newcomer\nteams: {...}\n```\n\n\
          ## How to fix\nMove the key's content to `config/<org>/org.yaml`.",
    origin: "bazaar (kubernetes/org cmd/merge drops the keys silently)",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        for f in &org.teams_files {
            for (key, pos) in &f.ignored_keys {
                out.push(
                    finding(
                        &RULE,
                        &f.file,
                        *pos,
                        format!("`{key}` in a teams file is ignored; only `teams` is merged into org `{}`", org.name),
                    )
                    .with_help(format!("move `{key}` to `{}`", org.file)),
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
    fn flags_keys_other_than_teams() {
        let t = org_tree(
            ORG_OK,
            &[(
                "config/x/sig-a/teams.yaml",
                "members:\n- m1\nname: Oops\nteams:\n  t:\n    privacy: closed\n",
            )],
        );
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/sig-a/teams.yaml:1:1: `members` in a teams file is ignored; only `teams` is merged into org `x`",
                "config/x/sig-a/teams.yaml:3:1: `name` in a teams file is ignored; only `teams` is merged into org `x`",
            ]
        );
    }
}
