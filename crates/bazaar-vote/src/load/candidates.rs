//! Candidates: Elekto's `candidate-<ID>.md` files and, for the CIVS-era
//! folders (2017–2020), the nominee table of the election's `README.md`.
//!
//! A candidate file opens with a YAML header between two lines of dashes:
//!
//! ```text
//! -------------------------------------------------------------
//! name: Maciej Szulik
//! ID: soltysh
//! info:
//!   - employer: Defense Unicorns
//!   - slack: soltysh
//! -------------------------------------------------------------
//! ## SIGS ...
//! ```
//!
//! `ID` is the ballot key. `info` is a list of single-key maps (every real
//! steering bio) or a map (the 2026 template); both are read, and a missing
//! `info` is fine (CoC 2023 bios). Unlike Elekto (which slices up to the
//! *last* `---` in the file), the header ends at the first dash line after the
//! opening one, so a `---` rule in the bio is harmless. Delimiters of 3 or
//! more dashes and a tab after `ID:` are accepted, as the real files need.

use std::collections::BTreeMap;

use bazaar_core::Diagnostic;
use serde::Deserialize;

use crate::rules;

/// One candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The ballot key: front-matter `ID` (Elekto) or the display name (CIVS era).
    pub id: String,
    /// Display name.
    pub name: String,
    /// GitHub login, when known.
    pub login: Option<String>,
    /// `info` entries in file order (`employer`, `slack`, ...).
    pub info: Vec<(String, String)>,
    /// The file the candidate was read from (relative to the election folder).
    pub file: String,
    /// Line of the `ID` (or table row); 0 when unknown.
    pub line: u32,
}

impl Candidate {
    /// The `info` value for `key` (case-insensitive key).
    pub fn info(&self, key: &str) -> Option<&str> {
        self.info
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }

