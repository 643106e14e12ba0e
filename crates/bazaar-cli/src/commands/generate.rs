//! `bazaar generate [--root DIR] [--check] [--out DIR]`: what upstream's
//! `make` writes (canonical `sigs.yaml`, group READMEs, `sig-list.md`,
//! `OWNERS_ALIASES`, `liaisons.md`), or, with `--check`, which of those
//! files are out of date.
//!
//! Nothing is written when validation finds an error (as upstream), and all
//! files are written as one `WriteBatch` (all or nothing).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use bazaar_community::generate::generate;
use bazaar_community::load::existing_files;
use bazaar_core::fs::{PlannedWrite, WriteBatch};
use bazaar_core::{OutputFormat, Severity, diag};
use serde::Serialize;

use super::community::{RootArg, open};
use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub root: RootArg,
    /// Write nothing: list every file that would change, with a short diff,
    /// and exit 1 if there is any.
    #[arg(long)]
    pub check: bool,
    /// Write (or check) the documents in DIR instead of the root. Needed for
    /// the embedded default, which has no directory of its own.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Lines of diff shown per changed file.
const DIFF_LINES: usize = 40;

#[derive(Serialize)]
struct FileDto<'a> {
    path: &'a str,
    /// `changed` or `new`.
    status: &'static str,
    diff: String,
}

#[derive(Serialize)]
struct CheckReport<'a> {
    files: Vec<FileDto<'a>>,
    summary: CheckSummary,
}

#[derive(Serialize)]
struct CheckSummary {
    checked: usize,
    out_of_date: usize,
}

#[derive(Serialize)]
struct WriteReport {
    written: Vec<String>,
    unchanged: usize,
}

pub fn run(args: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    super::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let target = match (&args.out, &args.root.root) {
        (Some(out), _) => out.clone(),
        (None, Some(root)) => root.clone(),
        (None, None) => anyhow::bail!(
            "the embedded default community has no directory: pass `--out DIR` to write its documents, or `--root DIR`"
        ),
    };
    let source = open(args.root.path())?;
    let checked = bazaar_community::check(&source);
    let mut out = std::io::stdout().lock();
    if diag::has_errors(&checked.diagnostics) {
        let mut errors = checked.diagnostics.clone();
        errors.retain(|d| d.severity == Severity::Error);
        render::diagnostics(&mut out, g.format, &errors)?;
        eprintln!("sigs.yaml has errors: nothing was written");
        return Ok(ExitStatus::Findings);
    }
    if !g.quiet && g.format.is_human_readable() {
        for d in &checked.diagnostics {
            eprintln!("{d}");
        }
    }
    let Some(community) = checked.community.as_ref() else {
        anyhow::bail!("the registry could not be decoded");
    };

    let mut existing = existing_files(&target);
    let files = generate(community, &mut existing)?;
    let mut batch = WriteBatch::new();
    for f in &files {
        batch.add(target.join(&f.path), f.contents.clone());
    }

    if args.check {
        let plan = batch.plan()?;
        let stale: Vec<(&str, &PlannedWrite)> = files
            .iter()
            .map(|f| f.path.as_str())
            .zip(&plan)
            .filter(|(_, p)| p.changes())
            .collect();
        let report = CheckReport {
            summary: CheckSummary {
                checked: plan.len(),
                out_of_date: stale.len(),
            },
            files: stale
                .iter()
                .map(|(path, p)| FileDto {
                    path,
                    status: if p.old.is_some() { "changed" } else { "new" },
                    diff: short_diff(path, p),
                })
                .collect(),
        };
        match g.format {
            OutputFormat::Json => render::json(&mut out, &report)?,
            _ => {
                for f in &report.files {
                    let what = if f.status == "new" {
                        "missing"
                    } else {
                        "out of date"
                    };
                    writeln!(out, "{}: {what}", f.path)?;
                    out.write_all(f.diff.as_bytes())?;
                }
                if stale.is_empty() {
                    if !g.quiet {
                        eprintln!("all {} generated files are up to date", plan.len());
                    }
                } else {
                    eprintln!(
                        "{} of {} generated files are out of date: run `bazaar generate{}`",
                        stale.len(),
                        plan.len(),
                        root_hint(&args)
                    );
                }
            }
        }
        out.flush().context("writing to stdout")?;
        return Ok(ExitStatus::findings_if(!stale.is_empty()));
    }

    let total = batch.len();
    let written = batch.commit()?;
    let shown: Vec<String> = written
        .iter()
        .map(|p| {
            p.strip_prefix(&target)
                .unwrap_or(p)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    match g.format {
        OutputFormat::Json => render::json(
            &mut out,
            &WriteReport {
                unchanged: total - shown.len(),
                written: shown,
            },
        )?,
        _ => {
            for p in &shown {
                writeln!(out, "wrote {p}")?;
            }
            if !g.quiet {
                eprintln!(
                    "{} of {total} files written, {} already up to date",
                    shown.len(),
                    total - shown.len()
                );
            }
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(ExitStatus::Clean)
}

fn root_hint(args: &Args) -> String {
    let mut s = String::new();
    if let Some(r) = &args.root.root {
        s.push_str(&format!(" --root {}", r.display()));
    }
    if let Some(o) = &args.out {
        s.push_str(&format!(" --out {}", o.display()));
    }
    s
}

/// A unified diff (3 lines of context), cut after [`DIFF_LINES`] lines.
fn short_diff(path: &str, p: &PlannedWrite) -> String {
    let old = p
        .old
        .as_deref()
        .map(String::from_utf8_lossy)
        .unwrap_or_default();
    let new = String::from_utf8_lossy(&p.new);
    let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    let mut lines = text.lines();
    let mut out: String = lines
        .by_ref()
        .take(DIFF_LINES)
        .map(|l| format!("    {l}\n"))
        .collect();
    let rest = lines.count();
    if rest > 0 {
        out.push_str(&format!("    ... ({rest} more diff lines)\n"));
    }
    out
}
