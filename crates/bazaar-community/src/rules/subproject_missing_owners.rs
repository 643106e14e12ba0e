//! `community/subproject-missing-owners`: a subproject lists no OWNERS files.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/subproject-missing-owners",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a subproject lists no OWNERS files",
    doc: "## What it checks\n\
          That every subproject has at least one `owners` URL. Upstream message: `<dir>/<name>: subproject has no owners`.\n\
          \n\
          ## Why it matters\n\
          The OWNERS files define who reviews and approves the subproject's code; the README links to them.\n\
          \n\
          ## Example\n\
          ```yaml\n      \
          - name: kubelet\n        \
          owners: []\n\
          ```\n\
          \n\
          ## How to fix\n\
          Add the raw URL of each OWNERS file of the subproject.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in cx.community.groups() {
        for s in &g.subprojects {
            if s.owners.is_empty() {
                out.push(
                    cx.at(
                        &META,
                        s.at.subproject,
                        format!("{}/{}: subproject has no owners", g.dir, s.name),
                    )
                    .with_help("add `owners:` with the URL of each OWNERS file"),
                );
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
            [(61, "sig-node/kubelet: subproject has no owners".to_string())]
        );
    }
}
