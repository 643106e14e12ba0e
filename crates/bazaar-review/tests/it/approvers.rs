//! Prow's approvers tests (spec §5.2 items 6-11) through the public API.

use bazaar_review::approve::{ApprovalReport, Approvals, How, PrOwners};
use bazaar_review::pr::PullRequest;

use crate::support::fake_repo;

fn files(f: &[&str]) -> Vec<String> {
    f.iter().map(|s| (*s).to_string()).collect()
}

/// `TestGetShuffledApprovers`.
#[test]
fn shuffled_approvers_match_prow() {
    let tree = fake_repo();
    let cases: [(&[&str], i64, &[&str]); 4] = [
        (&["kubernetes.go"], 0, &["bob", "alice"]),
        (
            &["a/combo/test.go", "b/test.go"],
            0,
            &[
                "erin", "bill", "carol", "barbara", "dan", "debbie", "ben", "david", "eve", "chris",
            ],
        ),
        (
            &["a/combo/test.go", "a/d/test.go"],
            0,
            &[
                "erin", "dan", "dan", "carol", "david", "debbie", "chris", "debbie", "eve", "david",
            ],
        ),
        (
            &["a/combo/test.go", "a/d/test.go"],
            2,
            &[
                "dan", "carol", "debbie", "dan", "erin", "chris", "eve", "david", "debbie", "david",
            ],
        ),
    ];
    for (f, seed, want) in cases {
        let fs = files(f);
        let owners = PrOwners::new(&tree, &fs, seed);
        assert_eq!(owners.shuffled_approvers(), want, "{f:?} seed {seed}");
    }
}

fn ccs(
    f: &[&str],
    approvers: &[&str],
    assignees: &[&str],
    seed: i64,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let tree = fake_repo();
    let mut pr = PullRequest::new(seed, "author", f);
    pr.config.require_self_approval = true;
    pr.assignees = assignees.iter().map(|s| (*s).to_string()).collect();
    let mut ap = Approvals::default();
    for a in approvers {
        ap.add(a, How::Approved, "", false);
    }
    let r = ApprovalReport::compute(&tree, &pr, &ap);
    (r.ccs, r.assigned_ccs, r.suggested_ccs)
}

/// `TestGetCCs`: the greedy cover with Go's shuffle.
#[test]
fn suggested_approvers_match_prow() {
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_string()).collect::<Vec<_>>();
    assert_eq!(ccs(&["kubernetes.go"], &[], &[], 13).0, s(&["alice"]));
    assert_eq!(ccs(&["kubernetes.go"], &[], &[], 10).0, s(&["bob"]));
    assert_eq!(
        ccs(&["a/combo/test.go", "a/d/test.go"], &[], &[], 0).0,
        s(&["dan"])
    );
    assert_eq!(
        ccs(
            &["a/combo/test.go", "a/d/test.go"],
            &["Eve", "Erin"],
            &[],
            0
        )
        .0,
        s(&["dan"])
    );
    assert_eq!(
        ccs(&["a/combo/test.go", "a/d/test.go", "c/test"], &[], &[], 0).0,
        s(&["chris", "debbie"])
    );
    assert_eq!(
        ccs(&["a/test.go", "b/test.go", "c/test"], &[], &[], 0).0,
        s(&["anne", "bill", "carol"])
    );
    assert_eq!(
        ccs(
            &["a/test.go", "b/test.go", "c/test"],
            &["Art", "Ben"],
            &[],
            0
        )
        .0,
        s(&["carol"])
    );
    assert_eq!(
        ccs(
            &["a/test.go", "b/test.go", "c/test"],
            &[],
            &["Art", "Ben", "John", "Jack"],
            0
        ),
        (
            s(&["art", "ben", "carol"]),
            s(&["art", "ben"]),
            s(&["carol"])
        )
    );
    assert_eq!(
        ccs(&["a/test.go"], &[], &["alice"], 0),
        (s(&["alice"]), s(&["alice"]), s(&[]))
    );
}

/// `TestGetOwnersSet` / `TestRemoveSubdirs` (spec §2.4 examples).
#[test]
fn required_dirs_and_remove_subdirs() {
    let tree = crate::support::tree(
        &[
            ("a/OWNERS", "approvers: [ann]\n"),
            (
                "a/combo/OWNERS",
                "options: {no_parent_owners: true}\napprovers: [bea]\n",
            ),
            (
                "a/b/OWNERS",
                "options: {no_parent_owners: true}\napprovers: [cid]\n",
            ),
            ("a/b/combo/OWNERS", "approvers: [dee]\n"),
        ],
        None,
        false,
    );
    let dirs =
        |f: &[&str]| -> Vec<String> { PrOwners::new(&tree, &files(f), 0).owners_set().to_vec() };
    assert_eq!(dirs(&["a/x", "a/combo/x"]), ["a", "a/combo"]);
    assert_eq!(dirs(&["a/x", "a/b/combo/x"]), ["a", "a/b/combo"]);
    assert_eq!(dirs(&["a/x", "a/b/x", "a/b/combo/x"]), ["a", "a/b"]);
    // Failing case for the rule: without no_parent_owners the subdirectory goes.
    let plain = crate::support::tree(
        &[
            ("a/OWNERS", "approvers: [ann]\n"),
            ("a/d/OWNERS", "approvers: [bea]\n"),
        ],
        None,
        false,
    );
    let got: Vec<String> = PrOwners::new(&plain, &files(&["a/x", "a/d/x"]), 0)
        .owners_set()
        .to_vec();
    assert_eq!(got, ["a"]);
}
