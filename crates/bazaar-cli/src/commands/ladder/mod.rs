//! `bazaar ladder LOGIN` and `bazaar ladder audit`: the contributor ladder
//! over a community's data (a workspace's, or the embedded default's).

mod world;

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use bazaar_core::{Login, OutputFormat, Severity};
use bazaar_ladder::audit::{AuditThresholds, Finding};
use bazaar_ladder::ladder::{Progress, Requirement, Rung, Status, Thresholds};
use jiff::civil::Date;
use serde::Serialize;

use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;
use world::{Options, Origin, World};

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<LadderCommand>,
    #[command(flatten)]
    person: PersonArgs,
}

#[derive(Debug, clap::Subcommand)]
enum LadderCommand {
    /// Audit the whole community: inactive members and OWNERS entries,
    /// leads outside the orgs, dormant subprojects, groups below the
    /// governance minimums, SIGs that meet too rarely (exit 1 on warnings)
    Audit(AuditArgs),
}

/// Where the data comes from, shared by both forms.
#[derive(Debug, Clone, clap::Args)]
struct DataArgs {
    /// The workspace file (`bazaar.toml`) naming the community's data sets.
    /// Default: `bazaar.toml` in this directory or an ancestor; without one,
    /// the embedded default community.
    #[arg(long, value_name = "FILE", global = true)]
    workspace: Option<PathBuf>,
    /// Use the embedded default community even when a `bazaar.toml` is found.
    #[arg(long, global = true, conflicts_with = "workspace")]
    embedded: bool,
    /// The day to evaluate on (`YYYY-MM-DD`). Default: today; for the
    /// embedded default, the end of its activity sample.
    #[arg(long, value_name = "DATE", global = true)]
    now: Option<String>,
    /// The activity store, instead of the workspace's.
    #[arg(long, value_name = "PATH", global = true)]
    store: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct PersonArgs {
    /// The GitHub login to place on the ladder.
    #[arg(value_name = "LOGIN", required = true)]
    login: Option<String>,
    /// Sponsors of a membership request (for the member rung), comma-separated.
    #[arg(long, value_name = "A,B", value_delimiter = ',')]
    sponsors: Vec<String>,
    /// Org(s) a membership request is for (default: the main org).
    #[arg(long = "org", value_name = "ORG", value_delimiter = ',')]
    orgs: Vec<String>,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(Debug, clap::Args)]
struct AuditArgs {
    /// A `korg audit` exceptions CSV (`username,reason`): logins the
    /// inactivity audits skip. Bots are always skipped.
    #[arg(long, value_name = "CSV")]
    exceptions: Option<PathBuf>,
    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    match args.command {
        Some(LadderCommand::Audit(a)) => run_audit(a, g),
        None => run_person(args.person, g),
    }
}

fn parse_now(s: &Option<String>) -> anyhow::Result<Option<Date>> {
    s.as_deref()
        .map(|s| {
            s.parse::<Date>()
                .with_context(|| format!("`--now {s}` is not a date (YYYY-MM-DD)"))
        })
        .transpose()
}

fn load(data: &DataArgs, exceptions: Option<PathBuf>) -> anyhow::Result<World> {
    let opts = Options {
        now: parse_now(&data.now)?,
        store: data.store.clone(),
        exceptions,
    };
    let ws = if data.embedded {
        None
    } else if let Some(file) = &data.workspace {
        Some(bazaar_core::workspace::load(file)?)
    } else {
        let cwd = std::env::current_dir().context("reading the current directory")?;
        bazaar_core::workspace::discover(&cwd)?
    };
    match ws {
        Some(ws) => world::from_workspace(&ws, &opts),
        None => world::embedded(&opts),
    }
}

/// The data header people see on stderr (never with `--format json` or `--quiet`).
fn print_inputs(g: &GlobalArgs, w: &World) {
    if !g.format.is_human_readable() || g.quiet {
        return;
    }
    match &w.origin {
        Origin::Embedded => eprintln!(
            "embedded default community, evaluated on {} (its activity is a synthetic sample)",
            w.data.now
        ),
        Origin::Workspace(f) => {
            eprintln!("workspace `{}`, evaluated on {}", f.display(), w.data.now)
        }
    }
    for line in &w.inputs {
        eprintln!("  {line}");
    }
}

// ---- bazaar ladder LOGIN ----

#[derive(Serialize)]
struct RoleDto<'a> {
    rung: &'static str,
    scope: &'a str,
    since: Option<String>,
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
struct ActivityDto {
    from: String,
    to: String,
    contributions: u32,
    pr_comments: u32,
    prs_authored_merged: u32,
    prs_reviewed: Option<u32>,
    prs_primary_reviewer: Option<u32>,
}

#[derive(Serialize)]
struct ProgressDto<'a> {
    login: &'a str,
    now: String,
    /// Whether any data set names the login.
    known: bool,
    highest: &'static str,
    next: Option<&'static str>,
    ready: bool,
    roles: Vec<RoleDto<'a>>,
    activity: Option<ActivityDto>,
    requirements: Vec<RequirementDto<'a>>,
}

