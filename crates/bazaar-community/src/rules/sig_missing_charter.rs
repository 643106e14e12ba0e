//! `community/sig-missing-charter`: a SIG has no `charter_link`.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/sig-missing-charter",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a SIG has no `charter_link`",
    doc: "## What it checks\n\
          That every SIG has a `charter_link` (usually the relative `charter.md`). Upstream message: `<dir>: has no charter`.\n\
          \n\
          ## Why it matters\n\
          The charter defines the SIG's scope and governance; the README links to it.\n\
          \n\
          ## Example\n\
          ```yaml\n  \
          - dir: sig-node\n    \
          name: Node     # no charter_link\n\
          ```\n\
          \n\
          ## How to fix\n\
          Add `charter_link: charter.md` and commit the charter.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in &cx.community.sigs {
        if g.charter_link.is_empty() {
            out.push(
                cx.at(&META, g.at.group, format!("{}: has no charter", g.dir))
                    .with_help("add `charter_link:` (usually `charter.md`)"),
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
        assert_eq!(
            lines_and_messages(&d),
            [(40, "sig-node: has no charter".to_string())]
        );
    }
}
