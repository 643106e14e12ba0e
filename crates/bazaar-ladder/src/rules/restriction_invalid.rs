//! `org/restriction-invalid`: a `restrictions.yaml` glob or regexp does not compile.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::OrgTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "org/restriction-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a `path` glob or an `allowedRepos` regexp in `restrictions.yaml` is malformed",
    doc: "## What it checks\nThat every `path` is a valid doublestar glob and every `allowedRepos` entry \
          a valid regular expression (RE2 syntax, as Go's `regexp`).\n\n\
          ## Why it matters\nUpstream's `cmd/restrictions` stops at the first bad pattern (\"failed to \
          parse repo pattern\"), so no file is checked at all. bazaar reports each bad pattern and \
          treats it as matching nothing.\n\n\
          ## Example\n```yaml\nrestrictions:\n  - path: \"kubernetes/sig-foo/teams.yaml\"\n    allowedRepos: [\"^foo-(\"]\n```\n\n\
          ## How to fix\nFix the pattern at the reported position.",
    origin: "kubernetes/org cmd/restrictions compileRegexps",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(r) = &tree.restrictions else {
        return out;
    };
    for e in &r.entries {
        if let Err(why) = &e.glob {
            out.push(
                finding(
                    &RULE,
                    &r.file,
                    e.path.pos,
                    format!("path glob `{}` is invalid: {why}", e.path.value),
                )
                .with_help("fix the glob (`*` within a directory, `**` across directories)"),
            );
        }
        for a in &e.allowed_repos {
            if let Err(why) = &a.regex {
                out.push(
                    finding(
                        &RULE,
                        &r.file,
                        a.pattern.pos,
                        format!("repo pattern `{}` is invalid: {why}", a.pattern.value),
                    )
                    .with_help("fix the regular expression"),
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
    fn flags_bad_globs_and_regexps() {
        let t = org_tree(
            ORG_OK,
            &[(
                "config/restrictions.yaml",
                "restrictions:\n  - path: \"x/[org.yaml\"\n    allowedRepos: [\"^ok\", \"^bad(\"]\n",
            )],
        );
        let d = lines(&run(check, &t));
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(
            d[0].starts_with("config/restrictions.yaml:2:11: path glob `x/[org.yaml` is invalid"),
            "{}",
            d[0]
        );
        assert!(
            d[1].starts_with("config/restrictions.yaml:3:27: repo pattern `^bad(` is invalid"),
            "{}",
            d[1]
        );
    }
}
