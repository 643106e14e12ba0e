//! The engine's input: a pull request, its event timeline and plugin options.
//!
//! [`PullRequest::from_json`] reads the `PR.json` format of the conformance
//! contract (`prow-cases/README.md`, contract 2) plus optional extension keys
//! documented in `docs/json.md`. A bot builds the same values from webhook
//! payloads. Time is data: events carry their own timestamps.

use serde::Deserialize;

/// What an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// A conversation (issue) comment.
    Comment,
    /// An inline review comment.
    ReviewComment,
    /// A submitted review, with a body and a state.
    Review,
    /// New commits were pushed (Prow's `synchronize`): lgtm is removed.
    Push,
}

/// State of a submitted review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewState {
    Approved,
    ChangesRequested,
    Commented,
    Dismissed,
    Pending,
}

/// One event of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub kind: EventKind,
    /// Who made it (as GitHub spells the login).
    pub login: String,
    pub body: String,
    /// Reviews only.
    pub state: Option<ReviewState>,
    /// When it was created or submitted.
    pub at: jiff::Timestamp,
    /// Link to the comment or review (used in the notification text).
    pub url: String,
}

/// Plugin options (Prow's defaults are all `false` / empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewConfig {
    /// approve `require_self_approval`: the author does not approve implicitly.
    pub require_self_approval: bool,
    /// approve `lgtm_acts_as_approve`.
    pub lgtm_acts_as_approve: bool,
    /// approve `issue_required`.
    pub issue_required: bool,
    /// approve `ignore_review_state`.
    pub ignore_review_state: bool,
    /// lgtm `review_acts_as_lgtm`.
    pub review_acts_as_lgtm: bool,
    /// trigger `only_org_members`: collaborators are not trusted.
    pub only_org_members: bool,
    /// label `additional_labels`: what `/label x` may add.
    pub additional_labels: Vec<String>,
}

/// Who GitHub says is who; absent data means "nobody".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Membership {
    /// Members of the repository's organisation (trigger trust, `triage/accepted`).
    pub org_members: Vec<String>,
    /// Repository collaborators. `None`: the repository is in Prow's
    /// `owners.skip_collaborators` (the contract's rule: lgtm is restricted to
    /// OWNERS approvers and reviewers of the changed files).
    pub collaborators: Option<Vec<String>>,
}

/// Where the PR lives (only the notification text uses it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepoRef {
    /// `org/repo`.
    pub repo: String,
    /// Base branch the OWNERS files were read from.
    pub base_branch: String,
    /// The PR's own link (the author's implicit approval links to `html_url#`).
    pub html_url: String,
    /// GitHub host for OWNERS links (`LinkURL`).
    pub link_url: String,
}

impl Default for RepoRef {
    fn default() -> Self {
        RepoRef {
            repo: "org/repo".to_string(),
            base_branch: "master".to_string(),
            html_url: String::new(),
            link_url: "https://github.com".to_string(),
        }
    }
}

/// A pull request (or issue) and everything that happened on it.
#[derive(Clone, Debug, PartialEq)]
pub struct PullRequest {
    pub number: i64,
    pub author: String,
    pub body: String,
    /// Changed paths, as GitHub lists them.
    pub files: Vec<String>,
    /// In any order; the engine orders them by time (stable).
    pub events: Vec<Event>,
    pub config: ReviewConfig,
    /// Labels the PR carries now (actions are computed against these).
    pub labels: Vec<String>,
    /// Assignees now.
    pub assignees: Vec<String>,
    /// Requested reviewers now.
    pub requested_reviewers: Vec<String>,
    pub membership: Membership,
    pub repo: RepoRef,
    /// An issue rather than a pull request (only `/assign`, lifecycle, label
    /// and help apply).
    pub is_issue: bool,
    /// A draft pull request.
    pub draft: bool,
}

impl PullRequest {
    /// A PR with no events and default options.
    pub fn new(number: i64, author: &str, files: &[&str]) -> Self {
        PullRequest {
            number,
            author: author.to_string(),
            body: String::new(),
            files: files.iter().map(|s| (*s).to_string()).collect(),
            events: Vec::new(),
            config: ReviewConfig::default(),
            labels: Vec::new(),
            assignees: Vec::new(),
            requested_reviewers: Vec::new(),
            membership: Membership::default(),
            repo: RepoRef::default(),
            is_issue: false,
            draft: false,
        }
    }

    /// Append a comment event at `at` (RFC 3339).
    pub fn comment(mut self, login: &str, body: &str, at: &str) -> Self {
        self.events.push(Event {
            kind: EventKind::Comment,
            login: login.to_string(),
            body: body.to_string(),
            state: None,
            at: at.parse().unwrap_or(jiff::Timestamp::UNIX_EPOCH),
            url: String::new(),
        });
        self
    }

