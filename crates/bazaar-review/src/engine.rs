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
use crate::owners::{OwnersTree, Role, norm_login};
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
    /// Reviewers blunderbuss would request when the PR opened (empty when
    /// [`EngineOptions::suggest_reviewers`] is off, and when blunderbuss
    /// would not run: a `/cc` in the body, an ignored draft or author; see
    /// [`blunderbuss::handles_pull_request`]).
    pub suggested_reviewers: ReviewerPick,
    /// The `[APPROVALNOTIFIER]` comment.
    pub notification: String,
    /// Replies, test runs, then label/assignee/state changes (relative to the input).
    pub actions: Vec<Action>,
}

/// Options beyond `PullRequest::config` (site-wide settings).
#[derive(Clone, Debug)]
pub struct EngineOptions {
    pub links: NotifierLinks,
    pub blunderbuss: BlunderbussConfig,
    /// Compute [`Evaluation::suggested_reviewers`]. Prow's blunderbuss runs
    /// only when a PR opens; a bot reacting to other events can skip it.
    pub suggest_reviewers: bool,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            links: NotifierLinks::default(),
            blunderbuss: BlunderbussConfig::default(),
            suggest_reviewers: true,
        }
    }
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

/// A set of tree login ids, one bit each.
struct IdSet(Vec<u64>);

impl IdSet {
    fn new(ids: usize) -> Self {
        IdSet(vec![0; ids.div_ceil(64)])
    }
    fn extend(&mut self, ids: impl IntoIterator<Item = u32>) {
        for id in ids {
            let id = id as usize;
            if let Some(w) = self.0.get_mut(id / 64) {
                *w |= 1 << (id % 64);
            }
        }
    }
    fn contains(&self, id: u32) -> bool {
        let id = id as usize;
        self.0
            .get(id / 64)
            .is_some_and(|w| w & (1 << (id % 64)) != 0)
    }
}

