//! The slash commands of Prow's plugins, with Prow's exact regular expressions.
//!
//! Every pattern below is the Go pattern copied from the plugin's source
//! (see `spec/prow.md`), compiled through [`crate::goregex`] so that `\s`,
//! `\w` and friends keep Go's ASCII meaning. Each parser takes a comment body
//! and returns what the plugin would act on; none of them decides policy.

use std::sync::LazyLock;

use regex::Regex;

use crate::goregex;

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this module; `tests::every_pattern_compiles`
    // proves they compile.
    goregex::compile(pattern).unwrap_or_else(|e| panic!("constant pattern `{pattern}`: {e}"))
}

macro_rules! patterns {
    ($($(#[$doc:meta])* $name:ident = $pat:expr;)*) => {
        $( $(#[$doc])* pub static $name: LazyLock<Regex> = LazyLock::new(|| re($pat)); )*
        /// Every pattern, for tests and the fuzz target: `(name, Go source)`.
        pub const ALL_PATTERNS: &[(&str, &str)] = &[$((stringify!($name), $pat)),*];
    };
}

patterns! {
    /// approve: any `/command args` line (`commandRegex`).
    APPROVE_COMMAND = r"(?m)^/([^\s]+)[\t ]*([^\n\r]*)";
    /// lgtm: `LGTMRe`.
    LGTM = r"(?mi)^/lgtm(?: no-issue)?\s*$";
    /// lgtm: `LGTMCancelRe`.
    LGTM_CANCEL = r"(?mi)^/(remove-lgtm|lgtm cancel)\s*$";
    /// hold: `labelRe`.
    HOLD = r"(?mi)^/hold(\s.*)?$";
    /// hold: `labelCancelRe` (checked first).
    HOLD_CANCEL = r"(?mi)^/(remove-hold|hold\s+cancel|unhold)(\s.*)?$";
    /// assign: `assignRe`.
    ASSIGN = r"(?mi)^/(un)?assign(( @?[-\w]+?)*)\s*$";
    /// assign: `CCRegexp` (also used by blunderbuss on PR bodies).
    CC = r"(?mi)^/(un)?cc(( +@?[-/\w]+?)*)\s*$";
    /// lifecycle: `/lifecycle` and `/remove-lifecycle`.
    LIFECYCLE = r"(?mi)^/(remove-)?lifecycle (active|frozen|stale|rotten)\s*$";
    /// lifecycle: `/close`.
    CLOSE = r"(?mi)^/close\s*$";
    /// lifecycle: `/close not-planned`.
    CLOSE_NOT_PLANNED = r"(?mi)^/close not-planned\s*$";
    /// lifecycle: `/reopen`.
    REOPEN = r"(?mi)^/reopen\s*$";
    /// trigger: `/ok-to-test`.
    OK_TO_TEST = r"(?m)^/ok-to-test\s*$";
    /// trigger: `/ok-to-test cancel`.
    OK_TO_TEST_CANCEL = r"(?m)^/ok-to-test\s+cancel\s*$";
    /// trigger: `/test all`.
    TEST_ALL = r"(?m)^/test all,?($|\s.*)";
    /// trigger: `/retest`.
    RETEST = r"(?m)^/retest\s*$";
    /// trigger: `/retest-required`.
    RETEST_REQUIRED = r"(?m)^/retest-required\s*$";
    /// trigger: `/test-manual-required`.
    TEST_MANUAL_REQUIRED = r"(?m)^/test-manual-required\s*$";
    /// trigger: `/test ?` (asks for the list of jobs).
    TEST_HELP = r"(?m)^/test[ \t]*\?\s*$";
    /// trigger: `/test` with nothing after it.
    TEST_EMPTY = r"(?m)^/test\s*$";
    /// trigger: any `/test <names>` line (the job names are matched by [`test_job_matches`]).
    TEST_ANY = r"(?m)^/test( | .* )\S+,?($|\s.*)";
    /// label: HTML comments, removed before matching.
    HTML_COMMENT = r"(?s)<!--(.*?)-->";
    /// label: `/area x`, `/kind x`, ...
    LABEL_ADD = r"(?m)^/(area|committee|kind|language|priority|sig|triage|wg)\s*(.*?)\s*$";
    /// label: `/remove-area x`, ...
    LABEL_REMOVE = r"(?m)^/remove-(area|committee|kind|language|priority|sig|triage|wg)\s*(.*?)\s*$";
    /// label: `/label x`.
    LABEL_CUSTOM_ADD = r"(?m)^/label\s*(.*?)\s*$";
    /// label: `/remove-label x`.
    LABEL_CUSTOM_REMOVE = r"(?m)^/remove-label\s*(.*?)\s*$";
    /// help: `/help`.
    HELP = r"(?mi)^/help\s*$";
    /// help: `/remove-help`.
    HELP_REMOVE = r"(?mi)^/remove-help\s*$";
    /// help: `/good-first-issue`.
    GOOD_FIRST_ISSUE = r"(?mi)^/good-first-issue\s*$";
    /// help: `/remove-good-first-issue`.
    GOOD_FIRST_ISSUE_REMOVE = r"(?mi)^/remove-good-first-issue\s*$";
    /// blunderbuss: `/auto-cc`.
    AUTO_CC = r"(?mi)^/auto-cc\s*$";
    /// verify-owners: `/verify-owners`.
    VERIFY_OWNERS = r"(?mi)^/verify-owners\s*$";
    /// approve: the associated issue, `#123` (the `ORG/repo/issues/N` form needs the org).
    ISSUE = r"#(\d+)";
    /// Notification comments of the approve plugin.
    APPROVAL_NOTIFIER = r"(?is)^\[APPROVALNOTIFIER\] *?([^\n]*)(?:\n\n(.*))?";
}

/// One match of the approve plugin's command regex.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApproveCommand {
    /// Group 1, upper-cased (`APPROVE`, `REMOVE-APPROVE`, `LGTM`, ...).
    pub name: String,
    /// Group 2, trimmed and lower-cased.
    pub args: String,
}

/// Every `/command args` line, as the approve plugin sees it.
pub fn approve_commands(body: &str) -> Vec<ApproveCommand> {
    APPROVE_COMMAND
        .captures_iter(body)
        .map(|c| ApproveCommand {
            name: c.get(1).map_or("", |m| m.as_str()).to_uppercase(),
            args: c.get(2).map_or("", |m| m.as_str()).trim().to_lowercase(),
        })
        .collect()
}

/// What an lgtm-plugin comment asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LgtmRequest {
    Add,
    Remove,
}

/// The lgtm plugin's reading of a comment: `LGTMRe` first, then `LGTMCancelRe`.
pub fn lgtm_request(body: &str) -> Option<LgtmRequest> {
    if LGTM.is_match(body) {
        Some(LgtmRequest::Add)
    } else if LGTM_CANCEL.is_match(body) {
        Some(LgtmRequest::Remove)
    } else {
        None
    }
}

/// The hold plugin's reading: `Some(true)` to hold, `Some(false)` to release.
pub fn hold_request(body: &str) -> Option<bool> {
    if HOLD_CANCEL.is_match(body) {
        Some(false)
    } else if HOLD.is_match(body) {
        Some(true)
    } else {
        None
    }
}

/// `/assign`, `/unassign`, `/cc`, `/uncc` requests: login (as written, `@`
/// trimmed) → add (`true`) or remove. An empty argument list names the
/// commenter. The last mention of a login wins. `un` is compared
/// case-sensitively, as Prow does (`/UNassign` assigns).
pub fn assign_requests(body: &str, commenter: &str, cc: bool) -> Vec<(String, bool)> {
    let re: &Regex = if cc { &CC } else { &ASSIGN };
    let mut users: Vec<(String, bool)> = Vec::new();
    let mut set = |login: String, add: bool| {
        if let Some(slot) = users.iter_mut().find(|(l, _)| *l == login) {
            slot.1 = add;
        } else {
            users.push((login, add));
        }
    };
    for c in re.captures_iter(body) {
        let add = c.get(1).map(|m| m.as_str()) != Some("un");
        let args = c.get(2).map_or("", |m| m.as_str());
        if args.is_empty() {
            set(commenter.to_string(), add);
        } else {
            for login in parse_logins(args) {
                set(login, add);
            }
        }
    }
    users
}

/// Prow's `parseLogins`: split on spaces, trim `@` and spaces, drop empties.
pub fn parse_logins(text: &str) -> Vec<String> {
    text.split(' ')
        .map(|p| p.trim_matches(|c| c == '@' || c == ' '))
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// A `/lifecycle` or `/remove-lifecycle` request: (`remove`, state).
pub fn lifecycle_requests(body: &str) -> Vec<(bool, String)> {
    LIFECYCLE
        .captures_iter(body)
        .map(|c| {
            (
                c.get(1).is_some(),
                c.get(2).map_or("", |m| m.as_str()).to_lowercase(),
            )
        })
        .collect()
}

/// Drop fenced code blocks before trigger matching (Prow's `markdown.DropCodeBlock`
/// removes lines between ``` fences).
pub fn drop_code_blocks(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut in_block = false;
    for line in body.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if !in_block {
            out.push_str(line);
        }
    }
    out
}

/// What the trigger plugin reads in a comment.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TriggerRequest {
    pub ok_to_test: bool,
    pub ok_to_test_cancel: bool,
    pub test_all: bool,
    pub retest: bool,
    pub retest_required: bool,
    pub test_manual_required: bool,
    pub test_help: bool,
    pub test_empty: bool,
    /// Job names after `/test` (other than `all`).
    pub jobs: Vec<String>,
}

impl TriggerRequest {
    /// Whether the comment concerns the trigger plugin at all.
    pub fn any(&self) -> bool {
        self.ok_to_test
            || self.ok_to_test_cancel
            || self.test_all
            || self.retest
            || self.retest_required
            || self.test_manual_required
            || self.test_help
            || self.test_empty
            || !self.jobs.is_empty()
    }

    /// Whether it asks for tests to run (anything but `/ok-to-test cancel` and `/test ?`).
    pub fn runs_tests(&self) -> bool {
        self.ok_to_test
            || self.test_all
            || self.retest
            || self.retest_required
            || self.test_manual_required
            || !self.jobs.is_empty()
    }
}

/// Read a comment as the trigger plugin does (code blocks dropped first).
pub fn trigger_request(body: &str) -> TriggerRequest {
    let body = drop_code_blocks(body);
    let mut jobs = Vec::new();
    for line in body.lines() {
        if let Some(rest) = line.strip_prefix("/test ")
            && TEST_ANY.is_match(line)
        {
            for name in rest.split([' ', ',']).filter(|s| !s.is_empty()) {
                if name != "all" && name != "?" && !jobs.iter().any(|j| j == name) {
                    jobs.push(name.to_string());
                }
            }
        }
    }
    TriggerRequest {
        ok_to_test: OK_TO_TEST.is_match(&body),
        ok_to_test_cancel: OK_TO_TEST_CANCEL.is_match(&body),
        test_all: TEST_ALL.is_match(&body),
        retest: RETEST.is_match(&body),
        retest_required: RETEST_REQUIRED.is_match(&body),
        test_manual_required: TEST_MANUAL_REQUIRED.is_match(&body),
        test_help: TEST_HELP.is_match(&body),
        test_empty: TEST_EMPTY.is_match(&body),
        jobs,
    }
}

/// Whether a job's default trigger `(?m)^/test( | .* )<job>,?($|\s.*)` matches.
pub fn test_job_matches(body: &str, job: &str) -> bool {
    let pattern = format!(r"(?m)^/test( | .* ){},?($|\s.*)", regex::escape(job));
    goregex::compile(&pattern).is_ok_and(|re| re.is_match(&drop_code_blocks(body)))
}

/// Label changes asked for by a comment, after HTML comments are removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelRequest {
    /// `kind/bug`, ... (lower-cased).
    pub add: Vec<String>,
    pub remove: Vec<String>,
    /// Arguments of `/label x` and `/remove-label x` (lower-cased; Prow only
    /// accepts them when configured).
    pub custom_add: Vec<String>,
    pub custom_remove: Vec<String>,
}

