//! `vote/seat-tie`: a tie decides a seat, so the count needs a tie-break.

use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

use crate::count::Tally;
use crate::seats::SeatOutcome;

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/seat-tie",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a tie decides a seat: the count needs a tie-break",
    doc: "## What it checks\nWhether the count fills every seat, or some seat goes to one of several candidates the count cannot tell apart. Reported by `bazaar election tally` and by the ballot box's `close` and `results`, which then exit 1 (the results are still printed in full: the certain winners as elected, the tied candidates marked; in JSON `tie` is set, and it is `null` or `[]` exactly when every seat is decided).\n\nWhen a tie decides a seat depends on `--method`:\n\n- `elekto` (the default, as every published Kubernetes result): candidates are placed by their number of defeats (how many others beat them in the Schulze relation), \"No opinion\" not compared; a tie decides a seat when a place holding several candidates straddles the last seat, or when the employer cap leaves an employer fewer seats than its tied candidates.\n- `schulze` (textbook Schulze): \"No opinion\" is ranked below every ranked candidate; places are Schulze's winner sets (who nobody beats, then who nobody left beats). A candidate is elected only when the relation puts them inside the seats in every ranking consistent with it; any candidate the relation does not place inside or outside the seats is tied, even at a different place.\n\n## Why it matters\nTies are never broken silently: bazaar does not pick among tied candidates (Elekto lists them in random order). A script reading only the winners, or exit code 0, would otherwise take a pending seat for a result.\n\n## Example\n```csv\nx,y,z\n1,2,3\n1,3,2\n```\nWith `--seats 2`: `x` is elected, `y` and `z` are tied for the second seat.\n\n## How to fix\nBreak the tie as the election rules say (Kubernetes steering: a coin flip by a Steering Committee member not involved in the tie) and record it with the results; there is nothing to fix in the ballots.",
    origin: "Kubernetes steering election rules (ties); bazaar",
};

/// The finding for a pending tie: `tied` ids competing for `seats` of `total` seats.
pub fn diagnostic(file: &str, tied: &[&str], seats: usize, total: usize) -> Diagnostic {
    let names: Vec<String> = tied.iter().map(|c| format!("`{c}`")).collect();
    Diagnostic::error(
        META.id,
        format!(
            "a tie decides {seats} of {total} seat(s): {} are tied; the count needs a tie-break",
            names.join(", ")
        ),
    )
    .at(file, 0, 0)
    .with_help("break the tie as the election rules say; the certain winners are listed as elected")
}

/// The finding for the tie of an allocation, if one is pending; `file`
/// names the ballots the count came from.
pub fn check(t: &Tally, o: &SeatOutcome, file: &str) -> Option<Diagnostic> {
    let tie = o.tie.as_ref()?;
    let tied: Vec<&str> = tie
        .candidates
        .iter()
        .map(|&c| t.candidates[c].as_str())
        .collect();
    Some(diagnostic(file, &tied, tie.seats, o.seats))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::count::{Method, tally};
    use crate::seats::allocate;

    #[test]
    fn fires_when_a_tie_decides_a_seat() {
        let parsed = crate::load::ballots_csv::parse("x,y,z\n1,2,3\n1,3,2\n", "ballots.csv");
        let b = parsed.ballots.expect("sound");
        let t = tally(&b, Method::Elekto);
        let d = check(&t, &allocate(&t, 2, None), "ballots.csv").expect("a tie");
        assert_eq!(d.rule, META.id);
        assert_eq!(
            d.to_string(),
            "ballots.csv: vote/seat-tie a tie decides 1 of 2 seat(s): `y`, `z` are tied; the count needs a tie-break\n  help: break the tie as the election rules say; the certain winners are listed as elected"
        );
        // One seat, or all three: nothing is pending.
        assert!(check(&t, &allocate(&t, 1, None), "ballots.csv").is_none());
        assert!(check(&t, &allocate(&t, 3, None), "ballots.csv").is_none());
    }
}
