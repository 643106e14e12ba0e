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

    /// Read `PR.json` text.
    pub fn from_json(text: &str) -> Result<PullRequest, PrError> {
        let raw: RawPr = serde_json::from_str(text).map_err(|e| PrError {
            line: u32::try_from(e.line()).unwrap_or(0),
            col: u32::try_from(e.column()).unwrap_or(0),
            message: e.to_string(),
        })?;
        raw.into_model()
    }
}

/// `PR.json` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{col}: {message}")]
pub struct PrError {
    pub line: u32,
    pub col: u32,
    pub message: String,
}

fn no_loc(message: String) -> PrError {
    PrError {
        line: 0,
        col: 0,
        message,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    kind: String,
    login: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    state: Option<String>,
    at: String,
    #[serde(default)]
    url: String,
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
    fn into_model(self) -> Result<PullRequest, PrError> {
        let mut events = Vec::with_capacity(self.events.len());
        for (i, e) in self.events.into_iter().enumerate() {
            let kind = match e.kind.as_str() {
                "comment" => EventKind::Comment,
                "review_comment" => EventKind::ReviewComment,
                "review" => EventKind::Review,
                "push" => EventKind::Push,
                other => {
                    return Err(no_loc(format!(
                        "events[{i}].kind: unknown kind `{other}` (expected comment, review_comment, review or push)"
                    )));
                }
            };
            let state = match (kind, e.state.as_deref()) {
                (EventKind::Review, None) => {
                    return Err(no_loc(format!("events[{i}].state: a review needs a state")));
                }
                (_, None) => None,
                (_, Some(s)) => Some(match s.to_uppercase().as_str() {
                    "APPROVED" => ReviewState::Approved,
                    "CHANGES_REQUESTED" => ReviewState::ChangesRequested,
                    "COMMENTED" => ReviewState::Commented,
                    "DISMISSED" => ReviewState::Dismissed,
                    "PENDING" => ReviewState::Pending,
                    _ => {
                        return Err(no_loc(format!(
                            "events[{i}].state: unknown state `{s}` (expected APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING)"
                        )));
                    }
                }),
            };
            let at: jiff::Timestamp = e.at.parse().map_err(|err| {
                no_loc(format!(
                    "events[{i}].at: `{}` is not an RFC 3339 time: {err}",
                    e.at
                ))
            })?;
            if e.login.is_empty() {
                return Err(no_loc(format!("events[{i}].login: empty login")));
            }
            events.push(Event {
                kind,
                login: e.login,
                body: e.body,
                state,
                at,
                url: e.url,
            });
        }
        let defaults = RepoRef::default();
        Ok(PullRequest {
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
        })
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
        let e = PullRequest::from_json("{\"number\": 1,\n \"files\": []}").expect_err("missing");
        assert!(e.message.contains("missing field `author`"), "{e}");
        assert_eq!(e.line, 2);
        let e = PullRequest::from_json("{\"number\": \"x\"}").expect_err("type");
        assert!(e.message.contains("invalid type"), "{e}");
        let e = PullRequest::from_json(
            r#"{"number":1,"author":"a","files":[],"events":[{"kind":"review","login":"b","at":"2024-01-01T00:00:00Z"}]}"#,
        )
        .expect_err("state");
        assert!(e.message.contains("needs a state"), "{e}");
        let e = PullRequest::from_json(
            r#"{"number":1,"author":"a","files":[],"events":[{"kind":"comment","login":"b","at":"yesterday"}]}"#,
        )
        .expect_err("time");
        assert!(e.message.contains("RFC 3339"), "{e}");
        let e = PullRequest::from_json(r#"{"number":1,"author":"a","files":[],"events":[],"config":{"requre_self_approval":true}}"#)
            .expect_err("unknown key");
        assert!(e.message.contains("unknown field"), "{e}");
    }
}
