//! The `[APPROVALNOTIFIER]` text against the messages Prow's own tests assert
//! (kubernetes-sigs/prow `pkg/plugins/approve/approvers/approvers_test.go`,
//! `TestGetMessage*`, and `approve_test.go` `TestHandle`), compared as bytes.

use bazaar_review::approve::{ApprovalReport, Approvals, How};
use bazaar_review::engine::{EngineOptions, evaluate};
use bazaar_review::notifier::{NotifierLinks, message};
use bazaar_review::pr::{PullRequest, RepoRef};

use crate::support::tree;

fn repo(branch: &str, host: &str) -> RepoRef {
    RepoRef {
        repo: "org/repo".to_string(),
        base_branch: branch.to_string(),
        html_url: String::new(),
        link_url: format!("https://{host}"),
    }
}

/// Prow's two-directory fixture: `a: {Alice}`, `b: {Bill}`.
fn ab() -> bazaar_review::owners::OwnersTree {
    tree(
        &[
            ("a/OWNERS", "approvers: [Alice]\n"),
            ("b/OWNERS", "approvers: [Bill]\n"),
        ],
        None,
        false,
    )
}

fn render(
    t: &bazaar_review::owners::OwnersTree,
    files: &[&str],
    require_issue: bool,
    issue_body: &str,
    assignees: &[&str],
    approvals: &[(&str, How, bool)],
    r: &RepoRef,
) -> String {
    let mut pr = PullRequest::new(0, "John", files);
    pr.config.issue_required = require_issue;
    pr.body = issue_body.to_string();
    pr.assignees = assignees.iter().map(|s| (*s).to_string()).collect();
    let mut ap = Approvals::default();
    for (login, how, no_issue) in approvals {
        ap.add(login, *how, "REFERENCE", *no_issue);
    }
    let report = ApprovalReport::compute(t, &pr, &ap);
    message(&report, r, &NotifierLinks::default(), false)
}

#[track_caller]
fn same(got: &str, want: &str) {
    assert!(got == want, "--- got\n{got}\n--- want\n{want}\n");
}

