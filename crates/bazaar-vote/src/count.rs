//! Counting: the pairwise matrix, strongest paths and the Schulze ranking,
//! exactly as Elekto computes it (`elekto/core/__init__.py`), plus textbook
//! Schulze as an option.
//!
//! Orientation: `pairwise[a][b]` is the number of ballots that prefer `a` to
//! `b`. Elekto stores the transpose (`d[(V,W)]` counts "V ranked worse than
//! W") and then also counts the transpose of "beats"; the two inversions
//! cancel, so ranking by Elekto's `wins` ascending is ranking by **losses**
//! ascending here.
//!
//! The two methods differ in two places (spec §3.4, §3.8):
//!
//! | | [`Method::Elekto`] | [`Method::Schulze`] (Schulze 2011, §2) |
//! |---|---|---|
//! | "No opinion" | takes part in no comparison | ranked below every ranked candidate, tied with the other unranked ones |
//! | places | grouped by number of defeats, fewest first | Schulze's relation O (`a` above `b` iff `P[a][b] > P[b][a]`): place 1 is the winner set (nobody beats them), each next place the candidates nobody still unplaced beats |
//!
//! Both use winning votes and the same widest paths. On the published
//! Kubernetes ballots the relation O of Elekto's matrix orders every pair, so
//! the ranking rules alone never differ there; the reading of "No opinion"
//! does (it changes the 2021 winners), see `tests/it/conformance.rs`.

use crate::ballots::Ballots;

/// How ballots are read and the Schulze relation is turned into a ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Method {
    /// Elekto: "No opinion" is not compared; candidates are grouped by the
    /// number of candidates that beat them, fewest first. Every published
    /// Kubernetes result follows this.
    #[default]
    Elekto,
    /// Textbook Schulze as Markus Schulze defines it: a voter prefers every
    /// candidate they ranked to every one they left unranked ("No opinion")
    /// and is indifferent among the unranked; the ranking is the relation O
    /// (`a` above `b` iff `P[a][b] > P[b][a]`), ties kept as groups: place 1
    /// is Schulze's winner set, each next place the winner set of the
    /// candidates not yet placed under the same O.
    Schulze,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Elekto => "elekto",
            Method::Schulze => "schulze",
        }
    }

    /// How this method reads a "No opinion" cell.
    pub fn no_opinion(self) -> NoOpinion {
        match self {
            Method::Elekto => NoOpinion::NotCompared,
            Method::Schulze => NoOpinion::RankedLast,
        }
    }
}

/// What a "No opinion" cell means when building the pairwise matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoOpinion {
    /// Elekto (and CIVS): the candidate takes part in no comparison on that ballot.
    NotCompared,
    /// Schulze: below every ranked candidate, tied with the other unranked ones.
    RankedLast,
}

/// A square matrix of counts indexed by candidate position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    n: usize,
    cells: Vec<u32>,
}

impl Matrix {
    fn zero(n: usize) -> Self {
        Matrix {
            n,
            cells: vec![0; n * n],
        }
    }

    /// Number of candidates.
    pub fn size(&self) -> usize {
        self.n
    }

    /// The count for row `a`, column `b`.
    pub fn get(&self, a: usize, b: usize) -> u32 {
        self.cells[a * self.n + b]
    }

    fn row_mut(&mut self, a: usize) -> &mut [u32] {
        &mut self.cells[a * self.n..(a + 1) * self.n]
    }
}

/// The complete count of an election.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// Candidate ids, in the ballots' column order (matrix indices).
    pub candidates: Vec<String>,
    /// Number of ballots counted (including ballots that express no preference).
    pub ballots: usize,
    /// `N[a][b]`: ballots preferring `a` to `b` (both ranked for
    /// [`Method::Elekto`]; `b` possibly unranked for [`Method::Schulze`]).
    pub pairwise: Matrix,
    /// `P[a][b]`: strength of the strongest path from `a` to `b` (winning votes).
    pub strongest: Matrix,
    /// The method the ranking was built with.
    pub method: Method,
    /// Places, best first; each place is a group of tied candidates (indices
    /// sorted by id).
    pub ranking: Vec<Vec<usize>>,
    /// Per candidate: its defeats, the number of candidates that beat it in
    /// the Schulze relation (`P[x][c] > P[c][x]`). [`Method::Elekto`] places
    /// by this number; [`Method::Schulze`] reports it for information.
    pub score: Vec<u32>,
}

