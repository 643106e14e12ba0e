//! `bazaar org check` and `bazaar org sponsor-check`: org membership as code
//! (a kubernetes/org / peribolos repository).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use bazaar_core::{Login, OutputFormat};
use bazaar_ladder::ladder::{Requirement, Status};
use bazaar_ladder::load::load_org_root;
use bazaar_ladder::org::OrgTree;
use bazaar_ladder::rules::{CheckOptions, check};
use bazaar_ladder::sponsor::{self, PeopleFacts, SponsorReport, Verdict};
use serde::Serialize;

use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: OrgCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum OrgCommand {
    /// Run every kubernetes/org check (config tests, restrictions, peribolos
    /// pre-checks, duplicates) on the peribolos config
    Check(CheckArgs),
    /// Validate a membership request: two sponsors who are reviewers or
    /// approvers, org members, at different companies
    SponsorCheck(SponsorArgs),
}

#[derive(Debug, clap::Args)]
pub struct RootArg {
    /// A kubernetes/org checkout (holding `config/`), or its `config/`
    /// directory itself. Default: the `[org] root` of the `bazaar.toml` in
    /// this directory or an ancestor; without one, the embedded default org.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// A login every org must list among its admins (repeatable). Default:
    /// `k8s-ci-robot`, as kubernetes/org's test requires.
    #[arg(long = "required-admin", value_name = "LOGIN")]
    pub required_admins: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct SponsorArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// The GitHub login asking for membership.
    #[arg(long, value_name = "LOGIN")]
    pub candidate: String,
    /// The two sponsors, comma-separated.
    #[arg(long, value_name = "A,B", value_delimiter = ',', required = true)]
    pub sponsors: Vec<String>,
    /// Org(s) the membership is requested for (repeatable or comma-separated).
    /// Default: the main org.
    #[arg(long = "org", value_name = "ORG", value_delimiter = ',')]
    pub orgs: Vec<String>,
    /// The org whose members may sponsor for any org.
    #[arg(long, value_name = "ORG", default_value = "kubernetes")]
    pub main_org: String,
    /// YAML file with facts the org repository does not hold: each person's
    /// company and OWNERS roles (`people: {LOGIN: {company, owners: [{path, role}]}}`).
    #[arg(long, value_name = "FILE")]
    pub people: Option<PathBuf>,
}

pub fn run(args: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    match args.command {
        OrgCommand::Check(a) => run_check(a, g),
        OrgCommand::SponsorCheck(a) => run_sponsor_check(a, g),
    }
}

fn load(root: &Option<PathBuf>) -> anyhow::Result<OrgTree> {
    let root = match root {
        Some(r) => r.clone(),
        None => {
            let cwd = std::env::current_dir().context("reading the current directory")?;
            match bazaar_core::workspace::discover(&cwd)?.and_then(|ws| ws.org_root) {
                Some(r) => r,
                None => return Ok(bazaar_ladder::embedded::org_tree()),
            }
        }
    };
    load_root(&root)
}

fn load_root(root: &Path) -> anyhow::Result<OrgTree> {
    load_org_root(root)
        .with_context(|| format!("loading the org config under `{}`", root.display()))
}

fn run_check(args: CheckArgs, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    let tree = load(&args.root.root)?;
    let mut opts = CheckOptions::default();
    if !args.required_admins.is_empty() {
        opts.required_admins = args.required_admins.iter().map(|l| Login::new(l)).collect();
    }
    let diags = check(&tree, &opts);
    let mut out = std::io::stdout().lock();
    let errors = render::diagnostics(&mut out, g.format, &diags)?;
    out.flush().context("writing to stdout")?;
    if g.format.is_human_readable() && !g.quiet {
        let teams: usize = tree.orgs.iter().map(|o| o.all_teams().len()).sum();
        let people: usize = tree
            .orgs
            .iter()
            .map(|o| o.admins.len() + o.members.len())
            .sum();
        eprintln!(
            "checked {} org(s), {teams} team(s), {people} admin and member entries, {} OWNERS file(s)",
            tree.orgs.len(),
            tree.owners.len()
        );
    }
    Ok(ExitStatus::findings_if(errors))
}

