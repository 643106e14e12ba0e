//! `bazaar election vote|revoke|close|results`: the ballot box.
//!
//! The database (`--db FILE`) is created on first use from the election
//! folder (candidates, window, seats, `allow_no_opinion`). The passphrase
//! comes from `--passphrase-file FILE` or the `BAZAAR_PASSPHRASE`
//! environment variable, never from the command line (visible to `ps`).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use bazaar_core::{Login, OutputFormat};
use bazaar_vote::ballot_box::{BallotBox, BoxConfig, KdfParams, StoredResults, find_receipt};
use bazaar_vote::count::{Method, tally};
use bazaar_vote::load::ElectionDir;
use bazaar_vote::seats::allocate;
use serde::Serialize;

use super::DirArg;
use super::results_md::{self, Names};
use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct BoxArgs {
    #[command(flatten)]
    pub dir: DirArg,
    /// The ballot box database (created on first use).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// The current time, `YYYY-MM-DD HH:MM:SS` UTC (default: the clock).
    #[arg(long)]
    pub now: Option<String>,
    /// Argon2id memory in KiB when the box is created (default 65536).
    #[arg(long, hide = true)]
    pub kdf_memory_kib: Option<u32>,
}

#[derive(Debug, clap::Args)]
pub struct VoterArgs {
    /// The voter's GitHub login.
    #[arg(long)]
    pub voter: String,
    /// File holding the voter's passphrase (else `BAZAAR_PASSPHRASE`).
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct VoteArgs {
    #[command(flatten)]
    pub b: BoxArgs,
    #[command(flatten)]
    pub v: VoterArgs,
    /// A rank, `ID=N` (1 = most preferred) or `ID=no-opinion`; candidates not
    /// named have no opinion (repeatable).
    #[arg(long, value_name = "ID=RANK")]
    pub rank: Vec<String>,
    /// Replace the voter's existing ballot.
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, clap::Args)]
pub struct RevokeArgs {
    #[command(flatten)]
    pub b: BoxArgs,
    #[command(flatten)]
    pub v: VoterArgs,
}

