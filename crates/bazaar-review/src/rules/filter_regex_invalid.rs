//! `review/filter-regex-invalid`: a `filters` key that is not a valid Go regular expression.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use crate::owners::OwnersTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "review/filter-regex-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an OWNERS filter is not a valid Go regular expression, so Prow drops it",
    doc: "## What it checks\nThat every key under `filters:` compiles as a Go (RE2) regular \
          expression. bazaar compiles it with Go's meaning (e.g. `\\d` is ASCII, `\\Q...\\E` is \
          literal text, `a{1001}` is refused).\n\n\
          ## Why it matters\nProw logs the compile error and drops that filter: its approvers, \
          reviewers and labels apply to nothing.\n\n\
          ## Example\n```yaml\nfilters:\n  \"*.go\":          # `*` has nothing to repeat\n    approvers: [alice]\n```\n\n\
          ## How to fix\nWrite a valid pattern, e.g. `\"\\\\.go$\"`.",
    origin: "kubernetes-sigs/prow pkg/repoowners walkFunc (regexp.Compile)",
};

pub fn check(tree: &OwnersTree) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in tree.files() {
        for (pattern, pos, err) in &f.bad_filters {
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("filter `{pattern}` is not a valid Go regular expression, Prow drops it: {err}"),
                )
                .at(&f.path, pos.line, pos.col)
                .with_help("fix the pattern; `.*` means every file"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fixture, only};

    #[test]
    fn fails_on_fixture() {
        let d = check(&fixture(RULE.id, "fail"));
        let d = only(&d, RULE.id);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].file.as_str(), d[0].line), ("OWNERS", 2));
        assert!(d[0].message.contains("`*.go`"), "{}", d[0].message);
    }

    #[test]
    fn passes_on_good_patterns() {
        assert!(check(&fixture(RULE.id, "pass")).is_empty());
    }
}
