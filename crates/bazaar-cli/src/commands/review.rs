//! `bazaar review --repo DIR --pr PR.json`: the approval state of a PR from
//! its event timeline, as Prow's approve, lgtm and related plugins see it.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use bazaar_core::OutputFormat;
use bazaar_review::approve::DirStatus;
use bazaar_review::engine::{self, Action, EngineOptions, Evaluation};
use bazaar_review::owners::OwnersConfig;
use serde::Serialize;

use super::owners::{load, show_dir, warn};
use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The checkout of the base branch (its OWNERS files decide).
    #[arg(long, value_name = "DIR")]
    pub repo: PathBuf,
    /// The pull request: files, events and options (see docs/json.md).
    #[arg(long, value_name = "PR.json")]
    pub pr: PathBuf,
    /// Print the `[APPROVALNOTIFIER]` comment exactly as Prow would post it.
    #[arg(long)]
    pub notifier: bool,
    /// Also read owners from `*.md` front matter (Prow's `mdyamlrepos`; off by default).
    #[arg(long)]
    pub md_yaml: bool,
}

/// The `review` JSON output (contract 2 of prow-cases, plus extensions).
#[derive(Serialize)]
struct ReviewDto<'a> {
    approved: bool,
    required_dirs: Vec<&'a str>,
    unapproved_dirs: &'a [String],
    approvers: Vec<String>,
    issue: u64,
    no_issue: bool,
    lgtm: bool,
    hold: bool,
    labels: Vec<&'a str>,
    required: Vec<RequiredDto<'a>>,
    suggested_approvers: &'a [String],
    suggested_reviewers: Vec<String>,
    actions: Vec<ActionDto>,
}

#[derive(Serialize)]
struct RequiredDto<'a> {
    dir: &'a str,
    approved: bool,
    status: &'static str,
    approved_by: &'a [String],
    leaf_approvers: &'a [String],
    approvers: &'a [String],
}

#[derive(Serialize)]
struct ActionDto {
    action: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

fn status_str(s: DirStatus) -> &'static str {
    match s {
        DirStatus::Approved => "approved",
        DirStatus::Partial => "partial",
        DirStatus::Unapproved => "unapproved",
    }
}

fn action_dto(a: &Action) -> ActionDto {
    let simple = |action, target: &String| ActionDto {
        action,
        target: Some(target.clone()),
        event: None,
        text: None,
    };
    match a {
        Action::AddLabel(l) => simple("add-label", l),
        Action::RemoveLabel(l) => simple("remove-label", l),
        Action::Assign(l) => simple("assign", l),
        Action::Unassign(l) => simple("unassign", l),
        Action::RequestReview(l) => simple("request-review", l),
        Action::UnrequestReview(l) => simple("unrequest-review", l),
        Action::Close => ActionDto {
            action: "close",
            target: None,
            event: None,
            text: None,
        },
        Action::Reopen => ActionDto {
            action: "reopen",
            target: None,
            event: None,
            text: None,
        },
        Action::Reply(r) => ActionDto {
            action: "reply",
            target: Some(r.login.clone()),
            event: Some(r.event),
            text: Some(r.text.clone()),
        },
        Action::RunTests(t) => ActionDto {
            action: "run-tests",
            target: Some(t.login.clone()),
            event: Some(t.event),
            text: Some(t.what.join(" ")),
        },
    }
}

pub fn run(args: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    super::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let config = OwnersConfig {
        md_yaml: args.md_yaml,
        ..OwnersConfig::default()
    };
    let pr = bazaar_review::load::pull_request(&args.pr).context("reading the pull request")?;
    let (tree, diags) = load(&args.repo, &config)?;
    warn(g, &diags);
    let ev = engine::evaluate(&tree, &pr, &EngineOptions::default());
    let mut out = std::io::stdout().lock();
    if args.notifier {
        writeln!(out, "{}", ev.notification)?;
    } else {
        match g.format {
            OutputFormat::Json => render::json(&mut out, &dto(&ev))?,
            _ => out.write_all(table(&ev).as_bytes())?,
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(ExitStatus::Clean)
}

fn dto(ev: &Evaluation) -> ReviewDto<'_> {
    let a = &ev.approval;
    ReviewDto {
        approved: a.approved,
        required_dirs: a.required_dirs(),
        unapproved_dirs: &a.unapproved_dirs,
        approvers: a.approvals.iter().map(|x| x.login.to_lowercase()).collect(),
        issue: a.issue,
        no_issue: !a.no_issue_approvals.is_empty(),
        lgtm: ev.lgtm,
        hold: ev.hold,
        labels: ev.labels.iter().map(String::as_str).collect(),
        required: a
            .required
            .iter()
            .map(|r| RequiredDto {
                dir: &r.dir,
                approved: r.status == DirStatus::Approved,
                status: status_str(r.status),
                approved_by: &r.approved_by,
                leaf_approvers: &r.leaf_approvers,
                approvers: &r.approvers,
            })
            .collect(),
        suggested_approvers: &a.ccs,
        suggested_reviewers: ev.suggested_reviewers.all(),
        actions: ev.actions.iter().map(action_dto).collect(),
    }
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// The table: a summary, then per required directory its approvers and
/// whether it is approved (the spirit of `[APPROVALNOTIFIER]`).
fn table(ev: &Evaluation) -> String {
    let a = &ev.approval;
    let mut s = String::new();
    let approvers: Vec<&str> = a.approvals.iter().map(|x| x.login.as_str()).collect();
    let issue = if a.issue == 0 {
        "none".to_string()
    } else {
        format!("#{}", a.issue)
    };
    let summary = vec![
        vec!["approved".to_string(), yes(a.approved).to_string()],
        vec!["lgtm".to_string(), yes(ev.lgtm).to_string()],
        vec!["hold".to_string(), yes(ev.hold).to_string()],
        vec!["approved by".to_string(), approvers.join(", ")],
        vec!["issue".to_string(), issue],
        vec!["suggested approvers".to_string(), a.ccs.join(", ")],
        vec![
            "suggested reviewers".to_string(),
            ev.suggested_reviewers.all().join(", "),
        ],
        vec![
            "labels".to_string(),
            ev.labels.iter().cloned().collect::<Vec<_>>().join(", "),
        ],
    ];
    s.push_str(&render::table(&["", ""], summary));
    s.push('\n');
    let rows = a.required.iter().map(|r| {
        vec![
            show_dir(&r.dir),
            status_str(r.status).to_string(),
            r.approved_by.join(", "),
            r.leaf_approvers.join(", "),
        ]
    });
    s.push_str(&render::table(
        &["owners", "status", "approved by", "approvers"],
        rows,
    ));
    if !ev.actions.is_empty() {
        s.push('\n');
        let rows = ev.actions.iter().map(|x| {
            let d = action_dto(x);
            vec![
                d.action.to_string(),
                d.target.unwrap_or_default(),
                d.text.unwrap_or_default(),
            ]
        });
        s.push_str(&render::table(&["action", "target", "detail"], rows));
    }
    s
}
