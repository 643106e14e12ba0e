//! Group READMEs: transcriptions of upstream's `sig_readme.tmpl`,
//! `wg_readme.tmpl` and `committee_readme.tmpl` (spec §2.5). The whitespace is
//! what Go's trim markers leave, verified byte for byte against the committed
//! READMEs; comments name the template constructs where it is not obvious.

use std::fmt::Write;

use super::HEADER;
use super::funcs::{query_escape, trim_space, tz_url_encode};
use crate::model::{Contact, Group, GroupKind, Meeting, Person, Subproject, dir_name};
use crate::owners_url::{github_url, org_repo_path};

/// The README of a SIG, WG or committee (without the custom-content block).
/// User groups have no template upstream; they get the WG layout.
pub fn render(g: &Group) -> String {
    match g.kind {
        GroupKind::Sig => sig(g),
        GroupKind::WorkingGroup | GroupKind::UserGroup => wg(g),
        GroupKind::Committee => committee(g),
    }
}

/// `* Name (**[@gh](https://github.com/gh)**)`, then `, Company` when set.
fn person_line(out: &mut String, bullet: &str, p: &Person, with_company: bool) {
    let _ = write!(
        out,
        "\n{bullet} {} (**[@{gh}](https://github.com/{gh})**)",
        p.name,
        gh = p.github
    );
    if with_company && !p.company.is_empty() {
        let _ = write!(out, ", {}", p.company);
    }
}

/// One meeting bullet. `bullet` is `*` for groups and `  -` for subprojects;
/// `calendar_gap` is the SIG template's stray space before the colon.
fn meeting(out: &mut String, bullet: &str, sub_bullet: &str, m: &Meeting, calendar_gap: bool) {
    let _ = write!(out, "\n{bullet} {}", m.description);
    if !m.calendar_url.is_empty() {
        let _ = write!(out, " ([calendar]({}))", m.calendar_url);
        if calendar_gap {
            out.push(' ');
        }
    }
    let _ = write!(
        out,
        ": [{}s at {} {}]({}) ({}). [Convert to your timezone](http://www.thetimezoneconverter.com/?t={}&tz={}).",
        m.day,
        m.time,
        m.tz,
        m.url,
        m.frequency,
        query_escape(&m.time),
        tz_url_encode(&m.tz)
    );
    if !m.archive_url.is_empty() {
        let _ = write!(
            out,
            "\n{sub_bullet} [Meeting notes and Agenda]({}).",
            m.archive_url
        );
    }
    if !m.recordings_url.is_empty() {
        let _ = write!(
            out,
            "\n{sub_bullet} [Meeting recordings]({}).",
            m.recordings_url
        );
    }
}

/// `## Meetings`, the mailing-list hint and the bullets (nothing when there
/// are no meetings).
fn meetings_section(out: &mut String, g: &Group, calendar_gap: bool) {
    if g.meetings.is_empty() {
        return;
    }
    out.push_str("## Meetings");
    if !g.contact.mailing_list.is_empty() {
        let _ = write!(
            out,
            "\n*Joining the [mailing list]({}) for the group will typically add invites for the following meetings to your calendar.*",
            g.contact.mailing_list
        );
    }
    for m in &g.meetings {
        meeting(out, "*", "  *", m, calendar_gap);
    }
}

fn team_lines(out: &mut String, c: &Contact, bullet: &str) {
    for t in &c.teams {
        let _ = write!(
            out,
            "\n{bullet} [@kubernetes/{n}](https://github.com/orgs/kubernetes/teams/{n})",
            n = t.name
        );
        if !t.description.is_empty() {
            let _ = write!(out, " - {}", t.description);
        }
    }
}

fn liaison_line(out: &mut String, c: &Contact) {
    if !c.liaison.name.is_empty() {
        let _ = write!(
            out,
            "\n- Steering Committee Liaison: {} (**[@{gh}](https://github.com/{gh})**)",
            c.liaison.name,
            gh = c.liaison.github
        );
    }
}

/// The charter sentence (`{{- if .CharterLink }}` … `{{ end }}`), `kind_title`
/// being e.g. `Special Interest Group`.
fn charter(out: &mut String, g: &Group, kind_title: &str) {
    if !g.charter_link.is_empty() {
        let _ = write!(
            out,
            "\nThe [charter]({}) defines the scope and governance of the {} {kind_title}.",
            g.charter_link, g.name
        );
    }
}

