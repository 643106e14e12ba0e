//! Subproject OWNERS URLs: upstream's two patterns, the `githubURL` and
//! `orgRepoPath` template functions, and a parsed form for other tools.
//!
//! Both patterns are matched **unanchored** (Go's `MatchString` /
//! `FindStringSubmatchIndex`), and the branch segment is `[^/]+`, so
//! `…/refs/heads/main/OWNERS` parses as branch `refs` with path
//! `heads/main/OWNERS`. The generated docs depend on that quirk (spec §1.8);
//! [`OwnersUrl::resolved_branch_and_path`] undoes it for tools that need the
//! real branch.

use std::sync::LazyLock;

use regex::Regex;

/// The raw-content pattern, verbatim from upstream (also quoted in the
/// `community/owners-url-invalid` message).
pub const RAW_PATTERN: &str = "https://raw.githubusercontent.com/(?P<org>[^/]+)/(?P<repo>[^/]+)/(?P<branch>[^/]+)/(?P<path>.*)";

/// The github.com blob/tree pattern, verbatim from upstream.
pub const GITHUB_PATTERN: &str =
    "https://github.com/(?P<org>[^/]+)/(?P<repo>[^/]+)/(blob|tree)/(?P<branch>[^/]+)/(?P<path>.*)";

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static RAW: LazyLock<Regex> = LazyLock::new(|| Regex::new(RAW_PATTERN).expect("valid pattern"));
#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static GITHUB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(GITHUB_PATTERN).expect("valid pattern"));

/// Which of the two accepted forms a URL has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlForm {
    /// `https://raw.githubusercontent.com/ORG/REPO/BRANCH/PATH`
    Raw,
    /// `https://github.com/ORG/REPO/blob/BRANCH/PATH`
    Blob,
    /// `https://github.com/ORG/REPO/tree/BRANCH/PATH`
    Tree,
}

/// The parts of an OWNERS URL, exactly as upstream's patterns capture them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnersUrl {
    pub form: UrlForm,
    pub org: String,
    pub repo: String,
    /// The segment after the repo (`refs` for `…/refs/heads/main/…`, see the module docs).
    pub branch: String,
    /// Everything after the branch segment, e.g. `staging/src/k8s.io/api/OWNERS`.
    pub path: String,
}

impl OwnersUrl {
    /// Parse a URL with upstream's patterns (raw first, then blob/tree);
    /// `None` when neither matches, which `community/owners-url-invalid` reports.
    pub fn parse(url: &str) -> Option<OwnersUrl> {
        if let Some(c) = RAW.captures(url) {
            return Some(OwnersUrl {
                form: UrlForm::Raw,
                org: c["org"].to_string(),
                repo: c["repo"].to_string(),
                branch: c["branch"].to_string(),
                path: c["path"].to_string(),
            });
        }
        let c = GITHUB.captures(url)?;
        Some(OwnersUrl {
            form: if &c[3] == "tree" {
                UrlForm::Tree
            } else {
                UrlForm::Blob
            },
            org: c["org"].to_string(),
            repo: c["repo"].to_string(),
            branch: c["branch"].to_string(),
            path: c["path"].to_string(),
        })
    }

    /// The branch and path with `refs/heads/<branch>` spelled out, e.g.
    /// `refs` + `heads/main/OWNERS` → `main` + `OWNERS`.
    pub fn resolved_branch_and_path(&self) -> (&str, &str) {
        if self.branch == "refs"
            && let Some(rest) = self.path.strip_prefix("heads/")
            && let Some((branch, path)) = rest.split_once('/')
        {
            return (branch, path);
        }
        (&self.branch, &self.path)
    }

    /// The directory holding the OWNERS file (`path` without its last segment;
    /// `""` for the repository root).
    pub fn dir(&self) -> &str {
        let (_, path) = self.resolved_branch_and_path();
        path.rsplit_once('/').map_or("", |(d, _)| d)
    }
}

/// True when the URL matches either upstream pattern (unanchored).
pub fn is_valid(url: &str) -> bool {
    RAW.is_match(url) || GITHUB.is_match(url)
}

/// Upstream template function `githubURL`: a raw URL becomes its github.com
/// blob URL (the whole input is replaced by the expansion); anything else is
/// returned unchanged.
pub fn github_url(url: &str) -> String {
    match RAW.captures(url) {
        Some(c) => {
            let mut out = String::new();
            c.expand(
                "https://github.com/${org}/${repo}/blob/${branch}/${path}",
                &mut out,
            );
            out
        }
        None => url.to_string(),
    }
}

/// Upstream template function `orgRepoPath`: `org/repo/path` by the raw
/// pattern, else by the github pattern, else the input unchanged.
pub fn org_repo_path(url: &str) -> String {
    let caps = RAW.captures(url).or_else(|| GITHUB.captures(url));
    match caps {
        Some(c) => {
            let mut out = String::new();
            c.expand("${org}/${repo}/${path}", &mut out);
            out
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The cases of upstream's TestGitHubURL and TestOrgRepoPath.
    #[test]
    fn upstream_cases() {
        let raw = "https://raw.githubusercontent.com/kubernetes-sigs/boskos/main/OWNERS";
        assert_eq!(
            github_url(raw),
            "https://github.com/kubernetes-sigs/boskos/blob/main/OWNERS"
        );
        assert_eq!(org_repo_path(raw), "kubernetes-sigs/boskos/OWNERS");
        let raw = "https://raw.githubusercontent.com/kubernetes/kubernetes/main/test/OWNERS";
        assert_eq!(
            github_url(raw),
            "https://github.com/kubernetes/kubernetes/blob/main/test/OWNERS"
        );
        assert_eq!(org_repo_path(raw), "kubernetes/kubernetes/test/OWNERS");
        let blob = "https://github.com/kubernetes/kubernetes/blob/main/test/OWNERS";
        assert_eq!(github_url(blob), blob);
        assert_eq!(org_repo_path(blob), "kubernetes/kubernetes/test/OWNERS");
        let other = "https://viewsource.com/github/kubernetes/community/generator/app.go";
        assert_eq!(github_url(other), other);
        assert_eq!(org_repo_path(other), other);
        assert!(!is_valid(other));
    }

    #[test]
    fn refs_heads_quirk_is_kept_and_resolvable() {
        let u = "https://raw.githubusercontent.com/kubernetes-sigs/headlamp/refs/heads/main/OWNERS";
        assert_eq!(
            org_repo_path(u),
            "kubernetes-sigs/headlamp/heads/main/OWNERS"
        );
        let p = OwnersUrl::parse(u).expect("matches");
        assert_eq!(
            (p.branch.as_str(), p.path.as_str()),
            ("refs", "heads/main/OWNERS")
        );
        assert_eq!(p.resolved_branch_and_path(), ("main", "OWNERS"));
        assert_eq!(p.dir(), "");
    }

    #[test]
    fn unanchored_match_keeps_only_the_expansion() {
        let u = "see https://raw.githubusercontent.com/o/r/b/x/OWNERS";
        assert!(is_valid(u));
        assert_eq!(github_url(u), "https://github.com/o/r/blob/b/x/OWNERS");
        let p = OwnersUrl::parse("https://github.com/o/r/tree/main/a/b/OWNERS").expect("matches");
        assert_eq!(p.form, UrlForm::Tree);
        assert_eq!(p.dir(), "a/b");
    }
}
