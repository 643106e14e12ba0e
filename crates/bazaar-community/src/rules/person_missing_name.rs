//! `community/person-missing-name`: a leadership entry has no `name`.

use super::people::{self, Finding};
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/person-missing-name",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a leadership entry has no `name`",
    doc: "## What it checks\n\
          That every chair, tech lead and emeritus entry has a `name`. Upstream message: `<dir>: <github>: name is empty but should be set`.\n\
          \n\
          ## Why it matters\n\
          The generated READMEs and lists show people by name.\n\
          \n\
          ## Example\n\
          ```yaml\n      \
          emeritus_leads:\n        \
          - github: olga   # no name\n\
          ```\n\
          \n\
          ## How to fix\n\
          Add `name:` with the person's full name.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in people::findings(cx.community) {
        if let Finding::MissingName { group, person, .. } = f {
            out.push(
                cx.at(
                    &META,
                    person.loc,
                    format!(
                        "{}: {}: name is empty but should be set",
                        group.dir, person.github
                    ),
                )
                .with_help("add `name:` with the person's full name"),
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
                21,
                "sig-apps: olga: name is empty but should be set".to_string()
            )]
        );
    }
}
