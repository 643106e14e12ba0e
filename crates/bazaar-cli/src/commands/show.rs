//! `bazaar show NAME`: one group in detail (by dir, label or name).

use std::fmt::Write as _;
use std::io::Write;

use anyhow::Context as _;
use bazaar_community::browse::find_group;
use bazaar_community::{Community, Contact, Group, GroupKind, Meeting, OwnersUrl, Person};
use bazaar_core::OutputFormat;
use serde::Serialize;

use super::community::{RootArg, load, report_undecodable};
use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The group's dir (`sig-apps`), label (`apps`) or name (`Apps`),
    /// case-insensitive.
    pub name: String,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Serialize)]
struct PersonDto<'a> {
    github: &'a str,
    name: &'a str,
    company: &'a str,
}

impl<'a> From<&'a Person> for PersonDto<'a> {
    fn from(p: &'a Person) -> Self {
        PersonDto {
            github: &p.github,
            name: &p.name,
            company: &p.company,
        }
    }
}

#[derive(Serialize)]
struct MeetingDto<'a> {
    description: &'a str,
    day: &'a str,
    time: &'a str,
    tz: &'a str,
    frequency: &'a str,
    url: &'a str,
    archive_url: &'a str,
    recordings_url: &'a str,
    calendar_url: &'a str,
}

impl<'a> From<&'a Meeting> for MeetingDto<'a> {
    fn from(m: &'a Meeting) -> Self {
        MeetingDto {
            description: &m.description,
            day: &m.day,
            time: &m.time,
            tz: &m.tz,
            frequency: &m.frequency,
            url: &m.url,
            archive_url: &m.archive_url,
            recordings_url: &m.recordings_url,
            calendar_url: &m.calendar_url,
        }
    }
}

#[derive(Serialize)]
struct ContactDto<'a> {
    slack: &'a str,
    mailing_list: &'a str,
    private_mailing_list: &'a str,
    teams: Vec<&'a str>,
    liaison: Option<PersonDto<'a>>,
}

impl<'a> From<&'a Contact> for ContactDto<'a> {
    fn from(c: &'a Contact) -> Self {
        ContactDto {
            slack: &c.slack,
            mailing_list: &c.mailing_list,
            private_mailing_list: &c.private_mailing_list,
            teams: c.teams.iter().map(|t| t.name.as_str()).collect(),
            liaison: (!c.liaison.is_empty()).then(|| PersonDto::from(&c.liaison)),
        }
    }
}

#[derive(Serialize)]
struct OwnersDto<'a> {
    url: &'a str,
    org: Option<String>,
    repo: Option<String>,
    branch: Option<String>,
    path: Option<String>,
}

#[derive(Serialize)]
struct SubprojectDto<'a> {
    name: &'a str,
    description: &'a str,
    owners: Vec<OwnersDto<'a>>,
    leads: Vec<PersonDto<'a>>,
    meetings: Vec<MeetingDto<'a>>,
    contact: Option<ContactDto<'a>>,
}

#[derive(Serialize)]
struct RelationDto<'a> {
    group: &'a str,
    how: &'a str,
}

#[derive(Serialize)]
struct GroupDto<'a> {
    dir: &'a str,
    kind: &'a str,
    name: &'a str,
    label: &'a str,
    category: Option<&'a str>,
    area: Option<&'a str>,
    mission_statement: &'a str,
    charter_link: &'a str,
    chairs: Vec<PersonDto<'a>>,
    tech_leads: Vec<PersonDto<'a>>,
    emeritus_leads: Vec<PersonDto<'a>>,
    meetings: Vec<MeetingDto<'a>>,
    contact: ContactDto<'a>,
    stakeholder_sigs: &'a [String],
    reporting_wgs: &'a [String],
    related: Vec<RelationDto<'a>>,
    subprojects: Vec<SubprojectDto<'a>>,
}

fn people(list: &[Person]) -> Vec<PersonDto<'_>> {
    list.iter().map(PersonDto::from).collect()
}

