//! `community/stakeholder-sig-unknown`: a WG names a stakeholder SIG that does not exist.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/stakeholder-sig-unknown",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a WG names a stakeholder SIG that does not exist",
    doc: "## What it checks\n\
          That every entry of a WG's `stakeholder_sigs` is exactly the `name` of a SIG (case and spaces matter). Upstream message: `<dir>: invalid stakeholder sig name <name>`.\n\
          \n\
          ## Why it matters\n\
          Stakeholder SIGs sponsor the WG; the SIG READMEs list the WGs they sponsor by this exact match, so a typo silently drops the link.\n\
          \n\
          ## Example\n\
          ```yaml\n    \
          stakeholder_sigs:\n      \
          - Apps\n      \
          - Nodes      # the SIG is called Node\n\
          ```\n\
          \n\
          ## How to fix\n\
          Use the SIG's `name` exactly as written under `sigs:`.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for wg in &cx.community.working_groups {
        for (i, name) in wg.stakeholder_sigs.iter().enumerate() {
            if cx.community.sig_by_name(name).is_none() {
                let loc = wg
                    .at
                    .stakeholder_sig_items
                    .get(i)
                    .copied()
                    .unwrap_or(wg.at.stakeholder_sigs);
                let mut d = cx.at(
                    &META,
                    loc,
                    format!("{}: invalid stakeholder sig name {name}", wg.dir),
                );
                let names = cx.community.sigs.iter().map(|s| s.name.as_str());
                d = match crate::suggest::closest(name, names) {
                    Some(best) => d.with_help(format!("did you mean `{best}`?")),
                    None => d.with_help("use the `name` of a SIG listed under `sigs:`"),
                };
                out.push(d);
            }
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
                72,
                "wg-batch: invalid stakeholder sig name Nodes".to_string()
            )]
        );
        assert_eq!(d[0].col, 9);
        assert_eq!(d[0].help.as_deref(), Some("did you mean `Node`?"));
    }
}
