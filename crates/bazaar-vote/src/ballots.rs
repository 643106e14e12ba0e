//! Ranked ballots: the in-memory form of `ballots.csv` / `BALLOTS.csv`.
//!
//! A ballot gives each candidate a rank (1 = most preferred; equal numbers
//! are indifference) or no opinion. Ranks are stored row-major in one flat
//! `Vec<u32>` with `0` meaning "No opinion", which keeps counting a tight
//! loop: on a row, "b is ranked and worse than a" is simply `rank[b] > rank[a]`
//! once `rank[a] >= 1`, because an unranked `b` (0) is never greater.

/// The rank value that means "No opinion" (not compared with anyone).
pub const NO_OPINION: u32 = 0;

/// A set of ballots over a fixed list of candidate ids (ballot keys).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ballots {
    candidates: Vec<String>,
    ranks: Vec<u32>,
}

/// Ballots that do not fit their candidate list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BallotsError {
    #[error("ballot {ballot} has {got} ranks for {expected} candidates")]
    Width {
        ballot: usize,
        got: usize,
        expected: usize,
    },
    #[error("candidate `{0}` appears twice")]
    DuplicateCandidate(String),
}

impl Ballots {
    /// Ballots over `candidates` with no rows yet.
    pub fn new(candidates: Vec<String>) -> Result<Self, BallotsError> {
        let mut seen = std::collections::BTreeSet::new();
        for c in &candidates {
            if !seen.insert(c.as_str()) {
                return Err(BallotsError::DuplicateCandidate(c.clone()));
            }
        }
        Ok(Ballots {
            candidates,
            ranks: Vec::new(),
        })
    }

    /// Build from rows of `Option<rank>` (None = no opinion).
    pub fn from_rows(
        candidates: Vec<String>,
        rows: &[Vec<Option<u32>>],
    ) -> Result<Self, BallotsError> {
        let mut b = Ballots::new(candidates)?;
        for (i, row) in rows.iter().enumerate() {
            if row.len() != b.candidates.len() {
                return Err(BallotsError::Width {
                    ballot: i + 1,
                    got: row.len(),
                    expected: b.candidates.len(),
                });
            }
            b.ranks.extend(row.iter().map(|r| r.unwrap_or(NO_OPINION)));
        }
        Ok(b)
    }

    /// Append one ballot given as raw ranks (0 = no opinion).
    pub(crate) fn push_raw(&mut self, row: &[u32]) {
        debug_assert_eq!(row.len(), self.candidates.len());
        self.ranks.extend_from_slice(row);
    }

    pub(crate) fn reserve_rows(&mut self, rows: usize) {
        self.ranks
            .reserve(rows.saturating_mul(self.candidates.len()));
    }

    /// Candidate ids in column order.
    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }

    /// Number of ballots.
    pub fn len(&self) -> usize {
        self.ranks
            .len()
            .checked_div(self.candidates.len())
            .unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.ranks.is_empty()
    }

    /// The ranks of every ballot, one slice per ballot (0 = no opinion).
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &[u32]> {
        // `chunks_exact(0)` panics; with no candidates there are no ranks either.
        self.ranks.chunks_exact(self.candidates.len().max(1))
    }

    /// Candidate ids renamed (same order, same count), e.g. display names to logins.
    pub fn with_candidates(mut self, candidates: Vec<String>) -> Result<Self, BallotsError> {
        if candidates.len() != self.candidates.len() {
            return Err(BallotsError::Width {
                ballot: 0,
                got: candidates.len(),
                expected: self.candidates.len(),
            });
        }
        let check = Ballots::new(candidates)?;
        self.candidates = check.candidates;
        Ok(self)
    }

    /// The ballots as Elekto's CSV export writes them: header of ids, one row
    /// per ballot, integer ranks or `No opinion`, LF line endings.
    pub fn to_csv(&self) -> String {
        let mut out = String::with_capacity(self.ranks.len() * 3 + 64);
        out.push_str(&self.candidates.join(","));
        out.push('\n');
        for row in self.rows() {
            for (i, r) in row.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if *r == NO_OPINION {
                    out.push_str("No opinion");
                } else {
                    out.push_str(&r.to_string());
                }
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_csv_round_trip() {
        let b = Ballots::from_rows(
            vec!["a".into(), "b".into()],
            &[vec![Some(1), None], vec![Some(2), Some(1)]],
        )
        .expect("valid");
        assert_eq!(b.len(), 2);
        assert_eq!(b.to_csv(), "a,b\n1,No opinion\n2,1\n");
        assert!(matches!(
            Ballots::new(vec!["a".into(), "a".into()]),
            Err(BallotsError::DuplicateCandidate(_))
        ));
        let empty = Ballots::new(vec![]).expect("valid");
        assert_eq!(empty.rows().count(), 0);
        assert_eq!(empty.len(), 0);
    }
}
