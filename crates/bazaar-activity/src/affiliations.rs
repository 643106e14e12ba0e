//! gitdm affiliations: who worked where, on which day.
//!
//! Four upstream formats reduce to half-open day intervals `[from, until)`:
//!
//! - `developers_affiliations*.txt`: `login: email1, email2` followed by
//!   TAB-indented `Company`, `Company until D`, `Company from D until D`,
//!   `Company from D` lines ([`parse_developers`]);
//! - `email-map` and `domain-map`: `key Company [< D]`, where `< D` means
//!   "until D, exclusive" and a line without a date is the open-ended
//!   employer ([`parse_email_map`]);
//! - `aliases`: `variant canonical` e-mail pairs ([`parse_aliases`]).
//!
//! E-mails are written with `!` for `@`; every e-mail is decoded and
//! lower-cased on the way in. [`Affiliations`] answers lookups:
//!
//! - by GitHub login (DevStats): the login's intervals, `from <= day < until`;
//! - by e-mail (gitdm): aliases first, then the exact e-mail in the e-mail map
//!   (the first entry, by end date, whose end is after the day), then the
//!   e-mail's developer block, then the domain map trying suffixes from the
//!   shortest (`c.tld`, `b.c.tld`, ...), as gitdm's `MapToEmployer` does.
//!
//! Parsing never fails: a line that does not parse becomes an
//! `activity/affiliation-line-unparsable` diagnostic and is skipped.

use std::collections::HashMap;
use std::sync::LazyLock;

use bazaar_core::Diagnostic;
use regex::Regex;

use crate::date::{DAY_MAX, DAY_MIN, Day};
use crate::rules::affiliation_line_unparsable as rule;

/// The company name used when nothing matches (gitdm's `-u` mode, which the
/// CNCF drivers use).
pub const UNKNOWN: &str = "(Unknown)";

/// One employment interval: `from <= day < until`, `None` meaning open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interval {
    pub company: String,
    pub from: Option<Day>,
    pub until: Option<Day>,
}

impl Interval {
    /// Whether `day` falls in the interval.
    pub fn contains(&self, day: Day) -> bool {
        self.from.unwrap_or(DAY_MIN) <= day && day < self.until.unwrap_or(DAY_MAX)
    }
}

/// One block of a `developers_affiliations*.txt` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Developer {
    /// As written (case kept); lookups are case-insensitive.
    pub login: String,
    /// Decoded (`!` → `@`) and lower-cased.
    pub emails: Vec<String>,
    pub intervals: Vec<Interval>,
    /// Where the block starts, for messages.
    pub file: String,
    pub line: u32,
}

/// One line of an `email-map` or `domain-map` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapEntry {
    /// A lower-cased e-mail (with `@`) or a bare domain.
    pub key: String,
    pub company: String,
    /// Exclusive end; `None` for the open-ended, final employer.
    pub until: Option<Day>,
}

/// Decode gitdm's `!` e-mail encoding and lower-case.
pub fn decode_email(s: &str) -> String {
    s.trim().replace('!', "@").to_lowercase()
}

static INTERVAL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<co>.*?)(?: from (?P<f>\S+))?(?: until (?P<u>\S+))?$")
        .expect("the interval pattern is a valid regex")
});

static EMAIL_MAP_RE: LazyLock<Regex> = LazyLock::new(|| {
    // ConfigFile.py: ^([^\s]+)\s+([^<]+)\s*(<\s*(\d+-\d+-\d+)\s*)?$
    Regex::new(r"^(\S+)\s+([^<]+?)\s*(?:<\s*(\S+)\s*)?$")
        .expect("the email-map pattern is a valid regex")
});

static ALIAS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^("[^"]+"|\S+)\s+(.+)$"#).expect("the alias pattern is a valid regex")
});

fn bad(file: &str, line: u32, col: u32, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::error(rule::META.id, msg)
        .at(file, line, col)
        .with_help("fix the line (see `bazaar explain activity/affiliation-line-unparsable`)")
}

/// A date as gitdm writes it: `YYYY-MM-DD` (the e-mail map also allows
/// unpadded `Y-M-D`).
fn parse_date_loose(s: &str) -> Option<Day> {
    if let Some(d) = Day::parse(s) {
        return Some(d);
    }
    let mut it = s.split('-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    if it.next().is_some() {
        return None;
    }
    Day::from_ymd(y, m, d)
}

