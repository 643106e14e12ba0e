//! `community/person-email-mismatch`: a lead's `email` differs from another entry of the same login.

use super::people::{self, Finding};
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;
use super::go_quote;

pub const META: RuleMeta = RuleMeta {
    id: "community/person-email-mismatch",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a lead's `email` differs from another entry of the same login",
    doc: "## What it checks\n\
          That a login listed as chair or tech lead in several places (or as GB representative) has the same `email` everywhere. Upstream message: `<dir>: <github> email: \"<first>\" does not match other entries \"<this>\"`.\n\
          \n\
          ## Why it matters\n\
          One person must have one set of details; otherwise leads@ and the maintainers list get contradictory data.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          # sig-apps\n        \
          - github: bob\n          \
          email: bob@example.org\n\
          # sig-node\n        \
          - github: bob\n          \
          email: bob@other.org\n\
          ```\n\
          \n\
          ## How to fix\n\
          Use the same email in every entry of that login.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in people::findings(cx.community) {
        if let Finding::EmailMismatch {
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
                        "{}: {} email: {} does not match other entries {}",
                        group.dir,
                        person.github,
                        go_quote(&reference.email),
                        go_quote(&person.email)
                    ),
                )
                .with_help(format!(
                    "use the same email as the entry at line {}",
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
            [(49, "sig-node: bob email: \"bob@example.org\" does not match other entries \"bob@other.org\"".to_string())]
        );
    }
}