#[test]
fn get_message() {
    let got = render(
        &ab(),
        &["a/a.go", "b/b.go"],
        true,
        "",
        &[],
        &[("Bill", How::Approved, false)],
        &repo("dev", "github.com"),
    );
    same(
        &got,
        r#"[APPROVALNOTIFIER] This PR is **NOT APPROVED**

This pull-request has been approved by: *<a href="REFERENCE" title="Approved">Bill</a>*
**Once this PR has been reviewed and has the lgtm label**, please assign [alice](https://github.com/alice) for approval. For more information see [the Code Review Process](https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process).

*No associated issue*. Update pull-request body to add a reference to an issue, or get approval with `/approve no-issue`

The full list of commands accepted by this bot can be found [here](https://go.k8s.io/bot-commands?repo=org%2Frepo).

<details open>
Needs approval from an approver in each of these files:

- **[a/OWNERS](https://github.com/org/repo/blob/dev/a/OWNERS)**
- ~~[b/OWNERS](https://github.com/org/repo/blob/dev/b/OWNERS)~~ [Bill]

Approvers can indicate their approval by writing `/approve` in a comment
Approvers can cancel approval by writing `/approve cancel` in a comment
</details>
<!-- META={"approvers":["alice"]} -->"#,
    );
}

#[test]
fn get_message_all_approved() {
    let got = render(
        &ab(),
        &["a/a.go", "b/b.go"],
        true,
        "",
        &[],
        &[("Alice", How::Approved, false), ("Bill", How::Lgtm, false)],
        &repo("master", "github.com"),
    );
    same(
        &got,
        r#"[APPROVALNOTIFIER] This PR is **NOT APPROVED**

This pull-request has been approved by: *<a href="REFERENCE" title="Approved">Alice</a>*, *<a href="REFERENCE" title="LGTM">Bill</a>*

*No associated issue*. Update pull-request body to add a reference to an issue, or get approval with `/approve no-issue`

The full list of commands accepted by this bot can be found [here](https://go.k8s.io/bot-commands?repo=org%2Frepo).

The pull request process is described [here](https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process)

<details >
Needs approval from an approver in each of these files:

- ~~[a/OWNERS](https://github.com/org/repo/blob/master/a/OWNERS)~~ [Alice]
- ~~[b/OWNERS](https://github.com/org/repo/blob/master/b/OWNERS)~~ [Bill]

Approvers can indicate their approval by writing `/approve` in a comment
Approvers can cancel approval by writing `/approve cancel` in a comment
</details>
<!-- META={"approvers":[]} -->"#,
    );
}

#[test]
fn get_message_assignee_is_useful_approver() {
    let got = render(
        &ab(),
        &["a/a.go", "b/b.go"],
        false,
        "",
        &["Bill"],
        &[("Alice", How::Approved, false)],
        &repo("master", "github.com"),
    );
    same(
        &got,
        r#"[APPROVALNOTIFIER] This PR is **NOT APPROVED**

This pull-request has been approved by: *<a href="REFERENCE" title="Approved">Alice</a>*
**Once this PR has been reviewed and has the lgtm label**, please ask for approval from [bill](https://github.com/bill). For more information see [the Code Review Process](https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process).

The full list of commands accepted by this bot can be found [here](https://go.k8s.io/bot-commands?repo=org%2Frepo).

<details open>
Needs approval from an approver in each of these files:

- ~~[a/OWNERS](https://github.com/org/repo/blob/master/a/OWNERS)~~ [Alice]
- **[b/OWNERS](https://github.com/org/repo/blob/master/b/OWNERS)**

Approvers can indicate their approval by writing `/approve` in a comment
Approvers can cancel approval by writing `/approve cancel` in a comment
</details>
<!-- META={"approvers":["bill"]} -->"#,
    );
}

#[test]
fn get_message_none_approved() {
    let got = render(
        &ab(),
        &["a/a.go", "b/b.go"],
        true,
        "",
        &[],
        &[("John", How::AuthorSelfApproved, false)],
        &repo("master", "github.com"),
    );
    same(
        &got,
        r#"[APPROVALNOTIFIER] This PR is **NOT APPROVED**

This pull-request has been approved by: *<a href="REFERENCE" title="Author self-approved">John</a>*
**Once this PR has been reviewed and has the lgtm label**, please assign [alice](https://github.com/alice), [bill](https://github.com/bill) for approval. For more information see [the Code Review Process](https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process).

*No associated issue*. Update pull-request body to add a reference to an issue, or get approval with `/approve no-issue`

The full list of commands accepted by this bot can be found [here](https://go.k8s.io/bot-commands?repo=org%2Frepo).

<details open>
Needs approval from an approver in each of these files:

- **[a/OWNERS](https://github.com/org/repo/blob/master/a/OWNERS)**
- **[b/OWNERS](https://github.com/org/repo/blob/master/b/OWNERS)**

Approvers can indicate their approval by writing `/approve` in a comment
Approvers can cancel approval by writing `/approve cancel` in a comment
</details>
<!-- META={"approvers":["alice","bill"]} -->"#,
    );
}

#[test]
fn get_message_approved_issue_associated() {
    let got = render(
        &ab(),
        &["a/a.go", "b/b.go"],
        true,
        "Fixes #12345",
        &[],
        &[
            ("John", How::AuthorSelfApproved, false),
            ("Bill", How::Approved, false),
            ("Alice", How::Approved, false),
        ],
        &repo("master", "github.com"),
    );
    same(
        &got,
        r#"[APPROVALNOTIFIER] This PR is **APPROVED**

This pull-request has been approved by: *<a href="REFERENCE" title="Approved">Alice</a>*, *<a href="REFERENCE" title="Approved">Bill</a>*, *<a href="REFERENCE" title="Author self-approved">John</a>*

Associated issue: *#12345*

The full list of commands accepted by this bot can be found [here](https://go.k8s.io/bot-commands?repo=org%2Frepo).

The pull request process is described [here](https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process)

<details >
Needs approval from an approver in each of these files:

- ~~[a/OWNERS](https://github.com/org/repo/blob/master/a/OWNERS)~~ [Alice]
- ~~[b/OWNERS](https://github.com/org/repo/blob/master/b/OWNERS)~~ [Bill]

Approvers can indicate their approval by writing `/approve` in a comment
Approvers can cancel approval by writing `/approve cancel` in a comment
</details>
<!-- META={"approvers":[]} -->"#,
    );
}

#[test]
fn get_message_no_issue_bypassed() {
    let got = render(
        &ab(),
        &["a/a.go", "b/b.md"],
        true,
        "",
        &[],
        &[
            ("John", How::AuthorSelfApproved, false),
            ("Bill", How::Approved, true),
            ("Alice", How::Approved, true),
        ],
        &repo("master", "github.com"),
    );
    same(
        &got,
        r#"[APPROVALNOTIFIER] This PR is **APPROVED**

This pull-request has been approved by: *<a href="REFERENCE" title="Approved">Alice</a>*, *<a href="REFERENCE" title="Approved">Bill</a>*, *<a href="REFERENCE" title="Author self-approved">John</a>*

Associated issue requirement bypassed by: *<a href="REFERENCE" title="Approved">Alice</a>*, *<a href="REFERENCE" title="Approved">Bill</a>*

The full list of commands accepted by this bot can be found [here](https://go.k8s.io/bot-commands?repo=org%2Frepo).

The pull request process is described [here](https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process)

<details >
Needs approval from an approver in each of these files:

- ~~[a/OWNERS](https://github.com/org/repo/blob/master/a/OWNERS)~~ [Alice]
- ~~[b/OWNERS](https://github.com/org/repo/blob/master/b/OWNERS)~~ [Bill]

Approvers can indicate their approval by writing `/approve` in a comment
Approvers can cancel approval by writing `/approve cancel` in a comment
</details>
<!-- META={"approvers":[]} -->"#,
    );
}

/// `TestGetMessageMDOwners` and `TestGetMessageDifferentGitHubLink`: the
/// `b/README.md` entry comes from markdown front matter (mdYAML on).
#[test]
fn get_message_md_owners_and_other_host() {
    let t = tree(
        &[
            ("a/OWNERS", "approvers: [Alice]\n"),
            ("b/OWNERS", "approvers: [Bill]\n"),
            ("b/README.md", "---\napprovers:\n- Doctor\n---\n# readme\n"),
        ],
        None,
        true,
    );
    for host in ["github.com", "github.mycorp.com"] {
        let got = render(
            &t,
            &["a/a.go", "b/README.md"],
            true,
            "",
            &[],
            &[("John", How::AuthorSelfApproved, false)],
            &repo("master", host),
        );
        let want = r#"[APPROVALNOTIFIER] This PR is **NOT APPROVED**

This pull-request has been approved by: *<a href="REFERENCE" title="Author self-approved">John</a>*
**Once this PR has been reviewed and has the lgtm label**, please assign [alice](https://github.com/alice), [doctor](https://github.com/doctor) for approval. For more information see [the Code Review Process](https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process).

*No associated issue*. Update pull-request body to add a reference to an issue, or get approval with `/approve no-issue`

The full list of commands accepted by this bot can be found [here](https://go.k8s.io/bot-commands?repo=org%2Frepo).

<details open>
Needs approval from an approver in each of these files:

- **[a/OWNERS](https://HOST/org/repo/blob/master/a/OWNERS)**
- **[b/README.md](https://HOST/org/repo/blob/master/b/README.md)**

Approvers can indicate their approval by writing `/approve` in a comment
Approvers can cancel approval by writing `/approve cancel` in a comment
</details>
<!-- META={"approvers":["alice","doctor"]} -->"#
            .replace("HOST", host);
        same(&got, &want);
    }
}

/// `approve_test.go` `TestHandle` "initial notification (approved)", through the engine.
#[test]
fn handle_initial_notification_approved() {
    let t = tree(
        &[("c/OWNERS", "approvers: [cblecker, cjwagner]\n")],
        None,
        false,
    );
    let mut pr = PullRequest::new(1, "cjwagner", &["c/c.go"]);
    pr.repo = repo("master", "github.com");
    let ev = evaluate(&t, &pr, &EngineOptions::default());
    same(
        &ev.notification,
        r##"[APPROVALNOTIFIER] This PR is **APPROVED**

This pull-request has been approved by: *<a href="#" title="Author self-approved">cjwagner</a>*

The full list of commands accepted by this bot can be found [here](https://go.k8s.io/bot-commands?repo=org%2Frepo).

The pull request process is described [here](https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process)

<details >
Needs approval from an approver in each of these files:

- ~~[c/OWNERS](https://github.com/org/repo/blob/master/c/OWNERS)~~ [cjwagner]

Approvers can indicate their approval by writing `/approve` in a comment
Approvers can cancel approval by writing `/approve cancel` in a comment
</details>
<!-- META={"approvers":[]} -->"##,
    );
}
