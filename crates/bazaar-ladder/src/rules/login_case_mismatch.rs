//! `org/login-case-mismatch`: the same login is spelled with different letter case.

use std::collections::HashMap;

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding, login_lists, place};
use crate::org::{LoginEntry, OrgTree};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/login-case-mismatch",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a login is spelled with other letter case than in the org's admins/members list",
    doc: "## What it checks\nA team's `maintainers` or `members` entry must be spelled exactly as the \
          same login in its org's `admins`/`members`; and an org's `admins`/`members` entry as in the \
          first org (by name) listing that login.\n\n\
          ## Why it matters\nGitHub and peribolos compare logins case-insensitively, so this never \
          breaks membership; but tools that compare text (`grep`, `hack/remove-members.sh` style \
          scripts, spreadsheets of audit results) miss the other spelling. A warning, because \
          kubernetes/org does not check it and its data has such entries.\n\n\
          ## Example\n```yaml\nmembers:\n- JoelSpeed\nteams:\n  sig-cloud-provider:\n    members:\n    - joelspeed\n```\n\n\
          ## How to fix\nUse the spelling of the org list everywhere (GitHub shows the account's own \
          spelling on its profile page).",
    origin: "bazaar",
};

fn spelling(e: &LoginEntry) -> &str {
    e.login.as_str()
}

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // login → (spelling, org, file, pos) of the first org list entry, over all orgs.
    let mut global: HashMap<&str, (&str, &str, &str, crate::org::Pos)> = HashMap::new();
    for org in &tree.orgs {
        let mut local: HashMap<&str, &str> = HashMap::new();
        for e in org.admins.iter().chain(&org.members) {
            local.entry(e.login.normalized()).or_insert(spelling(e));
            match global.get(e.login.normalized()) {
                Some(&(first, first_org, file, pos))
                    if first_org != org.name && first != spelling(e) =>
                {
                    out.push(
                        finding(
                            &RULE,
                            &org.file,
                            e.pos,
                            format!(
                                "`{}` is spelled `{first}` in org `{first_org}` ({})",
                                spelling(e),
                                place(file, pos)
                            ),
                        )
                        .with_help("use one spelling in every org"),
                    );
                }
                Some(_) => {}
                None => {
                    global.insert(
                        e.login.normalized(),
                        (spelling(e), &org.name, &org.file, e.pos),
                    );
                }
            }
        }
        for list in login_lists(org).into_iter().filter(|l| l.team.is_some()) {
            for e in list.entries {
                if let Some(&canon) = local.get(e.login.normalized())
                    && canon != spelling(e)
                {
                    out.push(
                        finding(
                            &RULE,
                            list.file,
                            e.pos,
                            format!(
                                "`{}` in {} is spelled `{canon}` in the org's list",
                                spelling(e),
                                list.what
                            ),
                        )
                        .with_help(format!("write `{canon}`")),
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
    fn flags_team_and_cross_org_spellings() {
        let x = format!(
            "{}teams:\n  t:\n    privacy: closed\n    members: [M1, m2]\n",
            ORG_OK
        );
        let t = tree(&[
            ("config/x/org.yaml", &x),
            ("config/x/OWNERS", OWNERS_OK),
            ("config/y/org.yaml", &ORG_OK.replace("- m2\n", "- M2\n")),
            ("config/y/OWNERS", OWNERS_OK),
        ]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/org.yaml:14:15: `M1` in the members of team `t` in org `x` is spelled `m1` in the org's list",
                "config/y/org.yaml:9:3: `M2` is spelled `m2` in org `x` (config/x/org.yaml:9)",
            ]
        );
    }
}
