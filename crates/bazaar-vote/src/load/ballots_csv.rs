//! The published ballots file: Elekto's `ballots.csv` export and the
//! CIVS-era `BALLOTS.csv`.
//!
//! Format (both eras): a header row of candidate keys (Elekto: candidate IDs;
//! CIVS: display names, 2019 as `Name (@handle)`), then one row per ballot,
//! each cell an integer rank (1 = most preferred, equal numbers = indifference)
//! or the literal `No opinion`. CIVS wrote unranked candidates as rank `n` (the
//! number of candidates), so they are compared as tied last; that is what the
//! file says and it is counted as such. LF or CRLF line endings, a UTF-8 BOM and
//! RFC 4180 quoting are accepted; Elekto itself writes none of them.
//!
//! The parser is strict: it reports every problem with its line (and column)
//! and returns no ballots at all when any row is wrong, so nothing is ever
//! counted from a file that failed.

use bazaar_core::Diagnostic;

use crate::ballots::{Ballots, NO_OPINION};
use crate::rules;

/// The literal Elekto writes for an unranked candidate.
pub const NO_OPINION_TEXT: &str = "No opinion";

/// Stop listing errors after this many (the file is rejected anyway).
const MAX_ERRORS: usize = 50;

/// Result of reading a ballots file: the ballots when the file is sound, and
/// every finding (errors make `ballots` `None`).
#[derive(Debug, Clone)]
pub struct ParsedBallots {
    pub ballots: Option<Ballots>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parse ballots CSV text; `file` is the name used in diagnostics.
pub fn parse(text: &str, file: &str) -> ParsedBallots {
    let mut p = Parser {
        file,
        diags: Vec::new(),
        errors: 0,
    };
    let ballots = p.run(text);
    ParsedBallots {
        ballots: if p.errors == 0 { ballots } else { None },
        diagnostics: p.diags,
    }
}

struct Parser<'a> {
    file: &'a str,
    diags: Vec<Diagnostic>,
    errors: usize,
}

impl Parser<'_> {
    fn error(&mut self, d: Diagnostic) {
        self.errors += 1;
        if self.errors <= MAX_ERRORS {
            self.diags.push(d);
        }
    }

    fn run(&mut self, text: &str) -> Option<Ballots> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            self.error(
                Diagnostic::error(
                    rules::ballot_header_invalid::META.id,
                    "the ballots file is empty: it has no header row",
                )
                .at(self.file, 1, 1)
                .with_help("the first line lists the candidate ids, comma-separated"),
            );
            return None;
        }
        let (header, body_start) = match text.find('\n') {
            Some(i) => (&text[..i], i + 1),
            None => (text, text.len()),
        };
        let candidates = self.header(1, strip_cr(header))?;
        let n = candidates.len();
        let max = u32::try_from(n).unwrap_or(u32::MAX);
        let mut ballots = Ballots::new(candidates.clone()).ok()?;
        ballots.reserve_rows(text.len() / (2 * n + 1));
        let mut row = vec![NO_OPINION; n];
        let bytes = text.as_bytes();
        let mut pos = body_start;
        let mut line_no = 1u32;
        while pos < bytes.len() {
            line_no = line_no.saturating_add(1);
            // Fast path: Elekto's own output (integers and `No opinion`, no
            // spaces or quotes) in one pass over the bytes.
            if let Some(next) = fast_row(bytes, pos, max, &mut row) {
                ballots.push_raw(&row);
                pos = next;
                continue;
            }
            let end = bytes[pos..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| pos + i);
            let line = strip_cr(&text[pos..end]);
            pos = end + 1;
            if line.trim().is_empty() {
                self.error(
                    Diagnostic::error(
                        rules::ballot_empty::META.id,
                        "empty ballot row: a ballot has one cell per candidate",
                    )
                    .at(self.file, line_no, 1)
                    .with_help(format!(
                        "remove the blank line, or write `{NO_OPINION_TEXT}` for each of the {n} candidates"
                    )),
                );
                continue;
            }
            if self.row(line, line_no, &candidates, &mut row) {
                ballots.push_raw(&row);
            }
        }
        Some(ballots)
    }

    fn header(&mut self, line_no: usize, line: &str) -> Option<Vec<String>> {
        let line_no = u32::try_from(line_no).unwrap_or(u32::MAX);
        let cells = split_cells(line);
        let mut out = Vec::with_capacity(cells.len());
        let mut ok = true;
        let mut seen = std::collections::BTreeMap::new();
        for (idx, (cell, col)) in cells.into_iter().enumerate() {
            let name = cell.trim().to_string();
            if name.is_empty() {
                ok = false;
                self.error(
                    Diagnostic::error(
                        rules::ballot_header_invalid::META.id,
                        "empty candidate id in the header",
                    )
                    .at(self.file, line_no, col)
                    .with_help("every header cell names a candidate"),
                );
                continue;
            }
            if let Some(first) = seen.insert(name.to_lowercase(), idx + 1) {
                ok = false;
                self.error(
                    Diagnostic::error(
                        rules::ballot_duplicate_candidate::META.id,
                        format!("candidate `{name}` appears twice in the header (first at column {first})"),
                    )
                    .at(self.file, line_no, col)
                    .with_help("each candidate has exactly one column"),
                );
            }
            out.push(name);
        }
        ok.then_some(out)
    }

    /// Parse one ballot row into `out`; false when it is unusable.
    fn row(&mut self, line: &str, line_no: u32, candidates: &[String], out: &mut [u32]) -> bool {
        let n = candidates.len();
        let mut count = 0usize;
        let mut ok = true;
        if line.contains('"') {
            for (cell, col) in split_cells(line) {
                ok &= self.cell(&cell, col, count, line_no, candidates, out);
                count += 1;
            }
        } else {
            // Fast path: Elekto never quotes.
            let mut col = 1u32;
            for cell in line.split(',') {
                ok &= self.cell(cell, col, count, line_no, candidates, out);
                col = col
                    .saturating_add(u32::try_from(cell.len()).unwrap_or(u32::MAX))
                    .saturating_add(1);
                count += 1;
            }
        }
        if count != n {
            self.error(
                Diagnostic::error(
                    rules::ballot_row_width::META.id,
                    format!("ballot has {count} cells but the header has {n} candidates"),
                )
                .at(self.file, line_no, 1)
                .with_help("every row has exactly one cell per header column"),
            );
            return false;
        }
        ok
    }

    /// One cell of a row; false when it is not a valid rank.
    fn cell(
        &mut self,
        cell: &str,
        col: u32,
        idx: usize,
        line_no: u32,
        candidates: &[String],
        out: &mut [u32],
    ) -> bool {
        let n = candidates.len();
        let (Some(slot), Some(name)) = (out.get_mut(idx), candidates.get(idx)) else {
            return true; // counted by the width check
        };
        let max = u32::try_from(n).unwrap_or(u32::MAX);
        // The rank as written: a number too long for `u32` is shown as is,
        // never as the value it saturated to.
        let out_of_range = || {
            Diagnostic::error(
                rules::ballot_rank_out_of_range::META.id,
                format!(
                    "rank `{}` for `{name}` is out of range 1..={n}",
                    cell.trim()
                ),
            )
            .at(self.file, line_no, col)
            .with_help(format!(
                "ranks run from 1 (most preferred) to {n}, or `{NO_OPINION_TEXT}`"
            ))
        };
        let diag = match parse_rank(cell) {
            Ok(r) if r == NO_OPINION || r <= max => {
                *slot = r;
                return true;
            }
            Ok(_) | Err(RankError::Negative | RankError::Zero) => out_of_range(),
            Err(RankError::NotANumber) => Diagnostic::error(
                rules::ballot_rank_invalid::META.id,
                format!("`{}` is not a rank (column `{name}`)", cell.trim()),
            )
            .at(self.file, line_no, col)
            .with_help(format!("write an integer rank or `{NO_OPINION_TEXT}`")),
        };
        self.error(diag);
        false
    }
}

