//! Loading an election folder (the edge of the crate: the only module that
//! reads files).
//!
//! An election folder is what Elekto's meta repository holds for one
//! election, or what the CIVS-era folders (2017–2020) hold:
//!
//! | file | Elekto era | CIVS era |
//! |---|---|---|
//! | config | `election.yaml` | none (seats come from `--seats`) |
//! | voters | `voters.yaml` | `voters.md` (2018–2020) |
//! | candidates | `candidate-<ID>.md` | nominee table in `README.md`; bios named freely |
//! | ballots | `ballots.csv` | `BALLOTS.csv` |
//! | results | `results.md` (+ `ranking.md` in 2021) | `RESULTS.md` |
//!
//! [`load_dir`] reads whatever is there. Problems in the data become
//! diagnostics and leave that part `None`; an unreadable folder or file, or a
//! folder holding none of these files, is an error.

pub mod ballots_csv;
pub mod candidates;
pub mod committee;
pub mod config;
pub mod published;
pub mod voters;

use std::path::{Path, PathBuf};

use bazaar_core::Diagnostic;

pub use candidates::Candidate;
pub use config::Config;
pub use published::Published;
pub use voters::Voters;

use crate::ballots::Ballots;

/// The folder could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("`{0}` is not a directory")]
    NotADirectory(PathBuf),
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no election files in `{0}`: looked for {LOOKED_FOR}")]
    NoElectionFiles(PathBuf),
}

/// What [`load_dir`] reads, as named in [`LoadError::NoElectionFiles`].
pub const LOOKED_FOR: &str = "`election.yaml`, `voters.yaml` or `voters.md`, \
     `candidate-*.md`, `ballots.csv`, `election_desc.md`, `results.md`, `ranking.md` \
     and a nominee table in `README.md`";

/// Where the candidate list came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateSource {
    /// `candidate-*.md` files: their `ID`s are the ballot keys.
    Elekto,
    /// The nominee table of a CIVS-era `README.md`: matched to ballot columns by name.
    Nominees,
    /// No candidate information: the ballot columns are all there is.
    None,
}

/// How a ballot column was matched to a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchKind {
    /// Same id (Elekto).
    Id,
    /// The column's `(@handle)` is the candidate's login.
    Login,
    /// Same display name.
    Name,
    /// A display name within two typing errors (2017's "Phillip Whitrock").
    Approximate,
}

/// Everything read from one election folder.
#[derive(Debug)]
pub struct ElectionDir {
    pub root: PathBuf,
    pub config: Option<Config>,
    pub voters: Option<Voters>,
    pub candidates: Vec<Candidate>,
    pub candidate_source: CandidateSource,
    /// The ballots, when a ballots file exists and is sound.
    pub ballots: Option<Ballots>,
    /// Path of the ballots file, when there is one (sound or not).
    pub ballots_file: Option<PathBuf>,
    /// `election_desc.md`.
    pub description: Option<String>,
    /// The published results (`results.md`/`RESULTS.md`, full ranking from `ranking.md`).
    pub published: Option<Published>,
    /// Findings made while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// Names of the files read as part of the election, sorted.
    pub files: Vec<String>,
}

