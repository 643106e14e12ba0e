//! `org/team-previously-conflict`: a team's former name collides with a current or former team name.

use std::collections::HashMap;

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding, place};
use crate::org::{OrgTree, Pos, Team};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/team-previously-conflict",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a name in a team's `previously` is another team's name or another team's former name",
    doc: "## What it checks\nEvery name in a team's `previously` list must differ (case-insensitively) \
          from every current team name of the org and from every other `previously` entry.\n\n\
          ## Why it matters\nPeribolos renames the first existing team it finds under a `previously` \
          name; if that name is also a current team or claimed twice, it refuses to apply the config \
          (\"team names must be unique\").\n\n\
          ## Example\n```yaml\nteams:\n  sig-docs-admins:\n    previously: [website-admins]\n  website-admins: {...}\n```\n\n\
          ## How to fix\nDrop the stale `previously` entry once the rename has been applied, or rename \
          the other team.",
    origin: "peribolos (team name uniqueness including previously)",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        let teams = org.all_teams();
        let current: HashMap<String, &Team> =
            teams.iter().map(|t| (t.name.to_lowercase(), *t)).collect();
        let mut former: HashMap<String, (&Team, Pos)> = HashMap::new();
        for t in &teams {
            for p in &t.previously {
                let key = p.value.to_lowercase();
                let clash = if let Some(other) = current.get(&key) {
                    if std::ptr::eq(*other, *t) {
                        Some("the team's own current name".to_string())
                    } else {
                        Some(format!(
                            "the name of team `{}` ({})",
                            other.name,
                            place(&other.file, other.pos)
                        ))
                    }
                } else if let Some((other, pos)) = former.get(&key) {
                    Some(format!(
                        "also a former name of team `{}` ({})",
                        other.name,
                        place(&other.file, *pos)
                    ))
                } else {
                    former.insert(key, (t, p.pos));
                    None
                };
                if let Some(clash) = clash {
                    out.push(
                        finding(
                            &RULE,
                            &t.file,
                            p.pos,
                            format!(
                                "`{}` in `previously` of team `{}` in org `{}` is {clash}",
                                p.value, t.name, org.name
                            ),
                        )
                        .with_help("remove the `previously` entry or rename the other team"),
                    );
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn flags_former_names_that_clash() {
        let org = format!(
            "{ORG_OK}teams:\n  a:\n    privacy: closed\n    previously: [old, B, a]\n  b:\n    privacy: closed\n    previously: [OLD]\n"
        );
        let t = org_tree(&org, &[]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/org.yaml:14:23: `B` in `previously` of team `a` in org `x` is the name of team `b` (config/x/org.yaml:15)",
                "config/x/org.yaml:14:26: `a` in `previously` of team `a` in org `x` is the team's own current name",
                "config/x/org.yaml:17:18: `OLD` in `previously` of team `b` in org `x` is also a former name of team `a` (config/x/org.yaml:14)",
            ]
        );
    }
}
