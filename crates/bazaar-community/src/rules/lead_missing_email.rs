//! `community/lead-missing-email`: a chair or tech lead has no `email`.

use super::people::{self, Finding};
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/lead-missing-email",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a chair or tech lead has no `email`",
    doc: "## What it checks\n\
          That the first chair or tech lead entry of each login has an `email` (emeritus entries are exempt). Upstream message: `<dir>: <github>: email is empty but should be set`.\n\
          \n\
          ## Why it matters\n\
          Lead emails feed leads@kubernetes.io and the CNCF maintainers list; they are never shown in the generated docs.\n\
          \n\
          ## Example\n\
          ```yaml\n      \
          chairs:\n        \
          - github: carol\n          \
          name: Carol Chen\n          \
          company: Acme       # no email\n\
          ```\n\
          \n\
          ## How to fix\n\
          Add `email:` to the entry.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in people::findings(cx.community) {
        if let Finding::MissingEmail { group, person, .. } = f {
            out.push(
                cx.at(
                    &META,
                    person.loc,
                    format!(
                        "{}: {}: email is empty but should be set",
                        group.dir, person.github
                    ),
                )
                .with_help("add `email:` to this entry (it is not published in the docs)"),
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
                76,
                "wg-batch: carol: email is empty but should be set".to_string()
            )]
        );
    }
}