fn dto(g: &Group) -> GroupDto<'_> {
    GroupDto {
        dir: &g.dir,
        kind: g.kind.prefix(),
        name: &g.name,
        label: &g.label,
        category: g.category.as_ref().map(|c| c.kind.as_str()),
        area: g
            .category
            .as_ref()
            .map(|c| c.area.as_str())
            .filter(|a| !a.is_empty()),
        mission_statement: &g.mission_statement,
        charter_link: &g.charter_link,
        chairs: people(&g.leadership.chairs),
        tech_leads: people(&g.leadership.tech_leads),
        emeritus_leads: people(&g.leadership.emeritus_leads),
        meetings: g.meetings.iter().map(MeetingDto::from).collect(),
        contact: ContactDto::from(&g.contact),
        stakeholder_sigs: &g.stakeholder_sigs,
        reporting_wgs: &g.reporting_wgs,
        related: g
            .category
            .iter()
            .flat_map(|c| &c.related)
            .map(|r| RelationDto {
                group: &r.group,
                how: &r.how,
            })
            .collect(),
        subprojects: g
            .subprojects
            .iter()
            .map(|s| SubprojectDto {
                name: &s.name,
                description: &s.description,
                owners: s
                    .owners
                    .iter()
                    .map(|u| {
                        let p = OwnersUrl::parse(u);
                        let (branch, path) = p
                            .as_ref()
                            .map(|p| {
                                let (b, path) = p.resolved_branch_and_path();
                                (b.to_string(), path.to_string())
                            })
                            .unzip();
                        OwnersDto {
                            url: u,
                            org: p.as_ref().map(|p| p.org.clone()),
                            repo: p.as_ref().map(|p| p.repo.clone()),
                            branch,
                            path,
                        }
                    })
                    .collect(),
                leads: people(&s.leads),
                meetings: s.meetings.iter().map(MeetingDto::from).collect(),
                contact: s.contact.as_ref().map(ContactDto::from),
            })
            .collect(),
    }
}

pub fn run(args: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    super::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let community = match load(args.root.path())? {
        Ok(c) => c,
        Err(diags) => {
            report_undecodable(&diags);
            return Ok(ExitStatus::Findings);
        }
    };
    let group = find_group(&community, &args.name)?;
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => render::json(&mut out, &dto(group))?,
        _ => out.write_all(text(&community, group).as_bytes())?,
    }
    out.flush().context("writing to stdout")?;
    Ok(ExitStatus::Clean)
}

fn person_line(p: &Person) -> String {
    let mut s = format!("{} (@{})", p.name, p.github);
    if !p.company.is_empty() {
        s.push_str(&format!(", {}", p.company));
    }
    s
}

fn meeting_line(m: &Meeting) -> String {
    let mut s = format!(
        "{}: {}s at {} {} ({})",
        m.description, m.day, m.time, m.tz, m.frequency
    );
    for (what, url) in [
        ("join", &m.url),
        ("notes", &m.archive_url),
        ("recordings", &m.recordings_url),
        ("calendar", &m.calendar_url),
    ] {
        if !url.is_empty() {
            s.push_str(&format!("\n      {what}: {url}"));
        }
    }
    s
}

