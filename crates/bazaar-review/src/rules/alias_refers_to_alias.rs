//! `review/alias-refers-to-alias`: an alias member that names another alias.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::ALIASES_FILE;
use crate::owners::{OwnersTree, norm_login};

pub const RULE: RuleMeta = RuleMeta {
    id: "review/alias-refers-to-alias",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an OWNERS_ALIASES member names another alias, which Prow does not expand",
    doc: "## What it checks\nThat no member of an alias in `OWNERS_ALIASES` is itself an alias name.\n\n\
          ## Why it matters\nProw expands aliases one level only: the inner alias name stays a \
          literal login that nobody has, so its members can neither approve nor review.\n\n\
          ## Example\n```yaml\naliases:\n  sig-foo-leads: [alice]\n  sig-foo-approvers:\n  - sig-foo-leads   # not expanded\n  - bob\n```\n\n\
          ## How to fix\nList the inner alias's members instead of its name.",
    origin: "kubernetes-sigs/prow pkg/repoowners ExpandAliases (not recursive)",
};

pub fn check(tree: &OwnersTree) -> Vec<Diagnostic> {
    let aliases = tree.aliases();
    let Some(file) = &aliases.file else {
        return Vec::new();
    };
    if file.error.is_some() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for def in &file.aliases {
        for m in &def.members {
            let name = norm_login(&m.value);
            if aliases.get(&name).is_some() {
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        RULE.severity,
                        format!(
                            "alias `{}` lists alias `{}` as a member, and Prow does not expand it",
                            def.raw_name, m.value
                        ),
                    )
                    .at(ALIASES_FILE, m.pos.line, m.pos.col)
                    .with_help(format!("replace `{}` by its members", m.value)),
                );
            }
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
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].file.as_str(), d[0].line), ("OWNERS_ALIASES", 5));
        // Prow's reading: the inner alias is a literal login.
        let approvers = tree.approvers("x.go");
        assert!(approvers.contains("sig-foo-leads") && !approvers.contains("alice"));
    }

    #[test]
    fn passes_on_flat_aliases() {
        assert!(check(&fixture(RULE.id, "pass")).is_empty());
    }
}
