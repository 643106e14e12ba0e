//! `bazaar election check DIR`.

use bazaar_core::OutputFormat;

use super::DirArg;
use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub dir: DirArg,
}

pub fn run(args: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    crate::commands::require_format(
        g,
        &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv],
    )?;
    let e = super::load(&args.dir.dir)?;
    let diags = bazaar_vote::rules::check(&e);
    let shown: Vec<_> = if g.quiet {
        diags
            .into_iter()
            .filter(|d| d.severity == bazaar_core::Severity::Error)
            .collect()
    } else {
        diags
    };
    let errors = render::diagnostics(&mut std::io::stdout().lock(), g.format, &shown)?;
    if g.format.is_human_readable() && !g.quiet {
        eprintln!("{}", checked(&e));
    }
    Ok(ExitStatus::findings_if(errors))
}

/// `checked N file(s) in `DIR`: election.yaml, voters.yaml, 3 candidate file(s), ballots.csv`.
fn checked(e: &bazaar_vote::load::ElectionDir) -> String {
    let (cands, other): (Vec<&String>, Vec<&String>) = e
        .files
        .iter()
        .partition(|f| f.starts_with("candidate") && f.ends_with(".md"));
    let mut parts: Vec<String> = other.iter().map(|f| f.to_string()).collect();
    if !cands.is_empty() {
        parts.push(format!("{} candidate file(s)", cands.len()));
    }
    format!(
        "checked {} file(s) in `{}`: {}",
        e.files.len(),
        e.root.display(),
        parts.join(", ")
    )
}