#[derive(Serialize)]
struct RequirementDto<'a> {
    id: &'a str,
    subject: Option<&'a str>,
    description: &'a str,
    status: &'a str,
    evidence: &'a str,
    missing: Option<&'a str>,
}

impl<'a> From<&'a Requirement> for RequirementDto<'a> {
    fn from(r: &'a Requirement) -> Self {
        RequirementDto {
            id: &r.id,
            subject: r.subject.as_deref(),
            description: &r.description,
            status: r.status.as_str(),
            evidence: &r.evidence,
            missing: r.missing.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct SponsorReportDto<'a> {
    candidate: &'a str,
    orgs: &'a [String],
    sponsors: Vec<&'a str>,
    verdict: &'a str,
    requirements: Vec<RequirementDto<'a>>,
}

fn run_sponsor_check(args: SponsorArgs, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    super::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let tree = load(&args.root.root)?;
    let facts = match &args.people {
        None => PeopleFacts::default(),
        Some(path) => {
            let text = bazaar_core::fs::read_to_string(path)?;
            sponsor::parse_people(&text).map_err(|e| {
                anyhow::anyhow!(
                    "{}:{}:{}: {} ({})",
                    path.display(),
                    e.line,
                    e.col,
                    e.message,
                    e.rule.id
                )
            })?
        }
    };
    let candidate = Login::new(&args.candidate);
    let sponsors: Vec<Login> = args
        .sponsors
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(Login::new)
        .collect();
    let orgs = if args.orgs.is_empty() {
        vec![args.main_org.clone()]
    } else {
        args.orgs.clone()
    };
    for o in orgs.iter().chain(std::iter::once(&args.main_org)) {
        if tree.org(o).is_none() {
            let known: Vec<_> = tree.orgs.iter().map(|o| o.name.as_str()).collect();
            anyhow::bail!("unknown org `{o}` (the config has: {})", known.join(", "));
        }
    }
    let req =
        sponsor::request_from_tree(&tree, &candidate, &sponsors, &orgs, &args.main_org, &facts);
    let report = sponsor::check_sponsors(&req);
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => render::json(
            &mut out,
            &SponsorReportDto {
                candidate: candidate.as_str(),
                orgs: &orgs,
                sponsors: sponsors.iter().map(Login::as_str).collect(),
                verdict: report.verdict.as_str(),
                requirements: report
                    .requirements
                    .iter()
                    .map(RequirementDto::from)
                    .collect(),
            },
        )?,
        _ => out.write_all(sponsor_table(&candidate, &orgs, &report).as_bytes())?,
    }
    out.flush().context("writing to stdout")?;
    Ok(match report.verdict {
        Verdict::Approved | Verdict::NotNeeded => ExitStatus::Clean,
        Verdict::Rejected | Verdict::Incomplete => ExitStatus::Findings,
    })
}

fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Met => "ok",
        Status::NotMet => "MISSING",
        Status::Unknown => "unknown",
        Status::Manual => "by hand",
    }
}

fn sponsor_table(candidate: &Login, orgs: &[String], report: &SponsorReport) -> String {
    let rows = report.requirements.iter().map(|r| {
        vec![
            status_mark(r.status).to_string(),
            r.subject.clone().unwrap_or_default(),
            r.description.clone(),
            r.evidence.clone(),
            r.missing.clone().unwrap_or_default(),
        ]
    });
    let mut s = render::table(
        &["status", "sponsor", "requirement", "evidence", "missing"],
        rows,
    );
    let orgs: Vec<String> = orgs.iter().map(|o| format!("`{o}`")).collect();
    s.push_str(&format!(
        "\nmembership of `{candidate}` in {}: {}\n",
        orgs.join(", "),
        match report.verdict {
            Verdict::Approved => "approved: every requirement is met",
            Verdict::Rejected => "rejected: a requirement is not met",
            Verdict::Incomplete => "incomplete: some facts are unknown (see `unknown` rows)",
            Verdict::NotNeeded => "no sponsors needed",
        }
    ));
    s
}
