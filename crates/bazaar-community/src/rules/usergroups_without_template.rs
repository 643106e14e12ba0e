//! `community/usergroups-without-template`: `usergroups` is not empty, which upstream's generator cannot handle.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/usergroups-without-template",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "`usergroups` is not empty, which upstream's generator cannot handle",
    doc: "## What it checks\n\
          That `usergroups` is empty. User groups stopped being a group type in 2023 and upstream deleted `ug_readme.tmpl`, so its generator aborts (template parse error) when any user group exists.\n\
          \n\
          ## Why it matters\n\
          The community's own `make` would fail; bazaar generates everything except user-group READMEs, so the two tools would disagree.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          usergroups:\n  \
          - dir: ug-big-data\n    \
          name: Big Data\n\
          ```\n\
          \n\
          ## How to fix\n\
          Turn the user group into a working group or a SIG subproject, or remove it.",
    origin: "bazaar",
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if let Some(first) = cx.community.user_groups.first() {
        let dirs: Vec<&str> = cx
            .community
            .user_groups
            .iter()
            .map(|g| g.dir.as_str())
            .collect();
        out.push(
            cx.at(&META, first.at.group, format!("user groups ({}) have no README template upstream; its generator would abort and bazaar writes no README for them", dirs.join(", ")))
                .with_help("turn the user group into a working group, or remove it"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn fires_on_its_fixture() {
        let d = fixture(&META, "fail");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].line, 87);
        assert!(
            d[0].message.starts_with("user groups (ug-big-data)"),
            "{}",
            d[0].message
        );
    }
}
