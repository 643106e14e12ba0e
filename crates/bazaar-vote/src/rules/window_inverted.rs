//! `vote/window-inverted`: the voting window ends before it starts.

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/window-inverted",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "the voting window ends before it starts",
    doc: "## What it checks\nThat `end_datetime` is after `start_datetime`.\n\n## Why it matters\nAn inverted window means nobody can ever vote (Elekto shows the election as completed before it started).\n\n## Example\n```yaml\nstart_datetime: 2031-09-15 00:00:01\nend_datetime: 2031-09-01 11:59:59\n```\n\n## How to fix\nSwap or correct the dates.",
    origin: "bazaar",
};

/// End at or before start.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    let Some(c) = &e.config else { return vec![] };
    match (c.start, c.end) {
        (Some(s), Some(end)) if end <= s => {
            let file = e.shown("election.yaml");
            let line = std::fs::read_to_string(&file)
                .map_or(0, |t| crate::load::config::line_of_key(&t, "end_datetime"));
            vec![
                Diagnostic::error(
                    META.id,
                    format!("voting ends ({end}) before it starts ({s})"),
                )
                .at(file, line, 1)
                .with_help("`end_datetime` must be later than `start_datetime`"),
            ]
        }
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_when_end_precedes_start() {
        let cfg = include_str!("../../tests/fixtures/election-ok/election.yaml").replace(
            "end_datetime: 2031-09-15 11:59:59",
            "end_datetime: 2031-08-15 11:59:59",
        );
        let d = check_with(&[("election.yaml", Some(&cfg))]);
        assert_eq!(
            of(&d, META.id),
            [
                "election.yaml:4: voting ends (2031-08-15 11:59:59) before it starts (2031-09-01 00:00:01)"
            ]
        );
    }
}
