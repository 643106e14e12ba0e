//! `community/group-missing-category`: `categories.yaml` exists but does not place a group.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/group-missing-category",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "`categories.yaml` exists but does not place a group",
    doc: "## What it checks\n\
          That, when the community has a `categories.yaml`, every group has an entry there (`project`, `horizontal` or `vertical`). Communities without `categories.yaml` are not checked.\n\
          \n\
          ## Why it matters\n\
          Categories drive the project map (`bazaar groups`, the SIG diagram rows); a group without one drops off it.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          # categories.yaml\n\
          groups:\n  \
          sig-apps: {category: vertical}\n\
          # sig-node is missing\n\
          ```\n\
          \n\
          ## How to fix\n\
          Add an entry for the group to `categories.yaml`.",
    origin: "bazaar",
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if cx.community.categories.is_none() {
        return;
    }
    for g in cx.community.groups() {
        if g.category.is_none() {
            out.push(
                cx.at(
                    &META,
                    g.at.group,
                    format!("`{}` has no entry in `categories.yaml`", g.dir),
                )
                .with_help(format!(
                    "add `{}: {{category: project|horizontal|vertical}}` to `categories.yaml`",
                    g.dir
                )),
            );
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
        let dirs: Vec<_> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            dirs,
            [
                "`sig-node` has no entry in `categories.yaml`",
                "`wg-batch` has no entry in `categories.yaml`",
                "`committee-steering` has no entry in `categories.yaml`",
            ]
        );
    }
}