/// Parse a `developers_affiliations*.txt` file. `file` names it in diagnostics.
pub fn parse_developers(text: &str, file: &str) -> (Vec<Developer>, Vec<Diagnostic>) {
    let mut devs: Vec<Developer> = Vec::new();
    let mut diags = Vec::new();
    // Whether the current block's header parsed; interval lines of a broken
    // header are skipped without a second message each.
    let mut in_block = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i as u32 + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            let body = line.trim();
            if !in_block {
                if devs.is_empty() {
                    diags.push(bad(
                        file,
                        line_no,
                        1,
                        "company line before any `login: emails` line",
                    ));
                }
                continue;
            }
            match parse_interval(body) {
                Ok(iv) => {
                    if let Some(dev) = devs.last_mut() {
                        dev.intervals.push(iv);
                    }
                }
                Err(msg) => diags.push(bad(file, line_no, 2, msg)),
            }
            continue;
        }
        // `login: email1, email2` (emails may be absent: `login:`).
        let (login, emails) = match line.split_once(':') {
            Some((l, e)) => (l.trim(), e.trim()),
            None => {
                diags.push(bad(
                    file,
                    line_no,
                    1,
                    format!("expected `login: email, ...`, got `{line}`"),
                ));
                in_block = false;
                continue;
            }
        };
        let login = login.trim_end_matches('*').trim();
        if login.is_empty() || login.contains(char::is_whitespace) {
            diags.push(bad(
                file,
                line_no,
                1,
                format!("`{login}` is not a GitHub login"),
            ));
            in_block = false;
            continue;
        }
        let emails: Vec<String> = emails
            .split(',')
            .map(decode_email)
            .filter(|e| !e.is_empty())
            .collect();
        if let Some(e) = emails.iter().find(|e| e.contains(char::is_whitespace)) {
            diags.push(bad(
                file,
                line_no,
                1,
                format!("e-mail `{e}` contains a space (separate e-mails with `, `)"),
            ));
            in_block = false;
            continue;
        }
        devs.push(Developer {
            login: login.to_string(),
            emails,
            intervals: Vec::new(),
            file: file.to_string(),
            line: line_no,
        });
        in_block = true;
    }
    (devs, diags)
}

/// `Company`, `Company until D`, `Company from D`, `Company from D until D`.
/// The last ` from `/` until ` tokens win, so a company called
/// `Work from Home Inc.` stays whole.
pub fn parse_interval(body: &str) -> Result<Interval, String> {
    // A leading space lets `from D` with no company be seen as such.
    let spaced = format!(" {}", body.trim());
    let caps = INTERVAL_RE
        .captures(&spaced)
        .ok_or_else(|| format!("cannot read `{body}`"))?;
    let company = caps.name("co").map_or("", |m| m.as_str()).trim();
    let date = |name: &str| -> Result<Option<Day>, String> {
        match caps.name(name) {
            None => Ok(None),
            Some(m) => Day::parse(m.as_str())
                .map(Some)
                .ok_or_else(|| format!("`{}` is not a date (expected YYYY-MM-DD)", m.as_str())),
        }
    };
    // A trailing ` from X`/` until X` whose X is not date-shaped is part of
    // the company name (`Work from Home`), unless X starts with a digit,
    // which is a mistyped date.
    let looks_dated = |name: &str| {
        caps.name(name)
            .is_some_and(|m| m.as_str().starts_with(|c: char| c.is_ascii_digit()))
    };
    let (from, until) = match (date("f"), date("u")) {
        (Ok(f), Ok(u)) => (f, u),
        (Err(e), _) if looks_dated("f") => return Err(e),
        (_, Err(e)) if looks_dated("u") => return Err(e),
        _ => {
            // Not dates at all: the whole text is the company.
            return finish(body.trim(), None, None);
        }
    };
    finish(company, from, until)
}

fn finish(company: &str, from: Option<Day>, until: Option<Day>) -> Result<Interval, String> {
    if company.is_empty() {
        return Err("missing company name".into());
    }
    if let (Some(f), Some(u)) = (from, until)
        && f >= u
    {
        return Err(format!("empty interval: from {f} is not before until {u}"));
    }
    Ok(Interval {
        company: company.to_string(),
        from,
        until,
    })
}

