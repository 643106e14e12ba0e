//! One module per subcommand. Each defines its `Args` and a
//! `run(args, &GlobalArgs) -> anyhow::Result<ExitStatus>`.

// community

// review
pub mod owners;
pub mod owners_audit;
pub mod review;

// vote

// activity

// ladder

pub mod explain;

use crate::cli::{Cli, Command};
use crate::exit::ExitStatus;

/// Dispatch to the subcommand.
pub fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    let g = &cli.global;
    match cli.command {
        // community

        // review
        Command::Owners(args) => owners::run(args, g),
        Command::Review(args) => review::run(args, g),

        // vote

        // activity

        // ladder
        Command::Explain(args) => explain::run(args, g),
    }
}

/// Fail with exit code 2 when `--format` is not one the command offers.
pub fn require_format(
    g: &crate::cli::GlobalArgs,
    allowed: &[bazaar_core::OutputFormat],
) -> anyhow::Result<()> {
    if allowed.contains(&g.format) {
        return Ok(());
    }
    let names: Vec<_> = allowed.iter().map(|f| f.as_str()).collect();
    anyhow::bail!(
        "this command does not support `--format {}` (choose one of: {})",
        g.format,
        names.join(", ")
    )
}
