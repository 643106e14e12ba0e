//! `community/person-name-mismatch`: a leadership entry's `name` differs from another entry of the same login.

use super::people::{self, Finding};
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/person-name-mismatch",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a leadership entry's `name` differs from another entry of the same login",
    doc: "## What it checks\n\
          That every chair, tech lead and emeritus entry of a login has the same `name` as the first chair or tech lead entry of that login (or the GB representative). Upstream message: `<dir>: <role>: expected person: {<github> <name> <company> <email>}, got: {…}`.\n\
          \n\
          ## Why it matters\n\
          A person shown under two names in the docs looks like two people.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          # sig-apps\n        \
          - github: bob\n          \
          name: Bob Brown\n\
          # sig-node\n        \
          - github: bob\n          \
          name: Robert Brown\n\
          ```\n\
          \n\
          ## How to fix\n\
          Use the same name in every entry of that login.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in people::findings(cx.community) {
        if let Finding::NameMismatch {
            group,
            role,
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
                        "{}: {}: expected person: {}, got: {}",
                        group.dir,
                        role.as_str(),
                        reference.go_debug(),
                        person.go_debug()
                    ),
                )
                .with_help(format!(
                    "use the same name as the entry at line {}",
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
            [(49, "sig-node: chair: expected person: {bob Bob Brown Initech bob@example.org}, got: {bob Robert Brown Initech bob@example.org}".to_string())]
        );
    }
}
