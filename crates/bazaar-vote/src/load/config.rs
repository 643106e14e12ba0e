//! `election.yaml`: Elekto's per-election configuration.
//!
//! Every field Elekto knows, with its real meaning (see the crate docs and
//! `../shared/spec/elections.md` §1.3). Elekto reads it with PyYAML's full
//! loader and ignores unknown keys; so does bazaar, except for the known
//! misspelling `exceptions_due`, which Elekto silently ignores and bazaar
//! accepts with a warning.

use bazaar_core::Diagnostic;
use serde::Deserialize;

use crate::rules;
use crate::time::Timestamp;

/// The configuration of one election.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// Display name (copied into Elekto's DB on sync).
    pub name: String,
    /// Shown next to the name.
    pub organization: String,
    /// Voting opens (inclusive), UTC.
    pub start: Option<Timestamp>,
    /// Voting closes (inclusive), UTC.
    pub end: Option<Timestamp>,
    /// Seats to fill. Elekto only displays it; bazaar uses it for winners.
    pub no_winners: Option<u32>,
    /// May voters leave candidates unranked? Elekto ignores it; the bazaar
    /// ballot box honours it.
    pub allow_no_opinion: bool,
    /// Delete voter↔ballot links after the count. Elekto never implemented
    /// it; the bazaar ballot box always does so at close.
    pub delete_after: bool,
    /// Which candidate `info` keys to show. `None` when missing or null (which
    /// crashes Elekto's candidate page); null items are dropped.
    pub show_candidate_fields: Option<Vec<String>>,
    /// GitHub logins allowed to administer the election.
    pub election_officers: Vec<String>,
    /// Free text shown on the election page.
    pub eligibility: String,
    /// Free text shown on the exception form.
    pub exception_description: String,
    /// Exception requests close; defaults to `start` as in Elekto.
    pub exception_due: Option<Timestamp>,
}

#[derive(Deserialize, Default)]
struct Raw {
    name: Option<String>,
    organization: Option<String>,
    start_datetime: Option<String>,
    end_datetime: Option<String>,
    no_winners: Option<String>,
    allow_no_opinion: Option<String>,
    delete_after: Option<String>,
    show_candidate_fields: Option<Vec<Option<String>>>,
    election_officers: Option<Vec<Option<String>>>,
    eligibility: Option<String>,
    exception_description: Option<String>,
    exception_due: Option<String>,
    exceptions_due: Option<String>,
}

/// 1-based line of a top-level `key:` in `text` (0 when absent).
pub(crate) fn line_of_key(text: &str, key: &str) -> u32 {
    text.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map_or(0, |i| u32::try_from(i + 1).unwrap_or(u32::MAX))
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "y" => Some(true),
        "false" | "no" | "off" | "n" => Some(false),
        _ => None,
    }
}

