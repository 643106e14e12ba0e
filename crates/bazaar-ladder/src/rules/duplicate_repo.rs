//! `org/duplicate-repo`: two org-level repository declarations share a name.

use std::collections::HashMap;

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::{OrgTree, Pos};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/duplicate-repo",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an org-level `repos` name or `previously` name is used twice",
    doc: "## What it checks\nIn an org's `repos` map, every repository name and every name in a \
          repository's `previously` list must be unique, compared case-insensitively (GitHub \
          repository names are case-insensitive).\n\n\
          ## Why it matters\nPeribolos refuses such a config: it could not tell which repository to \
          rename or configure.\n\n\
          ## Example\n```yaml\nrepos:\n  website:\n    previously: [site]\n  Site: {}\n```\n\n\
          ## How to fix\nRemove the stale `previously` entry, or rename one repository.",
    origin: "peribolos (repo name uniqueness including previously)",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        let mut seen: HashMap<String, (String, Pos)> = HashMap::new();
        let names = org.repos.iter().flat_map(|r| {
            std::iter::once((r.name.clone(), r.pos, None)).chain(
                r.previously
                    .iter()
                    .map(move |p| (p.value.clone(), p.pos, Some(r.name.as_str()))),
            )
        });
        for (name, pos, former_of) in names {
            let key = name.to_lowercase();
            if let Some((first, first_pos)) = seen.get(&key) {
                let what = former_of.map_or_else(
                    || format!("repo `{name}`"),
                    |r| format!("`{name}` in `previously` of repo `{r}`"),
                );
                out.push(
                    finding(
                        &RULE,
                        &org.file,
                        pos,
                        format!(
                            "{what} in org `{}` repeats `{first}` (line {})",
                            org.name, first_pos.line
                        ),
                    )
                    .with_help("remove the repetition or rename the repository"),
                );
            } else {
                seen.insert(key, (name, pos));
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
    fn flags_repeated_names() {
        let org = format!(
            "{ORG_OK}repos:\n  website:\n    previously: [site]\n  Site: {{}}\n  b: {{}}\n"
        );
        let t = org_tree(&org, &[]);
        assert_eq!(
            lines(&run(check, &t)),
            ["config/x/org.yaml:14:3: repo `Site` in org `x` repeats `site` (line 13)"]
        );
    }
}
