//! The review rules: one file per rule, each holding its [`RuleMeta`]
//! (documentation printed by `bazaar explain`), its check and its tests
//! with a failing fixture (`tests/fixtures/rules/<rule>/fail/`).
//!
//! Load-time rules (`owners-unparsable`, `owners-unreadable`,
//! `filter-regex-invalid`, `aliases-unparsable`) describe what Prow only logs; they run whenever a
//! tree is built. The others run in `bazaar owners audit` ([`crate::audit`]).

use bazaar_core::RuleMeta;

use crate::owners::{OwnersTree, Pos, ProwView, Role, Section};

pub mod alias_refers_to_alias;
pub mod alias_undefined;
pub mod alias_unused;
pub mod aliases_unparsable;
pub mod approver_not_org_member;
pub mod filter_regex_invalid;
pub mod owners_ignored_key;
pub mod owners_section_ignored;
pub mod owners_unparsable;
pub mod owners_unreadable;
pub mod too_few_approvers;

/// Every rule of bazaar-review.
pub const ALL: &[RuleMeta] = &[
    alias_refers_to_alias::RULE,
    alias_undefined::RULE,
    alias_unused::RULE,
    aliases_unparsable::RULE,
    approver_not_org_member::RULE,
    filter_regex_invalid::RULE,
    owners_ignored_key::RULE,
    owners_section_ignored::RULE,
    owners_unparsable::RULE,
    owners_unreadable::RULE,
    too_few_approvers::RULE,
];

/// Findings of the load-time rules (what Prow only logs), sorted.
pub fn load_findings(tree: &OwnersTree) -> Vec<bazaar_core::Diagnostic> {
    let mut d = owners_unparsable::check(tree);
    d.extend(owners_unreadable::check(tree));
    d.extend(filter_regex_invalid::check(tree));
    d.extend(aliases_unparsable::check(tree));
    bazaar_core::diag::normalize(&mut d);
    d
}

/// Path of the aliases file in diagnostics.
pub(crate) const ALIASES_FILE: &str = "OWNERS_ALIASES";

/// One list entry that Prow reads (from the shape Prow uses, filters that
/// compile only), with where it is written.
pub(crate) struct ReadEntry<'a> {
    pub file: &'a str,
    pub role: Role,
    pub pos: Pos,
    pub value: &'a str,
}

/// Every login entry (approvers, reviewers, required_reviewers) Prow reads.
pub(crate) fn prow_entries(tree: &OwnersTree) -> Vec<ReadEntry<'_>> {
    let mut out = Vec::new();
    for f in tree.files() {
        let Some(doc) = &f.parsed.doc else { continue };
        let sections: Vec<&Section> = match &f.parsed.prow {
            ProwView::Simple { .. } => vec![&doc.top],
            ProwView::Filters { .. } => doc
                .filters
                .iter()
                .filter(|fd| !f.bad_filters.iter().any(|(p, _, _)| *p == fd.pattern))
                .map(|fd| &fd.section)
                .collect(),
            ProwView::Skipped(_) => Vec::new(),
        };
        for s in sections {
            for (role, list) in [
                (Role::Approvers, &s.approvers),
                (Role::Reviewers, &s.reviewers),
                (Role::RequiredReviewers, &s.required_reviewers),
            ] {
                for e in list {
                    out.push(ReadEntry {
                        file: &f.path,
                        role,
                        pos: e.pos,
                        value: &e.value,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod testing {
    use std::path::PathBuf;

    use bazaar_core::Diagnostic;

    use crate::owners::{OwnersConfig, OwnersTree};

    /// Load `tests/fixtures/rules/<rule>/<which>/` as a checkout.
    pub fn fixture(rule: &str, which: &str) -> OwnersTree {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rules")
            .join(rule.trim_start_matches("review/"))
            .join(which);
        let (tree, _) = crate::load::load_tree(&dir, &OwnersConfig::default())
            .unwrap_or_else(|e| panic!("fixture {}: {e}", dir.display()));
        tree
    }

    /// Findings of one rule.
    pub fn only<'a>(diags: &'a [Diagnostic], rule: &str) -> Vec<&'a Diagnostic> {
        diags.iter().filter(|d| d.rule == rule).collect()
    }
}
