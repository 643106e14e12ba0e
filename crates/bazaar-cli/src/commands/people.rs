//! `bazaar people LOGIN`: every role a person holds.

use std::io::Write;

use anyhow::Context as _;
use bazaar_community::browse::{roles, suggest_login};
use bazaar_core::OutputFormat;
use serde::Serialize;

use super::community::{RootArg, load, report_undecodable};
use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// GitHub login (case-insensitive, a leading `@` is ignored).
    pub login: String,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Serialize)]
struct PersonDto<'a> {
    login: &'a str,
    name: &'a str,
    company: &'a str,
    roles: Vec<RoleDto<'a>>,
}

#[derive(Serialize)]
struct RoleDto<'a> {
    role: &'a str,
    title: &'a str,
    group: Option<&'a str>,
    group_kind: Option<&'a str>,
    subproject: Option<&'a str>,
    name: &'a str,
    company: &'a str,
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
    let login = args.login.trim().trim_start_matches('@');
    let found = roles(&community, login);
    let Some(first) = found.first() else {
        match suggest_login(&community, login) {
            Some(s) => {
                anyhow::bail!("nobody with login `{login}` holds a role (did you mean `{s}`?)")
            }
            None => anyhow::bail!("nobody with login `{login}` holds a role in this registry"),
        }
    };
    // The most complete entry speaks for the person (emeritus and liaison
    // entries usually carry only a name).
    let main = found
        .iter()
        .map(|r| r.person)
        .max_by_key(|p| (!p.company.is_empty(), !p.email.is_empty()))
        .unwrap_or(first.person);
    let dto = PersonDto {
        login: &main.github,
        name: &main.name,
        company: &main.company,
        roles: found
            .iter()
            .map(|r| RoleDto {
                role: r.kind.as_str(),
                title: r.kind.title(r.group.map(|g| g.kind)),
                group: r.group.map(|g| g.dir.as_str()),
                group_kind: r.group.map(|g| g.kind.prefix()),
                subproject: r.subproject,
                name: &r.person.name,
                company: &r.person.company,
            })
            .collect(),
    };
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => render::json(&mut out, &dto)?,
        _ => {
            let company = if dto.company.is_empty() {
                String::new()
            } else {
                format!(", {}", dto.company)
            };
            writeln!(out, "{} (@{}){company}\n", dto.name, dto.login)?;
            let rows = dto.roles.iter().map(|r| {
                vec![
                    r.title.to_string(),
                    r.group.unwrap_or("-").to_string(),
                    r.subproject.unwrap_or("-").to_string(),
                ]
            });
            out.write_all(render::table(&["role", "group", "subproject"], rows).as_bytes())?;
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(ExitStatus::Clean)
}
