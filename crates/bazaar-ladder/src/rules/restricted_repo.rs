//! `org/restricted-repo`: a top-level team references a repo its file may not grant.
//!
//! The shared matching lives here; `org/restricted-repo-nested` reuses it
//! for child teams.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding, place};
use crate::org::restrictions::Governing;
use crate::org::{OrgTree, Team};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/restricted-repo",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a top-level team references a repo that `restrictions.yaml` does not allow for its file",
    doc: "## What it checks\nFor every `org.yaml` and `teams.yaml`, the first entry of \
          `config/restrictions.yaml` whose `path` glob matches the file (relative to `config/`) lists \
          the repos its teams may reference: every key of a top-level team's `repos` must match one of \
          the entry's `allowedRepos` regexps (unanchored: `^api` also allows `apiserver`). An entry \
          without `allowedRepos` allows nothing; a file no entry matches may reference any repo. \
          Without a `restrictions.yaml` nothing is checked (an info finding says so).\n\n\
          ## Why it matters\nTeam files are approved by each SIG's leads; the restrictions stop one SIG \
          from granting itself access to another SIG's repositories. kubernetes/org's \
          `hack/verify-restrictions.sh` fails with `cannot define repo \"x\" for team \"y\"`.\n\n\
          ## Example\n```yaml\n# config/kubernetes/sig-foo/teams.yaml (restricted to ^foo-)\nteams:\n  sig-foo-admins:\n    repos:\n      kubernetes: admin\n```\n\n\
          ## How to fix\nMove the team to the file of the SIG that owns the repo, or extend that file's \
          `allowedRepos` in `restrictions.yaml` (reviewed by the org admins).",
    origin: "kubernetes/org cmd/restrictions",
};

/// Findings of `rule` for the teams in `teams` (top-level or nested) whose
/// repos the governing restriction does not allow.
pub(crate) fn violations(tree: &OrgTree, rule: &RuleMeta, nested: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(restrictions) = &tree.restrictions else {
        if !nested && !tree.orgs.is_empty() {
            out.push(
                Diagnostic::info(
                    rule.id,
                    "there is no `restrictions.yaml`: team repo restrictions are not checked",
                )
                .in_file(format!("{}restrictions.yaml", tree.config_prefix)),
            );
        }
        return out;
    };
    for org in &tree.orgs {
        for top in &org.teams {
            let teams: Vec<&Team> = if nested {
                top.walk().into_iter().skip(1).collect()
            } else {
                vec![top]
            };
            let rel = tree.config_rel(&top.file);
            let governing = restrictions.governing(rel);
            for t in teams {
                for r in t.repos.iter().filter(|r| !governing.allows(&r.repo.value)) {
                    let why = match governing {
                        Governing::Entry(e) if e.allowed_repos.is_empty() => format!(
                            "the restriction `{}` ({}) allows no repos",
                            e.path.value,
                            place(&restrictions.file, e.pos)
                        ),
                        Governing::Entry(e) => format!(
                            "no `allowedRepos` pattern of the restriction `{}` ({}) matches",
                            e.path.value,
                            place(&restrictions.file, e.pos)
                        ),
                        Governing::Default => "it is not allowed".to_string(),
                    };
                    let child = if nested { "child team" } else { "team" };
                    out.push(
                        finding(
                            rule,
                            &t.file,
                            r.repo.pos,
                            format!(
                                "`{rel}` cannot define repo `{}` for {child} `{}`: {why}",
                                r.repo.value, t.name
                            ),
                        )
                        .with_help(
                            "move the team to the file of the group that owns the repo, or extend `allowedRepos` in restrictions.yaml",
                        ),
                    );
                }
            }
        }
    }
    out
}

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    violations(tree, &RULE, false)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    pub const RESTRICTIONS: &str = "\
restrictions:
  - path: \"x/org.yaml\"
    allowedRepos: [\"^api\"]
  - path: \"x/sig-a/teams.yaml\"
    allowedRepos: [\"^a-\", \"^exact$\"]
  - path: \"**/*\"
";

    #[test]
    fn flags_repos_outside_the_restriction_of_the_file() {
        let org = format!(
            "{ORG_OK}teams:\n  t:\n    privacy: closed\n    repos:\n      apiserver: read\n      web: read\n"
        );
        let t = org_tree(
            &org,
            &[
                ("config/restrictions.yaml", RESTRICTIONS),
                (
                    "config/x/sig-a/teams.yaml",
                    "teams:\n  a:\n    privacy: closed\n    repos:\n      a-one: admin\n      exact2: admin\n    teams:\n      child:\n        privacy: closed\n        repos:\n          elsewhere: read\n",
                ),
                (
                    "config/x/sig-b/teams.yaml",
                    "teams:\n  b:\n    privacy: closed\n    repos:\n      b: admin\n",
                ),
            ],
        );
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/org.yaml:16:7: `x/org.yaml` cannot define repo `web` for team `t`: no `allowedRepos` pattern of the restriction `x/org.yaml` (config/restrictions.yaml:2) matches",
                "config/x/sig-a/teams.yaml:6:7: `x/sig-a/teams.yaml` cannot define repo `exact2` for team `a`: no `allowedRepos` pattern of the restriction `x/sig-a/teams.yaml` (config/restrictions.yaml:4) matches",
                "config/x/sig-b/teams.yaml:5:7: `x/sig-b/teams.yaml` cannot define repo `b` for team `b`: the restriction `**/*` (config/restrictions.yaml:6) allows no repos",
            ],
            "child teams are not checked here, as upstream"
        );
    }

    #[test]
    fn without_restrictions_says_so() {
        let t = tree(&[
            ("config/x/org.yaml", ORG_OK),
            ("config/x/OWNERS", OWNERS_OK),
        ]);
        let d = run(check, &t);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
        assert_eq!(d[0].file, "config/restrictions.yaml");
    }
}
