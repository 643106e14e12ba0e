//! When people took the reviewer and approver roles they hold, from the
//! history of a repository's OWNERS files.
//!
//! [`role_since`] replays the versions of every `OWNERS` file and of the root
//! `OWNERS_ALIASES` in time order, reading each as Prow does (simple or
//! filters shape, aliases expanded one level with the alias file of that
//! moment), and returns, for each file present at the end, when each person
//! in it entered the role they hold at the end: the start of their last
//! unbroken stretch in the file. A reviewer's stretch counts from when they
//! entered either list (an approver reviews too); an approver's, from when
//! they entered `approvers`. Pure: the versions arrive as data.

use std::collections::{BTreeMap, BTreeSet};

use crate::owners::parse::{parse_aliases, parse_owners};
use crate::owners::{Aliases, ProwView};

/// One version of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version<'a> {
    /// When it was written (any monotonic unit; Unix seconds in practice).
    pub at: i64,
    /// Repository-relative path (`OWNERS`, `keps/sig-node/OWNERS`,
    /// `OWNERS_ALIASES`).
    pub path: &'a str,
    /// `None`: deleted.
    pub text: Option<&'a str>,
}

/// Since when a person holds their roles in one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Since {
    /// In `reviewers` or `approvers` since.
    pub reviewer: Option<i64>,
    /// In `approvers` since.
    pub approver: Option<i64>,
}

/// File path → normalised login → [`Since`], for the files present after
/// the last version. Versions need not be sorted.
pub fn role_since(versions: &[Version]) -> BTreeMap<String, BTreeMap<String, Since>> {
    let mut versions = versions.to_vec();
    versions.sort_by(|a, b| a.at.cmp(&b.at).then(a.path.cmp(b.path)));
    let mut texts: BTreeMap<&str, &str> = BTreeMap::new();
    let mut aliases = Aliases::default();
    let mut out: BTreeMap<String, BTreeMap<String, Since>> = BTreeMap::new();
    let mut i = 0;
    while i < versions.len() {
        // Every version written at one moment is applied together.
        let at = versions[i].at;
        let mut changed: BTreeSet<&str> = BTreeSet::new();
        let mut aliases_changed = false;
        while i < versions.len() && versions[i].at == at {
            let v = versions[i];
            i += 1;
            if v.path == "OWNERS_ALIASES" {
                aliases = Aliases::new(v.text.map(parse_aliases));
                aliases_changed = true;
                continue;
            }
            if v.path.rsplit('/').next() != Some("OWNERS") {
                continue;
            }
            match v.text {
                Some(t) => texts.insert(v.path, t),
                None => texts.remove(v.path),
            };
            changed.insert(v.path);
        }
        let affected: Vec<&str> = if aliases_changed {
            texts
                .keys()
                .copied()
                .chain(changed.iter().copied())
                .collect()
        } else {
            changed.into_iter().collect()
        };
        for path in affected {
            let Some(text) = texts.get(path) else {
                out.remove(path);
                continue;
            };
            let (reviewers, approvers) = roles(text, &aliases);
            let file = out.entry(path.to_string()).or_default();
            file.retain(|login, _| reviewers.contains(login));
            for login in &reviewers {
                let since = file.entry(login.clone()).or_default();
                since.reviewer.get_or_insert(at);
                if approvers.contains(login) {
                    since.approver.get_or_insert(at);
                } else {
                    since.approver = None;
                }
            }
        }
    }
    out
}

/// `(reviewers ∪ approvers, approvers)` of a file as Prow reads it.
fn roles(text: &str, aliases: &Aliases) -> (BTreeSet<String>, BTreeSet<String>) {
    let parsed = parse_owners(text);
    let configs = match &parsed.prow {
        ProwView::Simple { config, .. } => vec![config],
        ProwView::Filters { filters, .. } => filters.iter().map(|(_, c)| c).collect(),
        ProwView::Skipped(_) => Vec::new(),
    };
    let mut reviewers = BTreeSet::new();
    let mut approvers = BTreeSet::new();
    for c in configs {
        let a = aliases.expand(c.approvers.iter().map(String::as_str));
        let r = aliases.expand(c.reviewers.iter().map(String::as_str));
        reviewers.extend(r.into_iter().chain(a.iter().cloned()));
        approvers.extend(a);
    }
    reviewers.retain(|l: &String| !l.is_empty());
    approvers.retain(|l: &String| !l.is_empty());
    (reviewers, approvers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(at: i64, path: &'static str, text: Option<&'static str>) -> Version<'static> {
        Version { at, path, text }
    }

    fn since(r: Option<i64>, a: Option<i64>) -> Since {
        Since {
            reviewer: r,
            approver: a,
        }
    }

    #[test]
    fn stretches_start_when_people_enter_and_restart_after_leaving() {
        let history = [
            v(10, "OWNERS", Some("reviewers: [ann]\n")),
            v(20, "OWNERS", Some("reviewers: [ann, Bob]\n")),
            v(30, "OWNERS", Some("approvers: [ann]\nreviewers: [bob]\n")),
            v(40, "OWNERS", Some("approvers: [ann]\n")),
            v(50, "OWNERS", Some("approvers: [ann]\nreviewers: [bob]\n")),
            v(15, "a/OWNERS", Some("approvers: [cat]\n")),
            v(25, "a/OWNERS", None),
            v(
                35,
                "b/OWNERS",
                Some("filters:\n  '.*':\n    approvers: [dan]\n"),
            ),
            v(36, "b/README.md", Some("ignored")),
        ];
        let got = role_since(&history);
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            ["OWNERS", "b/OWNERS"],
            "deleted files drop out"
        );
        let root = &got["OWNERS"];
        assert_eq!(
            root["ann"],
            since(Some(10), Some(30)),
            "a reviewer since 10, approver since 30"
        );
        assert_eq!(
            root["bob"],
            since(Some(50), None),
            "bob left at 40 and came back at 50"
        );
        assert_eq!(
            got["b/OWNERS"]["dan"],
            since(Some(35), Some(35)),
            "filters shape"
        );
    }

    #[test]
    fn aliases_of_each_moment_expand_the_lists() {
        let history = [
            v(10, "OWNERS_ALIASES", Some("aliases:\n  team: [ann]\n")),
            v(10, "k/OWNERS", Some("approvers: [team]\n")),
            v(20, "OWNERS_ALIASES", Some("aliases:\n  team: [ann, bob]\n")),
            v(30, "OWNERS_ALIASES", Some("aliases:\n  team: [bob]\n")),
        ];
        let got = role_since(&history);
        let k = &got["k/OWNERS"];
        assert_eq!(k.keys().collect::<Vec<_>>(), ["bob"]);
        assert_eq!(k["bob"], since(Some(20), Some(20)));
    }

    #[test]
    fn unparsable_versions_hold_nobody() {
        let got = role_since(&[
            v(1, "OWNERS", Some("approvers: [ann]\n")),
            v(2, "OWNERS", Some("approvers: [ann\n")),
            v(3, "OWNERS", Some("approvers: [ann]\n")),
        ]);
        assert_eq!(
            got["OWNERS"]["ann"],
            since(Some(3), Some(3)),
            "Prow skips a broken file"
        );
    }
}
