//! `activity/event-type-unknown`: a GH Archive event whose `type` is not one
//! of the Events API types. The check lives in [`crate::gharchive::parse_line`].

use bazaar_core::{RuleMeta, RuleStatus, Severity};

pub const META: RuleMeta = RuleMeta {
    id: "activity/event-type-unknown",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a GH Archive event has a type the Events API does not define",
    doc: "## What it checks\nThat every event's `type` is one of the GitHub Events API types \
          (`PushEvent`, `PullRequestEvent`, `IssuesEvent`, `WatchEvent`, ...).\n\n\
          ## Why it matters\nOnly seven types count as contributions (DevStats' definition); an \
          unknown type is either a new GitHub event kind or a corrupted line, and someone \
          should decide whether it counts. It is never counted silently.\n\n\
          ## Example\n```\n{\"id\":\"7\",\"type\":\"PullRequestReviewThreadEvent\", ...}\n```\n\n\
          ## How to fix\nNothing to fix in the data; if GitHub added a type that should count, \
          open an issue so the definition can be updated deliberately.",
    origin: "GitHub Events API, cncf/devstats contribution definition",
};

#[cfg(test)]
mod tests {
    use crate::gharchive::{LineError, parse_line};

    const FAIL: &str =
        include_str!("../../tests/fixtures/rules/activity-event-type-unknown/fail/hour.json");

    #[test]
    fn failing_fixture_has_an_unknown_type() {
        let results: Vec<_> = FAIL.lines().map(|l| parse_line(l.as_bytes())).collect();
        assert!(
            matches!(&results[0], Ok(None)),
            "WatchEvent is known, not a contribution"
        );
        assert!(
            matches!(&results[1], Err(LineError::UnknownType(t)) if t == "PullRequestReviewThreadEvent")
        );
    }
}
