//! `community/sig-missing-mission`: a SIG has no `mission_statement`.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/sig-missing-mission",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a SIG has no `mission_statement`",
    doc: "## What it checks\n\
          That every SIG has a `mission_statement`. Upstream message: `<dir>: has no mission statement`.\n\
          \n\
          ## Why it matters\n\
          The mission statement opens the SIG's README and tells newcomers what the SIG covers.\n\
          \n\
          ## Example\n\
          ```yaml\n  \
          - dir: sig-node\n    \
          name: Node     # no mission_statement\n\
          ```\n\
          \n\
          ## How to fix\n\
          Add `mission_statement: >` with a paragraph about the SIG's scope.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in &cx.community.sigs {
        if g.mission_statement.is_empty() {
            out.push(
                cx.at(
                    &META,
                    g.at.group,
                    format!("{}: has no mission statement", g.dir),
                )
                .with_help("add `mission_statement: >` describing what the SIG covers"),
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
            [(40, "sig-node: has no mission statement".to_string())]
        );
    }
}
