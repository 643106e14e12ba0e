//! Eligible voters: Elekto's `voters.yaml` and the CIVS-era `voters.md`.
//!
//! `voters.yaml` is a mapping with one key, `eligible_voters`, holding a list
//! of GitHub logins (comments allowed). Elekto matches them case-sensitively
//! (elekto#84); bazaar compares case-insensitively, drops a leading `@`, and
//! keeps the spelling for display. `voters.md` (2018–2020) is a markdown list
//! (`1. login` or `- login`) under a heading; list items that are not a
//! single login (dated change-log bullets) are skipped.

use bazaar_core::{Diagnostic, Login};
use serde::Deserialize;

use crate::rules;

/// One voter entry and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoterEntry {
    pub login: Login,
    /// 1-based line (0 when unknown).
    pub line: u32,
}

/// The eligible voters of an election.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Voters {
    /// Entries in file order, duplicates included (see [`Voters::unique`]).
    pub entries: Vec<VoterEntry>,
    /// The file they came from.
    pub file: String,
}

impl Voters {
    /// Distinct voters (case-insensitive), in sorted order.
    pub fn unique(&self) -> Vec<&Login> {
        let set: std::collections::BTreeSet<&Login> =
            self.entries.iter().map(|e| &e.login).collect();
        set.into_iter().collect()
    }

    /// Whether `login` may vote (case-insensitive).
    pub fn contains(&self, login: &Login) -> bool {
        self.entries.iter().any(|e| &e.login == login)
    }
}

#[derive(Deserialize)]
struct Raw {
    eligible_voters: Option<Vec<Option<String>>>,
}

/// A GitHub login: 1–39 alphanumerics or single hyphens, not starting with a
/// hyphen. Existing accounts with a trailing hyphen or `--` are tolerated.
pub fn is_login(s: &str) -> bool {
    let s = s.strip_prefix('@').unwrap_or(s);
    !s.is_empty()
        && s.len() <= 39
        && !s.starts_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Lines of list items below `eligible_voters:`, in order (for locations).
fn item_lines(text: &str) -> Vec<u32> {
    let mut in_list = false;
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let t = l.trim_start();
        if l.starts_with("eligible_voters") {
            in_list = true;
            continue;
        }
        if in_list && t.starts_with('-') {
            out.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
        }
    }
    out
}

/// Parse `voters.yaml`.
pub fn parse_yaml(text: &str, file: &str) -> (Option<Voters>, Vec<Diagnostic>) {
    let raw: Raw = match bazaar_core::yaml::from_str(text) {
        Ok(r) => r,
        Err(e) => return (None, vec![e.to_diagnostic(file)]),
    };
    let mut diags = Vec::new();
    let Some(list) = raw.eligible_voters else {
        diags.push(
            Diagnostic::error(
                rules::voter_invalid::META.id,
                "`eligible_voters` is missing: nobody can vote",
            )
            .at(file, 1, 1)
            .with_help("list the logins under `eligible_voters:`"),
        );
        return (
            Some(Voters {
                entries: vec![],
                file: file.into(),
            }),
            diags,
        );
    };
    let lines = item_lines(text);
    let lines_match = lines.len() == list.len();
    let mut entries = Vec::with_capacity(list.len());
    for (i, item) in list.into_iter().enumerate() {
        let line = if lines_match { lines[i] } else { 0 };
        let raw = item.unwrap_or_default();
        if !is_login(raw.trim()) {
            diags.push(
                Diagnostic::error(
                    rules::voter_invalid::META.id,
                    format!("`{}` is not a GitHub login", raw.trim()),
                )
                .at(file, line, 1)
                .with_help("each entry is one GitHub login, e.g. `- octocat`"),
            );
            continue;
        }
        entries.push(VoterEntry {
            login: Login::new(&raw),
            line,
        });
    }
    (
        Some(Voters {
            entries,
            file: file.into(),
        }),
        diags,
    )
}

/// Parse a CIVS-era `voters.md`: every list item that is a single login.
pub fn parse_md(text: &str, file: &str) -> Voters {
    let mut entries = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let t = l.trim();
        let item = if let Some(r) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
            r
        } else if let Some((num, r)) = t.split_once(". ") {
            if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            r
        } else {
            continue;
        };
        let item = item.trim();
        if is_login(item) {
            entries.push(VoterEntry {
                login: Login::new(item),
                line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            });
        }
    }
    Voters {
        entries,
        file: file.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_with_comments_and_locations() {
        let (v, d) = parse_yaml(
            "# log\neligible_voters:\n- a7i\n- Serenity611 # fixed case\n- '@bob'\n",
            "voters.yaml",
        );
        assert!(d.is_empty(), "{d:?}");
        let v = v.expect("voters");
        assert_eq!(v.entries.len(), 3);
        assert_eq!(v.entries[1].line, 4);
        assert!(v.contains(&Login::new("serenity611")));
        assert!(v.contains(&Login::new("BOB")));
    }

    #[test]
    fn md_lists() {
        let v = parse_md(
            "## 2019\n- **2019-08-20** - snapshot\n\n### GitHub IDs\n\n- 11janci\n1. aanm\n- not a login\n",
            "voters.md",
        );
        let names: Vec<_> = v.entries.iter().map(|e| e.login.as_str()).collect();
        assert_eq!(names, ["11janci", "aanm"]);
        assert_eq!(v.entries[0].line, 6);
    }

    #[test]
    fn bad_entries() {
        let (v, d) = parse_yaml("eligible_voters:\n- ok\n- two words\n", "voters.yaml");
        assert_eq!(v.map(|v| v.entries.len()), Some(1));
        assert_eq!(d[0].location(), "voters.yaml:3:1");
        let (_, d) = parse_yaml("voters: []\n", "voters.yaml");
        assert_eq!(d[0].rule, "vote/voter-invalid");
    }
}