/// Read a comment as the label plugin does.
pub fn label_request(body: &str) -> LabelRequest {
    let body = HTML_COMMENT.replace_all(body, "");
    let prefixed = |re: &Regex| -> Vec<String> {
        let mut out = Vec::new();
        for c in re.captures_iter(&body) {
            let prefix = c.get(1).map_or("", |m| m.as_str());
            let whole = c.get(0).map_or("", |m| m.as_str());
            for name in whole.split(' ').skip(1) {
                let name = name.trim();
                if !name.is_empty() {
                    out.push(format!("{prefix}/{name}").to_lowercase());
                }
            }
        }
        out
    };
    let custom = |re: &Regex| -> Vec<String> {
        re.captures_iter(&body)
            .filter_map(|c| c.get(1))
            .map(|m| m.as_str().to_lowercase())
            .filter(|s| !s.is_empty())
            .collect()
    };
    LabelRequest {
        add: prefixed(&LABEL_ADD),
        remove: prefixed(&LABEL_REMOVE),
        custom_add: custom(&LABEL_CUSTOM_ADD),
        custom_remove: custom(&LABEL_CUSTOM_REMOVE),
    }
}

/// The associated issue number in a PR body (`#123`), or 0.
pub fn associated_issue(body: &str) -> u64 {
    ISSUE
        .captures(body)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        for (name, pat) in ALL_PATTERNS {
            assert!(goregex::compile(pat).is_ok(), "{name}: {pat}");
        }
    }

    #[test]
    fn approve_command_regex() {
        let c = approve_commands(
            "/approve\n/APPROVE no-issue\n/approve cancel \r\n> /approve\n /approve\n/approved\n/remove-approve",
        );
        let got: Vec<_> = c
            .iter()
            .map(|c| (c.name.as_str(), c.args.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("APPROVE", ""),
                ("APPROVE", "no-issue"),
                ("APPROVE", "cancel"),
                ("APPROVED", ""),
                ("REMOVE-APPROVE", "")
            ]
        );
        // Failing case: quoted and indented lines are not commands.
        assert!(approve_commands("> /approve\n  /approve").is_empty());
    }

    #[test]
    fn lgtm_regexes() {
        for b in [
            "/lgtm",
            "/LGTM",
            "/lgtm ",
            "/lgtm no-issue",
            "/lgtm no-issue \r",
            "x\n/lgtm\ny",
        ] {
            assert_eq!(lgtm_request(b), Some(LgtmRequest::Add), "{b:?}");
        }
        for b in [
            "/lgtm cancel",
            "/remove-lgtm",
            "/lgtm cancel \r",
            "/Remove-LGTM",
        ] {
            assert_eq!(lgtm_request(b), Some(LgtmRequest::Remove), "{b:?}");
        }
        for b in [
            "/lgtm please",
            "> /lgtm",
            " /lgtm",
            "/lgtmx",
            "/lgtm cancel //PR changed",
        ] {
            assert_eq!(lgtm_request(b), None, "{b:?}");
        }
    }

    #[test]
    fn hold_regexes() {
        for b in ["/hold", "/hold for further review", "/HOLD"] {
            assert_eq!(hold_request(b), Some(true), "{b:?}");
        }
        for b in [
            "/hold cancel",
            "/hold   cancel  now",
            "/unhold because",
            "/remove-hold",
        ] {
            assert_eq!(hold_request(b), Some(false), "{b:?}");
        }
        for b in ["> /hold", "/remove -    hold", "/removehold", "/holdx"] {
            assert_eq!(hold_request(b), None, "{b:?}");
        }
    }

    #[test]
    fn assign_and_cc_regexes() {
        assert_eq!(
            assign_requests("/assign", "me", false),
            [("me".to_string(), true)]
        );
        assert_eq!(
            assign_requests("/assign @a b\n/unassign a", "me", false),
            [("a".to_string(), false), ("b".to_string(), true)]
        );
        assert_eq!(
            assign_requests("/UNassign x", "me", false),
            [("x".to_string(), true)]
        );
        assert_eq!(
            assign_requests("/cc @org/team  bob", "me", true),
            [("org/team".to_string(), true), ("bob".to_string(), true)]
        );
        assert_eq!(
            assign_requests("/uncc", "me", true),
            [("me".to_string(), false)]
        );
        // Failing cases: `/` in an /assign argument, text after the command name.
        assert!(assign_requests("/assign org/team", "me", false).is_empty());
        assert!(assign_requests("/assignee x", "me", false).is_empty());
        assert!(assign_requests("/cc", "me", false).is_empty());
    }

    #[test]
    fn lifecycle_regexes() {
        assert_eq!(
            lifecycle_requests("/lifecycle frozen\n/remove-lifecycle stale"),
            [(false, "frozen".to_string()), (true, "stale".to_string())]
        );
        assert!(lifecycle_requests("/lifecycle  frozen").is_empty());
        assert!(lifecycle_requests("/lifecycle dead").is_empty());
        assert!(CLOSE.is_match("/close") && !CLOSE.is_match("/close now"));
        assert!(CLOSE_NOT_PLANNED.is_match("/close not-planned"));
        assert!(REOPEN.is_match("/REOPEN ") && !REOPEN.is_match("/reopen it"));
    }

    #[test]
    fn trigger_regexes() {
        let r = trigger_request("/ok-to-test");
        assert!(r.ok_to_test && r.runs_tests());
        assert!(
            !trigger_request("/OK-TO-TEST").any(),
            "trigger commands are case-sensitive"
        );
        assert!(trigger_request("/ok-to-test  cancel").ok_to_test_cancel);
        assert!(trigger_request("/test all").test_all);
        assert!(trigger_request("/test all, please").test_all);
        assert!(trigger_request("/retest").retest);
        assert!(!trigger_request("/retest please").retest);
        assert!(trigger_request("/retest-required").retest_required);
        assert!(trigger_request("/test-manual-required").test_manual_required);
        assert!(trigger_request("/test ?").test_help);
        assert!(trigger_request("/test").test_empty);
        assert_eq!(trigger_request("/test unit e2e").jobs, ["unit", "e2e"]);
        assert!(
            !trigger_request("```\n/retest\n```").any(),
            "code blocks are dropped"
        );
        assert!(test_job_matches("/test foo bar", "bar"));
        assert!(!test_job_matches("/test foobar", "bar"));
    }

    #[test]
    fn label_regexes() {
        let r = label_request(
            "/kind bug api-change\n/remove-sig node\n<!-- /area x -->\n/label tide/merge-method-squash",
        );
        assert_eq!(r.add, ["kind/bug", "kind/api-change"]);
        assert_eq!(r.remove, ["sig/node"]);
        assert_eq!(r.custom_add, ["tide/merge-method-squash"]);
        // `/kindbug` matches the pattern but names no label (Prow splits on spaces).
        assert!(label_request("/kindbug").add.is_empty());
        assert!(label_request("> /kind bug").add.is_empty());
    }

    #[test]
    fn help_regexes() {
        assert!(HELP.is_match("/help") && HELP.is_match("/HELP  "));
        assert!(!HELP.is_match("/help me"));
        assert!(HELP_REMOVE.is_match("/remove-help"));
        assert!(GOOD_FIRST_ISSUE.is_match("/good-first-issue"));
        assert!(GOOD_FIRST_ISSUE_REMOVE.is_match("/remove-good-first-issue"));
        assert!(!GOOD_FIRST_ISSUE.is_match("/good-first-issues"));
    }

    #[test]
    fn issue_and_notifier_regexes() {
        assert_eq!(associated_issue("Fixes #42 and #7"), 42);
        assert_eq!(associated_issue("Finally fixes kubernetes/kubernetes#1"), 1);
        assert_eq!(associated_issue("no issue"), 0);
        assert!(APPROVAL_NOTIFIER.is_match("[APPROVALNOTIFIER] This PR is **APPROVED**\n\nbody"));
        assert!(AUTO_CC.is_match("/auto-cc") && VERIFY_OWNERS.is_match("/verify-owners"));
    }
}
