//! `org/team-privacy-not-closed`: a team has no `privacy: closed`.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding};
use crate::org::{OrgTree, Privacy};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/team-privacy-not-closed",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a team's `privacy` is missing, `secret`, or not a value peribolos accepts",
    doc: "## What it checks\nEvery team, at every depth, must say `privacy: closed`. `secret` is a \
          valid peribolos value but kubernetes/org forbids it; any other value (`public`, `Closed`) \
          makes peribolos reject the file (\"bad privacy setting\").\n\n\
          ## Why it matters\nClosed teams are visible to every org member, so anyone can see who may \
          approve or merge; kubernetes/org's test fails with \"doesn't have the `privacy: closed` \
          field\".\n\n\
          ## Example\n```yaml\nteams:\n  sig-foo-leads:\n    description: Leads of SIG Foo\n    members: [alice]\n```\n\n\
          ## How to fix\nAdd `privacy: closed` to the team.",
    origin: "kubernetes/org config/config_test.go testTeamMembers; peribolos Privacy.UnmarshalText",
};

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        for t in org.all_teams() {
            let d = match &t.privacy {
                None => finding(
                    &RULE,
                    &t.file,
                    t.pos,
                    format!("team `{}` in org `{}` has no `privacy`", t.name, org.name),
                ),
                Some(p) => match Privacy::parse(&p.value) {
                    Some(Privacy::Closed) => continue,
                    Some(Privacy::Secret) => finding(
                        &RULE,
                        &t.file,
                        p.pos,
                        format!(
                            "team `{}` in org `{}` is `secret`; kubernetes/org requires `closed`",
                            t.name, org.name
                        ),
                    ),
                    None => finding(
                        &RULE,
                        &t.file,
                        p.pos,
                        format!(
                            "team `{}` in org `{}` has privacy `{}`, which peribolos rejects (expected `closed` or `secret`)",
                            t.name, org.name, p.value
                        ),
                    ),
                },
            };
            out.push(d.with_help("write `privacy: closed`"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn flags_missing_secret_and_invalid_privacy() {
        let org = format!(
            "{ORG_OK}teams:\n  a:\n    description: x\n  b:\n    privacy: secret\n  c:\n    privacy: Closed\n  d:\n    privacy: closed\n    teams:\n      d-child: {{}}\n"
        );
        let t = org_tree(&org, &[]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/org.yaml:12:3: team `a` in org `x` has no `privacy`",
                "config/x/org.yaml:15:14: team `b` in org `x` is `secret`; kubernetes/org requires `closed`",
                "config/x/org.yaml:17:14: team `c` in org `x` has privacy `Closed`, which peribolos rejects (expected `closed` or `secret`)",
                "config/x/org.yaml:21:7: team `d-child` in org `x` has no `privacy`",
            ]
        );
    }
}
