//! Counting: the pairwise matrix, strongest paths and the Schulze ranking,
//! exactly as Elekto computes it (`elekto/core/__init__.py`), plus textbook
//! Schulze as an option.
//!
//! Orientation: `pairwise[a][b]` is the number of ballots that rank both `a`
//! and `b` and prefer `a` (a smaller rank number). Elekto stores the
//! transpose (`d[(V,W)]` counts "V ranked worse than W") and then also counts
//! the transpose of "beats"; the two inversions cancel, so ranking by
//! Elekto's `wins` ascending is ranking by **losses** ascending here.

use crate::ballots::Ballots;

/// How the Schulze relation is turned into a ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Method {
    /// Elekto: group candidates by the number of candidates that beat them,
    /// fewest first. Every published Kubernetes result follows this.
    #[default]
    Elekto,
    /// Textbook Schulze ranking by the number of candidates each one beats,
    /// most first. Equal to [`Method::Elekto`] whenever the Schulze relation
    /// orders every pair; the two differ when some pairs are incomparable.
    Schulze,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Elekto => "elekto",
            Method::Schulze => "schulze",
        }
    }
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
    /// `N[a][b]`: ballots preferring `a` to `b`, both ranked.
    pub pairwise: Matrix,
    /// `P[a][b]`: strength of the strongest path from `a` to `b` (winning votes).
    pub strongest: Matrix,
    /// The method the ranking was built with.
    pub method: Method,
    /// Places, best first; each place is a group of tied candidates (indices
    /// sorted by id).
    pub ranking: Vec<Vec<usize>>,
    /// Per candidate: losses ([`Method::Elekto`]) or wins ([`Method::Schulze`]).
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
    let pairwise = pairwise(ballots);
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
pub fn pairwise(ballots: &Ballots) -> Matrix {
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
            let c = (0..n)
                .filter(|&w| {
                    w != v
                        && match method {
                            Method::Elekto => beats(w, v),
                            Method::Schulze => beats(v, w),
                        }
                })
                .count();
            u32::try_from(c).unwrap_or(u32::MAX)
        })
        .collect();
    let mut groups: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
    for (i, &s) in score.iter().enumerate() {
        // Elekto: fewest losses first; textbook: most wins first.
        let key = match method {
            Method::Elekto => s,
            Method::Schulze => u32::MAX - s,
        };
        groups.entry(key).or_default().push(i);
    }
    let ranking = groups
        .into_values()
        .map(|mut g| {
            g.sort_by(|&a, &b| candidates[a].cmp(&candidates[b]));
            g
        })
        .collect();
    (ranking, score)
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

    /// The synthetic example of the spec (§3.4): A, B, S, T.
    #[test]
    fn loss_count_is_not_extraction_nor_wins() {
        let b = ballots(
            &["A", "B", "S", "T"],
            &[
                &[Some(1), None, Some(2), Some(2)],
                &[None, Some(1), None, Some(2)],
            ],
        );
        let t = tally(&b, Method::Elekto);
        assert_eq!(t.ranking_ids(), [vec!["A", "B"], vec!["S"], vec!["T"]]);
        assert_eq!(t.score, [0, 0, 1, 2]);
        let t = tally(&b, Method::Schulze);
        assert_eq!(t.ranking_ids(), [vec!["A"], vec!["B"], vec!["S", "T"]]);
        assert_eq!(t.score, [2, 1, 0, 0]);
    }

    #[test]
    fn no_ballots_everyone_ties() {
        let b = ballots(&["x", "y"], &[]);
        let t = tally(&b, Method::Elekto);
        assert_eq!(t.ranking_ids(), [vec!["x", "y"]]);
        assert_eq!(t.ballots, 0);
    }
}
