//! GH Archive hour files: the event line parser (pure) and the streaming
//! reader of one `.json.gz` file (the I/O edge).
//!
//! Every line is parsed with `serde_json` into borrowed structs; only the
//! envelope and, for pull-request and review events, the few payload fields
//! the ladder needs are decoded (the rest is skipped while validating).
//! DevStats' contribution definition lives in [`CONTRIBUTION_TYPES`].

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use bazaar_core::Diagnostic;
use flate2::read::MultiGzDecoder;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::bots;
use crate::date::parse_timestamp;
use crate::rules::{event_line_malformed, event_type_unknown};

/// The seven event types DevStats counts as contributions
/// (`metrics/*/project_developer_stats.sql`).
pub const CONTRIBUTION_TYPES: [&str; 7] = [
    "PushEvent",
    "PullRequestEvent",
    "IssuesEvent",
    "PullRequestReviewEvent",
    "CommitCommentEvent",
    "IssueCommentEvent",
    "PullRequestReviewCommentEvent",
];

/// Events API types that exist but are not contributions.
pub const OTHER_TYPES: &[&str] = &[
    "WatchEvent",
    "ForkEvent",
    "CreateEvent",
    "DeleteEvent",
    "ReleaseEvent",
    "GollumEvent",
    "MemberEvent",
    "PublicEvent",
    "DiscussionEvent",
    "DiscussionCommentEvent",
    "SponsorshipEvent",
];

/// Whether `t` is one of the seven contribution types.
pub fn is_contribution(t: &str) -> bool {
    CONTRIBUTION_TYPES.contains(&t)
}

/// One contribution event, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: u64,
    /// One of [`CONTRIBUTION_TYPES`].
    pub kind: &'static str,
    /// `actor.login`, case kept.
    pub actor: String,
    /// `repo.name` (`owner/name`).
    pub repo: String,
    /// Unix seconds.
    pub created_at: i64,
    pub is_bot: bool,
    /// The pull request the event is about, when the payload names one.
    pub pr: Option<PrFacts>,
    /// A review or review comment carried by the event.
    pub review: Option<ReviewFacts>,
}

/// What an event tells about a pull request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrFacts {
    pub number: u64,
    /// The PR author (`pull_request.user.login`).
    pub author: Option<String>,
    pub created_at: Option<i64>,
    pub merged_at: Option<i64>,
    /// `pull_request.merged_by.login` (absent in trimmed payloads).
    pub merged_by: Option<String>,
    /// `payload.action` (`opened`, `closed`, ...).
    pub action: Option<String>,
}

/// A review (`PullRequestReviewEvent`) or review comment
/// (`PullRequestReviewCommentEvent`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewFacts {
    /// `review.id` or `comment.id`.
    pub id: u64,
    /// `review` or `review_comment`.
    pub kind: &'static str,
    pub reviewer: String,
    /// `approved`, `changes_requested`, `commented`, `dismissed` (reviews only).
    pub state: Option<String>,
    /// `review.submitted_at` or `comment.created_at`.
    pub at: i64,
}

/// Why a line was not turned into an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineError {
    /// Not JSON, or the envelope is incomplete; the message says what.
    Malformed(String),
    /// A type the Events API does not define.
    UnknownType(String),
}

/// The envelope of one event line, decoded in one pass: `type` comes before
/// `payload` in GH Archive lines, so the payload is decoded straight into
/// [`Payload`] when the type needs it and skipped otherwise; only a line
/// that names its type after the payload keeps the payload's raw text for a
/// second pass.
struct Envelope<'a> {
    id: IdValue<'a>,
    kind: Cow<'a, str>,
    actor: Named<'a>,
    repo: RepoRef<'a>,
    created_at: Cow<'a, str>,
    payload: PayloadSlot<'a>,
}

// Lives on the stack for one line; boxing would allocate once per event.
#[allow(clippy::large_enum_variant)]
enum PayloadSlot<'a> {
    /// No `payload` key, or a type that needs none.
    None,
    Decoded(Payload<'a>),
    /// Seen before `type`: decoded once the type is known.
    Raw(&'a RawValue),
}

/// The event types whose payload is decoded (the ladder's PR facts).
fn needs_payload(kind: &str) -> bool {
    matches!(
        kind,
        "PullRequestEvent" | "PullRequestReviewEvent" | "PullRequestReviewCommentEvent"
    )
}

impl<'de> Deserialize<'de> for Envelope<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(EnvelopeVisitor)
    }
}

struct EnvelopeVisitor;

