//! `bazaar groups [--kind sig|wg|ug|committee]`: the groups of the registry.

use std::io::Write;

use anyhow::Context as _;
use bazaar_community::{Group, GroupKind};
use bazaar_core::OutputFormat;
use serde::Serialize;

use super::community::{RootArg, load, report_undecodable};
use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub root: RootArg,
    /// Only groups of this kind.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum KindArg {
    Sig,
    Wg,
    Ug,
    Committee,
}

impl From<KindArg> for GroupKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Sig => GroupKind::Sig,
            KindArg::Wg => GroupKind::WorkingGroup,
            KindArg::Ug => GroupKind::UserGroup,
            KindArg::Committee => GroupKind::Committee,
        }
    }
}

#[derive(Serialize)]
struct GroupDto<'a> {
    dir: &'a str,
    kind: &'a str,
    name: &'a str,
    label: &'a str,
    category: Option<&'a str>,
    area: Option<&'a str>,
    chairs: Vec<&'a str>,
    tech_leads: Vec<&'a str>,
    stakeholder_sigs: &'a [String],
    reporting_wgs: &'a [String],
    subprojects: usize,
    meetings: usize,
}

impl<'a> From<&'a Group> for GroupDto<'a> {
    fn from(g: &'a Group) -> Self {
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
            chairs: g
                .leadership
                .chairs
                .iter()
                .map(|p| p.github.as_str())
                .collect(),
            tech_leads: g
                .leadership
                .tech_leads
                .iter()
                .map(|p| p.github.as_str())
                .collect(),
            stakeholder_sigs: &g.stakeholder_sigs,
            reporting_wgs: &g.reporting_wgs,
            subprojects: g.subprojects.len(),
            meetings: g.meetings.len(),
        }
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
    let groups: Vec<&Group> = community
        .groups()
        .filter(|gr| args.kind.is_none_or(|k| gr.kind == k.into()))
        .collect();
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => {
            let dtos: Vec<GroupDto> = groups.iter().map(|gr| GroupDto::from(*gr)).collect();
            render::json(&mut out, &dtos)?;
        }
        _ => {
            let rows = groups.iter().map(|gr| {
                let category = match &gr.category {
                    Some(c) if !c.area.is_empty() => format!("{} ({})", c.kind, c.area),
                    Some(c) => c.kind.to_string(),
                    None => "-".to_string(),
                };
                let chairs: Vec<&str> = gr
                    .leadership
                    .chairs
                    .iter()
                    .map(|p| p.github.as_str())
                    .collect();
                vec![
                    gr.kind.title().to_string(),
                    gr.dir.clone(),
                    gr.name.clone(),
                    category,
                    if chairs.is_empty() {
                        "-".to_string()
                    } else {
                        chairs.join(", ")
                    },
                    gr.subprojects.len().to_string(),
                ]
            });
            out.write_all(
                render::table(
                    &["kind", "dir", "name", "category", "chairs", "subprojects"],
                    rows,
                )
                .as_bytes(),
            )?;
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(ExitStatus::Clean)
}
