//! `community/owners-url-invalid`: a subproject OWNERS URL is not a GitHub raw, blob or tree URL.

use crate::owners_url;
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/owners-url-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a subproject OWNERS URL is not a GitHub raw, blob or tree URL",
    doc: "## What it checks\n\
          That every `owners` URL matches `https://raw.githubusercontent.com/ORG/REPO/BRANCH/PATH` or `https://github.com/ORG/REPO/(blob|tree)/BRANCH/PATH` (matched anywhere in the text, as upstream does). Upstream message: `<dir>/<name>: subproject owners should match regexp <raw pattern>, found: <url>`.\n\
          \n\
          ## Why it matters\n\
          The generated READMEs turn these URLs into links and `org/repo/path` labels; other tools (ladder audits, devstats repo groups) read the organisation and repository from them.\n\
          \n\
          ## Example\n\
          ```yaml\n        \
          owners:\n          \
          - https://gitlab.com/example/workloads/-/blob/main/OWNERS\n\
          ```\n\
          \n\
          ## How to fix\n\
          Use the raw GitHub URL of the OWNERS file.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in cx.community.groups() {
        for s in &g.subprojects {
            for (i, url) in s.owners.iter().enumerate() {
                if !owners_url::is_valid(url) {
                    let loc = s.at.owner_items.get(i).copied().unwrap_or(s.at.subproject);
                    out.push(
                        cx.at(
                            &META,
                            loc,
                            format!(
                                "{}/{}: subproject owners should match regexp {}, found: {url}",
                                g.dir,
                                s.name,
                                owners_url::RAW_PATTERN
                            ),
                        )
                        .with_help(
                            "use `https://raw.githubusercontent.com/ORG/REPO/BRANCH/PATH/OWNERS`",
                        ),
                    );
                }
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
                39,
                format!(
                    "sig-apps/workloads: subproject owners should match regexp {}, found: https://gitlab.com/example/workloads/-/blob/main/OWNERS",
                    owners_url::RAW_PATTERN
                )
            )]
        );
        assert_eq!(d[0].col, 13);
    }
}
