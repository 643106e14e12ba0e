//! `community/lead-missing-github`: a chair, tech lead or emeritus entry has no `github` login.

use super::people::{self, Finding};
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/lead-missing-github",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a chair, tech lead or emeritus entry has no `github` login",
    doc: "## What it checks\n\
          That every `chairs`, `tech_leads` and `emeritus_leads` entry has a `github` login. Upstream message: `<dir>: <role>: github is empty but should be set`.\n\
          \n\
          ## Why it matters\n\
          The login is the key of every leadership role: OWNERS_ALIASES, the README links and the cross-group consistency checks use it.\n\
          \n\
          ## Example\n\
          ```yaml\n      \
          tech_leads:\n        \
          - name: Bob Brown   # no github\n\
          ```\n\
          \n\
          ## How to fix\n\
          Add the person's GitHub login as `github:`.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in people::findings(cx.community) {
        if let Finding::MissingGithub {
            group,
            role,
            person,
            ..
        } = f
        {
            out.push(
                cx.at(
                    &META,
                    person.loc,
                    format!(
                        "{}: {}: github is empty but should be set",
                        group.dir,
                        role.as_str()
                    ),
                )
                .with_help("add `github:` with the person's GitHub login"),
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
                16,
                "sig-apps: tech_lead: github is empty but should be set".to_string()
            )]
        );
        assert_eq!(d[0].col, 11);
    }
}