/// The people-facing view: one section per topic, empty sections left out.
fn text(c: &Community, g: &Group) -> String {
    let mut s = String::new();
    let title = match g.kind {
        GroupKind::Sig => format!("SIG {}", g.name),
        GroupKind::WorkingGroup => format!("WG {}", g.name),
        GroupKind::UserGroup => format!("UG {}", g.name),
        GroupKind::Committee => format!("{} Committee", g.name),
    };
    let _ = writeln!(s, "{title} ({})", g.dir);
    let mut facts = vec![format!("label: {}", g.label)];
    if let Some(cat) = &g.category {
        if cat.area.is_empty() {
            facts.push(format!("category: {}", cat.kind));
        } else {
            facts.push(format!("category: {} ({})", cat.kind, cat.area));
        }
    }
    if !g.charter_link.is_empty() {
        facts.push(format!("charter: {}", g.charter_link));
    }
    let _ = writeln!(s, "{}", facts.join(" · "));

    let mut section = |heading: &str, lines: Vec<String>| {
        if lines.is_empty() {
            return;
        }
        let _ = writeln!(s, "\n{heading}");
        for l in lines {
            let _ = writeln!(s, "  {l}");
        }
    };
    let mission = g.mission_statement.trim();
    section(
        "Mission",
        if mission.is_empty() {
            vec![]
        } else {
            mission.lines().map(str::to_string).collect()
        },
    );
    let (chairs, emeritus) = match g.kind {
        GroupKind::Sig => ("Chairs", "Emeritus leads"),
        GroupKind::Committee => ("Members", "Emeritus members"),
        _ => ("Organizers", "Emeritus organizers"),
    };
    section(
        chairs,
        g.leadership.chairs.iter().map(person_line).collect(),
    );
    section(
        "Tech leads",
        g.leadership.tech_leads.iter().map(person_line).collect(),
    );
    section(
        emeritus,
        g.leadership
            .emeritus_leads
            .iter()
            .map(person_line)
            .collect(),
    );
    section("Meetings", g.meetings.iter().map(meeting_line).collect());

    let ct = &g.contact;
    let mut contact = Vec::new();
    if !ct.slack.is_empty() {
        contact.push(format!("slack: #{}", ct.slack));
    }
    if !ct.mailing_list.is_empty() {
        contact.push(format!("mailing list: {}", ct.mailing_list));
    }
    if !ct.private_mailing_list.is_empty() {
        contact.push(format!("private mailing list: {}", ct.private_mailing_list));
    }
    for t in &ct.teams {
        contact.push(format!(
            "team: @{}{}",
            t.name,
            if t.description.is_empty() {
                String::new()
            } else {
                format!(" ({})", t.description)
            }
        ));
    }
    if !ct.liaison.is_empty() {
        contact.push(format!(
            "steering liaison: {} (@{})",
            ct.liaison.name, ct.liaison.github
        ));
    }
    section("Contact", contact);

    let name_of = |dir_or_name: &str, kind: GroupKind| {
        c.groups_of(kind)
            .iter()
            .find(|x| x.name == dir_or_name)
            .map_or(dir_or_name.to_string(), |x| {
                format!("{} ({})", x.name, x.dir)
            })
    };
    section(
        "Stakeholder SIGs",
        g.stakeholder_sigs
            .iter()
            .map(|n| name_of(n, GroupKind::Sig))
            .collect(),
    );
    section(
        "Working groups it sponsors",
        g.reporting_wgs
            .iter()
            .map(|n| name_of(n, GroupKind::WorkingGroup))
            .collect(),
    );
    let related: Vec<String> = g
        .category
        .iter()
        .flat_map(|cat| &cat.related)
        .map(|r| format!("{} {}", r.how, r.group))
        .collect();
    section("Related groups", related);

    let mut subs = Vec::new();
    for sp in &g.subprojects {
        let desc = sp.description.trim();
        subs.push(if desc.is_empty() {
            sp.name.clone()
        } else {
            format!("{} — {}", sp.name, desc.lines().next().unwrap_or(desc))
        });
        for p in &sp.leads {
            subs.push(format!("    lead: {}", person_line(p)));
        }
        for u in &sp.owners {
            let shown = OwnersUrl::parse(u).map_or_else(
                || u.clone(),
                |p| {
                    let (branch, path) = p.resolved_branch_and_path();
                    format!("{}/{}/{path} ({branch})", p.org, p.repo)
                },
            );
            subs.push(format!("    owners: {shown}"));
        }
        for m in &sp.meetings {
            subs.push(format!(
                "    meeting: {}",
                meeting_line(m).replace("\n      ", "\n        ")
            ));
        }
    }
    section("Subprojects", subs);
    s
}
