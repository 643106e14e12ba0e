//! `review/owners-ignored-key`: a key in an OWNERS file that Prow does not read.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use crate::owners::OwnersTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "review/owners-ignored-key",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an OWNERS file has a key Prow ignores (e.g. `emeritus_approvers`, a misspelt key)",
    doc: "## What it checks\nEvery key of an `OWNERS` file (at the top, under `options:` and inside \
          each filter) against the keys Prow reads: `options` (`no_parent_owners`, \
          `auto_approve_unowned_subfolders`), `approvers`, `reviewers`, `required_reviewers`, \
          `labels` and `filters`. Keys match case-insensitively, as Go's `encoding/json` does.\n\n\
          ## Why it matters\nProw ignores any other key without a word. `emeritus_approvers` and \
          `emeritus_reviewers` are a documentation convention and are meant to be ignored; a \
          misspelt `aprovers:` is not, and silently grants nobody anything.\n\n\
          ## Example\n```yaml\naprovers:        # ignored: the key is `approvers`\n- alice\nemeritus_approvers:\n- bob            # ignored by design\n```\n\n\
          ## How to fix\nFix misspelt keys. `emeritus_*` keys are fine as documentation; this \
          finding only records that Prow gives them no power.",
    origin: "kubernetes-sigs/prow pkg/repoowners SimpleConfig/FullConfig (encoding/json ignores unknown keys)",
};

pub fn check(tree: &OwnersTree) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in tree.files() {
        let Some(doc) = &f.parsed.doc else { continue };
        for k in &doc.ignored_keys {
            let emeritus = k.key.to_ascii_lowercase().starts_with("emeritus_");
            let (message, help) = if emeritus {
                (
                    format!("`{}` is documentation only, Prow ignores it", k.path),
                    "nothing to do if this is intended; these people cannot approve or review",
                )
            } else {
                (
                    format!("Prow ignores the key `{}`", k.path),
                    "fix the spelling or remove the key (Prow reads options, approvers, reviewers, required_reviewers, labels, filters)",
                )
            };
            out.push(
                Diagnostic::new(RULE.id, RULE.severity, message)
                    .at(&f.path, k.pos.line, k.pos.col)
                    .with_help(help),
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
        let got: Vec<_> = d.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            got,
            [
                (1, "Prow ignores the key `aprovers`"),
                (
                    3,
                    "`emeritus_approvers` is documentation only, Prow ignores it"
                ),
                (6, "Prow ignores the key `options.no_parent_owner`"),
            ]
        );
    }

    #[test]
    fn passes_on_known_keys() {
        assert!(check(&fixture(RULE.id, "pass")).is_empty());
    }
}
