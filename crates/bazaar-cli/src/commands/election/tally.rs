//! `bazaar election tally DIR`: count, fill the seats, print.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::{Context, bail};
use bazaar_core::{OutputFormat, Severity};
use bazaar_vote::Tally;
use bazaar_vote::count::{Method, tally};
use bazaar_vote::load::ElectionDir;
use bazaar_vote::seats::{EmployerCap, Member, SeatOutcome, allocate};
use serde::Serialize;

use super::DirArg;
use super::results_md::{self, Names};
use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub dir: DirArg,
    /// Seats to fill, at least 1 (default: `no_winners` of election.yaml, else 1).
    #[arg(long, value_parser = parse_seats)]
    pub seats: Option<usize>,
    /// `elekto`: Elekto's counting, which every published result follows
    /// ("No opinion" not compared; places by number of defeats). `schulze`:
    /// textbook Schulze ("No opinion" ranked below every ranked candidate;
    /// places from Schulze's relation, the winner set first; a seat is
    /// certain only where the relation decides it).
    #[arg(long, default_value = "elekto", value_parser = parse_method)]
    pub method: Method,
    /// Employer cap: at most N seats per employer, continuing members included.
    #[arg(long, value_name = "N")]
    pub cap: Option<u32>,
    /// A continuing committee member for the cap, as `NAME=EMPLOYER` (repeatable).
    #[arg(long, value_name = "NAME=EMPLOYER")]
    pub continuing: Vec<String>,
    /// A candidate's employer, as `ID=EMPLOYER` (repeatable; overrides `info.employer`).
    #[arg(long, value_name = "ID=EMPLOYER")]
    pub employer: Vec<String>,
    /// A committee file (`max_per_employer`, `continuing`, `employers`) for the cap.
    #[arg(long, value_name = "FILE")]
    pub committee: Option<std::path::PathBuf>,
}

fn parse_method(s: &str) -> Result<Method, String> {
    match s {
        "elekto" => Ok(Method::Elekto),
        "schulze" => Ok(Method::Schulze),
        other => Err(format!(
            "unknown method `{other}` (expected elekto or schulze)"
        )),
    }
}

