//! `bazaar explain` and the generated rules reference.

use crate::harness::{bazaar, workspace_root};

#[test]
fn explains_a_rule() {
    let r = bazaar(&["explain", "yaml/unknown-key"]);
    r.expect_code(0);
    assert!(r.stdout.starts_with("# yaml/unknown-key\n"), "{}", r.stdout);
    assert!(r.stdout.contains("## How to fix"));
}

#[test]
fn explain_json_has_fields() {
    let v = bazaar(&["explain", "yaml/syntax", "--format", "json"]).json();
    assert_eq!(v["id"], "yaml/syntax");
    assert_eq!(v["severity"], "error");
}

#[test]
fn unknown_rule_exits_2() {
    let r = bazaar(&["explain", "nope/nope"]);
    r.expect_code(2);
    assert!(
        r.stderr.contains("unknown rule `nope/nope`"),
        "{}",
        r.stderr
    );
}

#[test]
fn every_rule_is_documented_and_unique() {
    let v = bazaar(&["explain", "--format", "json"]).json();
    let rules = v.as_array().expect("a list of rules");
    let mut ids = std::collections::BTreeSet::new();
    for r in rules {
        let id = r["id"].as_str().expect("id");
        assert!(ids.insert(id.to_string()), "duplicate rule id {id}");
        let (cap, what) = id.split_once('/').expect("id is capability/what");
        assert!(!cap.is_empty() && !what.is_empty(), "{id}");
        assert!(
            what.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "rule id {id} is not kebab-case"
        );
        let doc = r["doc"].as_str().expect("doc");
        for section in [
            "## What it checks",
            "## Why it matters",
            "## Example",
            "## How to fix",
        ] {
            assert!(doc.contains(section), "{id} lacks {section}");
        }
    }
}

/// `docs/rules.md` is generated from the registry; this keeps it current.
/// Run with `BAZAAR_BLESS=1` to rewrite it.
#[test]
fn rules_reference_is_up_to_date() {
    let r = bazaar(&["explain", "--format", "md"]);
    r.expect_code(0);
    let path = workspace_root().join("docs/rules.md");
    if std::env::var_os("BAZAAR_BLESS").is_some() {
        std::fs::write(&path, &r.stdout).expect("docs/rules.md can be written");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == r.stdout,
        "docs/rules.md is stale: run `BAZAAR_BLESS=1 cargo test -p bazaar-cli --test it rules_reference`"
    );
}
