//! The tree's precomputed chains ([`OwnersTree::chain_summary`]) give what
//! Prow's walks give, on generated trees with filters, `no_parent_owners`,
//! aliases, markdown owners and odd paths.

use bazaar_testkit::Rng;
use std::collections::BTreeSet;

use bazaar_review::owners::{OwnersConfig, OwnersTree, Role, SourceFile, SourceKind};

/// `min` to `min + spread - 1` logins or aliases.
fn people(rng: &mut Rng, min: usize, spread: usize) -> String {
    let n = min + rng.below(spread);
    let names: Vec<String> = (0..n)
        .map(|_| match rng.below(6) {
            0 => "team".to_string(),
            1 => "empty-team".to_string(),
            _ => format!("User{}", rng.below(12)),
        })
        .collect();
    format!("[{}]", names.join(", "))
}

fn owners_text(rng: &mut Rng) -> String {
    let mut t = String::new();
    if rng.below(4) == 0 {
        t.push_str("options:\n  no_parent_owners: true\n");
    }
    match rng.below(4) {
        0 => {
            t.push_str("filters:\n");
            for pattern in ["\\\\.go$", ".*", "^docs/", "md$"] {
                if rng.below(2) == 0 {
                    t.push_str(&format!(
                        "  \"{pattern}\":\n    approvers: {}\n    reviewers: {}\n",
                        people(rng, 1, 2),
                        people(rng, 0, 3)
                    ));
                }
            }
        }
        1 => {
            t.push_str(&format!("reviewers: {}\n", people(rng, 1, 3)));
        }
        _ => {
            t.push_str(&format!("approvers: {}\n", people(rng, 1, 3)));
            if rng.below(2) == 0 {
                t.push_str(&format!("reviewers: {}\n", people(rng, 1, 3)));
            }
        }
    }
    t
}

fn generated(seed: u64, md_yaml: bool) -> (OwnersTree, Vec<String>) {
    let mut rng = Rng(seed);
    let mut dirs = vec![String::new()];
    for a in ["a", "b", "docs"] {
        dirs.push(a.to_string());
        for b in ["x", "y", "docs"] {
            dirs.push(format!("{a}/{b}"));
            dirs.push(format!("{a}/{b}/z"));
        }
    }
    let mut sources = Vec::new();
    for d in &dirs {
        if rng.below(3) != 0 {
            let path = if d.is_empty() {
                "OWNERS".to_string()
            } else {
                format!("{d}/OWNERS")
            };
            sources.push(SourceFile {
                path,
                kind: SourceKind::Owners,
                text: owners_text(&mut rng),
            });
        }
        if md_yaml && rng.below(3) == 0 {
            let path = if d.is_empty() {
                "README.md".to_string()
            } else {
                format!("{d}/README.md")
            };
            sources.push(SourceFile {
                path,
                kind: SourceKind::Markdown,
                text: format!("---\napprovers: {}\n---\n# doc\n", people(&mut rng, 2, 1)),
            });
        }
    }
    let config = OwnersConfig {
        md_yaml,
        ..OwnersConfig::default()
    };
    let aliases = "aliases:\n  team: [Ann, bob]\n  empty-team: []\n";
    let (tree, _) = OwnersTree::build(&sources, Some(aliases), &config);
    let mut paths: Vec<String> = Vec::new();
    for d in &dirs {
        for name in [
            "f.go",
            "f.md",
            "README.md",
            "OWNERS",
            "docs/g.go",
            "deep/er/h.sh",
        ] {
            paths.push(if d.is_empty() {
                name.to_string()
            } else {
                format!("{d}/{name}")
            });
        }
        paths.push(d.clone());
    }
    for odd in [
        "./a/f.go",
        "a//x/f.go",
        "a/x/",
        "/a/f.go",
        ".",
        "a/../b/f.go",
        "a/./x/f.go",
        "..",
    ] {
        paths.push(odd.to_string());
    }
    (tree, paths)
}

fn names(tree: &OwnersTree, ids: &[u32]) -> BTreeSet<String> {
    ids.iter().map(|id| tree.login(*id).to_string()).collect()
}

#[test]
fn chain_summaries_equal_the_walks() {
    let mut summarized = 0;
    let mut walked = 0;
    for seed in 1..=60 {
        for md_yaml in [false, true] {
            let (tree, paths) = generated(seed, md_yaml);
            for p in &paths {
                for role in [Role::Approvers, Role::Reviewers] {
                    let Some(s) = tree.chain_summary(p, role) else {
                        walked += 1;
                        continue;
                    };
                    summarized += 1;
                    let (all, leaf, dir) = match role {
                        Role::Approvers => (
                            tree.approvers(p),
                            tree.leaf_approvers(p),
                            tree.approver_owners_dir(p),
                        ),
                        _ => (
                            tree.reviewers(p),
                            tree.leaf_reviewers(p),
                            tree.reviewer_owners_dir(p),
                        ),
                    };
                    let at = format!("seed {seed} md {md_yaml} {p:?} {role:?}");
                    assert_eq!(names(&tree, &s.all), all, "{at}");
                    assert_eq!(names(&tree, &s.leaf), leaf, "{at}");
                    assert_eq!(s.leaf_dir, dir, "{at}");
                    // Sorted and unique, as the engine expects.
                    assert!(s.all.windows(2).all(|w| w[0] < w[1]), "{at}");
                    assert!(s.leaf.windows(2).all(|w| w[0] < w[1]), "{at}");
                }
            }
        }
    }
    // Both paths are exercised.
    assert!(
        summarized > 1_000 && walked > 1_000,
        "{summarized} / {walked}"
    );
}
