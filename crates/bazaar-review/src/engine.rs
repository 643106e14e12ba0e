//! The review engine: a PR, its timeline and the OWNERS tree in; the state
//! and the actions Prow's plugins would take out.
//!
//! [`evaluate`] is pure. It replays the events in time order (stable for
//! equal times) through the plugins Prow runs on a Kubernetes-style
//! repository: approve, lgtm, hold, assign (`/assign`, `/cc`), lifecycle,
//! trigger (`/ok-to-test`, `/test`), label and help. The labels it computes
//! start from [`PullRequest::labels`] (the labels before the first event);
//! [`Evaluation::actions`] is the difference to apply, plus the replies the
//! plugins post.

use std::collections::BTreeSet;

use crate::approve::{self, ApprovalReport};
use crate::blunderbuss::{self, BlunderbussConfig, ReviewerPick};
use crate::commands::{self, LgtmRequest};
use crate::notifier::{self, NotifierLinks};
use crate::owners::{OwnersTree, norm_login};
use crate::pr::{Event, EventKind, PullRequest, ReviewState};

/// Label names the plugins use.
pub mod labels {
    pub const LGTM: &str = "lgtm";
    pub const APPROVED: &str = "approved";
    pub const HOLD: &str = "do-not-merge/hold";
    pub const OK_TO_TEST: &str = "ok-to-test";
    pub const NEEDS_OK_TO_TEST: &str = "needs-ok-to-test";
    pub const HELP_WANTED: &str = "help wanted";
    pub const GOOD_FIRST_ISSUE: &str = "good first issue";
    pub const TRIAGE_ACCEPTED: &str = "triage/accepted";
}

/// A reply a plugin posts in response to one event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// Index of the event in [`PullRequest::events`] (input order).
    pub event: usize,
    /// Who is answered.
    pub login: String,
    /// The plugin's message (Prow wraps it with a quote of the comment).
    pub text: String,
}

/// Tests asked for by a comment the trigger plugin accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestRequest {
    pub event: usize,
    pub login: String,
    /// `all`, `retest`, `retest-required`, `test-manual-required`,
    /// `ok-to-test` or job names.
    pub what: Vec<String>,
}

/// Something to do on GitHub.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    AddLabel(String),
    RemoveLabel(String),
    Assign(String),
    Unassign(String),
    RequestReview(String),
    UnrequestReview(String),
    Close,
    Reopen,
    /// A reply to an event.
    Reply(Reply),
    /// Run the tests a comment asked for.
    RunTests(TestRequest),
}

/// What the trigger plugin concluded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustState {
    /// Whether membership data was given at all (otherwise the trigger
    /// plugin is not modelled).
    pub known: bool,
    pub author_trusted: bool,
    /// Trusted author, or `ok-to-test` present.
    pub pr_trusted: bool,
}

/// The engine's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// The approve plugin's computation (for an issue: nothing required).
    pub approval: ApprovalReport,
    /// The `lgtm` label after the timeline.
    pub lgtm: bool,
    /// The `do-not-merge/hold` label after the timeline.
    pub hold: bool,
    /// Every label after the timeline.
    pub labels: BTreeSet<String>,
    pub assignees: BTreeSet<String>,
    pub requested_reviewers: BTreeSet<String>,
    pub closed: bool,
    pub trust: TrustState,
    /// Reviewers blunderbuss would request when the PR opened.
    pub suggested_reviewers: ReviewerPick,
    /// The `[APPROVALNOTIFIER]` comment.
    pub notification: String,
    /// Replies, test runs, then label/assignee/state changes (relative to the input).
    pub actions: Vec<Action>,
}

/// Options beyond `PullRequest::config` (site-wide settings).
#[derive(Clone, Debug, Default)]
pub struct EngineOptions {
    pub links: NotifierLinks,
    pub blunderbuss: BlunderbussConfig,
}

fn lower_set<'a>(it: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    it.into_iter().map(|s| norm_login(s)).collect()
}

