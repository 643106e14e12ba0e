//! `community/emeritus-has-company`: an emeritus lead has a `company`.

use super::people::{self, Finding};
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/emeritus-has-company",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an emeritus lead has a `company`",
    doc: "## What it checks\n\
          That `emeritus_leads` entries carry no `company` (they may carry `github`, `name` and `email`). Upstream message: `<dir>: emeritus leads should not have company specified; company specified for: <name>`.\n\
          \n\
          ## Why it matters\n\
          Emeritus entries record past service; a current affiliation next to them would be stale and is not shown anyway.\n\
          \n\
          ## Example\n\
          ```yaml\n      \
          emeritus_leads:\n        \
          - github: olga\n          \
          name: Olga Old\n          \
          company: Acme\n\
          ```\n\
          \n\
          ## How to fix\n\
          Remove `company:` from the emeritus entry.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in people::findings(cx.community) {
        if let Finding::EmeritusCompany { group, person, .. } = f {
            out.push(cx.at(&META, person.loc, format!("{}: emeritus leads should not have company specified; company specified for: {}", group.dir, person.name)).with_help("remove `company:` from this emeritus entry"));
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
            [(21, "sig-apps: emeritus leads should not have company specified; company specified for: Olga Old".to_string())]
        );
    }
}
