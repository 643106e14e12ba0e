//! `community/duplicate-subproject`: a group lists two subprojects with the same name.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};
use std::collections::HashMap;

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/duplicate-subproject",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a group lists two subprojects with the same name",
    doc: "## What it checks\n\
          That subproject names are unique within a group. Upstream does not check this.\n\
          \n\
          ## Why it matters\n\
          The README gets two sections with the same heading (and anchor), and tools that look subprojects up by name see only one.\n\
          \n\
          ## Example\n\
          ```yaml\n    \
          subprojects:\n      \
          - name: kubelet\n        \
          owners: [...]\n      \
          - name: kubelet\n        \
          owners: [...]\n\
          ```\n\
          \n\
          ## How to fix\n\
          Merge the two entries into one.",
    origin: "bazaar",
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in cx.community.groups() {
        let mut seen: HashMap<&str, u32> = HashMap::new();
        for s in &g.subprojects {
            if let Some(line) = seen.get(s.name.as_str()) {
                out.push(
                    cx.at(
                        &META,
                        s.at.subproject,
                        format!(
                            "`{}` lists subproject `{}` twice (also at line {line})",
                            g.dir, s.name
                        ),
                    )
                    .with_help("merge the two entries"),
                );
            } else {
                seen.insert(&s.name, s.at.subproject.line);
            }
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
                64,
                "`sig-node` lists subproject `kubelet` twice (also at line 61)".to_string()
            )]
        );
    }
}
