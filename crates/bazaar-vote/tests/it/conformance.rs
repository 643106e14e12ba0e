//! Every published election in `../shared/data/community/elections` that has
//! a ballots file is counted and compared with its published results:
//! ranking (order and ties), winners, and the ballot count.
//!
//! Names: CIVS-era ballots (2017–2020) use display names as candidate keys
//! (2019: `Name (@handle)`) and their results files use display names;
//! Elekto-era ballots use GitHub ids while `results.md` uses display names
//! (2021, CoC 2023) or `[Name](https://github.com/<id>)` links (2022), and
//! `ranking.md` (2021) uses ids. A published entry is matched to a ballot
//! column by link login, by id, or by the display name of the candidate the
//! column belongs to (candidate files or the README nominee table). The only
//! approximate match is 2017's CSV spelling "Phillip Whitrock" for
//! "Phillip Wittrock"; the test pins that it is the only one.

use std::path::{Path, PathBuf};

use bazaar_vote::count::{Method, tally};
use bazaar_vote::load::{self, ElectionDir, MatchKind, published::Entry};
use bazaar_vote::seats::allocate;

fn elections(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if e
                .file_name()
                .to_string_lossy()
                .eq_ignore_ascii_case("ballots.csv")
            {
                out.push(d.clone());
            }
        }
    }
    out.sort();
    out
}

/// The ballot column a published entry names.
fn column_of(e: &ElectionDir, entry: &Entry) -> Option<usize> {
    let cols = e.ballots.as_ref()?.candidates();
    let matches = e.column_matches();
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let want = norm(&entry.name);
    cols.iter().enumerate().position(|(i, col)| {
        let cand = matches[i].and_then(|(c, _)| e.candidates.get(c));
        let by_login = entry.login.as_deref().is_some_and(|l| {
            col.eq_ignore_ascii_case(l)
                || cand
                    .and_then(|c| c.login.as_deref())
                    .is_some_and(|cl| cl.eq_ignore_ascii_case(l))
        });
        by_login
            || norm(col) == want
            || cand.is_some_and(|c| norm(&c.name) == want || norm(&c.id) == want)
    })
}

