//! `vote/no-winners-invalid`: `no_winners` is not a positive integer or exceeds the number of candidates.

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/no-winners-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "`no_winners` is not a positive integer or exceeds the number of candidates",
    doc: "## What it checks\nThat `no_winners`, the number of seats, is a positive integer no larger than the number of candidates.\n\n## Why it matters\nbazaar fills `no_winners` seats from the ranking; a wrong value elects the wrong number of people.\n\n## Example\n```yaml\nno_winners: three\n```\n\n## How to fix\nWrite the number of seats, e.g. `no_winners: 3`.",
    origin: "Elekto `election.yaml` (`no_winners`)",
};

/// `no_winners` larger than the candidate list (the parse itself is checked while loading).
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    let Some(n) = e.config.as_ref().and_then(|c| c.no_winners) else {
        return vec![];
    };
    let candidates = e.candidates.len();
    if candidates == 0 || n as usize <= candidates {
        return vec![];
    }
    let file = e.shown("election.yaml");
    let line = std::fs::read_to_string(&file)
        .map_or(0, |t| crate::load::config::line_of_key(&t, "no_winners"));
    vec![
        Diagnostic::error(
            META.id,
            format!("`no_winners: {n}` but there are only {candidates} candidates"),
        )
        .at(file, line, 1)
        .with_help("lower `no_winners` or add the missing candidate files"),
    ]
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_text_and_on_too_many_seats() {
        let cfg = include_str!("../../tests/fixtures/election-ok/election.yaml");
        let d = check_with(&[(
            "election.yaml",
            Some(&cfg.replace("no_winners: 2", "no_winners: two")),
        )]);
        assert_eq!(
            of(&d, META.id),
            ["election.yaml:5: `no_winners: two` is not a positive integer"]
        );
        let d = check_with(&[(
            "election.yaml",
            Some(&cfg.replace("no_winners: 2", "no_winners: 4")),
        )]);
        assert_eq!(
            of(&d, META.id),
            ["election.yaml:5: `no_winners: 4` but there are only 3 candidates"]
        );
    }
}
