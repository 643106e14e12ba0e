//! `activity/event-line-malformed`: a line of a GH Archive hour file that is
//! not a well-formed event. The check lives in [`crate::gharchive::parse_line`].

use bazaar_core::{RuleMeta, RuleStatus, Severity};

pub const META: RuleMeta = RuleMeta {
    id: "activity/event-line-malformed",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a GH Archive line is not valid JSON or lacks the event envelope",
    doc: "## What it checks\nThat each line of a GH Archive `.json.gz` hour file is one JSON \
          object with the event envelope: `id` (a string or number holding an integer), \
          `type`, `actor.login`, `repo.name` and an RFC 3339 `created_at`.\n\n\
          ## Why it matters\nDevStats' `gha2db` stops on such a line; skipping it silently \
          would change contribution counts without anyone knowing. bazaar skips the line, \
          counts it, and reports it with its file and line; the rest of the file is ingested.\n\n\
          ## Example\n```\n{\"id\":\"1\",\"type\":\"PushEvent\",\"actor\":{\"login\":\"a\"}\n```\n\
          (truncated: the object is not closed and `repo`/`created_at` are missing)\n\n\
          ## How to fix\nRe-download the hour file; if the upstream file really holds the \
          line, nothing needs fixing: the count in the report says how many were skipped.",
    origin: "cncf/devstatscode gha2db (event envelope), GH Archive",
};

#[cfg(test)]
mod tests {
    use crate::gharchive::{LineError, parse_line};

    const FAIL: &str =
        include_str!("../../tests/fixtures/rules/activity-event-line-malformed/fail/hour.json");

    #[test]
    fn failing_fixture_lines_are_malformed() {
        let mut malformed = Vec::new();
        for (i, line) in FAIL.lines().enumerate() {
            if let Err(LineError::Malformed(_)) = parse_line(line.as_bytes()) {
                malformed.push(i + 1);
            }
        }
        assert_eq!(malformed, vec![2, 3, 4, 5, 6]);
    }
}
