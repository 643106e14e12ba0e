//! `bazaar owners audit`: what Prow silently ignores or gets wrong in an
//! OWNERS tree. Every finding comes from one rule of [`crate::rules`].

use std::collections::BTreeSet;

use bazaar_core::Diagnostic;

use crate::owners::OwnersTree;
use crate::rules;

/// Run every rule over a tree. `org_members` (normalised logins) enables
/// `review/approver-not-org-member`. Findings are sorted.
pub fn audit(tree: &OwnersTree, org_members: Option<&BTreeSet<String>>) -> Vec<Diagnostic> {
    let mut d = rules::load_findings(tree);
    d.extend(rules::owners_ignored_key::check(tree));
    d.extend(rules::owners_section_ignored::check(tree));
    d.extend(rules::alias_refers_to_alias::check(tree));
    d.extend(rules::alias_undefined::check(tree));
    d.extend(rules::alias_unused::check(tree));
    d.extend(rules::too_few_approvers::check(tree));
    if let Some(members) = org_members {
        d.extend(rules::approver_not_org_member::check(tree, members));
    }
    bazaar_core::diag::normalize(&mut d);
    d
}

/// Counts of findings per rule id, sorted by id.
pub fn counts(findings: &[Diagnostic]) -> Vec<(&'static str, usize)> {
    let mut m: std::collections::BTreeMap<&'static str, usize> = std::collections::BTreeMap::new();
    for f in findings {
        *m.entry(f.rule).or_default() += 1;
    }
    m.into_iter().collect()
}
