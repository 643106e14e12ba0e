//! The command line: global options and the list of subcommands.
//!
//! Each subcommand's arguments are defined next to its implementation in
//! `commands/<name>.rs`; this file only lists them.

use bazaar_core::OutputFormat;
use clap::{Args, Parser, Subcommand};

use crate::commands;

/// bazaar runs the governance machinery of a Kubernetes-style open-source
/// community: its group registry, code-review rules, elections, contribution
/// statistics and contributor ladder, from the data the community keeps in git.
///
/// With no files at all, commands work on the embedded default community.
///
/// Exit codes: 0 = ok, 1 = the check found problems, 2 = bad usage or
/// unreadable input.
#[derive(Debug, Parser)]
#[command(
    name = "bazaar",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Output format: `table` for people, `json` for scripts (stable, nothing
    /// else on stdout); some commands also offer `csv` or `md`.
    #[arg(long, global = true, default_value = "table", value_parser = parse_format)]
    pub format: OutputFormat,
    /// Print only what was asked for: no progress bars, no warnings on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// More log output on stderr (-v info, -vv debug, -vvv trace).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

fn parse_format(s: &str) -> Result<OutputFormat, String> {
    s.parse()
        .map_err(|e: bazaar_core::output::UnknownFormat| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    // Community registry (bazaar-community): check, generate, groups, show, people.
    /// Validate the community registry (sigs.yaml) and every other data set
    /// bazaar knows, on `--root DIR` or the embedded default
    Check(commands::check::Args),
    /// Regenerate the community docs from sigs.yaml (READMEs, sig-list.md,
    /// OWNERS_ALIASES, liaisons.md), or verify they are in sync
    Generate(commands::generate::Args),
    /// List the groups of the registry (SIGs, working groups, committees)
    Groups(commands::groups::Args),
    /// Show one group: mission, category, leads, meetings, channels,
    /// subprojects, stakeholder SIGs or reporting WGs
    Show(commands::show::Args),
    /// Every role a person holds across groups and subprojects
    People(commands::people::Args),

    // Code review (bazaar-review): owners, review.
    /// Who reviews and approves these paths (Prow's OWNERS semantics); `owners audit` checks a tree
    Owners(commands::owners::Args),
    /// Approval state of a PR from its event timeline (Prow's approve, lgtm, hold, ...)
    Review(commands::review::Args),

    // Elections (bazaar-vote): election.
    /// Elekto-compatible elections: tally, check, and the ballot box
    Election(commands::election::Args),

    // Activity (bazaar-activity): activity, stats.
    /// Fill the activity store from git history or GH Archive hour files
    Activity(commands::activity::Args),
    /// Contribution statistics from the activity store (gitdm / DevStats semantics)
    Stats(commands::stats::Args),

    // Org membership and the ladder (bazaar-ladder): org, ladder.
    /// Org membership as code: check a kubernetes/org (peribolos) repository,
    /// validate membership requests
    Org(commands::org::Args),
    /// The contributor ladder: where a person stands and what the next rung
    /// needs (`ladder LOGIN`), or audits of the whole community (`ladder audit`)
    Ladder(commands::ladder::Args),
    /// Print the rationale of a rule (or list all rules)
    Explain(commands::explain::Args),
}