/// Parse one well-formed row starting at `pos` into `out`; the position
/// after its line end, or `None` when anything is unusual (the general path
/// then parses the line again and reports what is wrong).
fn fast_row(bytes: &[u8], mut pos: usize, max: u32, out: &mut [u32]) -> Option<usize> {
    const NO: &[u8] = NO_OPINION_TEXT.as_bytes();
    let len = bytes.len();
    for (idx, slot) in out.iter_mut().enumerate() {
        if idx > 0 {
            if bytes.get(pos) != Some(&b',') {
                return None;
            }
            pos += 1;
        }
        match bytes.get(pos) {
            Some(b) if b.is_ascii_digit() => {
                let mut v: u32 = 0;
                while let Some(&d) = bytes.get(pos).filter(|d| d.is_ascii_digit()) {
                    v = v.checked_mul(10)?.checked_add(u32::from(d - b'0'))?;
                    pos += 1;
                }
                if v == 0 || v > max {
                    return None;
                }
                *slot = v;
            }
            Some(b'N') if bytes[pos..].starts_with(NO) => {
                *slot = NO_OPINION;
                pos += NO.len();
            }
            _ => return None,
        }
    }
    match bytes.get(pos) {
        None => Some(len),
        Some(b'\n') => Some(pos + 1),
        Some(b'\r') if bytes.get(pos + 1) == Some(&b'\n') => Some(pos + 2),
        _ => None,
    }
}

fn strip_cr(l: &str) -> &str {
    l.strip_suffix('\r').unwrap_or(l)
}

#[derive(Debug, PartialEq, Eq)]
enum RankError {
    NotANumber,
    Negative,
    Zero,
}

fn parse_rank(cell: &str) -> Result<u32, RankError> {
    let c = cell.trim();
    if c.eq_ignore_ascii_case(NO_OPINION_TEXT) {
        return Ok(NO_OPINION);
    }
    let (neg, digits) = match c.as_bytes().first() {
        Some(b'-') => (true, &c[1..]),
        Some(b'+') => (false, &c[1..]),
        _ => (false, c),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(RankError::NotANumber);
    }
    if neg {
        return if digits.bytes().all(|b| b == b'0') {
            Err(RankError::Zero)
        } else {
            Err(RankError::Negative)
        };
    }
    // Saturate absurdly long numbers: they are out of range anyway.
    let v = digits
        .bytes()
        .try_fold(0u32, |acc, b| {
            acc.checked_mul(10)?.checked_add(u32::from(b - b'0'))
        })
        .unwrap_or(u32::MAX);
    if v == 0 { Err(RankError::Zero) } else { Ok(v) }
}

