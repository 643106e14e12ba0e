//! `bazaar election ...`: Elekto-compatible elections (bazaar-vote).
//!
//! - `tally DIR`: count the ballots of an election folder (table, json, md).
//! - `check DIR`: validate the folder (`vote/...` rules).
//! - `vote | revoke | close | results DIR --db FILE`: the ballot box.

mod ballot_box;
mod check;
mod results_md;
mod tally;

use std::path::{Path, PathBuf};

use anyhow::Context;
use bazaar_vote::Timestamp;
use bazaar_vote::load::{self, ElectionDir};

use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Sub,
}

#[derive(Debug, clap::Subcommand)]
pub enum Sub {
    /// Count an election's ballots exactly as Elekto does, fill the seats
    /// (employer cap optional) and print the ranking
    Tally(tally::Args),
    /// Validate an election folder: dates, officers, candidates, voters, ballots
    Check(check::Args),
    /// Cast or replace a ballot in the ballot box
    Vote(ballot_box::VoteArgs),
    /// Revoke a ballot from the ballot box (the voter may vote again)
    Revoke(ballot_box::RevokeArgs),
    /// Close the ballot box after voting ends: count, store results, destroy voter links
    Close(ballot_box::CloseArgs),
    /// Show the stored results, recount them, check a published file or a receipt
    Results(ballot_box::ResultsArgs),
}

pub fn run(args: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    match args.command {
        Sub::Tally(a) => tally::run(a, g),
        Sub::Check(a) => check::run(a, g),
        Sub::Vote(a) => ballot_box::vote(a, g),
        Sub::Revoke(a) => ballot_box::revoke(a, g),
        Sub::Close(a) => ballot_box::close(a, g),
        Sub::Results(a) => ballot_box::results(a, g),
    }
}

/// Load an election folder (exit 2 when it cannot be read, or holds no
/// election files at all; that error names the folder and what was looked for).
fn load(dir: &Path) -> anyhow::Result<ElectionDir> {
    match load::load_dir(dir) {
        Ok(e) => Ok(e),
        Err(err @ load::LoadError::NoElectionFiles(_)) => Err(err.into()),
        Err(err) => Err(anyhow::Error::new(err)
            .context(format!("reading the election folder `{}`", dir.display()))),
    }
}

/// `--now` for tests, the clock otherwise.
fn now(arg: Option<&str>) -> anyhow::Result<Timestamp> {
    match arg {
        None => Ok(Timestamp::now()),
        Some(s) => Ok(Timestamp::parse(s).context("--now")?.at),
    }
}

/// Common: the election folder.
#[derive(Debug, clap::Args)]
pub struct DirArg {
    /// The election folder (holding at least `ballots.csv` for `tally`;
    /// `election.yaml`, `voters.yaml` and candidate files for the ballot box).
    pub dir: PathBuf,
}
