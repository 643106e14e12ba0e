//! `review/owners-unparsable`: an OWNERS file Prow cannot read, so skips.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use crate::owners::{OwnersTree, ProwView, SourceKind};

pub const RULE: RuleMeta = RuleMeta {
    id: "review/owners-unparsable",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an OWNERS file does not parse, so Prow ignores it entirely",
    doc: "## What it checks\nThat every `OWNERS` file parses in one of Prow's two shapes (the simple \
          shape with top-level `approvers`/`reviewers`/..., or the `filters` shape), following \
          Prow's decoder (`sigs.k8s.io/yaml`: YAML to JSON, then Go's `encoding/json`).\n\n\
          ## Why it matters\nProw logs the error at debug level and skips the file: the directory \
          silently falls back to its parents' owners, and nobody is told.\n\n\
          ## Example\n```yaml\noptions:\n  no_parent_owners: yes please   # not a boolean\napprovers:\n- alice\n```\n\n\
          ## How to fix\nFix the YAML or the value's type at the reported line.",
    origin: "kubernetes-sigs/prow pkg/repoowners walkFunc (file skipped)",
};

/// Files Prow skips.
pub fn check(tree: &OwnersTree) -> Vec<Diagnostic> {
    tree.files()
        .iter()
        .filter(|f| f.kind == SourceKind::Owners)
        .filter_map(|f| match &f.parsed.prow {
            ProwView::Skipped(e) => Some(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("Prow skips this OWNERS file: {}", e.message),
                )
                .at(&f.path, e.pos.line, e.pos.col)
                .with_help("fix the YAML or the value's type; until then the directory inherits its parents' owners"),
            ),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fixture, only};

    #[test]
    fn fails_on_fixture() {
        let d = check(&fixture(RULE.id, "fail"));
        let d = only(&d, RULE.id);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].file, "bad-type/OWNERS");
        assert_eq!(d[0].line, 2);
        assert_eq!(d[1].file, "bad-yaml/OWNERS");
        assert!(d[1].line > 0);
    }

    #[test]
    fn passes_on_good_file() {
        assert!(check(&fixture(RULE.id, "pass")).is_empty());
    }
}