/// Parse an `email-map` (or `domain-map`) file: `key Company [< YYYY-MM-DD]`.
pub fn parse_email_map(text: &str, file: &str) -> (Vec<MapEntry>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i as u32 + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(caps) = EMAIL_MAP_RE.captures(line) else {
            diags.push(bad(
                file,
                line_no,
                1,
                format!("expected `email-or-domain Company [< YYYY-MM-DD]`, got `{line}`"),
            ));
            continue;
        };
        let key = decode_email(&caps[1]);
        let company = caps[2].trim();
        let until = match caps.get(3) {
            None => None,
            Some(m) => match parse_date_loose(m.as_str()) {
                Some(d) => Some(d),
                None => {
                    let col = line.find('<').map_or(1, |c| c as u32 + 1);
                    diags.push(bad(
                        file,
                        line_no,
                        col,
                        format!("`{}` is not a date (expected YYYY-MM-DD)", m.as_str()),
                    ));
                    continue;
                }
            },
        };
        if company.contains('<') || company.is_empty() {
            diags.push(bad(
                file,
                line_no,
                1,
                format!("cannot read the company in `{line}`"),
            ));
            continue;
        }
        out.push(MapEntry {
            key,
            company: company.to_string(),
            until,
        });
    }
    (out, diags)
}

/// Parse an `aliases` file: `variant canonical` per line (both e-mails).
pub fn parse_aliases(text: &str, file: &str) -> (Vec<(String, String)>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i as u32 + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(caps) = ALIAS_RE.captures(line) else {
            diags.push(bad(
                file,
                line_no,
                1,
                format!("expected `alias-email canonical-email`, got `{line}`"),
            ));
            continue;
        };
        let variant = decode_email(caps[1].trim_matches('"'));
        let canonical = decode_email(&caps[2]);
        if canonical.contains(char::is_whitespace) {
            diags.push(bad(
                file,
                line_no,
                1,
                format!("canonical e-mail `{canonical}` contains a space"),
            ));
            continue;
        }
        out.push((variant, canonical));
    }
    (out, diags)
}

/// Every affiliation source, indexed for lookups.
#[derive(Clone, Debug, Default)]
pub struct Affiliations {
    developers: Vec<Developer>,
    /// Lower-cased login → index of the block used for the login.
    by_login: HashMap<String, usize>,
    /// E-mail → developer block indexes (every block listing it).
    by_email: HashMap<String, Vec<usize>>,
    /// E-mail or domain → entries sorted by end date (open end last).
    map: HashMap<String, Vec<(Option<Day>, String)>>,
    aliases: HashMap<String, String>,
}

/// Where a lookup's answer came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    EmailMap,
    Developers,
    DomainMap,
    /// The key is known but no interval covers the day (gitdm prints
    /// "Missing affiliation ... skipping" and drops the commit).
    Expired,
    Unknown,
}

impl Affiliations {
    /// Build the indexes. Later sources of the same kind add to earlier ones.
    pub fn new(
        developers: Vec<Developer>,
        maps: Vec<MapEntry>,
        aliases: Vec<(String, String)>,
    ) -> Self {
        let mut a = Affiliations {
            developers,
            ..Default::default()
        };
        for (i, d) in a.developers.iter().enumerate() {
            // A login can appear in several blocks; like DevStats' choice among
            // several affiliation strings, keep the one listing the most
            // intervals (the first on a tie).
            let key = d.login.to_lowercase();
            match a.by_login.get(&key) {
                Some(&j) if a.developers[j].intervals.len() >= d.intervals.len() => {}
                _ => {
                    a.by_login.insert(key, i);
                }
            }
            for e in &d.emails {
                a.by_email.entry(e.clone()).or_default().push(i);
            }
        }
        for m in maps {
            a.map.entry(m.key).or_default().push((m.until, m.company));
        }
        for v in a.map.values_mut() {
            v.sort_by(|x, y| {
                x.0.unwrap_or(Day(i32::MAX))
                    .cmp(&y.0.unwrap_or(Day(i32::MAX)))
            });
        }
        for (variant, canonical) in aliases {
            a.aliases.entry(variant).or_insert(canonical);
        }
        a
    }

    /// True when no source was loaded.
    pub fn is_empty(&self) -> bool {
        self.developers.is_empty() && self.map.is_empty() && self.aliases.is_empty()
    }

    /// The developer blocks, in file order.
    pub fn developers(&self) -> &[Developer] {
        &self.developers
    }

