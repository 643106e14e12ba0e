//! `community/liaison-not-on-steering`: a group's Steering Committee liaison is not a Steering Committee member.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::Context;

pub const META: RuleMeta = RuleMeta {
    id: "community/liaison-not-on-steering",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a group's Steering Committee liaison is not a Steering Committee member",
    doc: "## What it checks\n\
          That every `contact.liaison` is one of the members (`leadership.chairs`) of `committee-steering`, when that committee exists. Upstream does not check this.\n\
          \n\
          ## Why it matters\n\
          Liaisons are Steering members by definition; after an election the liaison list must be updated, and a departed member left as liaison means the group has no one to turn to.\n\
          \n\
          ## Example\n\
          ```yaml\n    \
          contact:\n      \
          liaison:\n        \
          github: zed   # not under committee-steering chairs\n\
          ```\n\
          \n\
          ## How to fix\n\
          Assign a current Steering Committee member as liaison.",
    origin: "bazaar",
};

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(steering) = cx.community.group_by_dir("committee-steering") else {
        return;
    };
    let members: Vec<&str> = steering
        .leadership
        .chairs
        .iter()
        .map(|p| p.github.as_str())
        .collect();
    for g in cx.community.groups() {
        let l = &g.contact.liaison;
        if l.github.is_empty() || members.iter().any(|m| m.eq_ignore_ascii_case(&l.github)) {
            continue;
        }
        out.push(
            cx.at(
                &META,
                l.loc.or(g.at.group),
                format!(
                    "`{}` has liaison `{}`, who is not a member of `committee-steering`",
                    g.dir, l.github
                ),
            )
            .with_help(format!("assign one of: {}", members.join(", "))),
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
        assert_eq!(
            lines_and_messages(&d),
            [(
                58,
                "`sig-node` has liaison `zed`, who is not a member of `committee-steering`"
                    .to_string()
            )]
        );
    }
}
