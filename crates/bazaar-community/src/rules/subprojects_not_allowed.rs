//! `community/subprojects-not-allowed`: a working group or user group has subprojects.

use crate::model::GroupKind;
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/subprojects-not-allowed",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a working group or user group has subprojects",
    doc: "## What it checks\n\
          That only SIGs and committees have `subprojects`. Upstream message: `<dir>: only sigs and committees can own code / have subprojects, found: <subprojects>` (upstream prints Go structs there; bazaar prints their names).\n\
          \n\
          ## Why it matters\n\
          Working groups are temporary and own no code; code they produce belongs to a stakeholder SIG.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          workinggroups:\n  \
          - dir: wg-batch\n    \
          subprojects:\n      \
          - name: kueue\n\
          ```\n\
          \n\
          ## How to fix\n\
          Move the subprojects to a stakeholder SIG.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in cx.community.groups() {
        if matches!(g.kind, GroupKind::WorkingGroup | GroupKind::UserGroup)
            && !g.subprojects.is_empty()
        {
            let names: Vec<&str> = g.subprojects.iter().map(|s| s.name.as_str()).collect();
            out.push(
                cx.at(
                    &META,
                    g.at.subprojects,
                    format!(
                        "{}: only sigs and committees can own code / have subprojects, found: [{}]",
                        g.dir,
                        names.join(" ")
                    ),
                )
                .with_help("move these subprojects to one of the stakeholder SIGs"),
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
            [(87, "wg-batch: only sigs and committees can own code / have subprojects, found: [kueue]".to_string())]
        );
    }
}