impl Tally {
    /// True when `a` beats `b` in the Schulze sense (`P[a][b] > P[b][a]`).
    pub fn beats(&self, a: usize, b: usize) -> bool {
        self.strongest.get(a, b) > self.strongest.get(b, a)
    }

    /// The ranking as candidate ids.
    pub fn ranking_ids(&self) -> Vec<Vec<&str>> {
        self.ranking
            .iter()
            .map(|g| g.iter().map(|&i| self.candidates[i].as_str()).collect())
            .collect()
    }

    /// Index of a candidate id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.candidates.iter().position(|c| c == id)
    }
}

/// Count `ballots` with `method`.
pub fn tally(ballots: &Ballots, method: Method) -> Tally {
    let pairwise = pairwise_with(ballots, method.no_opinion());
    let strongest = strongest_paths(&pairwise);
    let (ranking, score) = rank(ballots.candidates(), &strongest, method);
    Tally {
        candidates: ballots.candidates().to_vec(),
        ballots: ballots.len(),
        pairwise,
        strongest,
        method,
        ranking,
        score,
    }
}

/// `N[a][b]` = ballots ranking both `a` and `b` with `a` strictly better.
/// "No opinion" candidates take part in no comparison; equal ranks add nothing.
/// Elekto's matrix; [`pairwise_with`] has Schulze's reading too.
pub fn pairwise(ballots: &Ballots) -> Matrix {
    pairwise_with(ballots, NoOpinion::NotCompared)
}

/// `N[a][b]` = ballots preferring `a` to `b`, with "No opinion" read as
/// `no_opinion` says; equal ranks add nothing.
pub fn pairwise_with(ballots: &Ballots, no_opinion: NoOpinion) -> Matrix {
    match no_opinion {
        NoOpinion::NotCompared => not_compared(ballots),
        NoOpinion::RankedLast => ranked_last(ballots),
    }
}

fn not_compared(ballots: &Ballots) -> Matrix {
    let n = ballots.candidates().len();
    let mut m = Matrix::zero(n);
    for row in ballots.rows() {
        for (a, &ra) in row.iter().enumerate() {
            if ra == crate::ballots::NO_OPINION {
                continue;
            }
            // An unranked b has rank 0 and is never > ra, so no mask is needed.
            for (cell, &rb) in m.row_mut(a).iter_mut().zip(row) {
                *cell += u32::from(rb > ra);
            }
        }
    }
    m
}

/// Schulze's reading: an unranked candidate sorts after every rank (as
/// `u64::MAX`, above any `u32` rank), so it loses to every ranked candidate
/// and ties with the other unranked ones.
fn ranked_last(ballots: &Ballots) -> Matrix {
    let n = ballots.candidates().len();
    let mut m = Matrix::zero(n);
    let mut keys = vec![0u64; n];
    for row in ballots.rows() {
        for (k, &r) in keys.iter_mut().zip(row) {
            *k = if r == crate::ballots::NO_OPINION {
                u64::MAX
            } else {
                u64::from(r)
            };
        }
        for (a, &ka) in keys.iter().enumerate() {
            if ka == u64::MAX {
                continue; // an unranked candidate is preferred to nobody
            }
            for (cell, &kb) in m.row_mut(a).iter_mut().zip(&keys) {
                *cell += u32::from(kb > ka);
            }
        }
    }
    m
}

/// Widest paths (Floyd–Warshall) over the "winning votes" graph:
/// `P[a][b] = N[a][b]` when `N[a][b] > N[b][a]`, else 0; then
/// `P[i][j] = max(P[i][j], min(P[i][k], P[k][j]))` with `k` outermost.
pub fn strongest_paths(n_ab: &Matrix) -> Matrix {
    let n = n_ab.size();
    let mut p = Matrix::zero(n);
    for a in 0..n {
        for b in 0..n {
            if a != b && n_ab.get(a, b) > n_ab.get(b, a) {
                p.cells[a * n + b] = n_ab.get(a, b);
            }
        }
    }
    for k in 0..n {
        for i in 0..n {
            if i == k {
                continue;
            }
            let pik = p.cells[i * n + k];
            if pik == 0 {
                continue;
            }
            for j in 0..n {
                if j == i || j == k {
                    continue;
                }
                let via = pik.min(p.cells[k * n + j]);
                let cell = &mut p.cells[i * n + j];
                if via > *cell {
                    *cell = via;
                }
            }
        }
    }
    p
}