/// The shared parts of a subproject entry: description, owners, contact and
/// meetings. `leads` adds the SIG template's `**Leads:**` block.
fn subproject(out: &mut String, s: &Subproject, leads: bool) {
    // The committee template has no Leads block, and a trailing space after
    // its subprojects' "GitHub Teams:".
    let teams_heading = if leads {
        "\n  - GitHub Teams:"
    } else {
        "\n  - GitHub Teams: "
    };
    let _ = write!(out, "\n### {}", s.name);
    if !s.description.is_empty() {
        let _ = write!(out, "\n{}", trim_space(&s.description));
    }
    if leads && !s.leads.is_empty() {
        out.push_str("\n- **Leads:**");
        for p in &s.leads {
            person_line(out, "  -", p, true);
        }
    }
    out.push_str("\n- **Owners:**");
    for o in &s.owners {
        let path = org_repo_path(o);
        let path = path.strip_suffix("/OWNERS").unwrap_or(&path);
        let _ = write!(out, "\n  - [{path}]({})", github_url(o));
    }
    if let Some(c) = &s.contact {
        out.push_str("\n- **Contact:**");
        if !c.slack.is_empty() {
            let _ = write!(
                out,
                "\n  - Slack: [#{s}](https://kubernetes.slack.com/messages/{s})",
                s = c.slack
            );
        }
        if !c.mailing_list.is_empty() {
            let _ = write!(out, "\n  - [Mailing List]({})", c.mailing_list);
        }
        if !c.teams.is_empty() {
            out.push_str(teams_heading);
            team_lines(out, c, "    -");
        }
    }
    if !s.meetings.is_empty() {
        out.push_str("\n- **Meetings:**");
        for m in &s.meetings {
            meeting(out, "  -", "    -", m, false);
        }
    }
}

const SUBPROJECT_DEFINITION: &str = "[subproject-definition]: https://github.com/kubernetes/community/blob/main/governance.md#subprojects";
const WORKING_GROUP_DEFINITION: &str = "[working-group-definition]: https://github.com/kubernetes/community/blob/main/governance.md#working-groups";

fn sig(g: &Group) -> String {
    let mut out = String::with_capacity(8 * 1024);
    let _ = write!(
        out,
        "{HEADER}\n# {} Special Interest Group\n\n{}",
        g.name, g.mission_statement
    );
    charter(&mut out, g, "Special Interest Group");
    if !g.charter_link.is_empty() {
        out.push('\n');
    }
    out.push('\n');
    meetings_section(&mut out, g, true);

    out.push_str("\n\n## Leadership");
    let l = &g.leadership;
    if !l.chairs.is_empty() {
        out.push_str("\n\n### Chairs\nThe Chairs of the SIG run operations and processes governing the SIG.\n");
        for p in &l.chairs {
            person_line(&mut out, "*", p, true);
        }
    }
    if !l.tech_leads.is_empty() {
        out.push_str(
            "\n\n### Technical Leads\nThe Technical Leads of the SIG establish new subprojects, decommission existing\nsubprojects, and resolve cross-subproject technical issues and decisions.\n",
        );
        for p in &l.tech_leads {
            person_line(&mut out, "*", p, true);
        }
    }
    if !l.emeritus_leads.is_empty() {
        out.push_str("\n\n## Emeritus Leads\n");
        for p in &l.emeritus_leads {
            person_line(&mut out, "*", p, false);
        }
    }

    let c = &g.contact;
    let _ = write!(
        out,
        "\n\n## Contact\n- Slack: [#{s}](https://kubernetes.slack.com/messages/{s})\n- [Mailing list]({})",
        c.mailing_list,
        s = c.slack
    );
    if !g.label.is_empty() {
        let _ = write!(
            out,
            "\n- [Open Community Issues/PRs](https://github.com/kubernetes/community/labels/sig%2F{})",
            g.label
        );
    }
    if !c.teams.is_empty() {
        out.push_str("\n- GitHub Teams:");
        team_lines(&mut out, c, "    -");
    }
    liaison_line(&mut out, c);

    if !g.reporting_wgs.is_empty() {
        let _ = write!(
            out,
            "\n\n## Working Groups\n\nThe following [working groups][working-group-definition] are sponsored by sig-{}:",
            g.label
        );
        for wg in &g.reporting_wgs {
            let _ = write!(out, "\n* [WG {wg}](/{})", dir_name("wg", wg));
        }
        out.push('\n');
    }
    if !g.subprojects.is_empty() {
        let _ = write!(
            out,
            "\n\n## Subprojects\n\nThe following [subprojects][subproject-definition] are owned by sig-{}:",
            g.label
        );
        for s in &g.subprojects {
            subproject(&mut out, s, true);
        }
    }
    let _ = write!(
        out,
        "\n\n{SUBPROJECT_DEFINITION}\n{WORKING_GROUP_DEFINITION}\n"
    );
    out
}

