//! `community/person-company-mismatch`: a lead's `company` differs from another entry of the same login.

use super::people::{self, Finding};
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;
use super::go_quote;

pub const META: RuleMeta = RuleMeta {
    id: "community/person-company-mismatch",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a lead's `company` differs from another entry of the same login",
    doc: "## What it checks\n\
          That a login listed as chair or tech lead in several places (or as GB representative) has the same `company` everywhere. Upstream message: `<dir>: <github> company: \"<first>\" does not match other entries \"<this>\"`.\n\
          \n\
          ## Why it matters\n\
          Affiliation changes must be made everywhere at once, or the docs contradict themselves.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          # sig-apps\n        \
          - github: bob\n          \
          company: Initech\n\
          # sig-node\n        \
          - github: bob\n          \
          company: Hooli\n\
          ```\n\
          \n\
          ## How to fix\n\
          Use the same company in every entry of that login.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in people::findings(cx.community) {
        if let Finding::CompanyMismatch {
            group,
            person,
            reference,
            ..
        } = f
        {
            out.push(
                cx.at(
                    &META,
                    person.loc,
                    format!(
                        "{}: {} company: {} does not match other entries {}",
                        group.dir,
                        person.github,
                        go_quote(&reference.company),
                        go_quote(&person.company)
                    ),
                )
                .with_help(format!(
                    "use the same company as the entry at line {}",
                    reference.loc.line
                )),
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
                49,
                "sig-node: bob company: \"Initech\" does not match other entries \"Hooli\""
                    .to_string()
            )]
        );
    }
}
