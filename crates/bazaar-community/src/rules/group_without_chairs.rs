//! `community/group-without-chairs`: a group has nobody under `leadership.chairs`.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/group-without-chairs",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a group has no chairs (WG organizers, committee members)",
    doc: "## What it checks\nThat every group lists at least one person under `leadership.chairs` \
          (a SIG's chairs, a working group's organizers, a committee's members). Upstream does not \
          check this.\n\n\
          ## Why it matters\nA group without chairs has nobody accountable for it: its \
          `OWNERS_ALIASES` entry is empty, nobody can approve changes to its directory, and its \
          README shows no contact person.\n\n\
          ## Example\n```yaml\nworkinggroups:\n  - dir: wg-ai-integration\n    leadership:\n      \
          chairs: []\n```\n\n\
          ## How to fix\nAdd the group's chairs (organizers, members) with `github`, `name`, \
          `company` and `email`.",
    origin: "bazaar",
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in cx.community.groups() {
        if g.leadership.chairs.is_empty() {
            let role = match g.kind {
                crate::model::GroupKind::Sig => "chairs",
                crate::model::GroupKind::Committee => "members",
                _ => "organizers",
            };
            out.push(
                cx.at(&META, g.at.group, format!("`{}` has no {role}", g.dir))
                    .with_help("add the group's leads under `leadership: chairs:`"),
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
            [(65, "`wg-batch` has no organizers".to_string())]
        );
    }
}