fn rank(candidates: &[String], p: &Matrix, method: Method) -> (Vec<Vec<usize>>, Vec<u32>) {
    let n = candidates.len();
    let beats = |a: usize, b: usize| p.get(a, b) > p.get(b, a);
    let score: Vec<u32> = (0..n)
        .map(|v| {
            let c = (0..n).filter(|&w| w != v && beats(w, v)).count();
            u32::try_from(c).unwrap_or(u32::MAX)
        })
        .collect();
    let mut ranking: Vec<Vec<usize>> = match method {
        Method::Elekto => {
            // Fewest defeats first.
            let mut groups: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
            for (i, &s) in score.iter().enumerate() {
                groups.entry(s).or_default().push(i);
            }
            groups.into_values().collect()
        }
        Method::Schulze => winner_sets(n, beats),
    };
    for g in &mut ranking {
        g.sort_by(|&a, &b| candidates[a].cmp(&candidates[b]));
    }
    (ranking, score)
}

/// Schulze's ranking with ties as groups: the candidates nobody beats (the
/// Schulze winners), then those nobody left beats, and so on. `beats` is a
/// strict partial order (Schulze 2011, §4.1), so every round places at least
/// one candidate; the guard below only protects against a relation that is
/// not one.
fn winner_sets(n: usize, beats: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
    let mut left: Vec<usize> = (0..n).collect();
    let mut out = Vec::new();
    while !left.is_empty() {
        let (top, rest): (Vec<usize>, Vec<usize>) = left
            .iter()
            .partition(|&&c| !left.iter().any(|&x| x != c && beats(x, c)));
        if top.is_empty() {
            out.push(rest);
            break;
        }
        out.push(top);
        left = rest;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ballots(cands: &[&str], rows: &[&[Option<u32>]]) -> Ballots {
        Ballots::from_rows(
            cands.iter().map(|s| s.to_string()).collect(),
            &rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
        )
        .expect("valid ballots")
    }

    /// Elekto's `test_schulze_d` (transposed: d(V,W) = N[W][V]).
    #[test]
    fn elekto_test_schulze_d() {
        let b = ballots(
            &["A", "B", "C"],
            &[&[Some(3), Some(2), Some(1)], &[Some(1), Some(3), Some(2)]],
        );
        let m = pairwise(&b);
        let d = |v: usize, w: usize| m.get(w, v);
        assert_eq!(
            [d(0, 1), d(0, 2), d(1, 0), d(1, 2), d(2, 0), d(2, 1)],
            [1, 1, 1, 2, 1, 0]
        );
    }

    /// Elekto's `test_schulze_p`: the 4-candidate textbook matrix.
    #[test]
    fn elekto_test_schulze_p() {
        // Given as Elekto's d (transposed); N[a][b] = d(b, a).
        let d = [
            (0, 1, 12),
            (1, 0, 9),
            (0, 2, 7),
            (2, 0, 14),
            (0, 3, 16),
            (3, 0, 3),
            (1, 2, 5),
            (2, 1, 10),
            (1, 3, 18),
            (3, 1, 1),
            (2, 3, 2),
            (3, 2, 20),
        ];
        let mut n = Matrix::zero(4);
        for (v, w, c) in d {
            n.cells[w * 4 + v] = c;
        }
        let p = strongest_paths(&n);
        // Elekto's p(X,Y) = P[Y][X].
        let pe = |x: usize, y: usize| p.get(y, x);
        assert_eq!(
            [pe(0, 1), pe(1, 0), pe(0, 2), pe(2, 0), pe(0, 3), pe(3, 0)],
            [12, 14, 16, 14, 16, 14]
        );
        assert_eq!(
            [pe(1, 2), pe(2, 1), pe(1, 3), pe(3, 1), pe(2, 3), pe(3, 2)],
            [18, 12, 18, 12, 14, 20]
        );
    }

    /// Elekto's `test_schulze_rank_simple` and `test_schulze_rank_tie`.
    #[test]
    fn elekto_rank_tests() {
        // p(A,B)=10, p(B,A)=5, p(A,C)=15, p(C,A)=2, p(B,C)=8, p(C,B)=3 in Elekto's
        // orientation; P[a][b] = p(b, a).
        let mut p = Matrix::zero(3);
        for (x, y, v) in [
            (0, 1, 10),
            (1, 0, 5),
            (0, 2, 15),
            (2, 0, 2),
            (1, 2, 8),
            (2, 1, 3),
        ] {
            p.cells[y * 3 + x] = v;
        }
        let c: Vec<String> = ["A", "B", "C"].iter().map(|s| s.to_string()).collect();
        let (r, s) = rank(&c, &p, Method::Elekto);
        assert_eq!(r, [vec![2], vec![1], vec![0]]);
        assert_eq!(s, [2, 1, 0]);

        let mut p = Matrix::zero(3);
        for (x, y, v) in [
            (0, 1, 10),
            (1, 0, 5),
            (1, 2, 10),
            (2, 1, 5),
            (2, 0, 10),
            (0, 2, 5),
        ] {
            p.cells[y * 3 + x] = v;
        }
        let (r, s) = rank(&c, &p, Method::Elekto);
        assert_eq!(r, [vec![0, 1, 2]]);
        assert_eq!(s, [1, 1, 1]);
    }

    /// The synthetic relation of the spec (§3.4): A beats S and T, B beats
    /// T, every other pair incomparable. Defeats are A 0, B 0, S 1, T 2.
    #[test]
    fn loss_count_is_not_schulzes_ranking() {
        let (a, b, s, t) = (0, 1, 2, 3);
        let mut p = Matrix::zero(4);
        for (x, y) in [(a, s), (a, t), (b, t)] {
            p.cells[x * 4 + y] = 1;
        }
        let c: Vec<String> = ["A", "B", "S", "T"].iter().map(|s| s.to_string()).collect();
        let (r, score) = rank(&c, &p, Method::Elekto);
        assert_eq!(r, [vec![a, b], vec![s], vec![t]]);
        assert_eq!(score, [0, 0, 1, 2]);
        // Schulze: {A, B} are the winners; of S and T, nobody left beats either.
        let (r, score) = rank(&c, &p, Method::Schulze);
        assert_eq!(r, [vec![a, b], vec![s, t]]);
        assert_eq!(score, [0, 0, 1, 2]);
    }

    /// The same relation from ballots (spec §3.4): with "No opinion" not
    /// compared it needs them; read as Schulze does, they make a different one.
    #[test]
    fn the_reading_of_no_opinion() {
        let b = ballots(
            &["A", "B", "S", "T"],
            &[
                &[Some(1), None, Some(2), Some(2)],
                &[None, Some(1), None, Some(2)],
            ],
        );
        let t = tally(&b, Method::Elekto);
        assert_eq!(t.ranking_ids(), [vec!["A", "B"], vec!["S"], vec!["T"]]);
        // Ranked last: ballot 1 adds A>B, S>B, T>B; ballot 2 B>A, B>S, T>A, T>S.
        let t = tally(&b, Method::Schulze);
        assert_eq!(t.pairwise.get(0, 1), 1);
        assert_eq!(t.pairwise.get(3, 2), 1);
        assert_eq!(t.pairwise.get(2, 3), 0);
        assert_eq!(t.ranking_ids(), [vec!["A", "B", "T"], vec!["S"]]);

        // The smallest case: one ballot `a=1, b=2, c=No opinion`.
        let b = ballots(&["a", "b", "c"], &[&[Some(1), Some(2), None]]);
        assert_eq!(
            tally(&b, Method::Elekto).ranking_ids(),
            [vec!["a", "c"], vec!["b"]]
        );
        assert_eq!(
            tally(&b, Method::Schulze).ranking_ids(),
            [vec!["a"], vec!["b"], vec!["c"]]
        );
        // Without "No opinion" both read the ballots alike.
        let b = ballots(&["a", "b", "c"], &[&[Some(1), Some(2), Some(3)]]);
        assert_eq!(
            tally(&b, Method::Elekto).pairwise,
            tally(&b, Method::Schulze).pairwise
        );
    }

    /// Ranks beyond `u32` rank order never collide with "unranked".
    #[test]
    fn ranked_last_keeps_the_largest_rank_ranked() {
        let b = ballots(&["a", "b"], &[&[Some(u32::MAX), None]]);
        let t = tally(&b, Method::Schulze);
        assert_eq!(t.pairwise.get(0, 1), 1);
        assert_eq!(t.ranking_ids(), [vec!["a"], vec!["b"]]);
    }

    #[test]
    fn winner_sets_survive_a_cyclic_relation() {
        // Not a Schulze relation (it is cyclic): everything left is one group.
        let r = winner_sets(3, |a, b| (a + 1) % 3 == b);
        assert_eq!(r, [vec![0, 1, 2]]);
    }

    #[test]
    fn no_ballots_everyone_ties() {
        let b = ballots(&["x", "y"], &[]);
        for m in [Method::Elekto, Method::Schulze] {
            let t = tally(&b, m);
            assert_eq!(t.ranking_ids(), [vec!["x", "y"]]);
            assert_eq!(t.ballots, 0);
        }
    }
}
