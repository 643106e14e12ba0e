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
    Ok(ExitStatus::findings_if(errors))
}
