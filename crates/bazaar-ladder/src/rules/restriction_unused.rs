//! `org/restriction-unused`: a `restrictions.yaml` entry governs no file.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::OrgTree;
use crate::org::restrictions::Governing;

pub const RULE: RuleMeta = RuleMeta {
    id: "org/restriction-unused",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a `restrictions.yaml` entry matches no org or teams file, or only files an earlier entry governs",
    doc: "## What it checks\nThat each entry of `restrictions.yaml` is the first match of at least one \
          `org.yaml` or first-level `teams.yaml`.\n\n\
          ## Why it matters\nAn entry for a team file that was moved or deleted, or one shadowed by an \
          earlier entry, restricts nothing while looking like it does; reviewers then trust a rule \
          that never applies.\n\n\
          ## Example\n```yaml\nrestrictions:\n  - path: \"kubernetes-sigs/sig-usability/teams.yaml\"   # no such file\n    allowedRepos: [\"^ux-\"]\n```\n\n\
          ## How to fix\nRemove the entry, fix its path, or move it before the entry that shadows it.",
    origin: "bazaar",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(r) = &tree.restrictions else {
        return out;
    };
    let files: Vec<&str> = tree
        .orgs
        .iter()
        .flat_map(|o| {
            std::iter::once(o.file.as_str()).chain(o.teams_files.iter().map(|f| f.file.as_str()))
        })
        .map(|f| tree.config_rel(f))
        .collect();
    for e in &r.entries {
        let Ok(glob) = &e.glob else { continue };
        let matched: Vec<&str> = files.iter().copied().filter(|f| glob.is_match(f)).collect();
        let governs = matched
            .iter()
            .any(|f| matches!(r.governing(f), Governing::Entry(g) if std::ptr::eq(g, e)));
        let why = if matched.is_empty() {
            "matches no org or teams file"
        } else if !governs {
            "only matches files an earlier entry already governs"
        } else {
            continue;
        };
        out.push(
            finding(
                &RULE,
                &r.file,
                e.path.pos,
                format!("restriction `{}` {why}", e.path.value),
            )
            .with_help(
                "remove the entry, fix its path, or move it before the entry that shadows it",
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn flags_entries_that_never_apply() {
        let t = org_tree(
            ORG_OK,
            &[
                ("config/x/sig-a/teams.yaml", "teams: {}\n"),
                (
                    "config/restrictions.yaml",
                    "restrictions:\n  - path: \"x/*/teams.yaml\"\n  - path: \"x/sig-a/teams.yaml\"\n  - path: \"x/gone/teams.yaml\"\n  - path: \"**/*\"\n",
                ),
            ],
        );
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/restrictions.yaml:3:11: restriction `x/sig-a/teams.yaml` only matches files an earlier entry already governs",
                "config/restrictions.yaml:4:11: restriction `x/gone/teams.yaml` matches no org or teams file",
            ]
        );
    }
}
