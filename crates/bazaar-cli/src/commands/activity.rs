//! `bazaar activity ingest git|gharchive ...`: fill the activity store.
//! (`bazaar activity synth` writes synthetic GH Archive hours; hidden, for
//! tests and benchmarks.)

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use bazaar_activity::gharchive::Filter;
use bazaar_activity::ingest::{self, Progress};
use bazaar_activity::store::{DEFAULT_PATH, Store};
use bazaar_activity::synth::{self, SynthConfig};
use bazaar_core::{Diagnostic, OutputFormat, Severity};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    cmd: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Read git history or GH Archive hour files into the store
    #[command(subcommand)]
    Ingest(Source),
    /// Write synthetic GH Archive hour files (for tests and benchmarks)
    #[command(hide = true)]
    Synth(SynthArgs),
}

#[derive(Debug, clap::Subcommand)]
enum Source {
    /// Every commit reachable from the refs, with per-file line counts
    /// (`git log --numstat -M` semantics); re-running adds only new commits
    Git {
        /// Repositories (work trees or bare)
        #[arg(required = true)]
        repos: Vec<PathBuf>,
        /// Refs to walk (repeatable); default `HEAD`
        #[arg(long = "ref", value_name = "REF")]
        refs: Vec<String>,
        /// Store commits under this repository name (default: `owner/name`
        /// of the origin remote, else the directory name)
        #[arg(long)]
        name: Option<String>,
        /// The activity store
        #[arg(long, default_value = DEFAULT_PATH)]
        store: PathBuf,
    },
    /// GH Archive hour files (`YYYY-MM-DD-H.json.gz`): the seven contribution
    /// event types, PR reviews and review comments; files already ingested are skipped
    Gharchive {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Keep only repositories of this organisation (repeatable)
        #[arg(long, value_name = "ORG")]
        org: Vec<String>,
        /// Keep only this repository (repeatable)
        #[arg(long, value_name = "OWNER/NAME")]
        repo: Vec<String>,
        /// The activity store
        #[arg(long, default_value = DEFAULT_PATH)]
        store: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
struct SynthArgs {
    /// Directory to write `YYYY-MM-DD-H.json.gz` files into
    #[arg(long)]
    out: PathBuf,
    /// Number of consecutive hours
    #[arg(long, default_value_t = 24)]
    hours: u32,
    /// First hour (`YYYY-MM-DD` midnight UTC)
    #[arg(long, default_value = "2024-03-01")]
    start: String,
    #[arg(long, default_value_t = 2000)]
    events_per_hour: usize,
    #[arg(long, default_value_t = 42)]
    seed: u64,
}

/// An indicatif bar on a terminal; nothing otherwise.
pub struct Bar(Option<ProgressBar>);

impl Bar {
    pub fn new(g: &GlobalArgs) -> Bar {
        let show = !g.quiet && g.format == OutputFormat::Table && std::io::stderr().is_terminal();
        Bar(show.then(ProgressBar::hidden))
    }
}

impl Progress for Bar {
    fn start(&self, total: u64, unit: &'static str, message: &str) {
        if let Some(pb) = &self.0 {
            pb.reset();
            pb.set_length(total);
            pb.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            let tpl = if unit == "bytes" {
                "{msg} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} eta {eta}"
            } else {
                "{msg} [{bar:30}] {pos}/{len} commits {rate} eta {eta}"
            };
            if let Ok(style) = ProgressStyle::with_template(tpl) {
                // indicatif's `{per_sec}` prints "1234.5678/s"; whole commits read better.
                let style = style.with_key(
                    "rate",
                    |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.0}/s", s.per_sec());
                    },
                );
                pb.set_style(style.progress_chars("=> "));
            }
            pb.set_message(message.to_string());
            pb.enable_steady_tick(Duration::from_millis(200));
        }
    }
    fn inc(&self, n: u64) {
        if let Some(pb) = &self.0 {
            pb.inc(n);
        }
    }
    fn finish(&self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}

pub fn run(args: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    match args.cmd {
        Sub::Ingest(Source::Git {
            repos,
            refs,
            name,
            store,
        }) => ingest_git(g, &repos, &refs, name.as_deref(), &store),
        Sub::Ingest(Source::Gharchive {
            files,
            org,
            repo,
            store,
        }) => ingest_gharchive(g, &files, org, repo, &store),
        Sub::Synth(a) => synth_files(&a),
    }
}

#[derive(Serialize)]
struct GitDto {
    repo: String,
    path: String,
    reachable: u64,
    added: u64,
    error: Option<String>,
}

fn ingest_git(
    g: &GlobalArgs,
    repos: &[PathBuf],
    refs: &[String],
    name: Option<&str>,
    store_path: &std::path::Path,
) -> anyhow::Result<ExitStatus> {
    super::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let mut store = Store::open(store_path)?;
    let bar = Bar::new(g);
    let mut rows = Vec::new();
    let mut failed = false;
    for path in repos {
        match ingest::ingest_git(&mut store, path, refs, name, &bar) {
            Ok(r) => rows.push(GitDto {
                repo: r.repo,
                path: path.display().to_string(),
                reachable: r.reachable,
                added: r.added,
                error: None,
            }),
            Err(e) => {
                failed = true;
                eprintln!("error: {e}");
                rows.push(GitDto {
                    repo: String::new(),
                    path: path.display().to_string(),
                    reachable: 0,
                    added: 0,
                    error: Some(e.to_string()),
                });
            }
        }
    }
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => render::json(&mut out, &rows)?,
        _ => {
            let table = render::table(
                &["repo", "path", "reachable", "added"],
                rows.iter().filter(|r| r.error.is_none()).map(|r| {
                    vec![
                        r.repo.clone(),
                        r.path.clone(),
                        r.reachable.to_string(),
                        r.added.to_string(),
                    ]
                }),
            );
            if !g.quiet {
                out.write_all(table.as_bytes())?;
            }
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Clean
    })
}