#[derive(Debug, clap::Args)]
pub struct CloseArgs {
    #[command(flatten)]
    pub b: BoxArgs,
    /// Write `ballots.csv`, `receipts.csv` and `results.md` into this folder.
    #[arg(long, value_name = "DIR")]
    pub publish: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ResultsArgs {
    #[command(flatten)]
    pub b: BoxArgs,
    /// Check that this published ballots file is the one stored at close.
    #[arg(long, value_name = "FILE")]
    pub published: Option<PathBuf>,
    /// Check that the ballot of this receipt code is among the stored ballots.
    #[arg(long, value_name = "CODE")]
    pub receipt: Option<String>,
}

fn open_box(b: &BoxArgs) -> anyhow::Result<(ElectionDir, BallotBox)> {
    let e = super::load(&b.dir.dir)?;
    let errors: Vec<_> = bazaar_vote::rules::check(&e)
        .into_iter()
        .filter(|d| {
            d.severity == bazaar_core::Severity::Error
                && e.ballots_file
                    .as_ref()
                    .is_none_or(|f| d.file != f.display().to_string())
        })
        .collect();
    if !errors.is_empty() {
        render::diagnostics(&mut std::io::stderr().lock(), OutputFormat::Table, &errors)?;
        bail!("the election folder has errors; the ballot box will not run on it");
    }
    let Some(cfg) = &e.config else {
        bail!("no `election.yaml` in `{}`", b.dir.dir.display());
    };
    let (Some(start), Some(end)) = (cfg.start, cfg.end) else {
        bail!("`election.yaml` has no voting window");
    };
    if e.candidates.is_empty() {
        bail!("no candidate files in `{}`", b.dir.dir.display());
    }
    let mut kdf = KdfParams::default();
    if let Some(m) = b.kdf_memory_kib {
        kdf.memory_kib = m;
        kdf.iterations = 1;
    }
    let config = BoxConfig {
        election: cfg.name.clone(),
        candidates: e.candidates.iter().map(|c| c.id.clone()).collect(),
        start,
        end,
        seats: cfg.no_winners.unwrap_or(1),
        allow_no_opinion: cfg.allow_no_opinion,
        kdf,
    };
    let bb = BallotBox::open(&b.db, &config)
        .with_context(|| format!("opening the ballot box `{}`", b.db.display()))?;
    Ok((e, bb))
}

fn passphrase(v: &VoterArgs) -> anyhow::Result<String> {
    if let Some(f) = &v.passphrase_file {
        let text =
            std::fs::read_to_string(f).with_context(|| format!("reading `{}`", f.display()))?;
        return Ok(text.trim_end_matches(['\n', '\r']).to_string());
    }
    std::env::var("BAZAAR_PASSPHRASE").map_err(|_| {
        anyhow::anyhow!("no passphrase: use --passphrase-file FILE or set BAZAAR_PASSPHRASE")
    })
}

fn voters(e: &ElectionDir) -> anyhow::Result<&bazaar_vote::load::Voters> {
    e.voters
        .as_ref()
        .context("the election has no `voters.yaml`")
}

/// A refusal by the ballot box is a finding about this request: exit 1.
fn refused(err: &bazaar_vote::ballot_box::BoxError) -> ExitStatus {
    use bazaar_vote::ballot_box::BoxError as E;
    eprintln!("error: {err}");
    match err {
        E::Db(_) | E::Corrupt(_) | E::Kdf(_) | E::Random(_) | E::Mismatch(_) => ExitStatus::Error,
        _ => ExitStatus::Findings,
    }
}

#[derive(Serialize)]
struct ReceiptDto<'a> {
    voter: &'a str,
    replaced: bool,
    receipt: &'a str,
    tracker: &'a str,
}

pub fn vote(a: VoteArgs, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    crate::commands::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let now = super::now(a.b.now.as_deref())?;
    let pass = passphrase(&a.v)?;
    let (e, mut bb) = open_box(&a.b)?;
    let mut pairs = Vec::new();
    for r in &a.rank {
        let Some((id, rank)) = r.split_once('=') else {
            bail!("`{r}` is not `ID=RANK`");
        };
        let rank = match rank.trim() {
            x if x.eq_ignore_ascii_case("no-opinion") || x.eq_ignore_ascii_case("no opinion") => {
                None
            }
            x => Some(x.parse::<u32>().ok().filter(|&n| n >= 1).with_context(|| {
                format!("`{x}` is not a rank (a positive integer or `no-opinion`)")
            })?),
        };
        pairs.push((id.trim().to_string(), rank));
    }
    let login = Login::new(&a.v.voter);
    let result = bb.ballot_from_pairs(&pairs).and_then(|ranks| {
        if a.replace {
            bb.replace(
                voters(&e).map_err(|_| {
                    bazaar_vote::ballot_box::BoxError::NotEligible(login.to_string())
                })?,
                &login,
                &pass,
                &ranks,
                now,
            )
        } else {
            bb.cast(
                voters(&e).map_err(|_| {
                    bazaar_vote::ballot_box::BoxError::NotEligible(login.to_string())
                })?,
                &login,
                &pass,
                &ranks,
                now,
            )
        }
    });
    let receipt = match result {
        Ok(r) => r,
        Err(err) => return Ok(refused(&err)),
    };
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => render::json(
            &mut out,
            &ReceiptDto {
                voter: login.as_str(),
                replaced: a.replace,
                receipt: &receipt.code,
                tracker: &receipt.tracker,
            },
        )?,
        _ => writeln!(
            out,
            "ballot {} for {}\nreceipt: {}\nkeep the receipt: after the close, `bazaar election results --receipt CODE` shows your ballot among the published ones",
            if a.replace { "replaced" } else { "cast" },
            login,
            receipt.code
        )?,
    }
    Ok(ExitStatus::Clean)
}

