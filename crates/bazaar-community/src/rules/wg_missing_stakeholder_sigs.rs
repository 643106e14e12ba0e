//! `community/wg-missing-stakeholder-sigs`: a working group has no `stakeholder_sigs`.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/wg-missing-stakeholder-sigs",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a working group has no `stakeholder_sigs`",
    doc: "## What it checks\n\
          That every working group lists at least one stakeholder SIG. Upstream message: `<dir>: WGs must have stakeholder_sigs`.\n\
          \n\
          ## Why it matters\n\
          A WG is a temporary, cross-SIG effort sponsored by SIGs; without sponsors it has no home when it winds down.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          workinggroups:\n  \
          - dir: wg-batch\n    \
          name: Batch      # no stakeholder_sigs\n\
          ```\n\
          \n\
          ## How to fix\n\
          Add `stakeholder_sigs:` with the names of the sponsoring SIGs.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for wg in &cx.community.working_groups {
        if wg.stakeholder_sigs.is_empty() {
            out.push(
                cx.at(
                    &META,
                    wg.at.group,
                    format!("{}: WGs must have stakeholder_sigs", wg.dir),
                )
                .with_help("add `stakeholder_sigs:` listing the sponsoring SIGs by name"),
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
            [(65, "wg-batch: WGs must have stakeholder_sigs".to_string())]
        );
    }
}