#[derive(Serialize)]
struct GhaDto {
    files: usize,
    skipped: usize,
    failed: usize,
    lines: u64,
    events: u64,
    new_events: u64,
    malformed: u64,
    unknown_types: u64,
    errors: Vec<String>,
}

fn ingest_gharchive(
    g: &GlobalArgs,
    files: &[PathBuf],
    orgs: Vec<String>,
    repos: Vec<String>,
    store_path: &std::path::Path,
) -> anyhow::Result<ExitStatus> {
    super::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let filter = Filter {
        orgs: orgs.into_iter().map(|o| o.to_ascii_lowercase()).collect(),
        repos: repos.into_iter().map(|r| r.to_ascii_lowercase()).collect(),
    };
    let mut store = Store::open(store_path)?;
    let bar = Bar::new(g);
    let (reports, mut diags) = ingest::ingest_gharchive(&mut store, files, &filter, &bar)?;
    let mut dto = GhaDto {
        files: reports.len(),
        skipped: 0,
        failed: 0,
        lines: 0,
        events: 0,
        new_events: 0,
        malformed: 0,
        unknown_types: 0,
        errors: vec![],
    };
    for r in &reports {
        dto.skipped += usize::from(r.skipped);
        dto.lines += r.lines;
        dto.events += r.events;
        dto.new_events += r.new_events;
        dto.malformed += r.malformed;
        dto.unknown_types += r.unknown_types;
        if let Some(e) = &r.error {
            dto.failed += 1;
            dto.errors.push(e.clone());
        }
    }
    bazaar_core::diag::normalize(&mut diags);
    print_diags(g, &diags);
    for e in &dto.errors {
        eprintln!("error: {e} (nothing from this file was stored)");
    }
    if dto.malformed + dto.unknown_types > 0 && !g.quiet {
        eprintln!(
            "{} malformed line(s) and {} event(s) of unknown type skipped (listed above, at most {} per file)",
            dto.malformed,
            dto.unknown_types,
            bazaar_activity::gharchive::MAX_DIAGNOSTICS_PER_FILE
        );
    }
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => render::json(&mut out, &dto)?,
        _ if !g.quiet => {
            let t = render::table(
                &[
                    "files",
                    "skipped",
                    "failed",
                    "lines",
                    "events",
                    "new",
                    "malformed",
                    "unknown types",
                ],
                [vec![
                    dto.files.to_string(),
                    dto.skipped.to_string(),
                    dto.failed.to_string(),
                    dto.lines.to_string(),
                    dto.events.to_string(),
                    dto.new_events.to_string(),
                    dto.malformed.to_string(),
                    dto.unknown_types.to_string(),
                ]],
            );
            out.write_all(t.as_bytes())?;
        }
        _ => {}
    }
    out.flush().context("writing to stdout")?;
    Ok(if dto.failed > 0 {
        ExitStatus::Error
    } else {
        ExitStatus::findings_if(dto.malformed > 0)
    })
}

/// Diagnostics go to stderr (stdout is for the result); warnings are
/// silenced by `--quiet`, errors never are.
pub fn print_diags(g: &GlobalArgs, diags: &[Diagnostic]) {
    for d in diags {
        if g.quiet && d.severity != Severity::Error {
            continue;
        }
        eprintln!("{d}");
    }
}

fn synth_files(a: &SynthArgs) -> anyhow::Result<ExitStatus> {
    let start = bazaar_activity::date::Day::parse(&a.start)
        .with_context(|| format!("`--start {}` is not a YYYY-MM-DD date", a.start))?;
    let cfg = SynthConfig {
        seed: a.seed,
        events_per_hour: a.events_per_hour,
        ..Default::default()
    };
    let hours: Vec<i64> = (0..i64::from(a.hours))
        .map(|h| start.unix() + h * 3600)
        .collect();
    use rayon::prelude::*;
    hours.par_iter().try_for_each(|&t| -> anyhow::Result<()> {
        let gz = synth::gzip(synth::hour_ndjson(&cfg, t).as_bytes());
        bazaar_core::fs::write_atomic(&a.out.join(synth::hour_file_name(t)), &gz)?;
        Ok(())
    })?;
    Ok(ExitStatus::Clean)
}