    /// Lower-cased, `!`-decoded e-mail after the alias map.
    pub fn canonical_email(&self, email: &str) -> String {
        let e = decode_email(email);
        match self.aliases.get(&e) {
            Some(c) => c.clone(),
            None => e,
        }
    }

    /// The login whose block lists this e-mail (after aliases), if any.
    pub fn login_of_email(&self, email: &str) -> Option<&str> {
        let e = self.canonical_email(email);
        self.by_email
            .get(&e)
            .and_then(|v| v.first())
            .map(|&i| self.developers[i].login.as_str())
    }

    /// The developer block used for `login` (case-insensitive).
    pub fn developer(&self, login: &str) -> Option<&Developer> {
        self.by_login
            .get(&login.to_lowercase())
            .map(|&i| &self.developers[i])
    }

    /// The company of a GitHub login on `day` (DevStats' rule), if known.
    pub fn company_of_login(&self, login: &str, day: Day) -> Option<&str> {
        let dev = self.developer(login)?;
        dev.intervals
            .iter()
            .find(|iv| iv.contains(day))
            .map(|iv| iv.company.as_str())
    }

    /// The company of an e-mail on `day` (gitdm's rule), with where it came from.
    pub fn company_of_email(&self, email: &str, day: Day) -> (Option<&str>, Source) {
        let e = self.canonical_email(email);
        let mut expired = false;
        if let Some(entries) = self.map.get(&e) {
            match first_after(entries, day) {
                Some(c) => return (Some(c), Source::EmailMap),
                None => expired = true,
            }
        }
        if let Some(blocks) = self.by_email.get(&e) {
            for &i in blocks {
                let dev = &self.developers[i];
                if let Some(iv) = dev.intervals.iter().find(|iv| iv.contains(day)) {
                    return (Some(iv.company.as_str()), Source::Developers);
                }
                expired |= !dev.intervals.is_empty();
            }
        }
        if let Some((_, domain)) = e.rsplit_once('@') {
            // Shortest suffix first: `c.tld`, `b.c.tld`, `a.b.c.tld`.
            let labels: Vec<&str> = domain.split('.').collect();
            for n in 2..=labels.len().max(1) {
                let Some(start) = labels.len().checked_sub(n) else {
                    break;
                };
                let suffix = labels[start..].join(".");
                if let Some(entries) = self.map.get(&suffix) {
                    match first_after(entries, day) {
                        Some(c) => return (Some(c), Source::DomainMap),
                        None => expired = true,
                    }
                }
            }
        }
        (
            None,
            if expired {
                Source::Expired
            } else {
                Source::Unknown
            },
        )
    }
}

/// gitdm's `emailemployer`: the first entry whose end is after `day`.
fn first_after(entries: &[(Option<Day>, String)], day: Day) -> Option<&str> {
    entries
        .iter()
        .find(|(until, _)| until.is_none_or(|u| u > day))
        .map(|(_, c)| c.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Day {
        Day::parse(s).expect("test date")
    }

    #[test]
    fn interval_forms() {
        let iv = parse_interval("Google LLC").expect("plain");
        assert_eq!(
            (iv.company.as_str(), iv.from, iv.until),
            ("Google LLC", None, None)
        );
        let iv = parse_interval("PerkinElmer Inc. until 2014-08-01").expect("until");
        assert_eq!(
            (iv.company.as_str(), iv.from, iv.until),
            ("PerkinElmer Inc.", None, Some(d("2014-08-01")))
        );
        let iv =
            parse_interval("Independent from 2014-08-01 until 2015-10-01").expect("from-until");
        assert_eq!(iv.from, Some(d("2014-08-01")));
        assert_eq!(iv.until, Some(d("2015-10-01")));
        let iv = parse_interval("Simplebet Inc. from 2020-01-01").expect("from");
        assert_eq!((iv.company.as_str(), iv.until), ("Simplebet Inc.", None));
        let iv =
            parse_interval("Work from Home Inc. from 2020-01-01").expect("company with `from`");
        assert_eq!(iv.company, "Work from Home Inc.");
        let iv = parse_interval("Work from Home").expect("company ending in from-word");
        assert_eq!((iv.company.as_str(), iv.from), ("Work from Home", None));
        assert!(parse_interval("Google from 2020-13-01").is_err());
        assert!(parse_interval("Google from 2021-01-01 until 2020-01-01").is_err());
        assert!(parse_interval(" from 2020-01-01").is_err());
    }
}
