//! `community/duplicate-group-dir`: two groups share a `dir`.

use std::collections::HashMap;

use crate::model::Group;
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/duplicate-group-dir",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "two groups share a `dir`",
    doc: "## What it checks\n\
          That no two groups (of any kind) have the same `dir`. Upstream does not check this.\n\
          \n\
          ## Why it matters\n\
          Both groups would write the same README, the last one winning, and `OWNERS_ALIASES` would get two aliases with the same name.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          sigs:\n  \
          - dir: sig-node\n    \
          name: Node\n  \
          - dir: sig-node\n    \
          name: Node\n\
          ```\n\
          \n\
          ## How to fix\n\
          Remove or rename one of the groups.",
    origin: "bazaar",
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &Group> = HashMap::new();
    for g in cx.community.groups() {
        if let Some(first) = seen.get(g.dir.as_str()) {
            out.push(
                cx.at(
                    &META,
                    g.at.dir,
                    format!(
                        "group directory `{}` is also used by the group at line {}",
                        g.dir, first.at.group.line
                    ),
                )
                .with_help("remove the duplicate group or give it another name"),
            );
        } else {
            seen.insert(&g.dir, g);
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
                "group directory `sig-node` is also used by the group at line 40".to_string()
            )]
        );
    }
}
