//! A small, deterministic community sample: a year of GH Archive–shaped
//! events for a given list of people. The embedded default community uses
//! it so that `bazaar ladder` and `bazaar ladder audit` have numbers with no
//! files at all; tests use it for a realistic store in milliseconds.
//!
//! The events go through the real pipeline (NDJSON lines → [`read_lines`] →
//! [`Store::insert_hour_file`]), one batch per month. Each person gets an
//! activity [`Level`] from a hash of their login: some are idle (no event in
//! the year), some occasional, most regular or core contributors. Pull
//! requests are opened by their authors, reviewed (core contributors review
//! most, the first reviewer of a PR reviews it most and is its primary
//! reviewer) and mostly merged by a reviewer; people also comment, open
//! issues and push. The same spec always gives the same bytes.

use std::collections::BTreeMap;
use std::io::Cursor;

use crate::date::{Day, format_timestamp};
use crate::gharchive::{Filter, read_lines};
use crate::store::{Inserted, Store, StoreError};
use crate::synth::Rng;

/// What to generate.
#[derive(Clone, Debug)]
pub struct SampleSpec<'a> {
    /// Logins, as written.
    pub people: &'a [String],
    /// Repositories (`owner/name`) the work happens in.
    pub repos: &'a [&'a str],
    /// The day after the sample's last day: the sample covers the 365 days
    /// before it.
    pub end: Day,
    pub seed: u64,
    /// Levels set instead of drawn, by lower-cased login.
    pub levels: &'a BTreeMap<String, Level>,
    /// The lowest level a drawn level may be (`Idle` for the full range):
    /// with a higher floor, only the people `levels` names are less active.
    pub floor: Level,
}

/// How active a person is over the sample's year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Nothing at all.
    Idle,
    /// A handful of comments or issues, rarely a PR.
    Occasional,
    /// PRs every month or two, some reviews.
    Regular,
    /// The people who review most of the work.
    Core,
}

/// The level of `login` (any case) under `seed`: about 10% idle, 20%
/// occasional, 40% regular, 30% core.
pub fn level(login: &str, seed: u64) -> Level {
    let h = login
        .to_lowercase()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325 ^ seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
    match Rng::new(h).below(100) {
        0..10 => Level::Idle,
        10..30 => Level::Occasional,
        30..70 => Level::Regular,
        _ => Level::Core,
    }
}

/// The level `spec` gives `login`: the override, or the drawn one.
pub fn level_in(spec: &SampleSpec, login: &str) -> Level {
    spec.levels
        .get(&login.to_lowercase())
        .copied()
        .unwrap_or_else(|| level(login, spec.seed).max(spec.floor))
}

/// The first day of the sample.
pub fn start(spec: &SampleSpec) -> Day {
    Day(spec.end.0 - 365)
}

struct Writer {
    rng: Rng,
    start: i64,
    end: i64,
    next_id: u64,
    /// One NDJSON text per month of the year, oldest first.
    months: Vec<(Day, String)>,
}

impl Writer {
    fn month_of(&mut self, t: i64) -> &mut String {
        let m = Day::from_unix(t).month_start();
        let i = self
            .months
            .iter()
            .position(|(d, _)| *d == m)
            .unwrap_or_else(|| {
                self.months.push((m, String::new()));
                self.months.len() - 1
            });
        &mut self.months[i].1
    }

    fn time(&mut self) -> i64 {
        self.start + self.rng.below((self.end - self.start) as u64) as i64
    }

    fn event(&mut self, kind: &str, actor: &str, repo: &str, t: i64, payload: &str) {
        let id = self.next_id;
        self.next_id += 1;
        let line = format!(
            r#"{{"id":"{id}","type":"{kind}","actor":{{"login":"{actor}"}},"repo":{{"name":"{repo}"}},"payload":{payload},"public":true,"created_at":"{}"}}"#,
            format_timestamp(t)
        );
        let text = self.month_of(t);
        text.push_str(&line);
        text.push('\n');
    }
}

