//! `community/category-unknown-group`: `categories.yaml` names a group that is not in `sigs.yaml`.

use crate::model::Loc;
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/category-unknown-group",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "`categories.yaml` names a group that is not in `sigs.yaml`",
    doc: "## What it checks\n\
          That every group named in `categories.yaml` (as an entry or as the target of a `related` entry) is a `dir` in `sigs.yaml`.\n\
          \n\
          ## Why it matters\n\
          A stale entry hides a rename or a retired group, and a relation to a missing group shows as a dead end.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          groups:\n  \
          sig-ghost: {category: horizontal}\n\
          ```\n\
          \n\
          ## How to fix\n\
          Remove the entry, or fix the `dir`.",
    origin: "bazaar",
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(cats) = &cx.community.categories else {
        return;
    };
    let names: Vec<&str> = cx.community.groups().map(|g| g.dir.as_str()).collect();
    let mut report = |dir: &str, loc: Loc| {
        if names.contains(&dir) {
            return;
        }
        let help = match crate::suggest::closest(dir, names.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => "remove the entry or use the `dir` of a group in `sigs.yaml`".to_string(),
        };
        out.push(
            Diagnostic::new(
                META.id,
                META.severity,
                format!("`{dir}` is not a group in `sigs.yaml`"),
            )
            .at(cx.categories_file, loc.line, loc.col)
            .with_help(help),
        );
    };
    for e in &cats.entries {
        report(&e.dir, e.loc);
        for (r, loc) in e.category.related.iter().zip(&e.related_locs) {
            report(&r.group, *loc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn fires_on_its_fixture() {
        let d = fixture(&META, "fail");
        assert_eq!(
            lines_and_messages(&d),
            [
                (4, "`wg-ghost` is not a group in `sigs.yaml`".to_string()),
                (9, "`sig-nodes` is not a group in `sigs.yaml`".to_string()),
            ]
        );
        assert_eq!(d[0].file, "categories.yaml");
        assert_eq!(d[1].help.as_deref(), Some("did you mean `sig-node`?"));
    }
}