    /// Append a review event at `at` (RFC 3339).
    pub fn review(mut self, login: &str, state: ReviewState, body: &str, at: &str) -> Self {
        self.events.push(Event {
            kind: EventKind::Review,
            login: login.to_string(),
            body: body.to_string(),
            state: Some(state),
            at: at.parse().unwrap_or(jiff::Timestamp::UNIX_EPOCH),
            url: String::new(),
        });
        self
    }

    /// Read `PR.json` text. Every error is located (line and column, both
    /// from 1) at or just after the value that is wrong.
    pub fn from_json(text: &str) -> Result<PullRequest, PrError> {
        let raw: RawPr = serde_json::from_str(text).map_err(|e| PrError::from_json(&e))?;
        Ok(raw.into_model())
    }
}

/// `PR.json` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{col}: {message}")]
pub struct PrError {
    pub line: u32,
    pub col: u32,
    /// What is wrong, without the location.
    pub message: String,
}

impl PrError {
    fn from_json(e: &serde_json::Error) -> Self {
        let (line, col) = (e.line(), e.column());
        // serde_json appends the location to its message; it is kept apart here.
        let full = e.to_string();
        let suffix = format!(" at line {line} column {col}");
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
        PrError {
            line: u32::try_from(line).unwrap_or(u32::MAX).max(1),
            // serde_json says column 0 at the very start of a line (an end of
            // file after a newline); columns count from 1 here.
            col: u32::try_from(col).unwrap_or(u32::MAX).max(1),
            message,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPr {
    number: i64,
    author: String,
    #[serde(default)]
    body: String,
    files: Vec<String>,
    events: Vec<RawEvent>,
    #[serde(default)]
    config: RawConfig,
    #[serde(default)]
    labels: Vec<String>,
    #[serde(default)]
    assignees: Vec<String>,
    #[serde(default)]
    requested_reviewers: Vec<String>,
    #[serde(default)]
    org_members: Vec<String>,
    #[serde(default)]
    collaborators: Option<Vec<String>>,
    #[serde(default)]
    repo: Option<String>,
    #[serde(default)]
    base_branch: Option<String>,
    #[serde(default)]
    html_url: Option<String>,
    #[serde(default)]
    link_url: Option<String>,
    #[serde(default)]
    is_issue: bool,
    #[serde(default)]
    draft: bool,
}

/// One event as written; checked while it is read, so that serde_json
/// locates every error.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEventFields {
    #[serde(deserialize_with = "de_kind")]
    kind: EventKind,
    #[serde(deserialize_with = "de_login")]
    login: String,
    #[serde(default)]
    body: String,
    #[serde(default, deserialize_with = "de_state")]
    state: Option<ReviewState>,
    #[serde(deserialize_with = "de_at")]
    at: jiff::Timestamp,
    #[serde(default)]
    url: String,
}

/// A checked event. The check that needs two fields runs once the object
/// has been read, so that serde_json places its error at the closing `}`.
struct RawEvent(Event);

impl<'de> Deserialize<'de> for RawEvent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = RawEvent;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an event object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawEvent, A::Error> {
                let e =
                    RawEventFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                if e.kind == EventKind::Review && e.state.is_none() {
                    return Err(serde::de::Error::custom(
                        "an event of kind `review` needs a `state`",
                    ));
                }
                Ok(RawEvent(Event {
                    kind: e.kind,
                    login: e.login,
                    body: e.body,
                    state: e.state,
                    at: e.at,
                    url: e.url,
                }))
            }
        }
        d.deserialize_map(Fields)
    }
}

fn de_kind<'de, D: serde::Deserializer<'de>>(d: D) -> Result<EventKind, D::Error> {
    let s = String::deserialize(d)?;
    match s.as_str() {
        "comment" => Ok(EventKind::Comment),
        "review_comment" => Ok(EventKind::ReviewComment),
        "review" => Ok(EventKind::Review),
        "push" => Ok(EventKind::Push),
        other => Err(serde::de::Error::custom(format!(
            "unknown event kind `{other}` (expected comment, review_comment, review or push)"
        ))),
    }
}

fn de_login<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.is_empty() {
        return Err(serde::de::Error::custom("empty `login`"));
    }
    Ok(s)
}

fn de_state<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<ReviewState>, D::Error> {
    let Some(s) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    let state = match s.to_uppercase().as_str() {
        "APPROVED" => ReviewState::Approved,
        "CHANGES_REQUESTED" => ReviewState::ChangesRequested,
        "COMMENTED" => ReviewState::Commented,
        "DISMISSED" => ReviewState::Dismissed,
        "PENDING" => ReviewState::Pending,
        _ => {
            return Err(serde::de::Error::custom(format!(
                "unknown review state `{s}` (expected APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING)"
            )));
        }
    };
    Ok(Some(state))
}

