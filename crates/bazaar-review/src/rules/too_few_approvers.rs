//! `review/too-few-approvers`: a directory whose OWNERS names fewer than two approvers.

use std::collections::BTreeSet;

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use crate::owners::{OwnersTree, ProwView, SourceKind};

pub const RULE: RuleMeta = RuleMeta {
    id: "review/too-few-approvers",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an OWNERS file names fewer than two approvers (after alias expansion)",
    doc: "## What it checks\nEvery OWNERS file that lists approvers (as Prow reads it) has at \
          least two distinct approvers once aliases are expanded. Files with no `approvers` at \
          all inherit their parents' and are not flagged.\n\n\
          ## Why it matters\nWith a single approver, every change in the directory waits on one \
          person (or goes to the parents' approvers, who know it less). With none left after \
          expansion (an empty alias), Prow treats the directory as having no approvers at all.\n\n\
          ## Example\n```yaml\napprovers:\n- alice   # alone\n```\n\n\
          ## How to fix\nAdd a second approver, or remove `approvers` to inherit the parents'.",
    origin: "bazaar (community guideline: two approvers per OWNERS file)",
};

pub fn check(tree: &OwnersTree) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in tree.files() {
        if f.kind != SourceKind::Owners {
            continue;
        }
        let lists: Vec<&Vec<String>> = match &f.parsed.prow {
            ProwView::Simple { config, .. } => vec![&config.approvers],
            ProwView::Filters { filters, .. } => filters
                .iter()
                .filter(|(p, _)| !f.bad_filters.iter().any(|(b, _, _)| b == p))
                .map(|(_, c)| &c.approvers)
                .collect(),
            ProwView::Skipped(_) => continue,
        };
        if lists.iter().all(|l| l.is_empty()) {
            continue;
        }
        let people: BTreeSet<String> = tree
            .aliases()
            .expand(lists.iter().flat_map(|l| l.iter().map(String::as_str)))
            .into_iter()
            .collect();
        if people.len() < 2 {
            let pos = f
                .parsed
                .doc
                .as_ref()
                .and_then(|d| {
                    d.top
                        .approvers
                        .first()
                        .or_else(|| d.filters.iter().find_map(|x| x.section.approvers.first()))
                })
                .map(|e| e.pos)
                .unwrap_or_default();
            let who = if people.is_empty() {
                "no approver once aliases are expanded".to_string()
            } else {
                format!(
                    "one approver (`{}`)",
                    people.iter().next().map_or("", String::as_str)
                )
            };
            let dir = if f.key.is_empty() {
                "the root".to_string()
            } else {
                format!("`{}`", f.key)
            };
            out.push(
                Diagnostic::new(RULE.id, RULE.severity, format!("{dir} has {who}"))
                    .at(&f.path, pos.line, pos.col)
                    .with_help("add a second approver"),
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
        let got: Vec<_> = d
            .iter()
            .map(|d| (d.file.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "empty/OWNERS",
                    "`empty` has no approver once aliases are expanded"
                ),
                ("one/OWNERS", "`one` has one approver (`alice`)"),
            ]
        );
    }

    #[test]
    fn passes_with_two() {
        assert!(check(&fixture(RULE.id, "pass")).is_empty());
    }
}
