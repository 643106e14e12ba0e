//! `org/duplicate-team`: a team name is defined twice in one org.

use std::collections::HashMap;

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding, place};
use crate::org::{OrgTree, Team};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/duplicate-team",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "two team definitions in one org have the same name",
    doc: "## What it checks\nThat each team name (case-insensitively) is defined once per org, across \
          `org.yaml`, every `teams.yaml` and every nesting level.\n\n\
          ## Why it matters\n`cmd/merge` writes teams into one map by name, last writer wins: a second \
          top-level definition in another `teams.yaml` silently replaces the first, so its members \
          lose access without any error. Nested teams share the org's namespace on GitHub, so a child \
          with another team's name cannot exist either.\n\n\
          ## Example\n```yaml\n# config/kubernetes/sig-a/teams.yaml\nteams:\n  shared-reviewers: {...}\n\
          # config/kubernetes/sig-b/teams.yaml\nteams:\n  shared-reviewers: {...}   # replaces sig-a's\n```\n\n\
          ## How to fix\nRename one of the teams, or merge the two definitions into one file.",
    origin: "kubernetes/org cmd/merge (silent overwrite upstream); peribolos team name uniqueness",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        let top: Vec<&Team> = org.teams.iter().collect();
        let mut seen: HashMap<String, &Team> = HashMap::new();
        for t in org.all_teams() {
            let key = t.name.to_lowercase();
            let Some(first) = seen.get(&key) else {
                seen.insert(key, t);
                continue;
            };
            let both_top = top.iter().any(|x| std::ptr::eq(*x, *first))
                && top.iter().any(|x| std::ptr::eq(*x, t));
            let message = if both_top && first.name == t.name {
                format!(
                    "team `{}` is defined twice in org `{}` (first at {}); the merge keeps only this later definition",
                    t.name,
                    org.name,
                    place(&first.file, first.pos)
                )
            } else {
                format!(
                    "team `{}` has the same name as team `{}` in org `{}` ({}); team names are unique within an org",
                    t.name,
                    first.name,
                    org.name,
                    place(&first.file, first.pos)
                )
            };
            out.push(
                finding(&RULE, &t.file, t.pos, message)
                    .with_help("rename one team or merge the two definitions"),
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
    fn flags_redefinitions_across_files_and_levels() {
        let t = org_tree(
            &format!("{ORG_OK}teams:\n  t:\n    privacy: closed\n"),
            &[
                (
                    "config/x/sig-a/teams.yaml",
                    "teams:\n  t:\n    privacy: closed\n  u:\n    privacy: closed\n",
                ),
                (
                    "config/x/sig-b/teams.yaml",
                    "teams:\n  v:\n    privacy: closed\n    teams:\n      U:\n        privacy: closed\n",
                ),
            ],
        );
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/sig-a/teams.yaml:2:3: team `t` is defined twice in org `x` (first at config/x/org.yaml:12); the merge keeps only this later definition",
                "config/x/sig-b/teams.yaml:5:7: team `U` has the same name as team `u` in org `x` (config/x/sig-a/teams.yaml:4); team names are unique within an org",
            ]
        );
        // The merged view keeps the later definition, as cmd/merge does.
        let org = &t.orgs[0];
        let eff: Vec<_> = org
            .effective_teams()
            .iter()
            .map(|t| (t.name.as_str(), t.file.as_str()))
            .collect();
        assert_eq!(
            eff,
            [
                ("t", "config/x/sig-a/teams.yaml"),
                ("u", "config/x/sig-a/teams.yaml"),
                ("v", "config/x/sig-b/teams.yaml")
            ]
        );
    }
}
