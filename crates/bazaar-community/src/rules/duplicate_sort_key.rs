//! `community/duplicate-sort-key`: a sorted list has two entries with the same key.

use std::collections::HashMap;

use crate::model::{LeadRole, Loc};
use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/duplicate-sort-key",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a sorted list has two entries with the same key",
    doc: "## What it checks\n\
          That the lists upstream sorts have no duplicate keys: leads by `github`, meetings by `description`, teams by `name`, `owners` and `stakeholder_sigs` entries (groups and subprojects have rules of their own). Upstream does not check this.\n\
          \n\
          ## Why it matters\n\
          Upstream's `sort.Slice` is not stable for lists longer than 12, so equal keys can swap places from one run to the next and the generated files flip-flop; and a person listed twice in one role is almost always a mistake.\n\
          \n\
          ## Example\n\
          ```yaml\n      \
          tech_leads:\n        \
          - github: bob\n          \
          ...\n        \
          - github: bob\n          \
          ...\n\
          ```\n\
          \n\
          ## How to fix\n\
          Remove the duplicate entry (or give meetings distinct descriptions).",
    origin: "bazaar",
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for g in cx.community.groups() {
        for (role, people) in g.leadership.by_role() {
            dupes(
                cx,
                out,
                &g.dir,
                role_name(role),
                people.iter().map(|p| (p.github.as_str(), p.loc)),
            );
        }
        dupes(
            cx,
            out,
            &g.dir,
            "meeting",
            g.meetings.iter().map(|m| (m.description.as_str(), m.loc)),
        );
        dupes(
            cx,
            out,
            &g.dir,
            "team",
            g.contact.teams.iter().map(|t| (t.name.as_str(), t.loc)),
        );
        dupes(
            cx,
            out,
            &g.dir,
            "stakeholder SIG",
            g.stakeholder_sigs
                .iter()
                .zip(&g.at.stakeholder_sig_items)
                .map(|(s, l)| (s.as_str(), *l)),
        );
        for s in &g.subprojects {
            let ctx = format!("{}/{}", g.dir, s.name);
            dupes(
                cx,
                out,
                &ctx,
                "owners URL",
                s.owners
                    .iter()
                    .zip(&s.at.owner_items)
                    .map(|(o, l)| (o.as_str(), *l)),
            );
            dupes(
                cx,
                out,
                &ctx,
                "lead",
                s.leads.iter().map(|p| (p.github.as_str(), p.loc)),
            );
            dupes(
                cx,
                out,
                &ctx,
                "meeting",
                s.meetings.iter().map(|m| (m.description.as_str(), m.loc)),
            );
            if let Some(c) = &s.contact {
                dupes(
                    cx,
                    out,
                    &ctx,
                    "team",
                    c.teams.iter().map(|t| (t.name.as_str(), t.loc)),
                );
            }
        }
    }
}

fn role_name(role: LeadRole) -> &'static str {
    match role {
        LeadRole::Chair => "chair",
        LeadRole::TechLead => "tech lead",
        LeadRole::EmeritusLead => "emeritus lead",
    }
}

/// Report every entry whose key appeared earlier in the same list.
fn dupes<'a>(
    cx: &Context,
    out: &mut Vec<Diagnostic>,
    owner: &str,
    what: &str,
    entries: impl Iterator<Item = (&'a str, Loc)>,
) {
    let mut seen: HashMap<&str, Loc> = HashMap::new();
    for (key, loc) in entries {
        match seen.get(key) {
            Some(first) => out.push(
                cx.at(
                    &META,
                    loc,
                    format!(
                        "`{owner}` lists {what} `{key}` twice (also at line {})",
                        first.line
                    ),
                )
                .with_help(
                    "remove the duplicate; equal keys make upstream's output order unstable",
                ),
            ),
            None => {
                seen.insert(key, loc);
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
            [
                (
                    20,
                    "`sig-apps` lists tech lead `bob` twice (also at line 16)".to_string()
                ),
                (
                    34,
                    "`sig-apps` lists meeting `Regular SIG Meeting` twice (also at line 28)"
                        .to_string()
                ),
            ]
        );
    }
}
