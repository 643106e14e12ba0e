//! `community/sig-missing-subprojects`: a SIG owns no subprojects.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/sig-missing-subprojects",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a SIG owns no subprojects",
    doc: "## What it checks\n\
          That every SIG lists at least one subproject. Upstream message: `<dir>: has no subprojects`.\n\
          \n\
          ## Why it matters\n\
          SIGs own code through subprojects; a SIG without one owns nothing and its OWNERS links are missing.\n\
          \n\
          ## Example\n\
          ```yaml\n  \
          - dir: sig-node\n    \
          name: Node     # no subprojects\n\
          ```\n\
          \n\
          ## How to fix\n\
          Add `subprojects:` with at least one entry and its OWNERS URLs.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in &cx.community.sigs {
        if g.subprojects.is_empty() {
            out.push(
                cx.at(&META, g.at.group, format!("{}: has no subprojects", g.dir))
                    .with_help("add `subprojects:` with at least one subproject and its `owners`"),
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
            [(40, "sig-node: has no subprojects".to_string())]
        );
    }
}
