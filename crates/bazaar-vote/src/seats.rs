//! Seats: turning a ranking into winners, with the employer cap.
//!
//! Kubernetes' rule (steering `elections.md`): no employer may hold more than
//! a third of the committee, counting continuing members; with 7 seats, at
//! most 2 per employer. The EOs apply it to the pure ranking: take candidates
//! in ranking order, skip ("exclude") any whose employer would go over the
//! cap, and move one down, until the seats are filled. The only time it was
//! invoked was 2017 (Michael Rubin excluded).
//!
//! A tie is never broken here. When a group of tied candidates competes for
//! fewer seats than it has members (or for fewer cap slots of one employer),
//! allocation stops and the outcome carries a [`TieBreak`]; the seats already
//! filled are certain, the rest wait for the tie-break (Kubernetes: a coin
//! flipped by a non-involved Steering member).
//!
//! With [`Method::Schulze`] the ranking's places do not tell the whole
//! relation: two candidates at different places may still be incomparable
//! (neither beats the other). A seat is certain only when the relation puts
//! its winner in the top `seats` of *every* ranking consistent with it, so
//! after filling the seats place by place the outcome is checked against the
//! relation itself ([`settle_by_relation`]): a candidate the relation does not
//! place inside or outside the seats joins the tie.

use std::collections::BTreeMap;

use crate::count::{Method, Tally};

/// The employer cap and everything it needs to know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmployerCap {
    /// At most this many seats per employer, continuing members included.
    pub max_per_employer: u32,
    /// Members who stay on the committee, with their employers.
    pub continuing: Vec<Member>,
    /// Candidate id → employer (from candidate files, or given on the command line).
    pub employers: BTreeMap<String, String>,
}

/// A committee member (continuing or candidate) and their employer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub employer: String,
}

/// A candidate skipped because the cap was reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exclusion {
    /// Candidate index in the tally.
    pub candidate: usize,
    pub employer: String,
    /// Seats this employer already held when the candidate came up.
    pub held: u32,
}

/// Tied candidates competing for fewer seats than they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TieBreak {
    /// Candidate indices, sorted by id.
    pub candidates: Vec<usize>,
    /// How many of them can be seated.
    pub seats: usize,
    /// Place (1-based) of the tied group in the ranking.
    pub place: usize,
}

/// Who won.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatOutcome {
    /// Seats to fill.
    pub seats: usize,
    /// Winners, in ranking order (certain winners only when a tie is pending).
    pub winners: Vec<usize>,
    /// Candidates skipped by the employer cap, in ranking order.
    pub excluded: Vec<Exclusion>,
    /// A tie that decides a seat and must be broken by the officers.
    pub tie: Option<TieBreak>,
    /// Whether a cap was given at all.
    pub cap_applied: bool,
    /// Candidates reached while seating whose employer is unknown (the cap
    /// could not be applied to them).
    pub unknown_employers: Vec<usize>,
}

fn norm(e: &str) -> String {
    e.trim().to_lowercase()
}

/// Fill `seats` from the tally's ranking, applying `cap` when given.
pub fn allocate(tally: &Tally, seats: usize, cap: Option<&EmployerCap>) -> SeatOutcome {
    let mut out = SeatOutcome {
        seats,
        winners: Vec::new(),
        excluded: Vec::new(),
        tie: None,
        cap_applied: cap.is_some(),
        unknown_employers: Vec::new(),
    };
    let mut held: BTreeMap<String, u32> = BTreeMap::new();
    if let Some(cap) = cap {
        for m in &cap.continuing {
            *held.entry(norm(&m.employer)).or_default() += 1;
        }
    }
    let employer_of = |c: usize| -> Option<&String> {
        cap.and_then(|cap| cap.employers.get(&tally.candidates[c]))
            .filter(|e| !e.trim().is_empty())
    };
    for (place, group) in tally.ranking.iter().enumerate() {
        let left = seats.saturating_sub(out.winners.len());
        if left == 0 {
            break;
        }
        let mut eligible = Vec::new();
        // Per employer: members of this group and slots still free.
        let mut in_group: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        for &c in group {
            let Some(cap) = cap else {
                eligible.push(c);
                continue;
            };
            let Some(employer) = employer_of(c) else {
                out.unknown_employers.push(c);
                eligible.push(c);
                continue;
            };
            let key = norm(employer);
            let now = held.get(&key).copied().unwrap_or(0);
            if now >= cap.max_per_employer {
                out.excluded.push(Exclusion {
                    candidate: c,
                    employer: employer.clone(),
                    held: now,
                });
                continue;
            }
            let e = in_group
                .entry(key)
                .or_insert((0, cap.max_per_employer - now));
            e.0 += 1;
            eligible.push(c);
        }
        let cap_conflict = in_group.values().any(|&(members, free)| members > free);
        if eligible.len() <= left && !cap_conflict {
            for &c in &eligible {
                if let Some(e) = employer_of(c) {
                    *held.entry(norm(e)).or_default() += 1;
                }
                out.winners.push(c);
            }
        } else if !eligible.is_empty() {
            out.tie = Some(TieBreak {
                candidates: eligible,
                seats: left,
                place: place + 1,
            });
            break;
        }
    }
    if tally.method == Method::Schulze {
        settle_by_relation(tally, &mut out);
    }
    out
}

