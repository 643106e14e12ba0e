//! `review/owners-section-ignored`: owners written in the shape Prow does not use.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use crate::owners::{OwnersTree, ProwView};

pub const RULE: RuleMeta = RuleMeta {
    id: "review/owners-section-ignored",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an OWNERS file mixes shapes, and Prow ignores one of them",
    doc: "## What it checks\nProw reads an `OWNERS` file in the simple shape (top-level \
          `approvers`, `reviewers`, `required_reviewers`, `labels`) and falls back to the \
          `filters` shape only when that read fails or finds none of the four lists. This rule \
          flags the half Prow drops: `filters` next to non-empty top-level lists, or top-level \
          lists that fail to decode (a string where a list belongs) in a file Prow then reads \
          as filters.\n\n\
          ## Why it matters\nThe dropped half grants nothing, silently.\n\n\
          ## Example\n```yaml\napprovers: [alice]\nfilters:          # ignored because of `approvers` above\n  \"\\\\.md$\":\n    approvers: [docs-team]\n```\n\n\
          ## How to fix\nUse one shape: move top-level lists under `filters: {\".*\": {...}}`, or \
          fix the value that does not decode.",
    origin: "kubernetes-sigs/prow pkg/repoowners walkFunc (simple shape first)",
};

pub fn check(tree: &OwnersTree) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in tree.files() {
        let Some(doc) = &f.parsed.doc else { continue };
        match &f.parsed.prow {
            ProwView::Simple { .. } if !doc.filters.is_empty() => {
                let pos = doc.filters_pos.unwrap_or(doc.filters[0].pos);
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        RULE.severity,
                        "`filters` is ignored because the file has top-level approvers, reviewers, required_reviewers or labels",
                    )
                    .at(&f.path, pos.line, pos.col)
                    .with_help("move the top-level lists under `filters: {\".*\": ...}`"),
                );
            }
            ProwView::Filters {
                simple_error: Some(e),
                ..
            } => {
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        RULE.severity,
                        format!(
                            "the top-level lists are ignored because they do not decode: {}",
                            e.message
                        ),
                    )
                    .at(&f.path, e.pos.line, e.pos.col)
                    .with_help("write each list as a YAML list of strings"),
                );
            }
            _ => {}
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
        let tree = fixture(RULE.id, "fail");
        let d = check(&tree);
        let d = only(&d, RULE.id);
        let files: Vec<_> = d.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["both/OWNERS", "string/OWNERS"], "{d:?}");
        // What Prow does with them.
        assert!(tree.approvers("both/x.md").contains("alice"));
        assert!(!tree.approvers("both/x.md").contains("docs-team"));
        assert!(!tree.approvers("string/x.go").contains("alice"));
    }

    #[test]
    fn passes_on_one_shape() {
        assert!(check(&fixture(RULE.id, "pass")).is_empty());
    }
}
