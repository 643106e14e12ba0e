//! `community/stakeholder-sigs-outside-wg`: a group other than a WG has `stakeholder_sigs`.

use crate::model::GroupKind;
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/stakeholder-sigs-outside-wg",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a group other than a WG has `stakeholder_sigs`",
    doc: "## What it checks\n\
          That only working groups have `stakeholder_sigs`. Upstream message: `<dir>: only WGs may have stakeholder_sigs`.\n\
          \n\
          ## Why it matters\n\
          SIGs and committees are not sponsored by other SIGs; the field would be ignored by every template.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          sigs:\n  \
          - dir: sig-node\n    \
          stakeholder_sigs:\n      \
          - Apps\n\
          ```\n\
          \n\
          ## How to fix\n\
          Remove `stakeholder_sigs` from the group.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in cx.community.groups() {
        if g.kind != GroupKind::WorkingGroup && !g.stakeholder_sigs.is_empty() {
            out.push(
                cx.at(
                    &META,
                    g.at.stakeholder_sigs,
                    format!("{}: only WGs may have stakeholder_sigs", g.dir),
                )
                .with_help("remove `stakeholder_sigs:` from this group"),
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
            [(
                47,
                "sig-node: only WGs may have stakeholder_sigs".to_string()
            )]
        );
    }
}