impl<'de> serde::de::Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an event object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::{Error, IgnoredAny};
        fn once<T, E: Error>(slot: &mut Option<T>, v: T, name: &'static str) -> Result<(), E> {
            if slot.replace(v).is_some() {
                return Err(E::duplicate_field(name));
            }
            Ok(())
        }
        let (mut id, mut kind, mut actor, mut repo, mut created_at) =
            (None, None, None, None, None);
        let mut payload: Option<PayloadSlot<'de>> = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "id" => once(&mut id, map.next_value::<IdValue>()?, "id")?,
                "type" => once(&mut kind, map.next_value::<Cow<str>>()?, "type")?,
                "actor" => once(&mut actor, map.next_value::<Named>()?, "actor")?,
                "repo" => once(&mut repo, map.next_value::<RepoRef>()?, "repo")?,
                "created_at" => once(&mut created_at, map.next_value::<Cow<str>>()?, "created_at")?,
                "payload" => {
                    let slot = match kind.as_deref() {
                        Some(k) if needs_payload(k) => {
                            match map.next_value::<Option<Payload>>()? {
                                Some(p) => PayloadSlot::Decoded(p),
                                None => PayloadSlot::None,
                            }
                        }
                        Some(_) => {
                            map.next_value::<IgnoredAny>()?;
                            PayloadSlot::None
                        }
                        None => PayloadSlot::Raw(map.next_value::<&RawValue>()?),
                    };
                    once(&mut payload, slot, "payload")?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Envelope {
            id: id.ok_or_else(|| A::Error::missing_field("id"))?,
            kind: kind.ok_or_else(|| A::Error::missing_field("type"))?,
            actor: actor.ok_or_else(|| A::Error::missing_field("actor"))?,
            repo: repo.ok_or_else(|| A::Error::missing_field("repo"))?,
            created_at: created_at.ok_or_else(|| A::Error::missing_field("created_at"))?,
            payload: payload.unwrap_or(PayloadSlot::None),
        })
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum IdValue<'a> {
    Num(u64),
    Str(#[serde(borrow)] Cow<'a, str>),
}

#[derive(Deserialize)]
struct Named<'a> {
    #[serde(borrow)]
    login: Cow<'a, str>,
}

#[derive(Deserialize)]
struct RepoRef<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Payload<'a> {
    #[serde(borrow)]
    action: Option<Cow<'a, str>>,
    number: Option<u64>,
    #[serde(borrow)]
    pull_request: Option<PullRequest<'a>>,
    #[serde(borrow)]
    review: Option<Review<'a>>,
    #[serde(borrow)]
    comment: Option<Comment<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PullRequest<'a> {
    number: Option<u64>,
    #[serde(borrow)]
    user: Option<Named<'a>>,
    #[serde(borrow)]
    created_at: Option<Cow<'a, str>>,
    #[serde(borrow)]
    merged_at: Option<Cow<'a, str>>,
    #[serde(borrow)]
    merged_by: Option<Named<'a>>,
}

#[derive(Deserialize)]
struct Review<'a> {
    id: u64,
    #[serde(borrow, default)]
    user: Option<Named<'a>>,
    #[serde(borrow, default)]
    state: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    submitted_at: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Comment<'a> {
    id: u64,
    #[serde(borrow, default)]
    user: Option<Named<'a>>,
    #[serde(borrow, default)]
    created_at: Option<Cow<'a, str>>,
}

/// Parse one line of an hour file. `Ok(None)` is a well-formed event that is
/// not a contribution (`WatchEvent`, `ForkEvent`, ...).
pub fn parse_line(line: &[u8]) -> Result<Option<Event>, LineError> {
    let env: Envelope =
        serde_json::from_slice(line).map_err(|e| LineError::Malformed(json_message(&e)))?;
    let id = match env.id {
        IdValue::Num(n) => n,
        IdValue::Str(s) => s
            .parse()
            .map_err(|_| LineError::Malformed(format!("`id` is not an integer: `{s}`")))?,
    };
    let created_at = parse_timestamp(&env.created_at).ok_or_else(|| {
        LineError::Malformed(format!(
            "`created_at` is not an RFC 3339 time: `{}`",
            env.created_at
        ))
    })?;
    let Some(kind) = CONTRIBUTION_TYPES.iter().find(|t| **t == env.kind) else {
        return if OTHER_TYPES.contains(&env.kind.as_ref()) {
            Ok(None)
        } else {
            Err(LineError::UnknownType(env.kind.into_owned()))
        };
    };
    let mut event = Event {
        id,
        kind,
        actor: env.actor.login.into_owned(),
        repo: env.repo.name.into_owned(),
        created_at,
        is_bot: false,
        pr: None,
        review: None,
    };
    match env.payload {
        PayloadSlot::Decoded(p) => decode_payload(&mut event, p),
        PayloadSlot::Raw(raw) if needs_payload(kind) => {
            let p: Payload = serde_json::from_str(raw.get())
                .map_err(|e| LineError::Malformed(format!("payload: {}", json_message(&e))))?;
            decode_payload(&mut event, p);
        }
        PayloadSlot::Raw(_) | PayloadSlot::None => {}
    }
    Ok(Some(event))
}

