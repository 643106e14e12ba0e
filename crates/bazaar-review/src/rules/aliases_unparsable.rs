//! `review/aliases-unparsable`: an OWNERS_ALIASES file Prow cannot read.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::ALIASES_FILE;
use crate::owners::OwnersTree;

pub const RULE: RuleMeta = RuleMeta {
    id: "review/aliases-unparsable",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "OWNERS_ALIASES does not parse, so aliases are not (reliably) expanded",
    doc: "## What it checks\nThat the root `OWNERS_ALIASES` has the shape \
          `aliases: {name: [member, ...]}` (a list, a flow mapping `{a, b}` or nothing per alias).\n\n\
          ## Why it matters\nProw stops at the first bad alias and keeps only the aliases it had \
          read, in Go's random map order: which aliases survive changes from run to run. bazaar \
          expands none. Every alias name left unexpanded is taken as a login nobody has.\n\n\
          ## Example\n```yaml\naliases:\n  sig-foo-leads: alice   # must be a list\n```\n\n\
          ## How to fix\nWrite each alias's members as a YAML list.",
    origin: "kubernetes-sigs/prow pkg/repoowners ParseAliasesConfig",
};

pub fn check(tree: &OwnersTree) -> Vec<Diagnostic> {
    let Some(file) = &tree.aliases().file else {
        return Vec::new();
    };
    let Some(e) = &file.error else {
        return Vec::new();
    };
    vec![
        Diagnostic::new(
            RULE.id,
            RULE.severity,
            format!(
                "OWNERS_ALIASES is not usable, no alias is expanded: {}",
                e.message
            ),
        )
        .at(ALIASES_FILE, e.pos.line, e.pos.col)
        .with_help("give every alias a YAML list of members"),
    ]
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
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message.contains("must contain a list of members"),
            "{}",
            d[0].message
        );
        assert!(!tree.aliases().is_active());
        // The alias name stays a literal login.
        assert_eq!(
            tree.approvers("x.go").into_iter().collect::<Vec<_>>(),
            ["sig-foo-leads"]
        );
    }

    #[test]
    fn passes_on_good_file() {
        assert!(check(&fixture(RULE.id, "pass")).is_empty());
    }
}