/// Check a [`Method::Schulze`] outcome against the Schulze relation.
///
/// Among the candidates the cap did not exclude (the pool), a candidate is
/// certainly elected when fewer than `seats` others are not beaten by it (no
/// ranking consistent with the relation can put `seats` of them above it),
/// and certainly not elected when at least `seats` others beat it. Anyone
/// else is undecided: the undecided candidates join the tie, competing for
/// the seats the certain winners leave, and only certain winners stay
/// winners. When nobody is undecided the outcome stands as it is.
///
/// Limitation: the employer cap is applied in ranking order before this
/// check, so with a cap the pool is what that order left.
pub fn settle_by_relation(tally: &Tally, out: &mut SeatOutcome) {
    let k = out.seats;
    let excluded: Vec<usize> = out.excluded.iter().map(|x| x.candidate).collect();
    let pool: Vec<usize> = tally
        .ranking
        .iter()
        .flatten()
        .copied()
        .filter(|c| !excluded.contains(c))
        .collect();
    let not_beaten_by = |c: usize| {
        pool.iter()
            .filter(|&&x| x != c && !tally.beats(c, x))
            .count()
    };
    let beaten_by = |c: usize| pool.iter().filter(|&&x| tally.beats(x, c)).count();
    let certain = |c: usize| not_beaten_by(c) < k;
    let undecided: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&c| !certain(c) && beaten_by(c) < k)
        .collect();
    let pending: Vec<usize> = out.tie.iter().flat_map(|t| t.candidates.clone()).collect();
    if undecided.iter().all(|c| pending.contains(c)) {
        return;
    }
    out.winners.retain(|&w| certain(w));
    let mut candidates: Vec<usize> = undecided;
    for c in pending {
        if !candidates.contains(&c) {
            candidates.push(c);
        }
    }
    candidates.retain(|c| !out.winners.contains(c));
    candidates.sort_by(|&a, &b| tally.candidates[a].cmp(&tally.candidates[b]));
    let place = tally
        .ranking
        .iter()
        .position(|g| g.iter().any(|c| candidates.contains(c)))
        .map_or(0, |p| p + 1);
    out.tie = Some(TieBreak {
        candidates,
        seats: k.saturating_sub(out.winners.len()),
        place,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballots::Ballots;
    use crate::count::{Method, tally};

    /// One ballot ranking a > b > c > d > e.
    fn one_strict_ballot() -> Ballots {
        Ballots::from_rows(
            ["a", "b", "c", "d", "e"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            &[vec![Some(1), Some(2), Some(3), Some(4), Some(5)]],
        )
        .expect("valid")
    }

    /// A strict order a > b > c > d > e from one ballot.
    fn ordered() -> Tally {
        tally(&one_strict_ballot(), Method::Elekto)
    }

    fn cap(max: u32, continuing: &[&str], employers: &[(&str, &str)]) -> EmployerCap {
        EmployerCap {
            max_per_employer: max,
            continuing: continuing
                .iter()
                .enumerate()
                .map(|(i, e)| Member {
                    name: format!("m{i}"),
                    employer: e.to_string(),
                })
                .collect(),
            employers: employers
                .iter()
                .map(|(c, e)| (c.to_string(), e.to_string()))
                .collect(),
        }
    }

    #[test]
    fn top_n_without_cap() {
        let o = allocate(&ordered(), 3, None);
        assert_eq!(o.winners, [0, 1, 2]);
        assert!(o.tie.is_none() && o.excluded.is_empty());
    }

    #[test]
    fn cap_skips_and_moves_down() {
        // Continuing: one at G. a, b at G: a seated (G=2), b excluded, next c.
        let c = cap(2, &["G"], &[("a", "G"), ("b", "g "), ("c", "R")]);
        let o = allocate(&ordered(), 3, Some(&c));
        assert_eq!(o.winners, [0, 2, 3]);
        assert_eq!(o.excluded.len(), 1);
        assert_eq!((o.excluded[0].candidate, o.excluded[0].held), (1, 2));
        assert_eq!(o.unknown_employers, [3]);
    }

    #[test]
    fn tie_straddling_the_last_seat_is_reported() {
        // Two ballots with b and c swapped: b and c tie.
        let b = Ballots::from_rows(
            ["a", "b", "c"].iter().map(|s| s.to_string()).collect(),
            &[
                vec![Some(1), Some(2), Some(3)],
                vec![Some(1), Some(3), Some(2)],
            ],
        )
        .expect("valid");
        let t = tally(&b, Method::Elekto);
        let o = allocate(&t, 2, None);
        assert_eq!(o.winners, [0]);
        let tie = o.tie.expect("a tie decides the second seat");
        assert_eq!((tie.candidates, tie.seats, tie.place), (vec![1, 2], 1, 2));
        // With 3 seats the tie decides nothing.
        let o = allocate(&t, 3, None);
        assert_eq!(o.winners, [0, 1, 2]);
        assert!(o.tie.is_none());
    }

    #[test]
    fn tie_inside_an_employer_cap_is_reported() {
        let b = Ballots::from_rows(
            ["a", "b", "c"].iter().map(|s| s.to_string()).collect(),
            &[
                vec![Some(1), Some(2), Some(3)],
                vec![Some(1), Some(3), Some(2)],
            ],
        )
        .expect("valid");
        let t = tally(&b, Method::Elekto);
        let c = cap(1, &[], &[("b", "G"), ("c", "G")]);
        let o = allocate(&t, 3, Some(&c));
        assert_eq!(o.winners, [0]);
        assert_eq!(o.tie.map(|t| t.candidates), Some(vec![1, 2]));
    }

    /// Complete ballots over A, B, C, ... (one rank per candidate).
    fn ballots(rows: &[&[u32]]) -> Ballots {
        let n = rows.first().map_or(0, |r| r.len());
        Ballots::from_rows(
            ["A", "B", "C", "D"][..n]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            &rows
                .iter()
                .map(|r| r.iter().map(|&x| Some(x)).collect())
                .collect::<Vec<_>>(),
        )
        .expect("valid")
    }

    /// A beats C; B is incomparable with both (every pair but A-C ties 1:1).
    /// Both methods place {A, B} first, but only Elekto's rule elects B: the
    /// Schulze relation never puts B above C.
    #[test]
    fn schulze_seats_follow_the_relation_not_the_places() {
        let b = ballots(&[&[1, 3, 2], &[2, 1, 3]]);
        let e = tally(&b, Method::Elekto);
        assert_eq!(e.ranking_ids(), [vec!["A", "B"], vec!["C"]]);
        let o = allocate(&e, 2, None);
        assert_eq!((o.winners, o.tie), (vec![0, 1], None));

        let t = tally(&b, Method::Schulze);
        assert_eq!(t.ranking, e.ranking);
        let o = allocate(&t, 2, None);
        assert_eq!(o.winners, [0]);
        let tie = o.tie.expect("B against C is undecided");
        assert_eq!((tie.candidates, tie.seats, tie.place), (vec![1, 2], 1, 1));
        // One seat: A and B are Schulze's winner set, a plain tie.
        let o = allocate(&t, 1, None);
        assert_eq!(
            o.tie.map(|t| (t.candidates, t.seats)),
            Some((vec![0, 1], 1))
        );
        // Three seats: everyone.
        let o = allocate(&t, 3, None);
        assert_eq!((o.winners, o.tie), (vec![0, 1, 2], None));
    }

    /// A beats C and D; B, C, D are pairwise incomparable. Places {A, B},
    /// {C, D}: with three seats, the straddling place is not the whole tie,
    /// since B too can end up fourth in a ranking consistent with the relation.
    #[test]
    fn schulze_tie_widens_beyond_the_straddling_place() {
        let b = ballots(&[&[1, 4, 2, 3], &[2, 1, 4, 3]]);
        let t = tally(&b, Method::Schulze);
        assert_eq!(t.ranking_ids(), [vec!["A", "B"], vec!["C", "D"]]);
        let o = allocate(&t, 3, None);
        assert_eq!(o.winners, [0]);
        let tie = o.tie.expect("undecided");
        assert_eq!((tie.candidates, tie.seats), (vec![1, 2, 3], 2));
        // Elekto: the straddling group only.
        let o = allocate(&tally(&b, Method::Elekto), 3, None);
        assert_eq!(o.winners, [0, 1]);
        assert_eq!(o.tie.map(|t| t.candidates), Some(vec![2, 3]));
    }

    #[test]
    fn schulze_on_a_total_order_is_the_plain_allocation() {
        let t = tally(&one_strict_ballot(), Method::Schulze);
        for seats in 0..=6 {
            assert_eq!(
                allocate(&t, seats, None),
                allocate(&ordered(), seats, None),
                "{seats}"
            );
        }
    }
}