fn run_person(args: PersonArgs, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    super::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let raw = args.login.as_deref().unwrap_or_default();
    let login = Login::new(raw.trim().trim_start_matches('@'));
    if login.as_str().is_empty() {
        anyhow::bail!("the login is empty");
    }
    let w = load(&args.data, None)?;
    print_inputs(g, &w);
    let sponsors: Vec<Login> = args
        .sponsors
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(Login::new)
        .collect();
    let p = w
        .data
        .progress(&login, &sponsors, &args.orgs, &Thresholds::default());
    let known = w.data.known_logins().contains(&login);
    if !known && g.format.is_human_readable() && !g.quiet {
        let names: Vec<String> = w
            .data
            .known_logins()
            .iter()
            .map(|l| l.as_str().to_string())
            .collect();
        let hint = names
            .iter()
            .map(|n| {
                (
                    strsim::jaro_winkler(&n.to_lowercase(), login.normalized()),
                    n,
                )
            })
            .filter(|(s, _)| *s > 0.85)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, n)| format!(" (did you mean `{n}`?)"))
            .unwrap_or_default();
        eprintln!("note: no data set names `{login}`{hint}");
    }
    let activity = w.data.activity_of(&login).ok().map(|a| ActivityDto {
        from: a.window.from.to_string(),
        to: a.window.to.to_string(),
        contributions: a.counts.contributions,
        pr_comments: a.counts.pr_comments,
        prs_authored_merged: a.counts.prs_authored_merged,
        prs_reviewed: a.has_reviews.then_some(a.counts.prs_reviewed),
        prs_primary_reviewer: a.has_reviews.then_some(a.counts.prs_primary_reviewer),
    });
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => render::json(
            &mut out,
            &ProgressDto {
                login: login.as_str(),
                now: w.data.now.to_string(),
                known,
                highest: p.highest.as_str(),
                next: p.next.map(Rung::as_str),
                ready: p.ready(),
                roles: p
                    .current
                    .iter()
                    .map(|r| RoleDto {
                        rung: r.rung.as_str(),
                        scope: &r.scope,
                        since: r.since.map(|d| d.to_string()),
                    })
                    .collect(),
                activity,
                requirements: p.requirements.iter().map(RequirementDto::from).collect(),
            },
        )?,
        _ => out.write_all(progress_table(&p, activity.as_ref()).as_bytes())?,
    }
    out.flush().context("writing to stdout")?;
    Ok(ExitStatus::Clean)
}

fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Met => "ok",
        Status::NotMet => "MISSING",
        Status::Unknown => "unknown",
        Status::Manual => "by hand",
    }
}