fn parse_seats(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("an election fills at least 1 seat".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{s}` is not a number of seats")),
    }
}

fn pair(s: &str, what: &str) -> anyhow::Result<(String, String)> {
    match s.split_once('=') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_string(), b.trim().to_string()))
        }
        _ => bail!("`{s}` is not `{what}`"),
    }
}

/// The cap from the options, or `None` when no cap was asked for.
fn employer_cap(a: &Args, e: &ElectionDir) -> anyhow::Result<Option<EmployerCap>> {
    let mut cap = match &a.committee {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading `{}`", path.display()))?;
            let c = bazaar_vote::load::committee::parse(&text, &path.display().to_string())
                .map_err(|d| anyhow::anyhow!("{d}"))?;
            Some(c)
        }
        None => None,
    };
    if let Some(n) = a.cap {
        cap.get_or_insert_with(EmployerCap::default)
            .max_per_employer = n;
    }
    let Some(mut cap) = cap else {
        if !a.continuing.is_empty() || !a.employer.is_empty() {
            bail!("--continuing and --employer need --cap N or --committee FILE");
        }
        return Ok(None);
    };
    for c in &a.continuing {
        let (name, employer) = pair(c, "NAME=EMPLOYER")?;
        cap.continuing.push(Member { name, employer });
    }
    for (id, employer) in e.column_employers() {
        cap.employers.entry(id).or_insert(employer);
    }
    for c in &a.employer {
        let (id, employer) = pair(c, "ID=EMPLOYER")?;
        cap.employers.insert(id, employer);
    }
    Ok(Some(cap))
}

/// Everything a renderer needs.
pub struct Counted {
    pub e: ElectionDir,
    pub t: Tally,
    pub o: SeatOutcome,
    pub cap: Option<EmployerCap>,
}

impl Counted {
    fn eligible(&self) -> Option<usize> {
        self.e.voters.as_ref().map(|v| v.unique().len())
    }

    fn title(&self) -> String {
        self.e
            .config
            .as_ref()
            .map(|c| c.name.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("election in `{}`", self.e.root.display()))
    }
}

pub fn run(a: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    crate::commands::require_format(
        g,
        &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Md],
    )?;
    let e = super::load(&a.dir.dir)?;
    if e.ballots_file.is_none() {
        bail!("no `ballots.csv` in `{}`", a.dir.dir.display());
    }
    // Nothing is counted from a folder with errors: the ballots or the
    // candidate list they refer to could be wrong.
    let errors: Vec<_> = bazaar_vote::rules::check(&e)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        render::diagnostics(&mut std::io::stderr().lock(), OutputFormat::Table, &errors)?;
        eprintln!("error: nothing was counted; run `bazaar election check` for every finding");
        return Ok(ExitStatus::Error);
    }
    let Some(ballots) = &e.ballots else {
        bail!("the ballots file could not be read");
    };
    let seats = a
        .seats
        .or_else(|| {
            e.config
                .as_ref()
                .and_then(|c| c.no_winners)
                .map(|n| n as usize)
        })
        .unwrap_or(1);
    let cap = employer_cap(&a, &e)?;
    if seats > ballots.candidates().len() {
        eprintln!(
            "warning: {seats} seats but only {} candidates: every candidate is elected",
            ballots.candidates().len()
        );
    }
    let t = tally(ballots, a.method);
    let o = allocate(&t, seats, cap.as_ref());
    let ballots_file = e
        .ballots_file
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let tie = bazaar_vote::rules::seat_tie::check(&t, &o, &ballots_file);
    let c = Counted { e, t, o, cap };
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => render::json(&mut out, &dto(&c))?,
        OutputFormat::Md => out.write_all(
            results_md::render(&c.title(), &c.t, &c.o, c.eligible(), &Names(Some(&c.e))).as_bytes(),
        )?,
        _ => out.write_all(table(&c, g.quiet).as_bytes())?,
    }
    out.flush()?;
    // The contract for scripts: exit 1 (and `tie` set in JSON) exactly when
    // a tie decides a seat; everything else was printed as for a clean count.
    match tie {
        Some(d) => {
            render::diagnostics(&mut std::io::stderr().lock(), OutputFormat::Table, &[d])?;
            Ok(ExitStatus::Findings)
        }
        None => Ok(ExitStatus::Clean),
    }
}

fn table(c: &Counted, quiet: bool) -> String {
    let (t, o) = (&c.t, &c.o);
    let mut s = String::new();
    if !quiet {
        s.push_str(&format!(
            "{}: {} ballots, {} candidates, {} seat(s), method {}\n",
            c.title(),
            t.ballots,
            t.candidates.len(),
            o.seats,
            t.method.as_str()
        ));
        if let Some(e) = c.eligible() {
            s.push_str(&format!("eligible voters: {e}\n"));
        }
        s.push('\n');
    }
    let mut rows = Vec::new();
    let mut place = 1;
    for group in &t.ranking {
        for &i in group {
            let id = &t.candidates[i];
            let cand = c.e.candidate_for(id);
            let status = if o.winners.contains(&i) {
                "elected".to_string()
            } else if let Some(x) = o.excluded.iter().find(|x| x.candidate == i) {
                format!("excluded: employer cap ({} holds {})", x.employer, x.held)
            } else if o
                .tie
                .as_ref()
                .is_some_and(|tie| tie.candidates.contains(&i))
            {
                "tie-break needed".to_string()
            } else {
                String::new()
            };
            rows.push(vec![
                format!("{place}{}", if group.len() > 1 { "=" } else { "" }),
                id.clone(),
                cand.map(|c| c.name.clone()).unwrap_or_default(),
                cand.and_then(|c| c.employer()).unwrap_or("").to_string(),
                t.score[i].to_string(),
                status,
            ]);
        }
        place += group.len();
    }
    s.push_str(&render::table(
        &[
            "place",
            "candidate",
            "name",
            "employer",
            "defeats",
            "result",
        ],
        rows,
    ));
    if !quiet {
        if let Some(tie) = &o.tie {
            s.push_str(&format!(
                "\ntie-break needed: {} tied at place {} for {} remaining seat(s)\n",
                tie.candidates
                    .iter()
                    .map(|&i| t.candidates[i].as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                tie.place,
                tie.seats
            ));
        }
        match &c.cap {
            Some(cap) if o.excluded.is_empty() => s.push_str(&format!(
                "\nemployer cap ({} per employer, {} continuing members) was not invoked\n",
                cap.max_per_employer,
                cap.continuing.len()
            )),
            Some(_) => s.push_str("\nemployer cap invoked: see `excluded` above\n"),
            None => {}
        }
        if !o.unknown_employers.is_empty() {
            s.push_str(&format!(
                "warning: employer unknown for {}; the cap could not apply to them\n",
                o.unknown_employers
                    .iter()
                    .map(|&i| t.candidates[i].as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    s
}

#[derive(Serialize)]
struct CandidateDto<'a> {
    id: &'a str,
    name: Option<&'a str>,
    login: Option<&'a str>,
    employer: Option<&'a str>,
    score: u32,
}

#[derive(Serialize)]
struct TieDto<'a> {
    candidates: Vec<&'a str>,
    seats: usize,
    place: usize,
}

#[derive(Serialize)]
struct ExcludedDto<'a> {
    candidate: &'a str,
    employer: &'a str,
    held: u32,
}

#[derive(Serialize)]
struct CapDto<'a> {
    max_per_employer: u32,
    continuing: Vec<BTreeMap<&'static str, &'a str>>,
    invoked: bool,
}

#[derive(Serialize)]
struct TallyDto<'a> {
    election: Option<&'a str>,
    method: &'static str,
    ballots: usize,
    eligible_voters: Option<usize>,
    seats: usize,
    ranking: Vec<Vec<&'a str>>,
    winners: Vec<&'a str>,
    tie: Option<TieDto<'a>>,
    excluded: Vec<ExcludedDto<'a>>,
    cap: Option<CapDto<'a>>,
    candidates: Vec<CandidateDto<'a>>,
    pairwise: BTreeMap<&'a str, BTreeMap<&'a str, u32>>,
    strongest_paths: BTreeMap<&'a str, BTreeMap<&'a str, u32>>,
}

fn matrix(t: &Tally, get: impl Fn(usize, usize) -> u32) -> BTreeMap<&str, BTreeMap<&str, u32>> {
    (0..t.candidates.len())
        .map(|a| {
            let row = (0..t.candidates.len())
                .filter(|&b| b != a)
                .map(|b| (t.candidates[b].as_str(), get(a, b)))
                .collect();
            (t.candidates[a].as_str(), row)
        })
        .collect()
}

fn dto(c: &Counted) -> TallyDto<'_> {
    let (t, o) = (&c.t, &c.o);
    let id = |i: usize| t.candidates[i].as_str();
    let mut candidates: Vec<CandidateDto> = (0..t.candidates.len())
        .map(|i| {
            let cand = c.e.candidate_for(id(i));
            CandidateDto {
                id: id(i),
                name: cand.map(|c| c.name.as_str()),
                login: cand.and_then(|c| c.login.as_deref()),
                employer: cand.and_then(|c| c.employer()),
                score: t.score[i],
            }
        })
        .collect();
    candidates.sort_by(|a, b| a.id.cmp(b.id));
    TallyDto {
        election: c
            .e
            .config
            .as_ref()
            .map(|c| c.name.as_str())
            .filter(|n| !n.is_empty()),
        method: t.method.as_str(),
        ballots: t.ballots,
        eligible_voters: c.eligible(),
        seats: o.seats,
        ranking: t.ranking_ids(),
        winners: o.winners.iter().map(|&i| id(i)).collect(),
        tie: o.tie.as_ref().map(|x| TieDto {
            candidates: x.candidates.iter().map(|&i| id(i)).collect(),
            seats: x.seats,
            place: x.place,
        }),
        excluded: o
            .excluded
            .iter()
            .map(|x| ExcludedDto {
                candidate: id(x.candidate),
                employer: &x.employer,
                held: x.held,
            })
            .collect(),
        cap: c.cap.as_ref().map(|cap| CapDto {
            max_per_employer: cap.max_per_employer,
            continuing: cap
                .continuing
                .iter()
                .map(|m| {
                    BTreeMap::from([("name", m.name.as_str()), ("employer", m.employer.as_str())])
                })
                .collect(),
            invoked: !o.excluded.is_empty(),
        }),
        candidates,
        pairwise: matrix(t, |a, b| t.pairwise.get(a, b)),
        strongest_paths: matrix(t, |a, b| t.strongest.get(a, b)),
    }
}