pub fn revoke(a: RevokeArgs, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    crate::commands::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let now = super::now(a.b.now.as_deref())?;
    let pass = passphrase(&a.v)?;
    let (e, mut bb) = open_box(&a.b)?;
    let login = Login::new(&a.v.voter);
    if let Err(err) = bb.revoke(voters(&e)?, &login, &pass, now) {
        return Ok(refused(&err));
    }
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => render::json(
            &mut out,
            &serde_json::json!({"voter": login.as_str(), "revoked": true}),
        )?,
        _ => writeln!(
            out,
            "ballot of {login} revoked; they may vote again while voting is open"
        )?,
    }
    Ok(ExitStatus::Clean)
}

/// The results.md of stored results, rendered from a recount of the stored ballots.
fn results_md(e: &ElectionDir, stored: &StoredResults) -> anyhow::Result<String> {
    let parsed = bazaar_vote::load::ballots_csv::parse(&stored.ballots_csv, "stored ballots.csv");
    let ballots = parsed.ballots.context("the stored ballots do not parse")?;
    let t = tally(&ballots, Method::Elekto);
    let o = allocate(&t, stored.seats as usize, None);
    let title = e.config.as_ref().map_or("election", |c| c.name.as_str());
    Ok(results_md::render(
        title,
        &t,
        &o,
        e.voters.as_ref().map(|v| v.unique().len()),
        &Names(Some(e)),
    ))
}

#[derive(Serialize)]
struct ResultsDto<'a> {
    turnout: u64,
    seats: u32,
    ranking: &'a [Vec<String>],
    winners: &'a [String],
    tie: &'a [String],
    ballots_sha256: &'a str,
    recount_matches: bool,
    published_matches: Option<bool>,
    receipt_found: Option<bool>,
    receipt_ranks: Option<Vec<(String, String)>>,
}

/// `vote/seat-tie` on stderr when the stored results leave a seat to a
/// tie-break; true when they do (the command then exits 1, as `tally`).
fn report_tie(db: &Path, stored: &StoredResults) -> anyhow::Result<bool> {
    if stored.tie.is_empty() {
        return Ok(false);
    }
    let tied: Vec<&str> = stored.tie.iter().map(String::as_str).collect();
    let seats = stored.seats as usize;
    let d = bazaar_vote::rules::seat_tie::diagnostic(
        &db.display().to_string(),
        &tied,
        seats.saturating_sub(stored.winners.len()),
        seats,
    );
    render::diagnostics(&mut std::io::stderr().lock(), OutputFormat::Table, &[d])?;
    Ok(true)
}

fn print_results(g: &GlobalArgs, dto: &ResultsDto<'_>) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if g.format == OutputFormat::Json {
        return render::json(&mut out, dto);
    }
    writeln!(
        out,
        "ballots: {}, seats: {}, sha256 of ballots.csv: {}",
        dto.turnout, dto.seats, dto.ballots_sha256
    )?;
    let mut rows = Vec::new();
    let mut place = 1;
    for g in dto.ranking {
        for id in g {
            let status = if dto.winners.contains(id) {
                "elected"
            } else if dto.tie.contains(id) {
                "tie-break needed"
            } else {
                ""
            };
            rows.push(vec![
                format!("{place}{}", if g.len() > 1 { "=" } else { "" }),
                id.clone(),
                status.into(),
            ]);
        }
        place += g.len();
    }
    out.write_all(render::table(&["place", "candidate", "result"], rows).as_bytes())?;
    writeln!(
        out,
        "recount of the stored ballots: {}",
        if dto.recount_matches {
            "matches"
        } else {
            "DIFFERS"
        }
    )?;
    if let Some(m) = dto.published_matches {
        writeln!(
            out,
            "published ballots file: {}",
            if m { "matches" } else { "DIFFERS" }
        )?;
    }
    if let Some(found) = dto.receipt_found {
        if found {
            let ranks: Vec<String> = dto
                .receipt_ranks
                .iter()
                .flatten()
                .map(|(c, r)| format!("{c}={r}"))
                .collect();
            writeln!(out, "receipt: found, ballot {}", ranks.join(" "))?;
        } else {
            writeln!(out, "receipt: NOT FOUND among the stored ballots")?;
        }
    }
    Ok(())
}

