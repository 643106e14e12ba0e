//! Prow-compatible code review governance: OWNERS trees and the
//! approve / lgtm / hold / ... engine.
//!
//! # Brief overview
//!
//! Data flows one way: **load → tree → engine → (render in the CLI)**.
//!
//! - [`load`] walks a checkout as Prow does ([`load::read_checkout`],
//!   [`load::load_tree`]) and reads `PR.json` ([`load::pull_request`]).
//! - [`owners::OwnersTree`] is Prow's `RepoOwners`: built from already-read
//!   files by [`owners::OwnersTree::build`] (pure), queried with
//!   [`approvers`](owners::OwnersTree::approvers),
//!   [`leaf_approvers`](owners::OwnersTree::leaf_approvers),
//!   [`reviewers`](owners::OwnersTree::reviewers),
//!   [`required_reviewers`](owners::OwnersTree::required_reviewers),
//!   [`labels`](owners::OwnersTree::labels) and
//!   [`approver_owners_dir`](owners::OwnersTree::approver_owners_dir).
//!   For the contributor ladder, [`owners::OwnersTree::files`] lists every
//!   OWNERS file with its raw lists ([`owners::OwnersDoc`]: approvers,
//!   reviewers, `emeritus_approvers`, ... with line and column) and
//!   [`owners::OwnersTree::aliases`] expands them
//!   ([`owners::Aliases::expand`]).
//! - [`pr::PullRequest`] is the engine's input: files, an event timeline
//!   ([`pr::Event`], timestamps as data) and plugin options.
//! - [`engine::evaluate`] replays the timeline through approve, lgtm, hold,
//!   assign/cc, lifecycle, trigger, label and help, and returns an
//!   [`engine::Evaluation`]: the approval report ([`approve::ApprovalReport`]),
//!   labels, the `[APPROVALNOTIFIER]` text ([`notifier::message`]), suggested
//!   approvers (Go's `math/rand`, [`gorand::GoRand`]) and reviewers
//!   ([`blunderbuss`]), and the [`engine::Action`]s to apply.
//! - [`audit`] checks a tree for what Prow silently ignores; each finding is a
//!   rule of [`rules::ALL`].
//! - [`commands`] holds Prow's exact command regular expressions;
//!   [`goregex`] compiles Go regular expressions with Go's meaning.
//!
//! ```
//! use bazaar_review::owners::{OwnersConfig, OwnersTree, SourceFile, SourceKind};
//! use bazaar_review::pr::PullRequest;
//! use bazaar_review::engine::{evaluate, EngineOptions};
//!
//! let files = [
//!     SourceFile { path: "OWNERS".into(), kind: SourceKind::Owners, text: "approvers: [root]\n".into() },
//!     SourceFile { path: "a/OWNERS".into(), kind: SourceKind::Owners, text: "approvers: [Alice]\nreviewers: [bob]\n".into() },
//! ];
//! let (tree, findings) = OwnersTree::build(&files, None, &OwnersConfig::default());
//! assert!(findings.is_empty());
//! assert_eq!(tree.approver_owners_dir("a/x.go"), "a");
//!
//! let pr = PullRequest::new(7, "carol", &["a/x.go"])
//!     .comment("bob", "/lgtm", "2024-03-01T12:00:00Z")
//!     .comment("alice", "/approve", "2024-03-01T12:05:00Z");
//! let ev = evaluate(&tree, &pr, &EngineOptions::default());
//! assert!(ev.lgtm && ev.approval.approved);
//! assert_eq!(ev.approval.required_dirs(), ["a"]);
//! ```

pub mod approve;
pub mod audit;
pub mod blunderbuss;
pub mod commands;
pub mod engine;
pub mod gorand;
pub mod goregex;
pub mod history;
pub mod load;
pub mod notifier;
pub mod owners;
pub mod path;
pub mod pr;
pub mod rules;