/// Parse `election.yaml`. Returns the config (`None` when the YAML itself is
/// unusable) and every finding.
pub fn parse(text: &str, file: &str) -> (Option<Config>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let raw: Raw = if text.trim().is_empty() {
        Raw::default()
    } else {
        match bazaar_core::yaml::from_str(text) {
            Ok(r) => r,
            Err(e) => return (None, vec![e.to_diagnostic(file)]),
        }
    };
    let at = |key: &str| line_of_key(text, key);
    let time = |key: &str, value: &Option<String>, diags: &mut Vec<Diagnostic>| {
        let v = value.as_deref()?;
        match Timestamp::parse(v) {
            Ok(p) => {
                if p.had_offset || p.date_only {
                    diags.push(
                        Diagnostic::warning(
                            rules::datetime_has_offset::META.id,
                            format!(
                                "`{key}: {}` is not a naive `YYYY-MM-DD HH:MM:SS` timestamp; Elekto fails on it",
                                v.trim()
                            ),
                        )
                        .at(file, at(key), 1)
                        .with_help("write the time in UTC without an offset, e.g. `2025-10-25 11:59:59`"),
                    );
                }
                Some(p.at)
            }
            Err(e) => {
                diags.push(
                    Diagnostic::error(rules::datetime_invalid::META.id, format!("`{key}`: {e}"))
                        .at(file, at(key), 1)
                        .with_help("write e.g. `2025-09-12 00:00:01` (UTC)"),
                );
                None
            }
        }
    };
    let start = time("start_datetime", &raw.start_datetime, &mut diags);
    let end = time("end_datetime", &raw.end_datetime, &mut diags);
    let due_key = if raw.exception_due.is_none() && raw.exceptions_due.is_some() {
        diags.push(
            Diagnostic::warning(
                rules::exceptions_due_misspelt::META.id,
                "`exceptions_due` is not read by Elekto (it reads `exception_due`, and falls back to `start_datetime`)",
            )
            .at(file, at("exceptions_due"), 1)
            .with_help("rename the key to `exception_due`"),
        );
        "exceptions_due"
    } else {
        "exception_due"
    };
    let due_value = raw.exception_due.clone().or(raw.exceptions_due.clone());
    let exception_due = time(due_key, &due_value, &mut diags).or(start);
    for (key, value) in [
        ("start_datetime", &raw.start_datetime),
        ("end_datetime", &raw.end_datetime),
    ] {
        if value.is_none() {
            diags.push(
                Diagnostic::error(
                    rules::datetime_invalid::META.id,
                    format!("`{key}` is missing: the voting window is undefined"),
                )
                .at(file, 0, 0)
                .with_help(format!("add `{key}: YYYY-MM-DD HH:MM:SS` (UTC)")),
            );
        }
    }
    let no_winners = match raw.no_winners.as_deref().map(str::trim) {
        None => None,
        Some(v) => match v.parse::<u32>() {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                diags.push(
                    Diagnostic::error(
                        rules::no_winners_invalid::META.id,
                        format!("`no_winners: {v}` is not a positive integer"),
                    )
                    .at(file, at("no_winners"), 1)
                    .with_help("write the number of seats, e.g. `no_winners: 3`"),
                );
                None
            }
        },
    };
    let flag = |key: &str, value: &Option<String>, default: bool, diags: &mut Vec<Diagnostic>| {
        let Some(v) = value.as_deref() else {
            return default;
        };
        parse_bool(v).unwrap_or_else(|| {
            diags.push(
                Diagnostic::error(
                    rules::config_value_invalid::META.id,
                    format!("`{key}: {}` is not a boolean", v.trim()),
                )
                .at(file, at(key), 1)
                .with_help("write `True` or `False`"),
            );
            default
        })
    };
    let allow_no_opinion = flag("allow_no_opinion", &raw.allow_no_opinion, true, &mut diags);
    let delete_after = flag("delete_after", &raw.delete_after, false, &mut diags);
    let show_candidate_fields = raw.show_candidate_fields.map(|v| {
        v.into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect()
    });
    let config = Config {
        name: raw.name.unwrap_or_default(),
        organization: raw.organization.unwrap_or_default(),
        start,
        end,
        no_winners,
        allow_no_opinion,
        delete_after,
        show_candidate_fields,
        election_officers: raw
            .election_officers
            .unwrap_or_default()
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect(),
        eligibility: raw.eligibility.unwrap_or_default(),
        exception_description: raw.exception_description.unwrap_or_default(),
        exception_due,
    };
    (Some(config), diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_real_shape() {
        let text = "name: 2023 CoC\norganization: Kubernetes\nstart_datetime: 2023-08-11 00:00:01\n\
                    end_datetime: 2023-08-18 11:59:59\nno_winners: 2\nallow_no_opinion: True\n\
                    delete_after: True\nelection_officers:\n - BenTheElder\n - cblecker\n\
                    eligibility: Limited to [SC](https://x)\nexception_due: 2023-08-08 00:00:01\n\
                    show_candidate_fields:\n  - \n";
        let (c, d) = parse(text, "election.yaml");
        assert!(d.is_empty(), "{d:?}");
        let c = c.expect("config");
        assert_eq!(c.no_winners, Some(2));
        assert!(c.allow_no_opinion && c.delete_after);
        assert_eq!(c.election_officers, ["BenTheElder", "cblecker"]);
        assert_eq!(c.show_candidate_fields, Some(vec![]));
        assert_eq!(
            c.start.map(|t| t.to_string()).as_deref(),
            Some("2023-08-11 00:00:01")
        );
        assert_eq!(
            c.exception_due.map(|t| t.to_string()).as_deref(),
            Some("2023-08-08 00:00:01")
        );
    }

    #[test]
    fn exception_due_defaults_to_start() {
        let (c, _) = parse(
            "start_datetime: 2023-08-11 00:00:01\nend_datetime: 2023-08-18 11:59:59\n",
            "e.yaml",
        );
        let c = c.expect("config");
        assert_eq!(c.exception_due, c.start);
        assert_eq!(c.show_candidate_fields, None);
    }

    #[test]
    fn broken_yaml_is_located() {
        let (c, d) = parse("name: [x\n", "election.yaml");
        assert!(c.is_none());
        assert!(d[0].rule.starts_with("yaml/"), "{d:?}");
    }
}