/// The events in processing order: ascending `at`, stable for equal times.
pub fn ordered_events(pr: &PullRequest) -> Vec<(usize, &Event)> {
    let mut v: Vec<(usize, &Event)> = pr.events.iter().enumerate().collect();
    v.sort_by_key(|(_, e)| e.at);
    v
}

/// Replay state shared by the plugins.
struct Replay<'a> {
    pr: &'a PullRequest,
    tree: &'a OwnersTree,
    labels: BTreeSet<String>,
    assignees: BTreeSet<String>,
    reviewers: BTreeSet<String>,
    closed: bool,
    replies: Vec<Reply>,
    tests: Vec<TestRequest>,
    org_members: BTreeSet<String>,
    collaborators: Option<BTreeSet<String>>,
    /// OWNERS approvers ∪ reviewers of the changed files (lgtm authority), lazily.
    owners_allowed: Option<BTreeSet<String>>,
}

impl Replay<'_> {
    fn reply(&mut self, event: usize, login: &str, text: &str) {
        self.replies.push(Reply {
            event,
            login: login.to_string(),
            text: text.to_string(),
        });
    }

    fn is_author(&self, login: &str) -> bool {
        norm_login(login) == norm_login(&self.pr.author)
    }

    fn trust_known(&self) -> bool {
        !self.org_members.is_empty() || self.collaborators.is_some()
    }

    fn is_collaborator(&self, login: &str) -> bool {
        let l = norm_login(login);
        self.org_members.contains(&l) || self.collaborators.as_ref().is_some_and(|c| c.contains(&l))
    }

    /// trigger's `TrustedUser`: an org member, or a collaborator unless
    /// `only_org_members`.
    fn trusted(&self, login: &str) -> bool {
        let l = norm_login(login);
        self.org_members.contains(&l)
            || (!self.pr.config.only_org_members
                && self.collaborators.as_ref().is_some_and(|c| c.contains(&l)))
    }

    fn pr_trusted(&self) -> bool {
        self.trusted(&self.pr.author) || self.labels.contains(labels::OK_TO_TEST)
    }

    fn owners_allowed(&mut self) -> &BTreeSet<String> {
        if self.owners_allowed.is_none() {
            let mut set = BTreeSet::new();
            for f in &self.pr.files {
                set.extend(self.tree.approvers(f));
                set.extend(self.tree.reviewers(f));
            }
            self.owners_allowed = Some(set);
        }
        self.owners_allowed.get_or_insert_with(BTreeSet::new)
    }

    fn lgtm(&mut self, idx: usize, e: &Event) {
        if e.kind == EventKind::Push {
            if self.labels.remove(labels::LGTM) {
                self.reply(
                    idx,
                    &e.login,
                    "New changes are detected. LGTM label has been removed.",
                );
            }
            return;
        }
        let want = match commands::lgtm_request(&e.body) {
            Some(w) => w,
            None => match (e.kind, e.state, self.pr.config.review_acts_as_lgtm) {
                (EventKind::Review, Some(ReviewState::Approved), true) => LgtmRequest::Add,
                (EventKind::Review, Some(ReviewState::ChangesRequested), true) => {
                    LgtmRequest::Remove
                }
                _ => return,
            },
        };
        let author = self.is_author(&e.login);
        if author && want == LgtmRequest::Add {
            self.reply(idx, &e.login, "you cannot LGTM your own PR.");
            return;
        }
        match self.collaborators.is_some() {
            // Prow's default: repository collaborators may (un)lgtm, and are assigned.
            true => {
                if !author && !self.is_collaborator(&e.login) {
                    self.reply(
                        idx,
                        &e.login,
                        "changing LGTM is restricted to collaborators",
                    );
                    return;
                }
                let l = norm_login(&e.login);
                if !author && !self.assignees.contains(&l) {
                    self.assignees.insert(l);
                }
            }
            // `owners.skip_collaborators`: OWNERS approvers and reviewers of the files.
            false => {
                let l = norm_login(&e.login);
                if !author && !self.owners_allowed().contains(&l) {
                    self.reply(
                        idx,
                        &e.login,
                        "adding LGTM is restricted to approvers and reviewers in OWNERS files.",
                    );
                    return;
                }
            }
        }
        match want {
            LgtmRequest::Add => {
                self.labels.insert(labels::LGTM.to_string());
            }
            LgtmRequest::Remove => {
                self.labels.remove(labels::LGTM);
            }
        }
    }

    fn hold(&mut self, e: &Event) {
        match commands::hold_request(&e.body) {
            Some(true) => {
                self.labels.insert(labels::HOLD.to_string());
            }
            Some(false) => {
                self.labels.remove(labels::HOLD);
            }
            None => {}
        }
    }

    fn assign(&mut self, e: &Event, cc: bool) {
        let requests = commands::assign_requests(&e.body, &e.login, cc);
        let target = if cc {
            &mut self.reviewers
        } else {
            &mut self.assignees
        };
        // Removals first, then additions (as Prow calls the API).
        for (login, add) in &requests {
            if !add {
                target.remove(&norm_login(login));
            }
        }
        for (login, add) in &requests {
            if *add {
                target.insert(norm_login(login));
            }
        }
    }

    fn lifecycle(&mut self, idx: usize, e: &Event) {
        for (remove, state) in commands::lifecycle_requests(&e.body) {
            let label = format!("lifecycle/{state}");
            if remove {
                self.labels.remove(&label);
                continue;
            }
            if state == "frozen" && !self.pr.is_issue {
                self.reply(
                    idx,
                    &e.login,
                    "The `lifecycle/frozen` label cannot be applied to Pull Requests.",
                );
                continue;
            }
            self.labels.retain(|l| !l.starts_with("lifecycle/"));
            self.labels.insert(label);
        }
        let may_close = |r: &Self| {
            r.is_author(&e.login)
                || r.is_collaborator(&e.login)
                || r.labels.contains("lifecycle/stale")
                || r.labels.contains("lifecycle/rotten")
        };
        if commands::CLOSE.is_match(&e.body) && !self.closed {
            if may_close(self) {
                self.closed = true;
            } else {
                self.reply(
                    idx,
                    &e.login,
                    "You can't close an active issue/PR unless you authored it or you are a collaborator.",
                );
            }
        }
        if commands::CLOSE_NOT_PLANNED.is_match(&e.body) && !self.closed {
            if !self.pr.is_issue {
                self.reply(
                    idx,
                    &e.login,
                    "Pull requests cannot be closed as not planned.",
                );
            } else if may_close(self) {
                self.closed = true;
            }
        }
        if commands::REOPEN.is_match(&e.body) && self.closed {
            if self.is_author(&e.login) || self.is_collaborator(&e.login) {
                self.closed = false;
            } else {
                self.reply(
                    idx,
                    &e.login,
                    "You can't reopen an issue/PR unless you authored it or you are a collaborator.",
                );
            }
        }
    }

    fn trigger(&mut self, idx: usize, e: &Event) {
        if !self.trust_known() || self.closed {
            return;
        }
        let req = commands::trigger_request(&e.body);
        if !req.any() {
            return;
        }
        let commenter_trusted = self.trusted(&e.login);
        if req.ok_to_test_cancel {
            if commenter_trusted {
                self.labels.remove(labels::OK_TO_TEST);
                self.labels.insert(labels::NEEDS_OK_TO_TEST.to_string());
            } else {
                self.reply(
                    idx,
                    &e.login,
                    "Only trusted users can revoke `/ok-to-test`.",
                );
            }
        }
        if !req.runs_tests() && !req.test_help {
            return;
        }
        if !commenter_trusted && !self.pr_trusted() {
            self.reply(
                idx,
                &e.login,
                "Cannot trigger testing until a trusted user reviews the PR and leaves an `/ok-to-test` message.",
            );
            return;
        }
        if req.ok_to_test && commenter_trusted {
            self.labels.insert(labels::OK_TO_TEST.to_string());
            self.labels.remove(labels::NEEDS_OK_TO_TEST);
        }
        if req.runs_tests() {
            let mut what = Vec::new();
            for (flag, name) in [
                (req.ok_to_test, "ok-to-test"),
                (req.test_all, "all"),
                (req.retest, "retest"),
                (req.retest_required, "retest-required"),
                (req.test_manual_required, "test-manual-required"),
            ] {
                if flag {
                    what.push(name.to_string());
                }
            }
            what.extend(req.jobs.iter().cloned());
            self.tests.push(TestRequest {
                event: idx,
                login: e.login.clone(),
                what,
            });
        }
    }

    fn label(&mut self, idx: usize, e: &Event) {
        let req = commands::label_request(&e.body);
        for l in &req.add {
            if l == labels::TRIAGE_ACCEPTED && !self.org_members.contains(&norm_login(&e.login)) {
                self.reply(
                    idx,
                    &e.login,
                    "The label `triage/accepted` cannot be applied. Only GitHub organization members can add the label.",
                );
                continue;
            }
            self.labels.insert(l.clone());
        }
        for l in &req.remove {
            if self.labels.remove(l) {
                let category = l.split('/').next().unwrap_or("");
                let prefix = format!("{category}/");
                if ["kind", "priority", "sig", "triage"].contains(&category)
                    && !self.labels.iter().any(|x| x.starts_with(&prefix))
                {
                    self.labels.insert(format!("needs-{category}"));
                }
            }
        }
        let allowed: BTreeSet<String> = self
            .pr
            .config
            .additional_labels
            .iter()
            .map(|l| l.to_lowercase())
            .collect();
        for l in &req.custom_add {
            if allowed.contains(l) {
                self.labels.insert(l.clone());
            } else {
                self.reply(
                    idx,
                    &e.login,
                    &format!(
                        "The label(s) `{l}` cannot be applied. These labels are supported: `{}`.",
                        allowed.iter().cloned().collect::<Vec<_>>().join(", ")
                    ),
                );
            }
        }
        for l in &req.custom_remove {
            if allowed.contains(l) {
                self.labels.remove(l);
            }
        }
    }

    fn help(&mut self, e: &Event) {
        if commands::HELP_REMOVE.is_match(&e.body) {
            self.labels.remove(labels::HELP_WANTED);
            self.labels.remove(labels::GOOD_FIRST_ISSUE);
        }
        if commands::GOOD_FIRST_ISSUE_REMOVE.is_match(&e.body) {
            self.labels.remove(labels::GOOD_FIRST_ISSUE);
        }
        if commands::GOOD_FIRST_ISSUE.is_match(&e.body) {
            self.labels.insert(labels::GOOD_FIRST_ISSUE.to_string());
            self.labels.insert(labels::HELP_WANTED.to_string());
        }
        if commands::HELP.is_match(&e.body) {
            self.labels.insert(labels::HELP_WANTED.to_string());
        }
    }
}