/// Replay state shared by the plugins.
struct Replay<'a> {
    pr: &'a PullRequest,
    tree: &'a OwnersTree,
    owners: Option<&'a approve::PrOwners<'a>>,
    labels: BTreeSet<String>,
    assignees: BTreeSet<String>,
    reviewers: BTreeSet<String>,
    closed: bool,
    replies: Vec<Reply>,
    tests: Vec<TestRequest>,
    org_members: BTreeSet<String>,
    collaborators: Option<BTreeSet<String>>,
    /// OWNERS approvers ∪ reviewers of the changed files (lgtm authority),
    /// a bit per tree login id, computed on the first lgtm request.
    owners_allowed: Option<IdSet>,
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

    /// Whether a login is an OWNERS approver or reviewer of a changed file.
    fn in_owners(&mut self, login: &str) -> bool {
        let tree = self.tree;
        let files = &self.pr.files;
        let owners = self.owners;
        let allowed = self.owners_allowed.get_or_insert_with(|| {
            let mut set = IdSet::new(tree.login_count());
            match owners {
                Some(o) => {
                    for list in o.approver_lists() {
                        set.extend(list.iter().copied());
                    }
                }
                None => {
                    for f in files {
                        tree.walk(f, Role::Approvers, false, |_, r| {
                            set.extend(r.ids.iter().copied())
                        });
                    }
                }
            }
            // Files under the same directory share the tree's chain summary:
            // take each once.
            let mut seen: rustc_hash::FxHashSet<*const u32> = rustc_hash::FxHashSet::default();
            for f in files {
                match tree.chain_summary(f, Role::Reviewers) {
                    Some(s) => {
                        if !s.all.is_empty() && seen.insert(s.all.as_ptr()) {
                            set.extend(s.all.iter().copied());
                        }
                    }
                    None => tree.walk(f, Role::Reviewers, false, |_, r| {
                        set.extend(r.ids.iter().copied())
                    }),
                }
            }
            set
        });
        tree.login_id(&norm_login(login))
            .is_some_and(|id| allowed.contains(id))
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
                if !author && !self.in_owners(&e.login) {
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
    let owners = (!pr.is_issue).then(|| approve::PrOwners::new(tree, &pr.files, pr.number));
    let mut r = Replay {
        pr,
        tree,
        owners: owners.as_ref(),
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
        (ApprovalReport::empty(), String::new())
    } else {
        let event_refs: Vec<&Event> = events.iter().map(|(_, e)| *e).collect();
        let approvals = approve::collect_approvals(pr, &event_refs);
        let assignees: Vec<String> = r.assignees.iter().cloned().collect();
        let report = match &owners {
            Some(o) => ApprovalReport::from_owners(o, pr, &approvals, &assignees),
            None => ApprovalReport::compute_with_assignees(tree, pr, &approvals, &assignees),
        };
        if report.approved {
            r.labels.insert(labels::APPROVED.to_string());
        } else {
            r.labels.remove(labels::APPROVED);
        }
        let text = notifier::message(&report, &pr.repo, &options.links, false);
        (report, text)
    };
    let opened = blunderbuss::handles_pull_request(
        &options.blunderbuss,
        blunderbuss::PrAction::Opened,
        &pr.body,
        pr.draft,
        &pr.author,
    );
    let suggested_reviewers = if pr.is_issue || !options.suggest_reviewers || !opened {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::owners::{OwnersConfig, SourceFile, SourceKind};
    use crate::pr::ReviewState::{Approved, ChangesRequested, Dismissed};

    const T0: &str = "2024-03-01T12:00:00Z";
    const T1: &str = "2024-03-01T12:01:00Z";
    const T2: &str = "2024-03-01T12:02:00Z";

    fn tree() -> OwnersTree {
        let src = |p: &str, t: &str| SourceFile {
            path: p.to_string(),
            kind: SourceKind::Owners,
            text: t.to_string(),
        };
        let (t, d) = OwnersTree::build(
            &[
                src("OWNERS", "approvers: [root]\n"),
                src("a/OWNERS", "approvers: [alice, author]\nreviewers: [rev]\n"),
                src("b/OWNERS", "approvers: [bill]\n"),
                src(
                    "auto/OWNERS",
                    "options: {auto_approve_unowned_subfolders: true}\napprovers: [amy]\n",
                ),
                src(
                    "np/OWNERS",
                    "options: {no_parent_owners: true}\napprovers: [nora]\n",
                ),
            ],
            None,
            &OwnersConfig::default(),
        );
        assert!(d.is_empty(), "{d:?}");
        t
    }

    fn run(pr: &PullRequest) -> Evaluation {
        evaluate(&tree(), pr, &EngineOptions::default())
    }

    fn pr(files: &[&str]) -> PullRequest {
        PullRequest::new(1, "author", files)
    }

    fn approvers(ev: &Evaluation) -> Vec<String> {
        ev.approval
            .approvals
            .iter()
            .map(|a| a.login.to_lowercase())
            .collect()
    }

    #[test]
    fn implicit_self_approval_and_require_self_approval() {
        // The author is an approver of `a`: approved without a word.
        assert!(run(&pr(&["a/x"])).approval.approved);
        // Failing case: with require_self_approval the author must say so.
        let mut p = pr(&["a/x"]);
        p.config.require_self_approval = true;
        assert!(!run(&p).approval.approved);
        let p = p.comment("author", "/approve", T0);
        assert!(run(&p).approval.approved);
    }

    #[test]
    fn approve_and_cancel_commands() {
        let mut p = pr(&["b/x"]);
        p.config.require_self_approval = true;
        assert!(!run(&p).approval.approved, "nobody approved yet");
        let p1 = p.clone().comment("bill", "/approve", T0);
        assert!(run(&p1).approval.approved);
        let p2 = p1.clone().comment("bill", "lgtm\n/approve cancel", T1);
        assert!(!run(&p2).approval.approved, "/approve cancel");
        let p3 = p1.clone().comment("bill", "/remove-approve", T1);
        assert!(!run(&p3).approval.approved, "/remove-approve");
        // `cancel` anywhere in the arguments cancels.
        let p4 = p1
            .clone()
            .comment("bill", "/approve please cancel that", T1);
        assert!(!run(&p4).approval.approved);
        // Not commands: quoted, indented, `/approved`.
        let p5 = p.comment("bill", "> /approve\n /approve\n/approved", T0);
        assert!(!run(&p5).approval.approved);
        assert!(approvers(&run(&p5)).is_empty());
    }

    #[test]
    fn anybody_is_listed_but_only_owners_count() {
        let mut p = pr(&["b/x"]);
        p.config.require_self_approval = true;
        let ev = run(&p.comment("mallory", "/approve", T0));
        assert_eq!(approvers(&ev), ["mallory"]);
        assert!(!ev.approval.approved);
        assert_eq!(ev.approval.unapproved_dirs, ["b"]);
    }

    #[test]
    fn review_states() {
        let mut p = pr(&["b/x"]);
        p.config.require_self_approval = true;
        let approved = p.clone().review("bill", Approved, "", T0);
        assert!(run(&approved).approval.approved);
        let changes = approved.clone().review("bill", ChangesRequested, "", T1);
        assert!(
            !run(&changes).approval.approved,
            "CHANGES_REQUESTED cancels"
        );
        let dismissed = approved.clone().review("bill", Dismissed, "", T1);
        assert!(
            run(&dismissed).approval.approved,
            "DISMISSED does not cancel"
        );
        // The state applies before the body.
        let both = p.clone().review("bill", Approved, "/approve cancel", T0);
        assert!(!run(&both).approval.approved);
        let both = p.clone().review("bill", ChangesRequested, "/approve", T0);
        assert!(run(&both).approval.approved);
        // ignore_review_state: an APPROVED review is not an approval.
        let mut ignored = approved;
        ignored.config.ignore_review_state = true;
        assert!(!run(&ignored).approval.approved);
    }

    #[test]
    fn lgtm_acts_as_approve() {
        let mut p = pr(&["b/x"]).comment("bill", "/lgtm", T0);
        p.config.require_self_approval = true;
        assert!(!run(&p).approval.approved, "off by default");
        p.config.lgtm_acts_as_approve = true;
        let ev = run(&p);
        assert!(ev.approval.approved);
        assert_eq!(ev.approval.approvals[0].how, crate::approve::How::Lgtm);
        let p = p.comment("bill", "/lgtm cancel", T1);
        assert!(!run(&p).approval.approved);
    }

    #[test]
    fn issue_required_and_no_issue() {
        let mut p = pr(&["b/x"]).comment("bill", "/approve", T0);
        p.config.issue_required = true;
        assert!(!run(&p).approval.approved, "no issue");
        let mut with_issue = p.clone();
        with_issue.body = "Fixes #12".to_string();
        let ev = run(&with_issue);
        assert!(ev.approval.approved);
        assert_eq!(ev.approval.issue, 12);
        let no_issue = p.clone().comment("bill", "/approve no-issue", T1);
        assert!(run(&no_issue).approval.approved);
        // A later plain /approve does not override the no-issue approval.
        let again = no_issue.comment("bill", "/approve", T2);
        assert!(run(&again).approval.approved);
        // Failing case: a no-issue approval from someone who approves nothing.
        let outsider = p.comment("mallory", "/approve no-issue", T1);
        assert!(!run(&outsider).approval.approved);
    }

    #[test]
    fn auto_approve_unowned_subfolders() {
        let mut p = pr(&["auto/new/x.go"]);
        p.config.require_self_approval = true;
        let ev = run(&p);
        assert!(ev.approval.approved && ev.approval.required.is_empty());
        // Failing case: a file directly in the auto-approving directory.
        let mut p = pr(&["auto/x.go"]);
        p.config.require_self_approval = true;
        assert!(!run(&p).approval.approved);
    }

    #[test]
    fn no_parent_owners_and_subdirs() {
        let mut p = pr(&["np/x"]).comment("root", "/approve", T0);
        p.config.require_self_approval = true;
        assert!(
            !run(&p).approval.approved,
            "root cannot approve a no_parent_owners dir"
        );
        let mut p = pr(&["b/x", "x"]).comment("root", "/approve", T0);
        p.config.require_self_approval = true;
        let ev = run(&p);
        assert_eq!(ev.approval.required_dirs(), [""], "b is under the root");
        assert!(ev.approval.approved);
        // No files: never approved.
        assert!(!run(&pr(&[])).approval.approved);
    }

    #[test]
    fn lgtm_rules() {
        let p = pr(&["a/x"]);
        assert!(
            run(&p.clone().comment("rev", "/lgtm", T0)).lgtm,
            "OWNERS reviewer"
        );
        assert!(
            run(&p.clone().comment("alice", "/LGTM", T0)).lgtm,
            "OWNERS approver"
        );
        // The author may not add lgtm...
        let ev = run(&p.clone().comment("author", "/lgtm", T0));
        assert!(!ev.lgtm);
        assert!(
            ev.actions
                .iter()
                .any(|a| matches!(a, Action::Reply(r) if r.text == "you cannot LGTM your own PR."))
        );
        // ...but may remove it.
        let ev = run(&p
            .clone()
            .comment("rev", "/lgtm", T0)
            .comment("author", "/lgtm cancel", T1));
        assert!(!ev.lgtm);
        // Someone outside OWNERS can do neither.
        assert!(!run(&p.clone().comment("mallory", "/lgtm", T0)).lgtm);
        assert!(
            run(&p
                .clone()
                .comment("rev", "/lgtm", T0)
                .comment("mallory", "/remove-lgtm", T1))
            .lgtm
        );
        // Not a command: text after /lgtm on the line.
        assert!(!run(&p.clone().comment("rev", "/lgtm thanks", T0)).lgtm);
        // New commits remove it.
        let mut pushed = p.clone().comment("rev", "/lgtm", T0);
        pushed.events.push(Event {
            kind: EventKind::Push,
            login: "author".to_string(),
            body: String::new(),
            state: None,
            at: T1.parse().expect("time"),
            url: String::new(),
        });
        assert!(!run(&pushed).lgtm);
        assert!(
            run(&pushed.comment("rev", "/lgtm", T2)).lgtm,
            "lgtm again after the push"
        );
        // review_acts_as_lgtm.
        let mut r = p.clone().review("rev", Approved, "", T0);
        assert!(!run(&r).lgtm);
        r.config.review_acts_as_lgtm = true;
        assert!(run(&r).lgtm);
        assert!(!run(&r.review("rev", ChangesRequested, "", T1)).lgtm);
        // Events are taken in time order, not input order.
        let out_of_order = p
            .comment("rev", "/lgtm cancel", T1)
            .comment("rev", "/lgtm", T0);
        assert!(!run(&out_of_order).lgtm);
    }

    #[test]
    fn lgtm_with_collaborators_assigns() {
        let mut p = pr(&["a/x"]).comment("collab", "/lgtm", T0);
        p.membership.collaborators = Some(vec!["Collab".to_string()]);
        let ev = run(&p);
        assert!(ev.lgtm);
        assert!(ev.actions.contains(&Action::Assign("collab".to_string())));
        let ev = run(&p.comment("rev", "/lgtm cancel", T1));
        assert!(ev.lgtm, "rev is not a collaborator");
    }

    #[test]
    fn hold_assign_cc() {
        let p = pr(&["a/x"]).comment("anyone", "/hold for a reason", T0);
        assert!(run(&p).hold);
        assert!(!run(&p.clone().comment("x", "/hold cancel", T1)).hold);
        assert!(!run(&p.clone().comment("x", "/unhold", T1)).hold);
        assert!(
            run(&p.clone().comment("x", "/removehold", T1)).hold,
            "not a command"
        );
        let ev = run(&pr(&["a/x"]).comment(
            "me",
            "/assign\n/assign @Bob carol\n/cc dave\n/unassign carol",
            T0,
        ));
        assert_eq!(
            ev.assignees.iter().cloned().collect::<Vec<_>>(),
            ["bob", "me"]
        );
        assert_eq!(
            ev.requested_reviewers.iter().cloned().collect::<Vec<_>>(),
            ["dave"]
        );
        let ev = run(&pr(&["a/x"])
            .comment("me", "/cc", T0)
            .comment("me", "/uncc", T1));
        assert!(ev.requested_reviewers.is_empty());
    }

    #[test]
    fn lifecycle_and_close() {
        let ev = run(&pr(&["a/x"]).comment("x", "/lifecycle stale", T0).comment(
            "x",
            "/lifecycle rotten",
            T1,
        ));
        assert!(ev.labels.contains("lifecycle/rotten") && !ev.labels.contains("lifecycle/stale"));
        let ev = run(&pr(&["a/x"]).comment("x", "/lifecycle frozen", T0));
        assert!(!ev.labels.contains("lifecycle/frozen"), "not on PRs");
        let mut issue = pr(&[]).comment("x", "/lifecycle frozen", T0);
        issue.is_issue = true;
        assert!(run(&issue).labels.contains("lifecycle/frozen"));
        // Only the author (or a collaborator) may close an active PR.
        assert!(!run(&pr(&["a/x"]).comment("x", "/close", T0)).closed);
        assert!(run(&pr(&["a/x"]).comment("author", "/close", T0)).closed);
        assert!(
            run(&pr(&["a/x"])
                .comment("x", "/lifecycle rotten", T0)
                .comment("x", "/close", T1))
            .closed
        );
    }

    #[test]
    fn trigger_trust() {
        let mut p = pr(&["a/x"]);
        p.membership.org_members = vec!["member".to_string()];
        let ev = run(&p);
        assert!(ev.labels.contains("needs-ok-to-test"), "untrusted author");
        let refused = run(&p.clone().comment("stranger", "/test all", T0));
        assert!(refused.actions.iter().any(
            |a| matches!(a, Action::Reply(r) if r.text.starts_with("Cannot trigger testing"))
        ));
        assert!(
            !refused
                .actions
                .iter()
                .any(|a| matches!(a, Action::RunTests(_)))
        );
        let ok = p.clone().comment("member", "/ok-to-test", T0);
        let ev = run(&ok);
        assert!(ev.labels.contains("ok-to-test") && !ev.labels.contains("needs-ok-to-test"));
        // On a trusted PR anyone may /retest.
        let ev = run(&ok.clone().comment("stranger", "/retest", T1));
        assert!(
            ev.actions
                .iter()
                .any(|a| matches!(a, Action::RunTests(t) if t.what == ["retest"]))
        );
        // Only trusted users revoke /ok-to-test.
        let ev = run(&ok.clone().comment("stranger", "/ok-to-test cancel", T1));
        assert!(ev.labels.contains("ok-to-test"));
        let ev = run(&ok.comment("member", "/ok-to-test cancel", T1));
        assert!(!ev.labels.contains("ok-to-test") && ev.labels.contains("needs-ok-to-test"));
        // A member's own PR is trusted.
        let mut own = PullRequest::new(2, "member", &["a/x"]);
        own.membership.org_members = vec!["Member".to_string()];
        assert!(!run(&own).labels.contains("needs-ok-to-test"));
    }

    #[test]
    fn labels_and_help() {
        let ev = run(&pr(&["a/x"])
            .comment("x", "/kind bug api-change\n/sig node", T0)
            .comment("x", "/remove-kind bug\n/remove-kind api-change", T1));
        assert!(ev.labels.contains("sig/node") && ev.labels.contains("needs-kind"));
        assert!(!ev.labels.contains("kind/bug"));
        let ev = run(&pr(&["a/x"]).comment("x", "/triage accepted", T0));
        assert!(!ev.labels.contains("triage/accepted"), "org members only");
        let mut p = pr(&["a/x"]).comment("x", "/label tide/merge-method-squash\n/label other", T0);
        p.config.additional_labels = vec!["tide/merge-method-squash".to_string()];
        let ev = run(&p);
        assert!(ev.labels.contains("tide/merge-method-squash") && !ev.labels.contains("other"));
        // /help and /good-first-issue apply to issues only.
        assert!(
            !run(&pr(&["a/x"]).comment("x", "/help", T0))
                .labels
                .contains("help wanted")
        );
        let mut issue = pr(&[]).comment("x", "/good-first-issue", T0);
        issue.is_issue = true;
        let ev = run(&issue);
        assert!(ev.labels.contains("help wanted") && ev.labels.contains("good first issue"));
        let ev = run(&issue.comment("x", "/remove-help", T1));
        assert!(ev.labels.is_empty());
    }

    #[test]
    fn actions_are_the_difference() {
        // `labels` is the state before the timeline; actions move it to the state after.
        let mut p = pr(&["b/x"])
            .comment("bill", "/hold", T0)
            .comment("rev", "/remove-lgtm", T1);
        p.config.require_self_approval = true;
        p.labels = vec!["lgtm".to_string(), "approved".to_string()];
        let ev = run(&p);
        assert_eq!(
            ev.actions,
            [
                Action::Reply(Reply {
                    event: 1,
                    login: "rev".to_string(),
                    text: "adding LGTM is restricted to approvers and reviewers in OWNERS files."
                        .to_string()
                }),
                Action::RemoveLabel("approved".to_string()),
                Action::AddLabel("do-not-merge/hold".to_string()),
            ]
        );
    }
}