fn decode_payload(event: &mut Event, p: Payload) {
    let ts = |s: &Option<Cow<str>>| s.as_deref().and_then(parse_timestamp);
    if let Some(pr) = &p.pull_request {
        event.pr = pr.number.or(p.number).map(|number| PrFacts {
            number,
            author: pr.user.as_ref().map(|u| u.login.to_string()),
            created_at: ts(&pr.created_at),
            merged_at: ts(&pr.merged_at),
            // Trimmed payloads lack `merged_by`; the actor of the merging
            // `closed` event is the one who merged.
            merged_by: pr
                .merged_by
                .as_ref()
                .map(|u| u.login.to_string())
                .or_else(|| {
                    (event.kind == "PullRequestEvent"
                        && p.action.as_deref() == Some("closed")
                        && pr.merged_at.is_some())
                    .then(|| event.actor.clone())
                }),
            action: p.action.as_deref().map(str::to_string),
        });
    }
    let reviewer = || event.actor.clone();
    event.review = match (event.kind, &p.review, &p.comment) {
        ("PullRequestReviewEvent", Some(r), _) => Some(ReviewFacts {
            id: r.id,
            kind: "review",
            reviewer: r
                .user
                .as_ref()
                .map_or_else(reviewer, |u| u.login.to_string()),
            state: r.state.as_deref().map(str::to_lowercase),
            at: ts(&r.submitted_at).unwrap_or(event.created_at),
        }),
        ("PullRequestReviewCommentEvent", _, Some(c)) => Some(ReviewFacts {
            id: c.id,
            kind: "review_comment",
            reviewer: c
                .user
                .as_ref()
                .map_or_else(reviewer, |u| u.login.to_string()),
            state: None,
            at: ts(&c.created_at).unwrap_or(event.created_at),
        }),
        _ => None,
    };
}

fn json_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the caller knows the line.
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => format!("{} (column {})", &s[..i], e.column()),
        None => s,
    }
}

/// Which events to keep: by organisation and/or exact repository.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Lower-cased organisation logins; empty keeps every org.
    pub orgs: Vec<String>,
    /// Lower-cased `owner/name`; empty keeps every repository.
    pub repos: Vec<String>,
}

impl Filter {
    /// Whether `repo` (`owner/name`) passes. With both lists given, a repo
    /// passes when it matches either (DevStats' org list plus exact repos).
    pub fn keeps(&self, repo: &str) -> bool {
        if self.orgs.is_empty() && self.repos.is_empty() {
            return true;
        }
        let lower = repo.to_ascii_lowercase();
        let org = lower.split_once('/').map_or(lower.as_str(), |(o, _)| o);
        self.orgs.iter().any(|o| o == org) || self.repos.contains(&lower)
    }
}

/// What reading one hour file produced.
#[derive(Debug, Default)]
pub struct FileBatch {
    /// Contribution events that passed the filter, in file order.
    pub events: Vec<Event>,
    /// Lines read (including bad ones).
    pub lines: u64,
    /// Decompressed bytes read.
    pub bytes: u64,
    /// Well-formed events of non-contribution types.
    pub other: u64,
    /// Contribution events dropped by the filter.
    pub filtered_out: u64,
    pub malformed: u64,
    pub unknown_type: u64,
    /// One diagnostic per bad line (the first [`MAX_DIAGNOSTICS_PER_FILE`]).
    pub diagnostics: Vec<Diagnostic>,
}

/// Bad lines beyond this many per file are counted but not listed.
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 20;

/// Reading a file failed: nothing from it may be stored.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot open `{path}`: {source}")]
    Open {
        path: String,
        source: std::io::Error,
    },
    #[error("`{path}`: cannot read past line {line}: {source} (truncated or corrupt gzip?)")]
    Read {
        path: String,
        line: u64,
        source: std::io::Error,
    },
}

