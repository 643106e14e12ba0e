//! Deterministic garbage and mutations through every parser: no panic, on stable.
//! (The cargo-fuzz targets in `fuzz/` explore further.)

use bazaar_review::commands;
use bazaar_review::goregex;
use bazaar_review::owners::parse::{parse_aliases, parse_md_front_matter, parse_owners};
use bazaar_review::pr::PullRequest;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}

const SEEDS: &[&str] = &[
    "approvers:\n- alice\n- \"@Bob\"\nreviewers: [carol]\noptions:\n  no_parent_owners: true\nlabels: [sig/x]\n",
    "filters:\n  \".*\":\n    approvers: [a]\n    emeritus_approvers: [b]\n  \"(?i)charter.md\":\n    required_reviewers: [t/x]\n",
    "aliases:\n  team: [a, b]\n  other: {c, d}\n  none:\n",
    "{\"number\": 1, \"author\": \"a\", \"files\": [\"x\"], \"events\": [{\"kind\": \"comment\", \"login\": \"b\", \"body\": \"/approve\", \"at\": \"2024-01-01T00:00:00Z\"}]}",
    "/approve no-issue\n/lgtm cancel\n/hold\n/assign @a b\n/cc org/t\n/kind bug\n/test all\n/ok-to-test\n/lifecycle frozen\n",
    "---\napprovers: [x]\n---\n",
    "[a-z]+\\Q.*\\E\\d{2,3}(?i)x|y\\b",
];

const JUNK: &[&str] = &[
    "\0", "\u{FEFF}", "[", "]", "{", "}", ":", "- ", "\n", "  ", "\t", "\"", "'", "&a", "*a",
    "!!binary", "?", "|", ">", "#", "\\", "(", ")", "(?", "{1001}", "**", "\\Q", "\\x{", "[[:",
    "é", "/", "@", "~", "---\n", "0x1F", ".nan", "1e9",
];

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut s: Vec<char> = seed.chars().collect();
    for _ in 0..=rng.below(6) {
        match rng.below(4) {
            0 if !s.is_empty() => {
                let i = rng.below(s.len());
                s.remove(i);
            }
            1 => {
                let i = rng.below(s.len() + 1);
                let junk = JUNK[rng.below(JUNK.len())];
                for (k, c) in junk.chars().enumerate() {
                    s.insert(i + k, c);
                }
            }
            2 if s.len() > 2 => {
                let a = rng.below(s.len());
                let b = rng.below(s.len());
                s.swap(a, b);
            }
            _ => {
                let i = rng.below(s.len() + 1);
                let c =
                    char::from_u32(u32::try_from(rng.next() % 0x250).unwrap_or(0)).unwrap_or('x');
                s.insert(i, c);
            }
        }
    }
    s.into_iter().collect()
}

fn every_parser(input: &str) {
    let _ = parse_owners(input);
    let _ = parse_aliases(input);
    let _ = parse_md_front_matter(input);
    let _ = PullRequest::from_json(input);
    let _ = goregex::compile(input);
    let _ = commands::approve_commands(input);
    let _ = commands::lgtm_request(input);
    let _ = commands::hold_request(input);
    let _ = commands::assign_requests(input, "me", false);
    let _ = commands::assign_requests(input, "me", true);
    let _ = commands::lifecycle_requests(input);
    let _ = commands::trigger_request(input);
    let _ = commands::label_request(input);
    let _ = commands::associated_issue(input);
    let _ = bazaar_review::path::rel(input, "a/b");
    let _ = bazaar_review::path::dir(input);
}

#[test]
fn parsers_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut n = 0;
    for _ in 0..500 {
        for seed in SEEDS {
            every_parser(&mutate(&mut rng, seed));
            n += 1;
        }
    }
    for j in JUNK {
        every_parser(j);
    }
    assert!(n >= 3000);
}

#[test]
fn engine_never_panics_on_mutated_trees() {
    use bazaar_review::engine::{EngineOptions, evaluate};
    use bazaar_review::owners::{OwnersConfig, OwnersTree, SourceFile, SourceKind};
    let mut rng = Rng(42);
    for i in 0..300 {
        let sources = vec![
            SourceFile {
                path: "OWNERS".into(),
                kind: SourceKind::Owners,
                text: mutate(&mut rng, SEEDS[0]),
            },
            SourceFile {
                path: "a/OWNERS".into(),
                kind: SourceKind::Owners,
                text: mutate(&mut rng, SEEDS[1]),
            },
            SourceFile {
                path: "a/b.md".into(),
                kind: SourceKind::Markdown,
                text: mutate(&mut rng, SEEDS[5]),
            },
        ];
        let aliases = mutate(&mut rng, SEEDS[2]);
        let config = OwnersConfig {
            md_yaml: i % 2 == 0,
            ..OwnersConfig::default()
        };
        let (tree, _) = OwnersTree::build(&sources, Some(&aliases), &config);
        let files = ["a/b.md", "x", "", ".", "/abs", "a//b/../c", "./a/x.go"];
        let mut pr = PullRequest::new(i, "author", &files).comment(
            "a",
            &mutate(&mut rng, SEEDS[4]),
            "2024-01-01T00:00:00Z",
        );
        pr.config.issue_required = true;
        let _ = evaluate(&tree, &pr, &EngineOptions::default());
        let _ = bazaar_review::audit::audit(&tree, None);
        for f in files {
            let _ = tree.approvers(f);
            let _ = tree.approver_owners_dir(f);
        }
    }
}
