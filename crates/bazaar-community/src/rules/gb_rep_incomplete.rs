//! `community/gb-rep-incomplete`: the CNCF Governing Board representative (`gb_rep`) lacks a field.

use crate::model::Loc;
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/gb-rep-incomplete",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "the CNCF Governing Board representative (`gb_rep`) lacks a field",
    doc: "## What it checks\n\
          That `gb_rep` has all four fields: `github`, `company`, `email` and `name`. Upstream message: `GBRep: <field> is empty but should be set`.\n\
          \n\
          ## Why it matters\n\
          The GB representative is published in the community docs and in the CNCF maintainers list; upstream's generator refuses to run without all four fields.\n\
          \n\
          ## Example\n\
          ```yaml\n\
          gb_rep:\n  \
          github: gina\n  \
          name: Gina Board   # company and email missing\n\
          ```\n\
          \n\
          ## How to fix\n\
          Fill in the missing fields under `gb_rep:`.",
    origin: super::UPSTREAM,
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let p = &cx.community.gb_rep;
    let loc = if p.loc.line == 0 {
        Loc::new(1, 1)
    } else {
        p.loc
    };
    for (field, value) in [
        ("github", &p.github),
        ("company", &p.company),
        ("email", &p.email),
        ("name", &p.name),
    ] {
        if value.is_empty() {
            out.push(
                cx.at(
                    &META,
                    loc,
                    format!("GBRep: {field} is empty but should be set"),
                )
                .with_help(format!("add `{field}:` under `gb_rep:`")),
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
            [
                (105, "GBRep: company is empty but should be set".to_string()),
                (105, "GBRep: email is empty but should be set".to_string()),
            ]
        );
        // A file without `gb_rep` at all reports all four at the top.
        let d = check_text(&META, "sigs: []\n");
        assert_eq!(d.len(), 4);
        assert_eq!((d[0].line, d[0].col), (1, 1));
    }
}