/// Evaluate a PR against an OWNERS tree.
pub fn evaluate(tree: &OwnersTree, pr: &PullRequest, options: &EngineOptions) -> Evaluation {
    let events = ordered_events(pr);
    let mut r = Replay {
        pr,
        tree,
        labels: pr.labels.iter().cloned().collect(),
        assignees: lower_set(&pr.assignees),
        reviewers: lower_set(&pr.requested_reviewers),
        closed: false,
        replies: Vec::new(),
        tests: Vec::new(),
        org_members: lower_set(&pr.membership.org_members),
        collaborators: pr.membership.collaborators.as_ref().map(lower_set),
        owners_allowed: None,
    };
    // trigger on open: an untrusted author's PR needs `/ok-to-test`.
    if !pr.is_issue
        && r.trust_known()
        && !r.trusted(&pr.author)
        && !r.labels.contains(labels::OK_TO_TEST)
    {
        r.labels.insert(labels::NEEDS_OK_TO_TEST.to_string());
    }
    for (idx, e) in &events {
        let (idx, e) = (*idx, *e);
        if e.state == Some(ReviewState::Pending) {
            continue;
        }
        if pr.is_issue {
            if e.kind == EventKind::Push {
                continue;
            }
            r.assign(e, false);
            r.lifecycle(idx, e);
            r.label(idx, e);
            r.help(e);
            continue;
        }
        r.lgtm(idx, e);
        if e.kind == EventKind::Push {
            continue;
        }
        r.hold(e);
        r.assign(e, false);
        r.assign(e, true);
        r.lifecycle(idx, e);
        r.trigger(idx, e);
        r.label(idx, e);
    }
    let (approval, notification) = if pr.is_issue {
        let empty = PullRequest {
            files: Vec::new(),
            ..pr.clone()
        };
        (
            ApprovalReport::compute(tree, &empty, &approve::Approvals::default()),
            String::new(),
        )
    } else {
        let event_refs: Vec<&Event> = events.iter().map(|(_, e)| *e).collect();
        let approvals = approve::collect_approvals(pr, &event_refs);
        let mut pr_now = pr.clone();
        pr_now.assignees = r.assignees.iter().cloned().collect();
        let report = ApprovalReport::compute(tree, &pr_now, &approvals);
        if report.approved {
            r.labels.insert(labels::APPROVED.to_string());
        } else {
            r.labels.remove(labels::APPROVED);
        }
        let text = notifier::message(&report, &pr.repo, &options.links, false);
        (report, text)
    };
    let suggested_reviewers = if pr.is_issue {
        ReviewerPick::default()
    } else {
        blunderbuss::pick_reviewers(tree, &pr.author, &pr.files, &options.blunderbuss, pr.number)
    };
    let trust = TrustState {
        known: r.trust_known(),
        author_trusted: r.trusted(&pr.author),
        pr_trusted: r.pr_trusted(),
    };
    // Actions: replies and test runs in event order, then the differences.
    let mut actions: Vec<Action> = Vec::new();
    let mut replies = std::mem::take(&mut r.replies);
    replies.sort_by_key(|x| events.iter().position(|(i, _)| *i == x.event));
    actions.extend(replies.into_iter().map(Action::Reply));
    actions.extend(
        std::mem::take(&mut r.tests)
            .into_iter()
            .map(Action::RunTests),
    );
    let before: BTreeSet<String> = pr.labels.iter().cloned().collect();
    for l in before.difference(&r.labels) {
        actions.push(Action::RemoveLabel(l.clone()));
    }
    for l in r.labels.difference(&before) {
        actions.push(Action::AddLabel(l.clone()));
    }
    let before = lower_set(&pr.assignees);
    actions.extend(
        before
            .difference(&r.assignees)
            .map(|l| Action::Unassign(l.clone())),
    );
    actions.extend(
        r.assignees
            .difference(&before)
            .map(|l| Action::Assign(l.clone())),
    );
    let before = lower_set(&pr.requested_reviewers);
    actions.extend(
        before
            .difference(&r.reviewers)
            .map(|l| Action::UnrequestReview(l.clone())),
    );
    actions.extend(
        r.reviewers
            .difference(&before)
            .map(|l| Action::RequestReview(l.clone())),
    );
    if r.closed {
        actions.push(Action::Close);
    }
    Evaluation {
        approval,
        lgtm: r.labels.contains(labels::LGTM),
        hold: r.labels.contains(labels::HOLD),
        labels: r.labels,
        assignees: r.assignees,
        requested_reviewers: r.reviewers,
        closed: r.closed,
        trust,
        suggested_reviewers,
        notification,
        actions,
    }
}