/// The sample as NDJSON texts, one per month (oldest first), with the
/// month's first day.
pub fn community_ndjson(spec: &SampleSpec) -> Vec<(Day, String)> {
    let mut w = Writer {
        rng: Rng::new(spec.seed),
        start: start(spec).unix(),
        end: spec.end.unix(),
        next_id: 30_000_000_000,
        months: Vec::new(),
    };
    let levels: Vec<Level> = spec.people.iter().map(|p| level_in(spec, p)).collect();
    // Reviewers are drawn by weight: core contributors review most.
    let weights: Vec<u64> = levels
        .iter()
        .map(|l| match l {
            Level::Core => 10,
            Level::Regular => 1,
            _ => 0,
        })
        .collect();
    let total_weight: u64 = weights.iter().sum();
    let repos = spec.repos;
    let pick_repo = |rng: &mut Rng| repos[rng.skewed(repos.len() as u64) as usize];
    let mut number = 0u64;
    let mut review_id = 900_000_000u64;
    for (author_i, author) in spec.people.iter().enumerate() {
        let (prs, comments, pushes, issues) = match levels[author_i] {
            Level::Idle => (0, 0, 0, 0),
            Level::Occasional => (w.rng.below(2), 1 + w.rng.below(4), 0, w.rng.below(2)),
            Level::Regular => (
                2 + w.rng.below(5),
                4 + w.rng.below(9),
                2 + w.rng.below(5),
                w.rng.below(3),
            ),
            Level::Core => (
                6 + w.rng.below(9),
                10 + w.rng.below(16),
                4 + w.rng.below(7),
                1 + w.rng.below(3),
            ),
        };
        for _ in 0..prs {
            number += 1;
            let repo = pick_repo(&mut w.rng);
            let opened = w.time();
            let created = format_timestamp(opened);
            w.event(
                "PullRequestEvent",
                author,
                repo,
                opened,
                &format!(
                    r#"{{"action":"opened","number":{number},"pull_request":{{"number":{number},"user":{{"login":"{author}"}},"created_at":"{created}","merged_at":null}}}}"#
                ),
            );
            // One to three reviewers, never the author.
            let mut reviewers: Vec<usize> = Vec::new();
            let wanted = 1 + w.rng.below(3) as usize;
            for _ in 0..wanted * 4 {
                if reviewers.len() == wanted || total_weight == 0 {
                    break;
                }
                let mut pick = w.rng.below(total_weight);
                let Some(r) = weights.iter().position(|&wt| {
                    if pick < wt {
                        true
                    } else {
                        pick -= wt;
                        false
                    }
                }) else {
                    break;
                };
                if r != author_i && !reviewers.contains(&r) {
                    reviewers.push(r);
                }
            }
            let mut t = opened;
            for (k, &r) in reviewers.iter().enumerate() {
                let reviewer = &spec.people[r];
                // The first reviewer reviews most: the PR's primary reviewer.
                let records = if k == 0 { 2 + w.rng.below(2) } else { 1 };
                for j in 0..records {
                    t = (t + 3600 + w.rng.below(2 * 86_400) as i64).min(w.end - 1);
                    review_id += 1;
                    let at = format_timestamp(t);
                    let last = j + 1 == records;
                    if !last && j % 2 == 1 {
                        w.event(
                            "PullRequestReviewCommentEvent",
                            reviewer,
                            repo,
                            t,
                            &format!(
                                r#"{{"action":"created","comment":{{"id":{review_id},"user":{{"login":"{reviewer}"}},"created_at":"{at}"}},"pull_request":{{"number":{number},"user":{{"login":"{author}"}}}}}}"#
                            ),
                        );
                    } else {
                        let state = if j + 1 >= records {
                            "approved"
                        } else {
                            "commented"
                        };
                        w.event(
                            "PullRequestReviewEvent",
                            reviewer,
                            repo,
                            t,
                            &format!(
                                r#"{{"action":"created","review":{{"id":{review_id},"user":{{"login":"{reviewer}"}},"state":"{state}","submitted_at":"{at}"}},"pull_request":{{"number":{number},"user":{{"login":"{author}"}}}}}}"#
                            ),
                        );
                    }
                }
            }
            // Most reviewed PRs merge, merged by their last reviewer.
            if let Some(&last) = reviewers.last()
                && w.rng.chance(85)
                && t + 3600 < w.end
            {
                let merger = &spec.people[last];
                let merged_t = t + 600;
                let merged = format_timestamp(merged_t);
                w.event(
                    "PullRequestEvent",
                    merger,
                    repo,
                    merged_t,
                    &format!(
                        r#"{{"action":"closed","number":{number},"pull_request":{{"number":{number},"user":{{"login":"{author}"}},"created_at":"{created}","merged_at":"{merged}","merged_by":{{"login":"{merger}"}}}}}}"#
                    ),
                );
            }
        }
        for _ in 0..comments {
            let t = w.time();
            let repo = pick_repo(&mut w.rng);
            let on = 1 + w.rng.below(number.max(1));
            review_id += 1;
            w.event(
                "IssueCommentEvent",
                author,
                repo,
                t,
                &format!(
                    r#"{{"action":"created","issue":{{"number":{on}}},"comment":{{"id":{review_id}}}}}"#
                ),
            );
        }
        for _ in 0..pushes {
            let t = w.time();
            let repo = pick_repo(&mut w.rng);
            w.event(
                "PushEvent",
                author,
                repo,
                t,
                r#"{"ref":"refs/heads/topic"}"#,
            );
        }
        for _ in 0..issues {
            let t = w.time();
            let repo = pick_repo(&mut w.rng);
            number += 1;
            w.event(
                "IssuesEvent",
                author,
                repo,
                t,
                &format!(r#"{{"action":"opened","issue":{{"number":{number}}}}}"#),
            );
        }
    }
    let mut months = std::mem::take(&mut w.months);
    months.sort_by_key(|(d, _)| *d);
    months
}

/// Ingest the sample into `store`, one batch per month (idempotent, like
/// any ingestion).
pub fn ingest_community(store: &mut Store, spec: &SampleSpec) -> Result<Inserted, StoreError> {
    let mut total = Inserted::default();
    for (month, text) in community_ndjson(spec) {
        let name = format!("sample:{month}");
        // In-memory text cannot fail to read.
        let Ok(batch) = read_lines(Cursor::new(text.as_bytes()), &name, &Filter::default()) else {
            continue;
        };
        let n = store.insert_hour_file(&name, &batch)?;
        total.events += n.events;
        total.reviews += n.reviews;
    }
    Ok(total)
}
