//! `org/unsorted-logins`: a list of logins is not in case-insensitive order.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use super::{CheckOptions, finding, login_lists};
use crate::org::{LoginEntry, OrgTree};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/unsorted-logins",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an admins, members or maintainers list is not sorted case-insensitively",
    doc: "## What it checks\nThat the org's `admins` and `members`, and every team's `maintainers` and \
          `members` (at every depth), are sorted: each entry lower-cased, then compared byte by byte \
          (so `-` < digits < `_` < letters). The first entry out of place is reported.\n\n\
          ## Why it matters\nSorted lists keep membership PRs small and conflict-free, and \
          kubernetes/org's test fails on unsorted lists (\"members for kubernetes org are \
          unsorted\").\n\n\
          ## Example\n```yaml\nmembers:\n- bob\n- Alice   # `alice` sorts before `bob`\n```\n\n\
          ## How to fix\nMove the entry to its place (`korg add` re-sorts for you).",
    origin: "kubernetes/org config/config_test.go isSorted",
};

/// Index of the first entry whose lower-cased form sorts before its predecessor's.
pub(crate) fn first_out_of_order(entries: &[LoginEntry]) -> Option<usize> {
    let lower: Vec<String> = entries.iter().map(|e| e.raw.to_lowercase()).collect();
    (1..lower.len()).find(|&i| lower[i] < lower[i - 1])
}

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        for list in login_lists(org) {
            if let Some(i) = first_out_of_order(list.entries) {
                let (e, prev) = (&list.entries[i], &list.entries[i - 1]);
                out.push(
                    finding(
                        &RULE,
                        list.file,
                        e.pos,
                        format!(
                            "{} are not sorted: `{}` comes after `{}`",
                            list.what, e.raw, prev.raw
                        ),
                    )
                    .with_help("sort the list case-insensitively"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn flags_the_first_entry_out_of_place_in_each_list() {
        let org = format!(
            "{}teams:\n  t:\n    privacy: closed\n    maintainers: [a2, A1]\n    members: [m1, M2]\n",
            ORG_OK.replace("- m1\n- m2\n", "- m2\n- M1\n")
        );
        let t = org_tree(&org, &[]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/org.yaml:9:3: the members of org `x` are not sorted: `M1` comes after `m2`",
                "config/x/org.yaml:14:23: the maintainers of team `t` in org `x` are not sorted: `A1` comes after `a2`",
            ]
        );
    }

    #[test]
    fn compares_lowercased_bytes() {
        let e = |s: &str| LoginEntry {
            login: bazaar_core::Login::new(s),
            raw: s.into(),
            pos: crate::org::Pos::UNKNOWN,
            quoted: false,
        };
        // `-` (0x2d) < `0` (0x30) < `_` (0x5f) < `a` (0x61); case is ignored.
        let ok: Vec<_> = ["a-b", "a0", "a_b", "AB", "ab", "ab"].map(e).into();
        assert_eq!(first_out_of_order(&ok), None, "duplicates are allowed here");
        let bad: Vec<_> = ["a_b", "a-b"].map(e).into();
        assert_eq!(first_out_of_order(&bad), Some(1));
    }
}
