//! `community/label-mismatch`: a group's `label` is not derived from its name.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/label-mismatch",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a group's `label` is not derived from its name",
    doc: "## What it checks\n\
          That every group's `label` equals its expected `dir` without the `<prefix>-` part, e.g. `api-machinery`. Upstream message: `<dir>: expected label: <expected>, got: <label>`.\n\
          \n\
          ## Why it matters\n\
          Labels such as `sig/api-machinery` route issues and pull requests to the group; the generated docs link to them.\n\
          \n\
          ## Example\n\
          ```yaml\n  \
          - dir: sig-node\n    \
          name: Node\n    \
          label: nodes      # expects node\n\
          ```\n\
          \n\
          ## How to fix\n\
          Set `label` to the expected value.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in cx.community.groups() {
        let expected = g.expected_label();
        if g.label != expected {
            out.push(
                cx.at(
                    &META,
                    g.at.label,
                    format!("{}: expected label: {expected}, got: {}", g.dir, g.label),
                )
                .with_help(format!("set `label: {expected}`")),
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
            [(46, "sig-node: expected label: node, got: nodes".to_string())]
        );
    }
}
