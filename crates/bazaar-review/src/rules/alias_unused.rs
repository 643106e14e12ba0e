//! `review/alias-unused`: an alias that no OWNERS file uses.

use std::collections::BTreeSet;

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{ALIASES_FILE, prow_entries};
use crate::owners::{OwnersTree, norm_login};

pub const RULE: RuleMeta = RuleMeta {
    id: "review/alias-unused",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an alias in OWNERS_ALIASES is not used by any OWNERS file Prow reads",
    doc: "## What it checks\nThat every alias defined in `OWNERS_ALIASES` appears in the \
          `approvers`, `reviewers` or `required_reviewers` of at least one OWNERS file, as Prow \
          reads it (a file Prow skips, or a filter it drops, does not count).\n\n\
          ## Why it matters\nAn unused alias is dead data: its members believe they own \
          something they do not, and ladder tooling that trusts OWNERS_ALIASES overstates roles.\n\n\
          ## Example\n```yaml\naliases:\n  sig-old-leads: [alice]   # no OWNERS file mentions it\n```\n\n\
          ## How to fix\nReference the alias where it is meant to apply, or remove it.",
    origin: "bazaar",
};

pub fn check(tree: &OwnersTree) -> Vec<Diagnostic> {
    let Some(file) = &tree.aliases().file else {
        return Vec::new();
    };
    if file.error.is_some() {
        return Vec::new();
    }
    let used: BTreeSet<String> = prow_entries(tree)
        .iter()
        .map(|e| norm_login(e.value))
        .collect();
    file.aliases
        .iter()
        .filter(|d| !used.contains(&d.name))
        .map(|d| {
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!("alias `{}` is not used by any OWNERS file", d.raw_name),
            )
            .at(ALIASES_FILE, d.pos.line, d.pos.col)
            .with_help("use it in an OWNERS file or remove it")
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
        let got: Vec<_> = d.iter().map(|d| (d.line, d.message.as_str())).collect();
        // `only-in-emeritus` is only in `emeritus_approvers`, which Prow does not read.
        assert_eq!(
            got,
            [
                (4, "alias `sig-old-leads` is not used by any OWNERS file"),
                (6, "alias `only-in-emeritus` is not used by any OWNERS file"),
            ]
        );
    }

    #[test]
    fn passes_when_all_used() {
        assert!(check(&fixture(RULE.id, "pass")).is_empty());
    }
}
