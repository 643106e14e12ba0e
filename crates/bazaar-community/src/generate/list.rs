//! `sig-list.md`: a transcription of upstream's `list.tmpl` (spec §2.5).

use std::fmt::Write;

use super::HEADER;
use crate::model::{Community, Group, Meeting};

const FRONT_MATTER: &str = "---\ntitle: Community Groups\nlinkTitle: Community Groups\ndescription:  |\n  A list of our community groups: Special Interest Groups, Working Groups and Committees.\nweight: 99\ntype: docs\naliases: [ \"/groups\", \"/sigs\" ]\nslug: community-groups\n---\n\n";

const INTRO: &str = "\n\nMost community activity is organized into Special Interest Groups (SIGs) and time bounded Working Groups.\n\nSIGs follow these [guidelines](governance.md) although each of these groups may operate a little differently\ndepending on their needs and workflow.\n\nEach group's material is in its subdirectory in this project.\n\nWhen the need arises, a [new SIG can be created](sig-wg-lifecycle.md)\n\n### Special Interest Groups\n\n| Name | Label | Chairs | Contact | Meetings |\n|------|-------|--------|---------|----------|";

pub fn render(c: &Community) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(FRONT_MATTER);
    out.push_str(HEADER);
    out.push_str(INTRO);
    for g in &c.sigs {
        name_and_label(&mut out, g, "sig");
        chairs(&mut out, g);
        out.push('|');
        slack_and_list(&mut out, g);
        out.push('|');
        for m in &g.meetings {
            meeting(&mut out, "", m);
        }
        for s in &g.subprojects {
            for m in &s.meetings {
                meeting(&mut out, &format!("({}) ", s.name), m);
            }
        }
    }

    out.push_str("\n\n### Working Groups\n\n| Name | Label | Stakeholder SIGs |Organizers | Contact | Meetings |\n|------|-------|------------------|-----------|---------|----------|");
    for g in &c.working_groups {
        name_and_label(&mut out, g, "wg");
        for s in &g.stakeholder_sigs {
            let _ = write!(out, "* {s}<br>");
        }
        out.push('|');
        chairs(&mut out, g);
        out.push('|');
        slack_and_list(&mut out, g);
        out.push('|');
        for m in &g.meetings {
            meeting(&mut out, "", m);
        }
    }

    out.push_str("\n\n### Committees\n\n| Name |  Label | Members | Contact |\n|------|--------|---------|---------|");
    for g in &c.committees {
        name_and_label(&mut out, g, "committee");
        chairs(&mut out, g);
        out.push('|');
        let ct = &g.contact;
        if !ct.slack.is_empty() {
            let _ = write!(
                out,
                "* [Slack](https://kubernetes.slack.com/messages/{})<br>",
                ct.slack
            );
        }
        if !ct.mailing_list.is_empty() {
            let _ = write!(out, "* [Mailing List]({})<br>", ct.mailing_list);
        }
        if !ct.private_mailing_list.is_empty() {
            let _ = write!(out, "* [Private Mailing List]({})", ct.private_mailing_list);
        }
    }
    out.push('\n');
    out
}

/// `|[Name](dir/README.md)|[label](…/labels/<prefix>%2F<label>)|`
fn name_and_label(out: &mut String, g: &Group, prefix: &str) {
    let _ = write!(
        out,
        "\n|[{}]({}/README.md)|[{l}](https://github.com/kubernetes/kubernetes/labels/{prefix}%2F{l})|",
        g.name,
        g.dir,
        l = g.label
    );
}

fn chairs(out: &mut String, g: &Group) {
    for p in &g.leadership.chairs {
        let _ = write!(out, "* [{}](https://github.com/{})", p.name, p.github);
        if !p.company.is_empty() {
            let _ = write!(out, ", {}", p.company);
        }
        out.push_str("<br>");
    }
}

fn slack_and_list(out: &mut String, g: &Group) {
    let _ = write!(
        out,
        "* [Slack](https://kubernetes.slack.com/messages/{})<br>* [Mailing List]({})",
        g.contact.slack, g.contact.mailing_list
    );
}

/// `* <prefix><Desc>[ ([calendar](…))]: [<Day>s at <Time> <TZ> (<Frequency>)](<URL>)<br>`
fn meeting(out: &mut String, prefix: &str, m: &Meeting) {
    let _ = write!(out, "* {prefix}{}", m.description);
    if !m.calendar_url.is_empty() {
        let _ = write!(out, " ([calendar]({}))", m.calendar_url);
    }
    let _ = write!(
        out,
        ": [{}s at {} {} ({})]({})<br>",
        m.day, m.time, m.tz, m.frequency, m.url
    );
}