fn de_at<'de, D: serde::Deserializer<'de>>(d: D) -> Result<jiff::Timestamp, D::Error> {
    let s = String::deserialize(d)?;
    s.parse()
        .map_err(|err| serde::de::Error::custom(format!("`{s}` is not an RFC 3339 time: {err}")))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    require_self_approval: bool,
    #[serde(default)]
    lgtm_acts_as_approve: bool,
    #[serde(default)]
    issue_required: bool,
    #[serde(default)]
    ignore_review_state: bool,
    #[serde(default)]
    review_acts_as_lgtm: bool,
    #[serde(default)]
    only_org_members: bool,
    #[serde(default)]
    additional_labels: Vec<String>,
}

impl RawPr {
    fn into_model(self) -> PullRequest {
        let events = self.events.into_iter().map(|e| e.0).collect();
        let defaults = RepoRef::default();
        PullRequest {
            number: self.number,
            author: self.author,
            body: self.body,
            files: self.files,
            events,
            config: ReviewConfig {
                require_self_approval: self.config.require_self_approval,
                lgtm_acts_as_approve: self.config.lgtm_acts_as_approve,
                issue_required: self.config.issue_required,
                ignore_review_state: self.config.ignore_review_state,
                review_acts_as_lgtm: self.config.review_acts_as_lgtm,
                only_org_members: self.config.only_org_members,
                additional_labels: self.config.additional_labels,
            },
            labels: self.labels,
            assignees: self.assignees,
            requested_reviewers: self.requested_reviewers,
            membership: Membership {
                org_members: self.org_members,
                collaborators: self.collaborators,
            },
            repo: RepoRef {
                repo: self.repo.unwrap_or(defaults.repo),
                base_branch: self.base_branch.unwrap_or(defaults.base_branch),
                html_url: self.html_url.unwrap_or(defaults.html_url),
                link_url: self.link_url.unwrap_or(defaults.link_url),
            },
            is_issue: self.is_issue,
            draft: self.draft,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_contract_example() {
        let pr = PullRequest::from_json(
            r#"{"number": 1, "author": "cjwagner", "body": "Fixes #42", "files": ["a/a.go"],
 "events": [{"kind": "comment", "login": "alice", "body": "/approve", "at": "2024-03-01T12:00:00Z"},
            {"kind": "review", "login": "bob", "body": "", "state": "APPROVED", "at": "2024-03-01T12:05:00Z"}],
 "config": {"require_self_approval": false, "lgtm_acts_as_approve": false, "issue_required": false,
            "ignore_review_state": false, "review_acts_as_lgtm": false}}"#,
        )
        .expect("valid");
        assert_eq!(pr.events.len(), 2);
        assert_eq!(pr.events[1].state, Some(ReviewState::Approved));
    }

    #[test]
    fn errors_are_located_and_clear() {
        let check = |text: &str, line: u32, col: u32, wants: &str| {
            let e = PullRequest::from_json(text).expect_err(wants);
            assert!(e.message.contains(wants), "{e}");
            assert_eq!((e.line, e.col), (line, col), "{e}");
            // The location is given once, apart from the message.
            assert!(!e.message.contains(" at line "), "{e}");
        };
        check(
            "{\"number\": 1,\n \"files\": []}",
            2,
            13,
            "missing field `author`",
        );
        check("{\"number\": \"x\"}", 1, 14, "invalid type");
        // A check over two fields points at the event's closing brace.
        let pretty = "{\n  \"number\": 1,\n  \"author\": \"x\",\n  \"files\": [],\n  \"events\": [\n    {\n      \"kind\": \"review\",\n      \"login\": \"b\",\n      \"at\": \"2024-01-01T00:00:00Z\"\n    },\n    {\"kind\": \"push\", \"login\": \"c\", \"at\": \"2024-01-01T00:00:00Z\"}\n  ]\n}\n";
        check(pretty, 10, 5, "needs a `state`");
        check("{\"number\": 1,\n", 2, 1, "EOF while parsing");
        let event = |e: &str| {
            format!("{{\"number\":1,\"author\":\"a\",\"files\":[],\"events\":[\n{e}\n]}}")
        };
        check(
            &event(r#"{"kind":"review","login":"b","at":"2024-01-01T00:00:00Z"}"#),
            2,
            57,
            "needs a `state`",
        );
        check(
            &event(r#"{"kind":"comment","login":"b","at":"yesterday"}"#),
            2,
            47,
            "RFC 3339",
        );
        check(
            &event(r#"{"kind":"vote","login":"b","at":"2024-01-01T00:00:00Z"}"#),
            2,
            14,
            "unknown event kind `vote`",
        );
        check(
            &event(r#"{"kind":"review","state":"LIKED","login":"b","at":"2024-01-01T00:00:00Z"}"#),
            2,
            32,
            "unknown review state `LIKED`",
        );
        check(
            &event(r#"{"kind":"comment","login":"","at":"2024-01-01T00:00:00Z"}"#),
            2,
            28,
            "empty `login`",
        );
        check(
            r#"{"number":1,"author":"a","files":[],"events":[],"config":{"requre_self_approval":true}}"#,
            1,
            80,
            "unknown field",
        );
    }
}