/// Split a CSV line into cells with their 1-based byte columns (RFC 4180 quoting).
fn split_cells(line: &str) -> Vec<(String, u32)> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut start = 1u32;
    let mut in_quotes = false;
    let mut chars = line.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        match ch {
            '"' if in_quotes => {
                if chars.peek().map(|&(_, c)| c) == Some('"') {
                    cur.push('"');
                    chars.next();
                } else {
                    in_quotes = false;
                }
            }
            '"' if cur.trim().is_empty() => {
                cur.clear();
                in_quotes = true;
            }
            ',' if !in_quotes => {
                cells.push((std::mem::take(&mut cur), start));
                start = u32::try_from(i + 2).unwrap_or(u32::MAX);
            }
            c => cur.push(c),
        }
    }
    cells.push((cur, start));
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Ballots {
        let p = parse(text, "ballots.csv");
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        p.ballots.expect("ballots")
    }

    fn errs(text: &str) -> Vec<String> {
        let p = parse(text, "ballots.csv");
        assert!(p.ballots.is_none(), "expected the file to be rejected");
        p.diagnostics.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn reads_elekto_export() {
        let b = ok("a,b,c\n1,No opinion,2\n3,3,1\n");
        assert_eq!(b.candidates(), ["a", "b", "c"]);
        let rows: Vec<_> = b.rows().collect();
        assert_eq!(rows, [&[1, 0, 2][..], &[3, 3, 1][..]]);
    }

    #[test]
    fn tolerates_crlf_bom_quotes_and_no_final_newline() {
        let b = ok("\u{feff}\"Carr, Derek\",b\r\n1,2\r\n\"2\",1");
        assert_eq!(b.candidates(), ["Carr, Derek", "b"]);
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn fast_and_general_paths_agree() {
        let fast = ok("a,b,c\n1,No opinion,2\r\n3,3,1");
        let general = ok("a,b,c\n 1 ,no opinion, 2\r\n\"3\",3 ,1");
        assert_eq!(fast, general);
    }

    #[test]
    fn header_only_means_no_ballots() {
        assert_eq!(ok("a,b\n").len(), 0);
    }

    #[test]
    fn every_problem_is_located() {
        let e = errs("a,b,c\n1,2\n1,x,2\n1,2,9\n\n0,1,-2\n2,99999999999999999999,1\n");
        assert_eq!(
            e,
            [
                "ballots.csv:2:1: vote/ballot-row-width ballot has 2 cells but the header has 3 candidates\n  help: every row has exactly one cell per header column",
                "ballots.csv:3:3: vote/ballot-rank-invalid `x` is not a rank (column `b`)\n  help: write an integer rank or `No opinion`",
                "ballots.csv:4:5: vote/ballot-rank-out-of-range rank `9` for `c` is out of range 1..=3\n  help: ranks run from 1 (most preferred) to 3, or `No opinion`",
                "ballots.csv:5:1: vote/ballot-empty empty ballot row: a ballot has one cell per candidate\n  help: remove the blank line, or write `No opinion` for each of the 3 candidates",
                "ballots.csv:6:1: vote/ballot-rank-out-of-range rank `0` for `a` is out of range 1..=3\n  help: ranks run from 1 (most preferred) to 3, or `No opinion`",
                "ballots.csv:6:5: vote/ballot-rank-out-of-range rank `-2` for `c` is out of range 1..=3\n  help: ranks run from 1 (most preferred) to 3, or `No opinion`",
                "ballots.csv:7:3: vote/ballot-rank-out-of-range rank `99999999999999999999` for `b` is out of range 1..=3\n  help: ranks run from 1 (most preferred) to 3, or `No opinion`",
            ]
        );
    }

    #[test]
    fn header_problems() {
        let e = errs("a,,A\n1,2,3\n");
        assert!(e[0].contains("vote/ballot-header-invalid"), "{e:?}");
        assert!(e[1].contains("vote/ballot-duplicate-candidate"), "{e:?}");
        let e = errs("");
        assert!(e[0].contains("the ballots file is empty"), "{e:?}");
    }

    #[test]
    fn rank_parsing() {
        assert_eq!(parse_rank(" 12 "), Ok(12));
        assert_eq!(parse_rank("no opinion"), Ok(0));
        assert_eq!(parse_rank("99999999999999"), Ok(u32::MAX));
        assert_eq!(parse_rank("1.5"), Err(RankError::NotANumber));
        assert_eq!(parse_rank(""), Err(RankError::NotANumber));
        assert_eq!(parse_rank("-"), Err(RankError::NotANumber));
        assert_eq!(parse_rank("-0"), Err(RankError::Zero));
    }
}