fn progress_table(p: &Progress, activity: Option<&ActivityDto>) -> String {
    let mut s = format!("{}: {}\n\n", p.login, p.highest.title());
    let roles = p.current.iter().map(|r| {
        vec![
            r.rung.title().to_string(),
            r.scope.clone(),
            r.since.map_or_else(|| "-".to_string(), |d| d.to_string()),
        ]
    });
    s.push_str(&render::table(&["rung", "where", "since"], roles));
    if let Some(a) = activity {
        let opt = |v: Option<u32>| v.map_or_else(|| "unknown".to_string(), |v| v.to_string());
        s.push_str(&format!(
            "\nactivity {}..{}: {} contributions, {} comments, {} merged PRs authored, {} PRs reviewed ({} as primary reviewer)\n",
            a.from,
            a.to,
            a.contributions,
            a.pr_comments,
            a.prs_authored_merged,
            opt(a.prs_reviewed),
            opt(a.prs_primary_reviewer)
        ));
    }
    match p.next {
        None => s.push_str("\nat the top of the ladder\n"),
        Some(next) => {
            s.push_str(&format!("\nnext rung: {}\n", next.title()));
            let rows = p.requirements.iter().map(|r| {
                vec![
                    status_mark(r.status).to_string(),
                    match &r.subject {
                        Some(who) => format!("{} (`{who}`)", r.description),
                        None => r.description.clone(),
                    },
                    r.evidence.clone(),
                    r.missing.clone().unwrap_or_default(),
                ]
            });
            s.push_str(&render::table(
                &["status", "requirement", "evidence", "missing"],
                rows,
            ));
            let counts = |st: Status| p.requirements.iter().filter(|r| r.status == st).count();
            s.push_str(&if p.ready() {
                format!("\nready for {}: every requirement is met\n", next.title())
            } else {
                format!(
                    "\n{} of {} requirements met; {} missing, {} unknown, {} to confirm by hand\n",
                    counts(Status::Met),
                    p.requirements.len(),
                    counts(Status::NotMet),
                    counts(Status::Unknown),
                    counts(Status::Manual)
                )
            });
        }
    }
    s
}

// ---- bazaar ladder audit ----

#[derive(Serialize)]
struct FindingDto<'a> {
    rule: &'a str,
    severity: &'a str,
    subject: &'a str,
    message: &'a str,
    evidence: &'a str,
    file: &'a str,
    line: u32,
    col: u32,
}

#[derive(Serialize)]
struct AuditDto<'a> {
    now: String,
    findings: Vec<FindingDto<'a>>,
    summary: render::Summary,
}

fn run_audit(args: AuditArgs, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    super::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let w = load(&args.data, args.exceptions.clone())?;
    print_inputs(g, &w);
    let findings = w.data.audit(AuditThresholds::default());
    let diags: Vec<_> = findings.iter().map(Finding::to_diagnostic).collect();
    let summary = render::Summary::of(&diags);
    let problems = findings
        .iter()
        .any(|f| matches!(f.severity, Severity::Error | Severity::Warning));
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => render::json(
            &mut out,
            &AuditDto {
                now: w.data.now.to_string(),
                findings: findings
                    .iter()
                    .map(|f| FindingDto {
                        rule: f.rule.id,
                        severity: f.severity.as_str(),
                        subject: &f.subject,
                        message: &f.message,
                        evidence: &f.evidence,
                        file: &f.file,
                        line: f.pos.line,
                        col: f.pos.col,
                    })
                    .collect(),
                summary,
            },
        )?,
        _ => {
            out.write_all(audit_table(&findings).as_bytes())?;
            if !g.quiet {
                eprintln!(
                    "{} finding(s): {} warning(s), {} note(s) on missing input",
                    findings.len(),
                    summary.warnings + summary.errors,
                    summary.infos
                );
            }
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(ExitStatus::findings_if(problems))
}

/// Findings grouped by rule, one line each: where, what, and the numbers.
fn audit_table(findings: &[Finding]) -> String {
    let mut s = String::new();
    let mut current = "";
    for f in findings {
        if f.rule.id != current {
            current = f.rule.id;
            if !s.is_empty() {
                s.push('\n');
            }
            s.push_str(&format!("{} ({})\n", f.rule.id, f.rule.summary));
        }
        let at = if f.file.is_empty() {
            String::new()
        } else {
            format!("{}:{}:{}: ", f.file, f.pos.line, f.pos.col)
        };
        s.push_str(&format!("  {at}{}\n", f.message));
        if !f.evidence.is_empty() {
            s.push_str(&format!("      {}\n", f.evidence));
        }
    }
    if s.is_empty() {
        s.push_str("no findings\n");
    }
    s
}
