//! `community/dir-mismatch`: a group's `dir` is not derived from its name.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/dir-mismatch",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a group's `dir` is not derived from its name",
    doc: "## What it checks\n\
          That every group's `dir` equals `<prefix>-<name in lowercase, spaces as dashes>` (`sig`, `wg`, `ug` or `committee` prefix), e.g. `K8s Infra` → `sig-k8s-infra`. Upstream message: `expected dir: <expected>, got: <dir>`.\n\
          \n\
          ## Why it matters\n\
          The directory holds the group's generated README and is linked from every generated list; upstream refuses to generate when they disagree.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          sigs:\n  \
          - dir: sig-nodes\n    \
          name: Node        # expects dir sig-node\n\
          ```\n\
          \n\
          ## How to fix\n\
          Rename `dir` to the expected value (or fix `name`), then regenerate.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in cx.community.groups() {
        let expected = g.expected_dir();
        if g.dir != expected {
            out.push(
                cx.at(
                    &META,
                    g.at.dir,
                    format!("expected dir: {expected}, got: {}", g.dir),
                )
                .with_help(format!("set `dir: {expected}` or change `name`")),
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
            [(40, "expected dir: sig-node, got: sig-nodes".to_string())]
        );
        assert_eq!(d[0].col, 10);
    }
}