/// Stream one `.json.gz` hour file (or plain `.json`), keeping the
/// contribution events `filter` accepts. Memory is a read buffer plus the
/// kept events. Bot flags are computed here (with a per-file cache).
pub fn read_hour_file(path: &Path, filter: &Filter) -> Result<FileBatch, ReadError> {
    let shown = path.display().to_string();
    let file = File::open(path).map_err(|source| ReadError::Open {
        path: shown.clone(),
        source,
    })?;
    let gz = path.extension().is_some_and(|e| e == "gz");
    if gz {
        read_lines(
            MultiGzDecoder::new(BufReader::with_capacity(1 << 16, file)),
            &shown,
            filter,
        )
    } else {
        read_lines(file, &shown, filter)
    }
}

/// The line loop of [`read_hour_file`], over any reader. Lines are parsed
/// where the reader put them (no copy per line); the buffer grows only for
/// a line longer than itself.
pub fn read_lines(mut r: impl Read, shown: &str, filter: &Filter) -> Result<FileBatch, ReadError> {
    let mut reader = LineReader {
        batch: FileBatch::default(),
        bots: HashMap::new(),
        shown,
        filter,
    };
    let mut buf = vec![0u8; 1 << 20];
    // buf[start..end] holds unread bytes; buf[start..scanned] has no newline.
    let (mut start, mut scanned, mut end) = (0, 0, 0);
    loop {
        while let Some(nl) = memchr::memchr(b'\n', &buf[scanned..end]) {
            let stop = scanned + nl + 1;
            reader.line(&buf[start..stop]);
            start = stop;
            scanned = stop;
        }
        scanned = end;
        buf.copy_within(start..end, 0);
        (scanned, end) = (scanned - start, end - start);
        start = 0;
        if end == buf.len() {
            buf.resize(buf.len() * 2, 0);
        }
        let n = loop {
            match r.read(&mut buf[end..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    return Err(ReadError::Read {
                        path: shown.to_string(),
                        line: reader.batch.lines,
                        source,
                    });
                }
            }
        };
        if n == 0 {
            if end > 0 {
                reader.line(&buf[..end]);
            }
            return Ok(reader.batch);
        }
        end += n;
    }
}

/// What [`read_lines`] keeps while it reads.
struct LineReader<'a> {
    batch: FileBatch,
    bots: HashMap<String, bool>,
    shown: &'a str,
    filter: &'a Filter,
}

impl LineReader<'_> {
    /// One line, with its line break if it has one.
    fn line(&mut self, raw: &[u8]) {
        let batch = &mut self.batch;
        batch.lines += 1;
        batch.bytes += raw.len() as u64;
        let line = trim_line(raw);
        if line.is_empty() {
            return;
        }
        match parse_line(line) {
            Ok(Some(mut ev)) => {
                if !self.filter.keeps(&ev.repo) {
                    batch.filtered_out += 1;
                    return;
                }
                ev.is_bot = match self.bots.get(&ev.actor) {
                    Some(&b) => b,
                    None => {
                        let b = bots::is_bot_login(&ev.actor);
                        self.bots.insert(ev.actor.clone(), b);
                        b
                    }
                };
                batch.events.push(ev);
            }
            Ok(None) => batch.other += 1,
            Err(LineError::Malformed(msg)) => {
                batch.malformed += 1;
                if batch.diagnostics.len() < MAX_DIAGNOSTICS_PER_FILE {
                    batch.diagnostics.push(
                        Diagnostic::error(
                            event_line_malformed::META.id,
                            format!("malformed event: {msg}"),
                        )
                        .at(self.shown, batch.lines as u32, 1),
                    );
                }
            }
            Err(LineError::UnknownType(t)) => {
                batch.unknown_type += 1;
                if batch.diagnostics.len() < MAX_DIAGNOSTICS_PER_FILE {
                    batch.diagnostics.push(
                        Diagnostic::warning(
                            event_type_unknown::META.id,
                            format!("unknown event type `{t}` (not counted)"),
                        )
                        .at(self.shown, batch.lines as u32, 1),
                    );
                }
            }
        }
    }
}

