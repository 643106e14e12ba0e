//! One module per subcommand. Each defines its `Args` and a
//! `run(args, &GlobalArgs) -> anyhow::Result<ExitStatus>`.

// community
pub mod check;
mod community;
pub mod generate;
pub mod groups;
pub mod people;
pub mod show;

// review
pub mod owners;
pub mod owners_audit;
pub mod review;

// vote
pub mod election;

// activity
pub mod activity;
pub mod stats;

// ladder
pub mod ladder;
pub mod org;

pub mod explain;

use crate::cli::{Cli, Command};
use crate::exit::ExitStatus;

/// Dispatch to the subcommand.
pub fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    let g = &cli.global;
    match cli.command {
        // community
        Command::Check(args) => check::run(args, g),
        Command::Generate(args) => generate::run(args, g),
        Command::Groups(args) => groups::run(args, g),
        Command::Show(args) => show::run(args, g),
        Command::People(args) => people::run(args, g),

        // review
        Command::Owners(args) => owners::run(args, g),
        Command::Review(args) => review::run(args, g),

        // vote
        Command::Election(args) => election::run(args, g),

        // activity
        Command::Activity(args) => activity::run(args, g),
        Command::Stats(args) => stats::run(args, g),

        // ladder
        Command::Org(args) => org::run(args, g),
        Command::Ladder(args) => ladder::run(args, g),
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