pub fn close(a: CloseArgs, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    crate::commands::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let now = super::now(a.b.now.as_deref())?;
    let (e, mut bb) = open_box(&a.b)?;
    let stored = match bb.close(now) {
        Ok(s) => s,
        Err(err) => return Ok(refused(&err)),
    };
    if let Some(dir) = &a.publish {
        publish(dir, &e, &stored)?;
    }
    print_results(
        g,
        &ResultsDto {
            turnout: stored.turnout,
            seats: stored.seats,
            ranking: &stored.ranking,
            winners: &stored.winners,
            tie: &stored.tie,
            ballots_sha256: &stored.ballots_sha256,
            recount_matches: true,
            published_matches: None,
            receipt_found: None,
            receipt_ranks: None,
        },
    )?;
    // The box is closed and the results stored either way; a pending tie is
    // still a result the officers must complete.
    Ok(ExitStatus::findings_if(report_tie(&a.b.db, &stored)?))
}

fn publish(dir: &Path, e: &ElectionDir, stored: &StoredResults) -> anyhow::Result<()> {
    let mut batch = bazaar_core::fs::WriteBatch::new();
    batch.add(
        dir.join("ballots.csv"),
        stored.ballots_csv.clone().into_bytes(),
    );
    batch.add(
        dir.join("receipts.csv"),
        stored.receipts_csv.clone().into_bytes(),
    );
    batch.add(dir.join("results.md"), results_md(e, stored)?.into_bytes());
    batch.commit().context("publishing the results")?;
    Ok(())
}

pub fn results(a: ResultsArgs, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    crate::commands::require_format(
        g,
        &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Md],
    )?;
    let (e, bb) = open_box(&a.b)?;
    let recount = match bb.recount() {
        Ok(r) => r,
        Err(err) => return Ok(refused(&err)),
    };
    let stored = &recount.stored;
    if g.format == OutputFormat::Md {
        std::io::stdout()
            .lock()
            .write_all(results_md(&e, stored)?.as_bytes())?;
        let tie = report_tie(&a.b.db, stored)?;
        return Ok(ExitStatus::findings_if(
            !(recount.hash_matches && recount.results_match) || tie,
        ));
    }
    let published_matches = match &a.published {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading `{}`", path.display()))?;
            Some(text == stored.ballots_csv)
        }
        None => None,
    };
    let receipt = a
        .receipt
        .as_deref()
        .map(|code| find_receipt(&stored.receipts_csv, code));
    let receipt_ranks = receipt.as_ref().and_then(|r| r.as_ref()).map(|(_, ranks)| {
        bb.candidates()
            .iter()
            .cloned()
            .zip(ranks.iter().cloned())
            .collect::<Vec<_>>()
    });
    let ok_recount = recount.hash_matches && recount.results_match;
    print_results(
        g,
        &ResultsDto {
            turnout: stored.turnout,
            seats: stored.seats,
            ranking: &stored.ranking,
            winners: &stored.winners,
            tie: &stored.tie,
            ballots_sha256: &stored.ballots_sha256,
            recount_matches: ok_recount,
            published_matches,
            receipt_found: receipt.as_ref().map(Option::is_some),
            receipt_ranks,
        },
    )?;
    let tie = report_tie(&a.b.db, stored)?;
    let problems = !ok_recount
        || published_matches == Some(false)
        || receipt.is_some_and(|r| r.is_none())
        || tie;
    Ok(ExitStatus::findings_if(problems))
}