fn read(path: &Path) -> Result<String, LoadError> {
    std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Read an election folder.
pub fn load_dir(root: &Path) -> Result<ElectionDir, LoadError> {
    if !root.is_dir() {
        return Err(LoadError::NotADirectory(root.to_path_buf()));
    }
    let mut names: Vec<String> = std::fs::read_dir(root)
        .map_err(|source| LoadError::Io {
            path: root.to_path_buf(),
            source,
        })?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    let find = |want: &str| names.iter().find(|n| n.eq_ignore_ascii_case(want)).cloned();
    let shown = |name: &str| root.join(name).display().to_string();
    let mut diagnostics = Vec::new();
    let mut files: Vec<String> = Vec::new();

    let config = match find("election.yaml") {
        Some(n) => {
            let (c, d) = config::parse(&read(&root.join(&n))?, &shown(&n));
            diagnostics.extend(d);
            files.push(n);
            c
        }
        None => None,
    };

    let voters = if let Some(n) = find("voters.yaml") {
        let (v, d) = voters::parse_yaml(&read(&root.join(&n))?, &shown(&n));
        diagnostics.extend(d);
        files.push(n);
        v
    } else if let Some(n) = find("voters.md") {
        let v = voters::parse_md(&read(&root.join(&n))?, &shown(&n));
        files.push(n);
        Some(v)
    } else {
        None
    };

    let mut candidates = Vec::new();
    for n in names
        .iter()
        .filter(|n| n.starts_with("candidate") && n.ends_with(".md"))
    {
        match candidates::parse_candidate(&read(&root.join(n))?, &shown(n)) {
            Ok(c) => candidates.push(c),
            Err(d) => diagnostics.push(d),
        }
        files.push(n.clone());
    }
    let has_candidate_files = names
        .iter()
        .any(|n| n.starts_with("candidate") && n.ends_with(".md"));
    let candidate_source = if has_candidate_files {
        CandidateSource::Elekto
    } else if let Some(n) = find("README.md") {
        candidates = candidates::parse_nominee_table(&read(&root.join(&n))?, &shown(&n));
        if candidates.is_empty() {
            CandidateSource::None
        } else {
            files.push(n);
            CandidateSource::Nominees
        }
    } else {
        CandidateSource::None
    };

    let (ballots, ballots_file) = match find("ballots.csv") {
        Some(n) => {
            let path = root.join(&n);
            let parsed = ballots_csv::parse(&read(&path)?, &shown(&n));
            diagnostics.extend(parsed.diagnostics);
            files.push(n);
            (parsed.ballots, Some(path))
        }
        None => (None, None),
    };

    let description = match find("election_desc.md") {
        Some(n) => {
            let text = read(&root.join(&n))?;
            files.push(n);
            Some(text)
        }
        None => None,
    };

    let mut published = match find("results.md") {
        Some(n) => {
            let p = published::parse(&read(&root.join(&n))?);
            files.push(n);
            Some(p)
        }
        None => None,
    };
    if let Some(n) = find("ranking.md") {
        let r = published::parse(&read(&root.join(&n))?);
        files.push(n);
        if !r.ranking.is_empty() {
            published.get_or_insert_with(Published::default).ranking = r.ranking;
        }
    }

    if files.is_empty() {
        return Err(LoadError::NoElectionFiles(root.to_path_buf()));
    }
    files.sort();

    Ok(ElectionDir {
        root: root.to_path_buf(),
        config,
        voters,
        candidates,
        candidate_source,
        ballots,
        ballots_file,
        description,
        published,
        diagnostics,
        files,
    })
}

/// `Name (@handle)` → (`Name`, `handle`).
fn split_handle(column: &str) -> (&str, Option<&str>) {
    if let Some(open) = column.rfind("(@")
        && let Some(h) = column[open + 2..].strip_suffix(')')
    {
        return (column[..open].trim(), Some(h.trim()));
    }
    (column.trim(), None)
}

fn norm_name(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Levenshtein distance (small strings only).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Match a ballot column (candidate key) to a candidate.
pub fn match_column(candidates: &[Candidate], column: &str) -> Option<(usize, MatchKind)> {
    if let Some(i) = candidates.iter().position(|c| c.id == column) {
        return Some((i, MatchKind::Id));
    }
    let (name, handle) = split_handle(column);
    if let Some(h) = handle
        && let Some(i) = candidates.iter().position(|c| {
            c.login
                .as_deref()
                .is_some_and(|l| l.eq_ignore_ascii_case(h))
        })
    {
        return Some((i, MatchKind::Login));
    }
    let want = norm_name(name);
    if let Some(i) = candidates
        .iter()
        .position(|c| norm_name(&c.name) == want || c.id.eq_ignore_ascii_case(name))
    {
        return Some((i, MatchKind::Name));
    }
    let close: Vec<usize> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| distance(&norm_name(&c.name), &want) <= 2)
        .map(|(i, _)| i)
        .collect();
    match close.as_slice() {
        [i] => Some((*i, MatchKind::Approximate)),
        _ => None,
    }
}

impl ElectionDir {
    /// For each ballot column, the matched candidate.
    pub fn column_matches(&self) -> Vec<Option<(usize, MatchKind)>> {
        self.ballots.as_ref().map_or_else(Vec::new, |b| {
            b.candidates()
                .iter()
                .map(|col| match self.candidate_source {
                    // Elekto: the ID is the key, nothing else counts.
                    CandidateSource::Elekto => self
                        .candidates
                        .iter()
                        .position(|c| &c.id == col)
                        .map(|i| (i, MatchKind::Id)),
                    _ => match_column(&self.candidates, col),
                })
                .collect()
        })
    }

    /// The candidate for a ballot column id, if known.
    pub fn candidate_for(&self, column: &str) -> Option<&Candidate> {
        let cols = self.ballots.as_ref()?.candidates();
        let idx = cols.iter().position(|c| c == column)?;
        let (i, _) = self.column_matches().get(idx).copied().flatten()?;
        self.candidates.get(i)
    }

    /// Ballot column id → employer, from the matched candidates' `info.employer`.
    pub fn column_employers(&self) -> std::collections::BTreeMap<String, String> {
        let Some(b) = &self.ballots else {
            return Default::default();
        };
        b.candidates()
            .iter()
            .zip(self.column_matches())
            .filter_map(|(col, m)| {
                let (i, _) = m?;
                let e = self.candidates.get(i)?.employer()?;
                Some((col.clone(), e.to_string()))
            })
            .collect()
    }

    /// True when a ballots file exists but could not be used.
    pub fn ballots_failed(&self) -> bool {
        self.ballots_file.is_some() && self.ballots.is_none()
    }

    /// Error-level findings about the ballots file (these stop any count).
    pub fn ballot_errors(&self) -> Vec<&Diagnostic> {
        let Some(path) = &self.ballots_file else {
            return vec![];
        };
        let shown = path.display().to_string();
        self.diagnostics
            .iter()
            .filter(|d| d.file == shown && d.severity == bazaar_core::Severity::Error)
            .collect()
    }

    /// The path as shown in diagnostics for a file of this election.
    pub fn shown(&self, name: &str) -> String {
        self.root.join(name).display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_columns() {
        let c = candidates::parse_nominee_table(
            "Name | Organization/Company | GitHub\n--|--|--\n[Phillip Wittrock](pw.md) | Google | [@pwittrock](x)\n\
             [Paris Pittman](pp.md) | Google | [@parispittman](x)\n",
            "README.md",
        );
        assert_eq!(
            match_column(&c, "Phillip Whitrock"),
            Some((0, MatchKind::Approximate))
        );
        assert_eq!(
            match_column(&c, "Paris Pittman (@parispittman)"),
            Some((1, MatchKind::Login))
        );
        assert_eq!(
            match_column(&c, "paris  pittman"),
            Some((1, MatchKind::Name))
        );
        assert_eq!(match_column(&c, "Somebody Else"), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn a_folder_without_election_files_is_an_error() {
        let dir = bazaar_testkit::Dir::new();
        assert!(matches!(
            load_dir(dir.path()),
            Err(LoadError::NoElectionFiles(_))
        ));
        // What elections/steering/2023..2026 hold, and a README that lists nobody.
        dir.create("OWNERS", "approvers:\n- someone\n");
        dir.create("README.md", "# The 2031 election\n\nComing soon.\n");
        let err = load_dir(dir.path()).expect_err("no election files");
        assert!(
            err.to_string().contains("no election files in `")
                && err.to_string().contains("looked for `election.yaml`"),
            "{err}"
        );
        dir.create("election.yaml", "name: x\n");
        let e = load_dir(dir.path()).expect("an election.yaml is an election");
        assert_eq!(e.files, ["election.yaml"]);
    }
}
