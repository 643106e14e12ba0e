//! `bazaar stats people|companies|repos|chart`: contribution analytics from
//! the activity store, with gitdm affiliations given as files.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use bazaar_activity::affiliations::{self, Affiliations};
use bazaar_activity::date::{Day, parse_timestamp};
use bazaar_activity::stats::{self, Counts, Facts, Window};
use bazaar_activity::store::{DEFAULT_PATH, Store};
use bazaar_activity::{chart, gharchive::CONTRIBUTION_TYPES};
use bazaar_core::{Diagnostic, OutputFormat};
use serde::Serialize;

use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// One row per identity (GitHub login, or git author e-mail)
    People(Report),
    /// One row per company (affiliation on each commit's / event's date)
    Companies(Report),
    /// One row per repository
    Repos(Report),
    /// Draw the top companies and contributions over time as SVG
    Chart(ChartArgs),
}

#[derive(Debug, clap::Args)]
struct Report {
    /// Start of the window (inclusive): `YYYY-MM-DD` (UTC) or an RFC 3339 time
    #[arg(long)]
    since: Option<String>,
    /// End of the window (exclusive): `YYYY-MM-DD` (UTC) or an RFC 3339 time
    #[arg(long)]
    until: Option<String>,
    /// The activity store
    #[arg(long, default_value = DEFAULT_PATH)]
    store: PathBuf,
    /// gitdm `developers_affiliations*.txt` files (login, e-mails, dated companies)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    affiliations: Vec<PathBuf>,
    /// gitdm `email-map` files (`email Company [< YYYY-MM-DD]`)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    email_map: Vec<PathBuf>,
    /// gitdm `domain-map` files (`domain Company [< YYYY-MM-DD]`)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    domain_map: Vec<PathBuf>,
    /// gitdm `aliases` files (`variant-email canonical-email`)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    aliases: Vec<PathBuf>,
    /// Show only the first N rows
    #[arg(long)]
    limit: Option<usize>,
}

#[derive(Debug, clap::Args)]
struct ChartArgs {
    #[command(flatten)]
    report: Report,
    /// Where to write the SVG
    #[arg(long)]
    out: PathBuf,
    /// How many companies to draw
    #[arg(long, default_value_t = 12)]
    top: usize,
    /// Title of the picture
    #[arg(long, default_value = "Contribution activity")]
    title: String,
}

fn parse_bound(s: &str, what: &str) -> anyhow::Result<i64> {
    if let Some(d) = Day::parse(s) {
        return Ok(d.unix());
    }
    parse_timestamp(s)
        .with_context(|| format!("`{what} {s}` is neither YYYY-MM-DD nor an RFC 3339 time"))
}

fn read(path: &Path) -> anyhow::Result<String> {
    Ok(bazaar_core::fs::read_to_string(path)?)
}

/// Load every affiliation file; unparsable lines become diagnostics.
fn load_affiliations(r: &Report) -> anyhow::Result<(Affiliations, Vec<Diagnostic>)> {
    load_affiliation_files(&r.affiliations, &r.email_map, &r.domain_map, &r.aliases)
}

/// Load gitdm's affiliation files (`developers_affiliations*.txt`,
/// `email-map`, `domain-map`, `aliases`); unparsable lines become diagnostics.
pub fn load_affiliation_files(
    developers: &[PathBuf],
    email_map: &[PathBuf],
    domain_map: &[PathBuf],
    alias_files: &[PathBuf],
) -> anyhow::Result<(Affiliations, Vec<Diagnostic>)> {
    let mut diags = Vec::new();
    let mut devs = Vec::new();
    for p in developers {
        let (d, e) = affiliations::parse_developers(&read(p)?, &p.display().to_string());
        devs.extend(d);
        diags.extend(e);
    }
    let mut maps = Vec::new();
    for p in email_map.iter().chain(domain_map) {
        let (m, e) = affiliations::parse_email_map(&read(p)?, &p.display().to_string());
        maps.extend(m);
        diags.extend(e);
    }
    let mut aliases = Vec::new();
    for p in alias_files {
        let (a, e) = affiliations::parse_aliases(&read(p)?, &p.display().to_string());
        aliases.extend(a);
        diags.extend(e);
    }
    bazaar_core::diag::normalize(&mut diags);
    Ok((Affiliations::new(devs, maps, aliases), diags))
}