fn trim_line(b: &[u8]) -> &[u8] {
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    &b[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_review() {
        let line = br#"{"id":"42","type":"PullRequestReviewEvent","actor":{"id":1,"login":"Rev"},"repo":{"id":2,"name":"k/k"},"payload":{"action":"created","review":{"id":9,"user":{"login":"Rev"},"state":"APPROVED","submitted_at":"2024-01-02T03:04:05Z"},"pull_request":{"number":7,"user":{"login":"auth"},"created_at":"2024-01-01T00:00:00Z","merged_at":null}},"created_at":"2024-01-02T03:04:06Z"}"#;
        let ev = parse_line(line).expect("valid").expect("a contribution");
        assert_eq!(ev.id, 42);
        assert_eq!(ev.kind, "PullRequestReviewEvent");
        let pr = ev.pr.expect("pr");
        assert_eq!((pr.number, pr.author.as_deref()), (7, Some("auth")));
        let r = ev.review.expect("review");
        assert_eq!(
            (r.id, r.kind, r.reviewer.as_str(), r.state.as_deref()),
            (9, "review", "Rev", Some("approved"))
        );
    }

    #[test]
    fn payload_before_type_is_decoded_all_the_same() {
        let first = br#"{"id":"1","type":"PullRequestEvent","actor":{"login":"m"},"repo":{"name":"k/k"},"payload":{"action":"closed","number":3,"pull_request":{"number":3,"user":{"login":"a"},"merged_at":"2024-01-02T00:00:00Z"}},"created_at":"2024-01-02T00:00:00Z"}"#;
        let late = br#"{"payload":{"action":"closed","number":3,"pull_request":{"number":3,"user":{"login":"a"},"merged_at":"2024-01-02T00:00:00Z"}},"id":"1","type":"PullRequestEvent","actor":{"login":"m"},"repo":{"name":"k/k"},"created_at":"2024-01-02T00:00:00Z"}"#;
        let a = parse_line(first).expect("valid").expect("event");
        assert_eq!(
            a.pr.as_ref().and_then(|p| p.merged_by.as_deref()),
            Some("m")
        );
        assert_eq!(parse_line(late), Ok(Some(a)));
    }

    #[test]
    fn envelope_errors_are_malformed() {
        let cases: [&[u8]; 5] = [
            br#"{"id":"1","id":"2","type":"PushEvent","actor":{"login":"a"},"repo":{"name":"o/r"},"created_at":"2024-01-01T00:00:00Z"}"#,
            br#"{"type":"PushEvent","actor":{"login":"a"},"repo":{"name":"o/r"},"created_at":"2024-01-01T00:00:00Z"}"#,
            br#"{"id":"1","type":"PullRequestEvent","actor":{"login":"a"},"repo":{"name":"o/r"},"payload":{"number":"x"},"created_at":"2024-01-01T00:00:00Z"}"#,
            br#"{"id":"1","type":"PushEvent","actor":{"login":"a"},"repo":{"name":"o/r"},"payload":{"x":[1,},"created_at":"2024-01-01T00:00:00Z"}"#,
            br#"[1,2]"#,
        ];
        for line in cases {
            assert!(
                matches!(parse_line(line), Err(LineError::Malformed(_))),
                "{}",
                String::from_utf8_lossy(line)
            );
        }
    }

    /// Lines split across reads, a line longer than the read buffer, CRLF,
    /// blank lines and a last line without a line break all read alike.
    #[test]
    fn lines_across_read_boundaries() {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                let n = self.1.min(out.len()).min(self.0.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let ev = |id: u32, body: &str| {
            format!(
                r#"{{"id":"{id}","type":"IssueCommentEvent","actor":{{"login":"a"}},"repo":{{"name":"o/r"}},"payload":{{"comment":{{"body":"{body}"}}}},"created_at":"2024-01-01T00:00:00Z"}}"#
            )
        };
        let long = "x".repeat(3 << 20);
        let text = format!("{}\r\n\n{}\n{}", ev(1, "hi"), ev(2, &long), ev(3, "end"));
        for step in [1, 7, 4096, usize::MAX] {
            let b =
                read_lines(Trickle(text.as_bytes(), step), "t", &Filter::default()).expect("reads");
            let ids: Vec<u64> = b.events.iter().map(|e| e.id).collect();
            assert_eq!(
                (ids, b.lines, b.malformed),
                (vec![1, 2, 3], 4, 0),
                "step {step}"
            );
            assert_eq!(b.bytes, text.len() as u64);
        }
    }

    #[test]
    fn numeric_ids_and_other_types() {
        let line = br#"{"id":5,"type":"WatchEvent","actor":{"login":"a"},"repo":{"name":"o/r"},"payload":{"action":"started"},"created_at":"2024-01-01T00:00:00Z"}"#;
        assert_eq!(parse_line(line), Ok(None));
    }

    #[test]
    fn filter_by_org_and_repo() {
        let f = Filter {
            orgs: vec!["kubernetes".into()],
            repos: vec!["etcd-io/etcd".into()],
        };
        assert!(f.keeps("Kubernetes/kubernetes"));
        assert!(f.keeps("etcd-io/etcd"));
        assert!(!f.keeps("etcd-io/bbolt"));
        assert!(!f.keeps("kubernetes-sigs/kind"));
        assert!(Filter::default().keeps("any/thing"));
    }
}
