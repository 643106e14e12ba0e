//! `community/reporting-wg-invalid`: a group's derived reporting WGs name an unknown WG, or a non-SIG has some.

use crate::model::GroupKind;
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/reporting-wg-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a group's derived reporting WGs name an unknown WG, or a non-SIG has some",
    doc: "## What it checks\n\
          That every reporting working group of a SIG names an existing WG, and that only SIGs have reporting WGs. Upstream messages: `<dir>: invalid reporting working group name <name>` and `<dir>: only SIGs may have reporting WGs`. Reporting WGs are derived from the WGs' `stakeholder_sigs`, so this can only fire for a model built in code, never for a file.\n\
          \n\
          ## Why it matters\n\
          It guards the invariant the SIG READMEs' *Working Groups* section relies on.\n\
          \n\
          ## Example\n\
          A `Community` built in code whose SIG lists `reporting_wgs: [\"Ghost\"]`.\n\
          \n\
          ## How to fix\n\
          Call `Community::complete()` instead of filling `reporting_wgs` by hand.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let wgs: Vec<&str> = cx
        .community
        .working_groups
        .iter()
        .map(|g| g.name.as_str())
        .collect();
    for g in cx.community.groups() {
        if g.reporting_wgs.is_empty() {
            continue;
        }
        if g.kind != GroupKind::Sig {
            out.push(cx.at(
                &META,
                g.at.group,
                format!("{}: only SIGs may have reporting WGs", g.dir),
            ));
        }
        for name in &g.reporting_wgs {
            if !wgs.contains(&name.as_str()) {
                out.push(cx.at(
                    &META,
                    g.at.group,
                    format!("{}: invalid reporting working group name {name}", g.dir),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_on_its_fixture() {
        let mut c = crate::load::parse(
            include_str!("../../tests/fixtures/rules/valid/sigs.yaml"),
            None,
        )
        .expect("decodes");
        c.sigs[0].reporting_wgs.push("Ghost".into());
        c.committees[0].reporting_wgs.push("Batch".into());
        let cx = Context {
            community: &c,
            sigs_file: "sigs.yaml",
            categories_file: "categories.yaml",
            generated_dirs: &[],
        };
        let mut out = Vec::new();
        check(&cx, &mut out);
        let msgs: Vec<_> = out.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "sig-apps: invalid reporting working group name Ghost",
                "committee-steering: only SIGs may have reporting WGs",
            ]
        );
    }
}