    /// `info.employer`.
    pub fn employer(&self) -> Option<&str> {
        self.info("employer")
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawInfo {
    List(Vec<Option<BTreeMap<String, Option<String>>>>),
    Map(BTreeMap<String, Option<String>>),
}

#[derive(Deserialize)]
struct RawHeader {
    name: Option<String>,
    #[serde(rename = "ID")]
    id: Option<String>,
    info: Option<RawInfo>,
}

fn is_dash_line(l: &str) -> bool {
    let t = l.trim_end();
    t.len() >= 3 && t.bytes().all(|b| b == b'-')
}

/// Parse one `candidate-*.md` file. `file` is its name relative to the
/// election folder.
pub fn parse_candidate(text: &str, file: &str) -> Result<Candidate, Diagnostic> {
    let invalid = |line: u32, msg: String| {
        Diagnostic::error(rules::candidate_header_invalid::META.id, msg)
            .at(file, line, 1)
            .with_help(
                "start the file with a line of dashes, `name:`, `ID:` and optional `info:`, then another line of dashes",
            )
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .skip_while(|(_, l)| l.trim().is_empty());
    let Some((open, first)) = lines.next() else {
        return Err(invalid(1, "the candidate file is empty".into()));
    };
    if !is_dash_line(first) {
        return Err(invalid(
            u32::try_from(open + 1).unwrap_or(u32::MAX),
            "no front matter: the file does not start with a line of dashes".into(),
        ));
    }
    let mut header = String::new();
    let mut closed = false;
    for (_, l) in lines.by_ref() {
        if is_dash_line(l) {
            closed = true;
            break;
        }
        // Tabs are not YAML indentation; real files put one after `ID:`.
        header.push_str(&l.replace('\t', " "));
        header.push('\n');
    }
    if !closed {
        return Err(invalid(
            u32::try_from(open + 1).unwrap_or(u32::MAX),
            "the front matter is not closed by a second line of dashes".into(),
        ));
    }
    let first_line = u32::try_from(open + 2).unwrap_or(u32::MAX);
    let raw: RawHeader = bazaar_core::yaml::from_str(&header).map_err(|e| {
        let mut d = e.to_diagnostic(file);
        if d.line > 0 {
            d.line += first_line - 1;
        }
        d
    })?;
    let id_line = header
        .lines()
        .position(|l| l.starts_with("ID"))
        .map_or(first_line, |i| first_line + u32::try_from(i).unwrap_or(0));
    let id = raw.id.map(|s| s.trim().to_string()).unwrap_or_default();
    if id.is_empty() {
        return Err(invalid(
            first_line,
            "the front matter has no `ID` (the ballot key)".into(),
        ));
    }
    let info = match raw.info {
        None => Vec::new(),
        Some(RawInfo::Map(m)) => m
            .into_iter()
            .map(|(k, v)| (k, v.unwrap_or_default()))
            .collect(),
        Some(RawInfo::List(items)) => items
            .into_iter()
            .flatten()
            .flat_map(|m| m.into_iter().map(|(k, v)| (k, v.unwrap_or_default())))
            .collect(),
    };
    let name = raw.name.map(|s| s.trim().to_string()).unwrap_or_default();
    Ok(Candidate {
        login: crate::load::voters::is_login(&id).then(|| id.clone()),
        name: if name.is_empty() { id.clone() } else { name },
        id,
        info: info
            .into_iter()
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect(),
        file: file.into(),
        line: id_line,
    })
}

/// The nominee table of a CIVS-era `README.md`:
/// `Name | Organization/Company | GitHub` with rows like
/// `[Aaron Crickenberger](aaroncrickenberger.md) | Google | [@spiffxp](...)`.
pub fn parse_nominee_table(text: &str, file: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut columns: Option<(usize, usize, usize)> = None;
    for (i, l) in text.lines().enumerate() {
        if !l.contains('|') {
            columns = None;
            continue;
        }
        let cells: Vec<&str> = l
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        let lower: Vec<String> = cells.iter().map(|c| c.to_lowercase()).collect();
        let find = |pred: &dyn Fn(&str) -> bool| lower.iter().position(|c| pred(c));
        if let (Some(n), Some(o), Some(g)) = (
            find(&|c| c == "name"),
            find(&|c| c.contains("organization") || c.contains("company")),
            find(&|c| c == "github"),
        ) {
            columns = Some((n, o, g));
            continue;
        }
        let Some((n, o, g)) = columns else { continue };
        if cells
            .iter()
            .all(|c| c.bytes().all(|b| b == b'-' || b == b':' || b == b' '))
        {
            continue; // the separator row
        }
        let (Some(name), Some(org), Some(gh)) = (cells.get(n), cells.get(o), cells.get(g)) else {
            continue;
        };
        let name = link_text(name);
        if name.is_empty() {
            continue;
        }
        let login = link_text(gh).trim_start_matches('@').trim().to_string();
        out.push(Candidate {
            id: name.clone(),
            name,
            login: crate::load::voters::is_login(&login).then_some(login),
            info: vec![("employer".into(), org.trim().to_string())],
            file: file.into(),
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
        });
    }
    out
}

/// `[text](url)` → `text`; anything else trimmed.
pub(crate) fn link_text(cell: &str) -> String {
    let c = cell.trim();
    if let Some(rest) = c.strip_prefix('[')
        && let Some(end) = rest.find("](")
    {
        return rest[..end].trim().to_string();
    }
    c.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIO: &str = "-------------------------------------------------------------\n\
                       name: Christoph Blecker\nID: cblecker\ninfo:\n  - employer: Red Hat\n  - slack: cblecker\n\
                       -------------------------------------------------------------\n\n## SIGS\n\n---\n\nmore\n";

    #[test]
    fn list_info_and_rule_in_body() {
        let c = parse_candidate(BIO, "candidate-cblecker.md").expect("valid");
        assert_eq!(
            (c.id.as_str(), c.name.as_str()),
            ("cblecker", "Christoph Blecker")
        );
        assert_eq!(c.employer(), Some("Red Hat"));
        assert_eq!(c.info("slack"), Some("cblecker"));
        assert_eq!(c.line, 3);
    }

    #[test]
    fn map_info_tab_and_short_dashes() {
        let c = parse_candidate(
            "-----\nname: Paco Xu\nID:\tpacoxu\n-----\n# Paco\n",
            "candidate-pacoxu.md",
        )
        .expect("valid");
        assert_eq!(c.id, "pacoxu");
        assert!(c.info.is_empty());
        let c = parse_candidate(
            "---\nname: A\nID: a\ninfo:\n  employer: X\n  slack: a\n---\n",
            "c.md",
        )
        .expect("valid");
        assert_eq!(c.employer(), Some("X"));
    }

    #[test]
    fn broken_headers() {
        for (text, msg) in [
            ("", "empty"),
            ("# Bio\n", "does not start"),
            ("---\nname: A\nID: a\n", "not closed"),
            ("---\nname: A\n---\n", "no `ID`"),
        ] {
            let e = parse_candidate(text, "candidate-a.md").expect_err(text);
            assert!(e.message.contains(msg), "{}: {}", text, e.message);
        }
        let e = parse_candidate("---\nname: [A\nID: a\n---\n", "candidate-a.md").expect_err("yaml");
        assert!(e.rule.starts_with("yaml/"), "{e}");
    }

    #[test]
    fn nominee_table() {
        let t = "Name | Organization/Company | GitHub\n--- | --- | -- |\n\
                 [Aaron Crickenberger](aaroncrickenberger.md) | Google | [@spiffxp](https://github.com/spiffxp) |\n\
                 | [Stephen Augustus](stephenaugustus.md) | Red Hat | [@justaugustus](https://github.com/justaugustus) |\n";
        let c = parse_nominee_table(t, "README.md");
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].id, "Stephen Augustus");
        assert_eq!(c[1].login.as_deref(), Some("justaugustus"));
        assert_eq!(c[1].employer(), Some("Red Hat"));
    }
}
