//! `community/lead-missing-company`: a chair or tech lead has no `company`.

use super::people::{self, Finding};
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/lead-missing-company",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a chair or tech lead has no `company`",
    doc: "## What it checks\n\
          That the first chair or tech lead entry of each login has a `company` (use `Independent` when unaffiliated). Upstream message: `<dir>: <github>: company is empty but should be set`.\n\
          \n\
          ## Why it matters\n\
          Affiliations are published next to every lead and are used to check corporate diversity of leadership.\n\
          \n\
          ## Example\n\
          ```yaml\n        \
          - github: carol\n          \
          name: Carol Chen\n          \
          email: carol@example.org   # no company\n\
          ```\n\
          \n\
          ## How to fix\n\
          Add `company:` (for example `Independent`).",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in people::findings(cx.community) {
        if let Finding::MissingCompany { group, person, .. } = f {
            out.push(
                cx.at(
                    &META,
                    person.loc,
                    format!(
                        "{}: {}: company is empty but should be set",
                        group.dir, person.github
                    ),
                )
                .with_help("add `company:` (use `Independent` when unaffiliated)"),
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
                "wg-batch: carol: company is empty but should be set".to_string()
            )]
        );
    }
}
