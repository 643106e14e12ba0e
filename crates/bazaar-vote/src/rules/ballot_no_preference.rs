//! `vote/ballot-no-preference`: some ballots express no preference at all.

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/ballot-no-preference",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "some ballots express no preference at all",
    doc: "## What it checks\nWhether some ballots rank nobody, or rank everyone equal (the untouched Elekto form).\n\n## Why it matters\nSuch a ballot is valid and counts for turnout, but it changes no comparison. Many of them can mean the voting form misled voters (Elekto defaults every candidate to rank n).\n\n## Example\n```csv\nalice,bob\nNo opinion,No opinion\n2,2\n```\n\n## How to fix\nNothing to fix in the file; consider explaining the form better to voters.",
    origin: "Elekto (all-`No opinion` ballots count for turnout only)",
};

/// Ballots with no strict preference between any two candidates.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    let (Some(b), Some(path)) = (&e.ballots, &e.ballots_file) else {
        return vec![];
    };
    let empty = b
        .rows()
        .filter(|row| {
            let mut ranked = row.iter().filter(|&&r| r != crate::ballots::NO_OPINION);
            match ranked.next() {
                None => true,
                Some(first) => ranked.all(|r| r == first),
            }
        })
        .count();
    if empty == 0 {
        return vec![];
    }
    vec![
        Diagnostic::warning(
            META.id,
            format!(
                "{empty} of {} ballots express no preference (they count for turnout only)",
                b.len()
            ),
        )
        .at(path.display().to_string(), 0, 0),
    ]
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_blank_and_flat_ballots() {
        let d = check_with(&[(
            "ballots.csv",
            Some("carol,alice,bob\nNo opinion,No opinion,No opinion\n2,2,2\n1,2,3\n"),
        )]);
        assert_eq!(
            of(&d, META.id),
            ["ballots.csv:0: 2 of 3 ballots express no preference (they count for turnout only)"]
        );
    }
}
