//! The `vote/...` rules: one file per rule holding its documentation, its
//! check (or, for problems found while parsing, the tests of the parser that
//! reports it) and a failing fixture.
//!
//! [`check`] runs every cross-file rule over a loaded election folder and
//! returns them together with the findings made while loading.
//! [`seat_tie`] is about a count, not the folder: the commands that count
//! report it.

use bazaar_core::{Diagnostic, RuleMeta};

use crate::load::ElectionDir;

pub mod ballot_candidate_missing;
pub mod ballot_duplicate_candidate;
pub mod ballot_empty;
pub mod ballot_header_invalid;
pub mod ballot_no_preference;
pub mod ballot_rank_invalid;
pub mod ballot_rank_out_of_range;
pub mod ballot_row_width;
pub mod ballot_unknown_candidate;
pub mod ballots_exceed_voters;
pub mod ballots_missing;
pub mod candidate_duplicate;
pub mod candidate_fields_unset;
pub mod candidate_file_mismatch;
pub mod candidate_header_invalid;
pub mod candidate_info_missing;
pub mod config_value_invalid;
pub mod datetime_has_offset;
pub mod datetime_invalid;
pub mod exceptions_due_misspelt;
pub mod no_winners_invalid;
pub mod officers_missing;
pub mod seat_tie;
pub mod voter_duplicate;
pub mod voter_invalid;
pub mod voters_missing;
pub mod window_inverted;

/// Every rule of bazaar-vote.
pub const ALL: &[RuleMeta] = &[
    ballot_candidate_missing::META,
    ballot_duplicate_candidate::META,
    ballot_empty::META,
    ballot_header_invalid::META,
    ballot_no_preference::META,
    ballot_rank_invalid::META,
    ballot_rank_out_of_range::META,
    ballot_row_width::META,
    ballot_unknown_candidate::META,
    ballots_exceed_voters::META,
    ballots_missing::META,
    candidate_duplicate::META,
    candidate_fields_unset::META,
    candidate_file_mismatch::META,
    candidate_header_invalid::META,
    candidate_info_missing::META,
    config_value_invalid::META,
    datetime_has_offset::META,
    datetime_invalid::META,
    exceptions_due_misspelt::META,
    no_winners_invalid::META,
    officers_missing::META,
    seat_tie::META,
    voter_duplicate::META,
    voter_invalid::META,
    voters_missing::META,
    window_inverted::META,
];

/// Every finding about an election folder: those made while loading plus
/// every cross-file rule, sorted.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    let mut out = e.diagnostics.clone();
    for f in [
        window_inverted::check,
        officers_missing::check,
        candidate_fields_unset::check,
        no_winners_invalid::check,
        voters_missing::check,
        voter_duplicate::check,
        candidate_duplicate::check,
        candidate_file_mismatch::check,
        candidate_info_missing::check,
        ballot_unknown_candidate::check,
        ballot_candidate_missing::check,
        ballots_exceed_voters::check,
        ballots_missing::check,
        ballot_no_preference::check,
    ] {
        out.extend(f(e));
    }
    bazaar_core::diag::normalize(&mut out);
    out
}

#[cfg(test)]
pub(crate) mod testing {
    use bazaar_core::Diagnostic;

    /// The valid example election in `tests/fixtures/election-ok`.
    pub const OK: &[(&str, &str)] = &[
        (
            "election.yaml",
            include_str!("../../tests/fixtures/election-ok/election.yaml"),
        ),
        (
            "voters.yaml",
            include_str!("../../tests/fixtures/election-ok/voters.yaml"),
        ),
        (
            "candidate-alice.md",
            include_str!("../../tests/fixtures/election-ok/candidate-alice.md"),
        ),
        (
            "candidate-bob.md",
            include_str!("../../tests/fixtures/election-ok/candidate-bob.md"),
        ),
        (
            "candidate-carol.md",
            include_str!("../../tests/fixtures/election-ok/candidate-carol.md"),
        ),
        (
            "ballots.csv",
            include_str!("../../tests/fixtures/election-ok/ballots.csv"),
        ),
    ];

    /// Run every check over the example election with `changes` applied
    /// (`(name, Some(text))` replaces or adds a file, `(name, None)` removes it).
    pub fn check_with(changes: &[(&str, Option<&str>)]) -> Vec<Diagnostic> {
        let dir = bazaar_testkit::Dir::new();
        for (name, text) in OK {
            if !changes.iter().any(|(n, _)| n == name) {
                dir.create(name, text);
            }
        }
        for (name, text) in changes {
            if let Some(t) = text {
                dir.create(name, t);
            }
        }
        let e = crate::load::load_dir(dir.path()).expect("the scratch folder loads");
        super::check(&e)
    }

    /// The findings of `rule` among `diags`, as `file-name:line: message`.
    pub fn of(diags: &[Diagnostic], rule: &str) -> Vec<String> {
        diags
            .iter()
            .filter(|d| d.rule == rule)
            .map(|d| {
                let file = std::path::Path::new(&d.file)
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                format!("{file}:{}: {}", d.line, d.message)
            })
            .collect()
    }

    #[test]
    fn the_example_election_is_clean() {
        let d = check_with(&[]);
        assert!(d.is_empty(), "{d:#?}");
    }

    #[test]
    fn every_rule_is_documented() {
        for r in super::ALL {
            assert!(r.id.starts_with("vote/"), "{}", r.id);
            for s in [
                "## What it checks",
                "## Why it matters",
                "## Example",
                "## How to fix",
            ] {
                assert!(r.doc.contains(s), "{} lacks {s}", r.id);
            }
        }
    }
}