fn wg(g: &Group) -> String {
    let mut out = String::with_capacity(4 * 1024);
    let _ = write!(
        out,
        "{HEADER}\n# {} Working Group\n\n{}",
        g.name, g.mission_statement
    );
    charter(&mut out, g, "Working Group");
    if !g.charter_link.is_empty() {
        out.push('\n');
    }
    if !g.stakeholder_sigs.is_empty() {
        out.push_str("\n## Stakeholder SIGs");
        for s in &g.stakeholder_sigs {
            let _ = write!(out, "\n* [SIG {s}](/{})", dir_name("sig", s));
        }
        out.push('\n');
    }
    out.push('\n');
    meetings_section(&mut out, g, false);

    let l = &g.leadership;
    if !l.chairs.is_empty() {
        out.push_str("\n\n## Organizers\n");
        for p in &l.chairs {
            person_line(&mut out, "*", p, true);
        }
    }
    if !l.emeritus_leads.is_empty() {
        out.push_str("\n\n## Emeritus Organizers\n");
        for p in &l.emeritus_leads {
            person_line(&mut out, "*", p, false);
        }
    }

    let c = &g.contact;
    let _ = write!(
        out,
        "\n\n## Contact\n- Slack: [#{s}](https://kubernetes.slack.com/messages/{s})\n- [Mailing list]({})",
        c.mailing_list,
        s = c.slack
    );
    if !g.label.is_empty() {
        let _ = write!(
            out,
            "\n- [Open Community Issues/PRs](https://github.com/kubernetes/community/labels/{}%2F{})",
            g.kind.prefix(),
            g.label
        );
    }
    if !c.teams.is_empty() {
        out.push_str("\n- GitHub Teams:");
        team_lines(&mut out, c, "    -");
    }
    liaison_line(&mut out, c);
    out.push('\n');
    out
}

fn committee(g: &Group) -> String {
    let mut out = String::with_capacity(4 * 1024);
    let _ = write!(
        out,
        "{HEADER}\n# {} Committee\n\n{}",
        g.name, g.mission_statement
    );
    charter(&mut out, g, "Committee");
    if !g.meetings.is_empty() {
        out.push_str("\n\n");
        meetings_section(&mut out, g, false);
    }
    let l = &g.leadership;
    if !l.chairs.is_empty() {
        out.push_str("\n\n## Members\n");
        for p in &l.chairs {
            person_line(&mut out, "*", p, true);
        }
    }
    if !l.emeritus_leads.is_empty() {
        out.push_str("\n\n## Emeritus Members\n");
        for p in &l.emeritus_leads {
            person_line(&mut out, "*", p, false);
        }
    }

    let c = &g.contact;
    out.push_str("\n\n## Contact");
    if !c.slack.is_empty() {
        let _ = write!(
            out,
            "\n- Slack: [#{s}](https://kubernetes.slack.com/messages/{s})",
            s = c.slack
        );
    }
    if !c.mailing_list.is_empty() {
        let _ = write!(out, "\n- [Mailing list]({})", c.mailing_list);
    }
    if !c.private_mailing_list.is_empty() {
        let _ = write!(out, "\n- Private Mailing List: {}", c.private_mailing_list);
    }
    if !g.label.is_empty() {
        let _ = write!(
            out,
            "\n- [Open Community Issues/PRs](https://github.com/kubernetes/community/labels/committee%2F{})",
            g.label
        );
    }
    if !c.teams.is_empty() {
        out.push_str("\n- GitHub Teams:");
        team_lines(&mut out, c, "    -");
    }
    liaison_line(&mut out, c);

    if !g.subprojects.is_empty() {
        let _ = write!(
            out,
            "\n\n## Subprojects\n\nThe following [subprojects][subproject-definition] are owned by the {} Committee:",
            g.name
        );
        for s in &g.subprojects {
            subproject(&mut out, s, false);
        }
    }
    let _ = write!(out, "\n\n{SUBPROJECT_DEFINITION}\n");
    out
}
