//! `config/restrictions.yaml`: which team files may give teams access to
//! which repositories (kubernetes/org `cmd/restrictions`).
//!
//! ```yaml
//! restrictions:
//!   - path: "kubernetes/sig-node/teams.yaml"   # doublestar glob, relative to config/
//!     allowedRepos: ["^kubernetes$", "^node-"]  # unanchored Go regexps
//!   - path: "**/*"                              # catch-all: no repos at all
//! ```
//!
//! The first entry whose `path` matches a file applies. A file no entry
//! matches may reference any repo (upstream's default restriction).

use bazaar_core::yaml::{self, YamlError};
use globset::{GlobBuilder, GlobMatcher};
use regex::Regex;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::model::{At, Pos};
use super::parse::{at, pos};

/// One decoded `restrictions.yaml`.
#[derive(Clone, Debug)]
pub struct Restrictions {
    /// Display path.
    pub file: String,
    pub entries: Vec<Restriction>,
}

/// One `{path, allowedRepos}` entry, compiled.
#[derive(Clone, Debug)]
pub struct Restriction {
    /// Position of the entry (its `path:` key).
    pub pos: Pos,
    pub path: At<String>,
    /// The glob, or why it does not compile.
    pub glob: Result<GlobMatcher, String>,
    pub allowed_repos: Vec<AllowedRepo>,
}

/// One `allowedRepos` pattern, compiled.
#[derive(Clone, Debug)]
pub struct AllowedRepo {
    pub pattern: At<String>,
    /// The regexp, or why it does not compile.
    pub regex: Result<Regex, String>,
}

/// What governs a file: the first matching entry, or upstream's
/// allow-everything default when none matches.
#[derive(Clone, Copy, Debug)]
pub enum Governing<'a> {
    Entry(&'a Restriction),
    Default,
}

impl Governing<'_> {
    /// May a team in the governed file reference `repo`? Patterns that do not
    /// compile match nothing (upstream refuses to run at all; that is
    /// reported separately by `org/restriction-invalid`).
    pub fn allows(&self, repo: &str) -> bool {
        match self {
            Governing::Default => true,
            Governing::Entry(r) => r
                .allowed_repos
                .iter()
                .any(|a| a.regex.as_ref().is_ok_and(|re| re.is_match(repo))),
        }
    }
}

impl Restrictions {
    /// The restriction governing `config_rel` (a path relative to `config/`,
    /// e.g. `kubernetes/sig-node/teams.yaml`).
    pub fn governing(&self, config_rel: &str) -> Governing<'_> {
        self.entries
            .iter()
            .find(|r| r.glob.as_ref().is_ok_and(|g| g.is_match(config_rel)))
            .map_or(Governing::Default, Governing::Entry)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRestrictions {
    restrictions: Option<Vec<Spanned<RawRestriction>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRestriction {
    path: Spanned<String>,
    #[serde(rename = "allowedRepos")]
    allowed_repos: Option<Vec<Spanned<String>>>,
}

/// Decode and compile `restrictions.yaml`. Decoding is strict (upstream is
/// lenient; see SHORTCOMINGS.md); bad globs and regexps are kept as errors
/// on the entry so every one of them can be reported.
pub fn parse_restrictions(text: &str, file: &str) -> Result<Restrictions, YamlError> {
    let raw: Option<RawRestrictions> = yaml::from_str(text)?;
    let entries = raw
        .and_then(|r| r.restrictions)
        .unwrap_or_default()
        .into_iter()
        .map(|s| {
            let entry_pos = pos(&s.referenced);
            let r = s.value;
            let path = at(r.path);
            Restriction {
                pos: entry_pos,
                glob: compile_glob(&path.value),
                path,
                allowed_repos: r
                    .allowed_repos
                    .unwrap_or_default()
                    .into_iter()
                    .map(|p| {
                        let pattern = at(p);
                        AllowedRepo {
                            regex: Regex::new(&pattern.value).map_err(|e| first_line(&e)),
                            pattern,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(Restrictions {
        file: file.to_string(),
        entries,
    })
}

/// doublestar semantics: `*` and `?` stay within one path segment, `**`
/// spans segments, `{a,b}` alternates.
fn compile_glob(pattern: &str) -> Result<GlobMatcher, String> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .backslash_escape(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| e.kind().to_string())
}

fn first_line(e: &regex::Error) -> String {
    let s = e.to_string();
    let last = s.lines().last().unwrap_or_default().trim();
    last.strip_prefix("error: ").unwrap_or(last).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "\
restrictions:
  - path: \"kubernetes/org.yaml\"
    allowedRepos:
    - \"^api\"
    - \"^auger$\"
  - path: \"kubernetes/sig-*/teams.yaml\"
    allowedRepos: [\"^kubernetes$\"]
  - path: \"**/*\" # nothing else may hold repos
";

    #[test]
    fn first_match_wins_and_patterns_are_unanchored() {
        let r = parse_restrictions(SRC, "config/restrictions.yaml").expect("valid");
        assert_eq!(r.entries.len(), 3);
        assert_eq!(r.entries[1].pos.line, 6);
        let org = r.governing("kubernetes/org.yaml");
        assert!(org.allows("apiserver"), "`^api` is a prefix match");
        assert!(org.allows("auger") && !org.allows("auger2"));
        assert!(!org.allows("kubernetes"));
        let node = r.governing("kubernetes/sig-node/teams.yaml");
        assert!(node.allows("kubernetes") && !node.allows("kubernetes-sigs"));
        // `*` does not cross `/`: a deeper file falls to the catch-all.
        let deep = r.governing("kubernetes/sig-node/x/teams.yaml");
        assert!(matches!(deep, Governing::Entry(e) if e.path.value == "**/*"));
        assert!(!deep.allows("anything"));
    }

    #[test]
    fn no_match_allows_everything() {
        let r = parse_restrictions("restrictions:\n- path: a/org.yaml\n", "f").expect("valid");
        assert!(matches!(r.governing("b/org.yaml"), Governing::Default));
        assert!(r.governing("b/org.yaml").allows("x"));
        assert!(!r.governing("a/org.yaml").allows("x"));
    }

    #[test]
    fn bad_patterns_are_kept_as_errors() {
        let r = parse_restrictions(
            "restrictions:\n- path: \"a/[\"\n  allowedRepos: [\"(\"]\n",
            "f",
        )
        .expect("decodes");
        assert!(r.entries[0].glob.is_err());
        assert!(r.entries[0].allowed_repos[0].regex.is_err());
        let e = parse_restrictions("restrictions:\n- path: a\n  allowedrepos: []\n", "f")
            .expect_err("strict");
        assert_eq!(e.rule.id, "yaml/unknown-key");
    }
}