fn load(r: &Report) -> anyhow::Result<(Facts, Affiliations, Vec<Diagnostic>)> {
    let window = Window {
        since: r
            .since
            .as_deref()
            .map(|s| parse_bound(s, "--since"))
            .transpose()?,
        until: r
            .until
            .as_deref()
            .map(|s| parse_bound(s, "--until"))
            .transpose()?,
    };
    if let (Some(since), Some(until)) = (window.since, window.until)
        && since >= until
    {
        bail!(
            "`--since {}` is not before `--until {}`: the window [since, until) would be empty",
            r.since.as_deref().unwrap_or_default(),
            r.until.as_deref().unwrap_or_default()
        );
    }
    if !r.store.exists() {
        bail!(
            "no activity store at `{}`: run `bazaar activity ingest git|gharchive ...` first (or pass `--store PATH`)",
            r.store.display()
        );
    }
    let (affs, diags) = load_affiliations(r)?;
    let store = Store::open(&r.store)?;
    let facts = Facts::load(&store, window)?;
    Ok((facts, affs, diags))
}

pub fn run(args: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    let (report, chart_args) = match &args.what {
        What::People(r) | What::Companies(r) | What::Repos(r) => (r, None),
        What::Chart(c) => (&c.report, Some(c)),
    };
    if chart_args.is_none() {
        super::require_format(
            g,
            &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv],
        )?;
    }
    let (facts, affs, diags) = load(report)?;
    super::activity::print_diags(g, &diags);
    let mut out = std::io::stdout().lock();
    let limit = report.limit.unwrap_or(usize::MAX);
    match &args.what {
        What::People(_) => {
            let rows: Vec<PersonDto> = stats::people(&facts, &affs)
                .into_iter()
                .take(limit)
                .map(PersonDto::from)
                .collect();
            emit(
                &mut out,
                g.format,
                &rows,
                &["login", "email", "name", "company"],
                |p| {
                    vec![
                        opt(&p.login),
                        opt(&p.email),
                        opt(&p.name),
                        p.company.clone(),
                    ]
                },
            )?;
        }
        What::Companies(_) => {
            let rows: Vec<CompanyDto> = stats::companies(&facts, &affs)
                .into_iter()
                .take(limit)
                .map(|r| CompanyDto {
                    company: r.company,
                    contributors: r.contributors,
                    authors: r.authors,
                    counts: CountsDto::from(&r.counts),
                })
                .collect();
            emit(
                &mut out,
                g.format,
                &rows,
                &["company", "contributors", "authors"],
                |c| {
                    vec![
                        c.company.clone(),
                        c.contributors.to_string(),
                        c.authors.to_string(),
                    ]
                },
            )?;
        }
        What::Repos(_) => {
            let rows: Vec<RepoDto> = stats::repos(&facts, &affs)
                .into_iter()
                .take(limit)
                .map(|r| RepoDto {
                    repo: r.repo,
                    contributors: r.contributors,
                    authors: r.authors,
                    counts: CountsDto::from(&r.counts),
                })
                .collect();
            emit(
                &mut out,
                g.format,
                &rows,
                &["repo", "contributors", "authors"],
                |c| {
                    vec![
                        c.repo.clone(),
                        c.contributors.to_string(),
                        c.authors.to_string(),
                    ]
                },
            )?;
        }
        What::Chart(c) => {
            let companies = stats::companies(&facts, &affs);
            let svg = chart::render(&c.title, &companies, c.top, &stats::timeline(&facts));
            bazaar_core::fs::write_atomic(&c.out, svg.as_bytes())?;
            if !g.quiet && g.format == OutputFormat::Table {
                writeln!(out, "wrote {}", c.out.display())?;
            }
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(ExitStatus::findings_if(bazaar_core::diag::has_errors(
        &diags,
    )))
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// Rows that carry [`CountsDto`] after their own columns.
trait HasCounts {
    fn counts(&self) -> &CountsDto;
}

fn emit<T: Serialize + HasCounts>(
    out: &mut impl Write,
    format: OutputFormat,
    rows: &[T],
    head: &[&str],
    cells: impl Fn(&T) -> Vec<String>,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Json => render::json(out, &rows)?,
        OutputFormat::Csv => {
            let mut header: Vec<String> = head.iter().map(|s| s.to_string()).collect();
            header.extend(
                [
                    "commits",
                    "lines_added",
                    "lines_removed",
                    "lines_changed",
                    "contributions",
                ]
                .map(String::from),
            );
            header.extend(CONTRIBUTION_TYPES.iter().map(|t| t.to_string()));
            writeln!(out, "{}", header.join(","))?;
            for r in rows {
                let mut c: Vec<String> = cells(r).iter().map(|s| render::csv_field(s)).collect();
                c.extend(r.counts().numbers());
                c.extend(CONTRIBUTION_TYPES.iter().map(|t| {
                    r.counts()
                        .contributions
                        .get(*t)
                        .copied()
                        .unwrap_or(0)
                        .to_string()
                }));
                writeln!(out, "{}", c.join(","))?;
            }
        }
        _ => {
            let mut header: Vec<&str> = head.to_vec();
            header.extend([
                "commits",
                "added",
                "removed",
                "changed",
                "contrib",
                "push",
                "pr",
                "issue",
                "review",
                "review cmt",
                "issue cmt",
                "commit cmt",
            ]);
            let table = render::table(
                &header,
                rows.iter().map(|r| {
                    let mut c = cells(r);
                    c.extend(r.counts().numbers());
                    for t in [
                        "PushEvent",
                        "PullRequestEvent",
                        "IssuesEvent",
                        "PullRequestReviewEvent",
                        "PullRequestReviewCommentEvent",
                        "IssueCommentEvent",
                        "CommitCommentEvent",
                    ] {
                        c.push(
                            r.counts()
                                .contributions
                                .get(t)
                                .copied()
                                .unwrap_or(0)
                                .to_string(),
                        );
                    }
                    c
                }),
            );
            out.write_all(table.as_bytes())?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct CountsDto {
    commits: u64,
    lines_added: u64,
    lines_removed: u64,
    lines_changed: u64,
    contributions: BTreeMap<&'static str, u64>,
    contributions_total: u64,
}

impl CountsDto {
    fn numbers(&self) -> Vec<String> {
        vec![
            self.commits.to_string(),
            self.lines_added.to_string(),
            self.lines_removed.to_string(),
            self.lines_changed.to_string(),
            self.contributions_total.to_string(),
        ]
    }
}

impl From<&Counts> for CountsDto {
    fn from(c: &Counts) -> Self {
        CountsDto {
            commits: c.commits,
            lines_added: c.lines_added,
            lines_removed: c.lines_removed,
            lines_changed: c.lines_changed,
            contributions: c.contributions.clone(),
            contributions_total: c.total_contributions(),
        }
    }
}

#[derive(Serialize)]
struct PersonDto {
    login: Option<String>,
    email: Option<String>,
    emails: Vec<String>,
    name: Option<String>,
    company: String,
    last_active: Option<String>,
    #[serde(flatten)]
    counts: CountsDto,
}

impl From<stats::PersonRow> for PersonDto {
    fn from(p: stats::PersonRow) -> Self {
        PersonDto {
            login: p.login,
            email: p.email,
            emails: p.emails,
            name: p.name,
            company: p.company,
            last_active: p.last_active.map(|d| d.to_string()),
            counts: CountsDto::from(&p.counts),
        }
    }
}

impl HasCounts for PersonDto {
    fn counts(&self) -> &CountsDto {
        &self.counts
    }
}

#[derive(Serialize)]
struct CompanyDto {
    company: String,
    contributors: u64,
    authors: u64,
    #[serde(flatten)]
    counts: CountsDto,
}

impl HasCounts for CompanyDto {
    fn counts(&self) -> &CountsDto {
        &self.counts
    }
}

#[derive(Serialize)]
struct RepoDto {
    repo: String,
    contributors: u64,
    authors: u64,
    #[serde(flatten)]
    counts: CountsDto,
}

impl HasCounts for RepoDto {
    fn counts(&self) -> &CountsDto {
        &self.counts
    }
}
