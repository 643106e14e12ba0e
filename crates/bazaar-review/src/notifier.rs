//! The approve plugin's `[APPROVALNOTIFIER]` comment, byte for byte.
//!
//! The text is what Prow's `GetMessage` template produces (whitespace
//! trimming included), followed by the `<!-- META={"approvers":[...]} -->`
//! line carrying the suggested approvers. Golden tests compare it with the
//! messages asserted by Prow's own tests.

use std::fmt::Write;

use crate::approve::{Approval, ApprovalReport, DirStatus};
use crate::pr::RepoRef;

/// Links used by the message (Prow's approve plugin options).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotifierLinks {
    /// `commandHelpLink`.
    pub command_help: String,
    /// `pr_process_link`.
    pub pr_process: String,
}

impl Default for NotifierLinks {
    fn default() -> Self {
        NotifierLinks {
            command_help: "https://go.k8s.io/bot-commands".to_string(),
            pr_process:
                "https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process"
                    .to_string(),
        }
    }
}

fn approval_list(out: &mut String, approvals: &[Approval]) {
    for (i, a) in approvals.iter().enumerate() {
        out.push_str(if i == 0 { " " } else { ", " });
        let _ = write!(
            out,
            "*<a href=\"{}\" title=\"{}\">{}</a>*",
            a.reference,
            a.how.as_str(),
            a.login
        );
    }
}

fn people(list: &[String]) -> String {
    list.iter()
        .map(|p| format!("[{p}](https://github.com/{p})"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The full notification comment. `manually_approved`: the `approved` label
/// was added by a human (Prow then reports APPROVED regardless).
pub fn message(
    report: &ApprovalReport,
    repo: &RepoRef,
    links: &NotifierLinks,
    manually_approved: bool,
) -> String {
    let mut m = String::new();
    if !report.approved && manually_approved {
        m.push_str("\nApproval requirements bypassed by manually added approval.\n\n");
    }
    m.push_str("This pull-request has been approved by:");
    approval_list(&mut m, &report.approvals);
    if !report.files_approved && !manually_approved {
        m.push('\n');
        let lead = "**Once this PR has been reviewed and has the lgtm label**";
        let tail = format!(
            "For more information see [the Code Review Process]({}).",
            links.pr_process
        );
        match (
            report.suggested_ccs.is_empty(),
            report.assigned_ccs.is_empty(),
        ) {
            (false, false) => {
                let _ = write!(
                    m,
                    "{lead}, please ask for approval from {} and additionally assign {} for approval. {tail}",
                    people(&report.assigned_ccs),
                    people(&report.suggested_ccs)
                );
            }
            (false, true) => {
                let _ = write!(
                    m,
                    "{lead}, please assign {} for approval. {tail}",
                    people(&report.suggested_ccs)
                );
            }
            (true, false) => {
                let _ = write!(
                    m,
                    "{lead}, please ask for approval from {}. {tail}",
                    people(&report.assigned_ccs)
                );
            }
            (true, true) => {}
        }
    }
    m.push_str("\n\n");
    if report.require_issue {
        if report.issue != 0 {
            let _ = write!(m, "Associated issue: *#{}*\n\n", report.issue);
        } else if !report.no_issue_approvals.is_empty() {
            m.push_str("Associated issue requirement bypassed by:");
            approval_list(&mut m, &report.no_issue_approvals);
            m.push_str("\n\n");
        } else if manually_approved {
            m.push_str(
                "*No associated issue*. Requirement bypassed by manually added approval.\n\n",
            );
        } else {
            m.push_str("*No associated issue*. Update pull-request body to add a reference to an issue, or get approval with `/approve no-issue`\n\n");
        }
    }
    let (org, name) = repo.repo.split_once('/').unwrap_or((&repo.repo, ""));
    let _ = write!(
        m,
        "The full list of commands accepted by this bot can be found [here]({}?repo={org}%2F{name}).\n\n",
        links.command_help
    );
    let files_done = report.files_approved || manually_approved;
    if files_done {
        let _ = write!(
            m,
            "The pull request process is described [here]({})\n\n",
            links.pr_process
        );
    }
    m.push_str(if files_done {
        "<details >\n"
    } else {
        "<details open>\n"
    });
    m.push_str("Needs approval from an approver in each of these files:\n\n");
    let base = format!("{}/{}", repo.link_url.trim_end_matches('/'), repo.repo);
    for r in &report.required {
        let owners_path = if r.dir.ends_with(".md") {
            r.dir.clone()
        } else if r.dir.is_empty() {
            "OWNERS".to_string()
        } else {
            format!("{}/OWNERS", r.dir)
        };
        let link = format!("{base}/blob/{}/{owners_path}", repo.base_branch);
        match r.status {
            DirStatus::Approved => {
                let _ = writeln!(
                    m,
                    "- ~~[{owners_path}]({link})~~ [{}]",
                    r.approved_by.join(",")
                );
            }
            DirStatus::Partial => {
                let _ = writeln!(
                    m,
                    "- **[{owners_path}]({link})** [{}]\n  > Need more approvers for rest parts.",
                    r.approved_by.join(",")
                );
            }
            DirStatus::Unapproved => {
                let _ = writeln!(m, "- **[{owners_path}]({link})**");
            }
        }
    }
    m.push_str("\nApprovers can indicate their approval by writing `/approve` in a comment\n");
    m.push_str("Approvers can cancel approval by writing `/approve cancel` in a comment\n");
    m.push_str("</details>");
    let meta = serde_json::to_string(&report.ccs).unwrap_or_else(|_| "[]".to_string());
    let _ = write!(m, "\n<!-- META={{\"approvers\":{meta}}} -->");
    let title = if report.approved || manually_approved {
        "This PR is **APPROVED**"
    } else {
        "This PR is **NOT APPROVED**"
    };
    format!("[APPROVALNOTIFIER] {title}\n\n{}", m.trim())
}
