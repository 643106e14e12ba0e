//! `review/alias-undefined`: an OWNERS entry that looks like an alias but is not defined.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::prow_entries;
use crate::owners::{OwnersTree, norm_login};

pub const RULE: RuleMeta = RuleMeta {
    id: "review/alias-undefined",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an OWNERS entry looks like an alias or a team but is not an alias in OWNERS_ALIASES",
    doc: "## What it checks\nOWNERS entries that are not defined aliases but look like one: a \
          `/` (a GitHub team such as `kubernetes/steering-committee`, which Prow never expands), \
          a `sig-`, `wg-`, `ug-` or `committee-` prefix, or a suffix such as `-leads`, \
          `-approvers`, `-reviewers`, `-maintainers`. This is a heuristic: a real login can look \
          like this.\n\n\
          ## Why it matters\nProw takes an undefined name as a literal login. Nobody has that \
          login, so the entry grants nothing while looking like it grants a whole group.\n\n\
          ## Example\n```yaml\napprovers:\n- sig-foo-leads   # not in OWNERS_ALIASES\n```\n\n\
          ## How to fix\nDefine the alias in the root OWNERS_ALIASES, fix its spelling, or list \
          the people.",
    origin: "bazaar",
};

const PREFIXES: &[&str] = &["sig-", "wg-", "ug-", "committee-"];
const SUFFIXES: &[&str] = &[
    "-leads",
    "-approvers",
    "-reviewers",
    "-maintainers",
    "-owners",
    "-admins",
    "-chairs",
    "-team",
];

/// Whether a name looks like a group rather than a person.
pub fn looks_like_group(name: &str) -> bool {
    name.contains('/')
        || PREFIXES.iter().any(|p| name.starts_with(p))
        || SUFFIXES.iter().any(|s| name.ends_with(s))
}

pub fn check(tree: &OwnersTree) -> Vec<Diagnostic> {
    let aliases = tree.aliases();
    prow_entries(tree)
        .into_iter()
        .filter(|e| {
            let n = norm_login(e.value);
            aliases.get(&n).is_none() && looks_like_group(&n)
        })
        .map(|e| {
            let what = if e.value.contains('/') {
                "a GitHub team, which Prow does not expand"
            } else {
                "not an alias in OWNERS_ALIASES"
            };
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!(
                    "`{}` looks like a group but is {what}; Prow takes it as a login",
                    e.value
                ),
            )
            .at(e.file, e.pos.line, e.pos.col)
            .with_help("define the alias in OWNERS_ALIASES or list the people")
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
        assert_eq!(
            got,
            [
                (
                    2,
                    "`sig-foo-leads` looks like a group but is not an alias in OWNERS_ALIASES; Prow takes it as a login"
                ),
                (
                    5,
                    "`kubernetes/steering` looks like a group but is a GitHub team, which Prow does not expand; Prow takes it as a login"
                ),
            ]
        );
    }

    #[test]
    fn passes_on_defined_alias_and_people() {
        assert!(check(&fixture(RULE.id, "pass")).is_empty());
    }
}