#[test]
fn every_published_election_is_reproduced() {
    let Some(root) = bazaar_testkit::shared_data("community/elections") else {
        return;
    };
    let dirs = elections(&root);
    assert!(
        dirs.len() >= 7,
        "expected the 7 published ballots files, found {dirs:?}"
    );
    let committee_2017 = include_str!("../fixtures/steering-2017-committee.yaml");
    let mut approximate = Vec::new();
    let mut report = Vec::new();
    for dir in &dirs {
        let name = dir.strip_prefix(&root).unwrap_or(dir).display().to_string();
        let e = load::load_dir(dir).expect("the folder loads");
        let ballots = e
            .ballots
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: ballots rejected: {:#?}", e.ballot_errors()));
        let published = e
            .published
            .clone()
            .unwrap_or_else(|| panic!("{name}: no results file"));
        let cols = ballots.candidates();
        for (i, m) in e.column_matches().iter().enumerate() {
            if let Some((c, MatchKind::Approximate)) = m {
                approximate.push(format!("{name}: {} ~ {}", cols[i], e.candidates[*c].name));
            }
        }

        // Votes cast.
        if let Some(v) = published.votes_cast {
            assert_eq!(ballots.len(), v as usize, "{name}: votes cast");
        }
        // Eligible voters: voters.yaml is the list Elekto used.
        if let (Some(v), Some(n)) = (&e.voters, published.eligible_voters)
            && v.file.ends_with(".yaml")
        {
            assert_eq!(v.unique().len(), n as usize, "{name}: eligible voters");
        }

        let t = tally(ballots, Method::Elekto);
        // Ranking: every published place is one candidate (no ties published).
        if !published.ranking.is_empty() {
            let expected: Vec<Vec<usize>> = published
                .ranking
                .iter()
                .map(|en| {
                    vec![
                        column_of(&e, en)
                            .unwrap_or_else(|| panic!("{name}: `{}` matches no column", en.name)),
                    ]
                })
                .collect();
            assert_eq!(
                t.ranking,
                expected,
                "{name}: ranking\n got {:?}\nwant {:?}",
                t.ranking_ids(),
                expected
                    .iter()
                    .map(|g| cols[g[0]].as_str())
                    .collect::<Vec<_>>()
            );
        }

        // Winners.
        let seats = e
            .config
            .as_ref()
            .and_then(|c| c.no_winners)
            .or(published.seats_open)
            .unwrap_or_else(|| panic!("{name}: seat count unknown")) as usize;
        let cap = name.ends_with("2017").then(|| {
            let mut cap = load::committee::parse(committee_2017, "steering-2017-committee.yaml")
                .expect("fixture");
            cap.employers = e.column_employers();
            cap
        });
        let outcome = allocate(&t, seats, cap.as_ref());
        assert!(outcome.tie.is_none(), "{name}: a tie decides a seat");
        let mut got: Vec<usize> = outcome.winners.clone();
        let mut want: Vec<usize> = published
            .winners
            .iter()
            .map(|en| {
                column_of(&e, en)
                    .unwrap_or_else(|| panic!("{name}: winner `{}` matches no column", en.name))
            })
            .collect();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{name}: winners");
        let excluded: Vec<&str> = outcome
            .excluded
            .iter()
            .map(|x| cols[x.candidate].as_str())
            .collect();
        if name.ends_with("2017") {
            assert_eq!(
                excluded,
                ["Michael Rubin"],
                "{name}: the employer cap excludes Rubin"
            );
        } else {
            assert!(excluded.is_empty());
        }
        report.push(format!(
            "{name}: {} ballots, {} candidates, {} places, winners {:?}{}",
            ballots.len(),
            cols.len(),
            t.ranking.len(),
            outcome
                .winners
                .iter()
                .map(|&i| cols[i].as_str())
                .collect::<Vec<_>>(),
            if excluded.is_empty() {
                String::new()
            } else {
                format!(", excluded {excluded:?}")
            }
        ));
    }
    assert_eq!(
        approximate,
        ["steering/2017: Phillip Whitrock ~ Phillip Wittrock"]
    );
    eprintln!("{}", report.join("\n"));
}

/// Elekto's ranking and textbook Schulze agree on every real election (the
/// Schulze relation orders every pair there); the smallest ballot set where
/// they differ is one ballot over three candidates: `a=1, b=2, c=No opinion`.
/// Elekto: {a, c} (no defeats), then b; textbook (by wins): a, then {b, c}.
/// With two candidates the relation is either total or empty, so both
/// methods always agree; with no ballots everyone ties under both.
#[test]
fn elekto_and_textbook_schulze() {
    if let Some(root) = bazaar_testkit::shared_data("community/elections") {
        for dir in elections(&root) {
            let e = load::load_dir(&dir).expect("loads");
            let b = e.ballots.expect("sound ballots");
            let elekto = tally(&b, Method::Elekto);
            let textbook = tally(&b, Method::Schulze);
            assert_eq!(elekto.ranking, textbook.ranking, "{}", dir.display());
        }
    }
    let parsed = load::ballots_csv::parse("a,b,c\n1,2,No opinion\n", "min.csv");
    let b = parsed.ballots.expect("valid");
    assert_eq!(
        tally(&b, Method::Elekto).ranking_ids(),
        [vec!["a", "c"], vec!["b"]]
    );
    assert_eq!(
        tally(&b, Method::Schulze).ranking_ids(),
        [vec!["a"], vec!["b", "c"]]
    );
}

/// The appendix of the spec: the CoC 2023 N and P matrices, computed there
/// from the published CSV.
#[test]
fn coc_2023_matrices_match_the_spec() {
    let Some(dir) = bazaar_testkit::shared_data("community/elections/code-of-conduct/2023") else {
        return;
    };
    let e = load::load_dir(&dir).expect("loads");
    let t = tally(e.ballots.as_ref().expect("sound"), Method::Elekto);
    let n: [[u32; 9]; 9] = [
        [0, 1, 2, 5, 3, 4, 0, 0, 0],
        [5, 0, 5, 6, 4, 6, 0, 0, 2],
        [4, 1, 0, 6, 4, 6, 0, 0, 0],
        [1, 0, 0, 0, 0, 2, 0, 0, 0],
        [2, 3, 2, 5, 0, 4, 0, 0, 1],
        [2, 0, 0, 3, 1, 0, 0, 0, 0],
        [6, 6, 6, 6, 6, 6, 0, 1, 3],
        [6, 7, 6, 6, 7, 6, 4, 0, 6],
        [6, 5, 6, 6, 6, 6, 1, 0, 0],
    ];
    let p: [[u32; 9]; 9] = [
        [0, 0, 0, 5, 3, 4, 0, 0, 0],
        [5, 0, 5, 6, 4, 6, 0, 0, 0],
        [4, 0, 0, 6, 4, 6, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 5, 0, 4, 0, 0, 0],
        [0, 0, 0, 3, 0, 0, 0, 0, 0],
        [6, 6, 6, 6, 6, 6, 0, 0, 3],
        [6, 7, 6, 6, 7, 6, 4, 0, 6],
        [6, 5, 6, 6, 6, 6, 0, 0, 0],
    ];
    for a in 0..9 {
        for b in 0..9 {
            assert_eq!(t.pairwise.get(a, b), n[a][b], "N[{a}][{b}]");
            assert_eq!(t.strongest.get(a, b), p[a][b], "P[{a}][{b}]");
        }
    }
    assert_eq!(t.score, [5, 3, 4, 8, 6, 7, 1, 0, 2]);
}
