//! `community/group-dir-unsafe`: a group's `dir` is not a plain directory name.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/group-dir-unsafe",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a group's `dir` is not a plain directory name",
    doc: "## What it checks\n\
          That every group's `dir` is a single, plain directory name: not empty, no `/` or `\\\\`, not `.` or `..`, not starting with `.`. Upstream has no such check.\n\
          \n\
          ## Why it matters\n\
          `generate` writes `<dir>/README.md` under the community root; a `dir` such as `sig-../../x` (which `dir-mismatch` accepts when the name is `../../x`) would write outside it.\n\
          \n\
          ## Example\n\
          ```yaml\n  \
          - dir: wg-../../etc\n    \
          name: ../../etc\n\
          ```\n\
          \n\
          ## How to fix\n\
          Give the group a name made of words, so that its `dir` is a plain name.",
    origin: "bazaar",
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in cx.community.groups() {
        if !is_plain_dir_name(&g.dir) {
            out.push(
                cx.at(&META, g.at.dir, format!("`{}` is not a plain directory name; generating its README would write outside the community directory", g.dir))
                    .with_help("use a name without `/`, `\\` or leading dots"),
            );
        }
    }
}

/// One path segment that is not special: non-empty, no separators, no
/// leading dot (which also rules out `.` and `..`).
fn is_plain_dir_name(dir: &str) -> bool {
    !dir.is_empty() && !dir.starts_with('.') && !dir.contains(['/', '\\', '\0'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn fires_on_its_fixture() {
        let d = fixture(&META, "fail");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].line, 65);
        for ok in ["sig-apps", "wg-k8s.io"] {
            assert!(is_plain_dir_name(ok), "{ok}");
        }
        for bad in ["", ".", "..", ".git", "a/b", "a\\b", "sig-../x"] {
            assert!(!is_plain_dir_name(bad), "{bad}");
        }
    }
}
