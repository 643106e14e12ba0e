//! "No panic" on stable: thousands of deterministic mutations of valid
//! org files go through the same entry point as the `org_yaml` fuzz target.

use bazaar_ladder::fuzz_org_yaml;
use bazaar_testkit::Rng;

const SEEDS: &[&str] = &[
    "admins:\n- k8s-ci-robot\n- Alice\nbilling_email: a@b.c\ndefault_repository_permission: read\nmembers:\n- bob\n- \"12345\"\nname: X\nteams:\n  sig-foo:\n    description: Foo\n    maintainers:\n    - alice\n    members:\n    - bob\n    privacy: closed\n    previously:\n    - old\n    repos:\n      foo: admin\n    teams:\n      child:\n        privacy: secret\nrepos:\n  foo:\n    previously: [bar]\n    on_create:\n      auto_init: true\n",
    "teams:\n  a: {privacy: closed, members: [x, y], repos: {r: write}}\n  b:\n    teams:\n      c: {}\n",
    "members: [a, b, c]\nadmins: [d]\n",
];

/// YAML fragments that stress the decoder.
const TOKENS: &[&str] = &[
    ":",
    "-",
    "\n",
    "  ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "'",
    "\"",
    "#",
    "!!str ",
    "!!binary ",
    "~",
    "yes",
    "0x1F",
    "? ",
    "|\n",
    ">\n",
    "\t",
    "<<: *a",
    "%YAML 1.2\n",
    "---\n",
    "...\n",
    "teams:",
    "members:",
    "privacy: ",
    "\u{feff}",
    "\u{0}",
    "é",
    "@",
];

fn mutate(rng: &mut Rng, input: &str) -> String {
    let mut bytes = input.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 => bytes
                .splice(at..at, TOKENS[rng.below(TOKENS.len())].bytes())
                .for_each(drop),
            1 if !bytes.is_empty() => {
                let end = (at + rng.below(16)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            2 if at < bytes.len() => bytes[at] = u8::try_from(rng.below(256)).unwrap_or(b'x'),
            3 => {
                // Duplicate a line (duplicate keys, repeated logins).
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let lines: Vec<&str> = text.lines().collect();
                if !lines.is_empty() {
                    let line = lines[rng.below(lines.len())];
                    let mut out: Vec<&str> = lines.clone();
                    out.insert(rng.below(lines.len() + 1), line);
                    bytes = out.join("\n").into_bytes();
                }
            }
            _ => {
                let n = rng.below(8);
                bytes
                    .splice(at..at, std::iter::repeat_n(b' ', n))
                    .for_each(drop);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn org_yaml_never_panics() {
    let mut rng = Rng(0x005e_ed0f_b0a5);
    let mut decoded = 0usize;
    for i in 0..4000 {
        let seed = SEEDS[i % SEEDS.len()];
        let input = mutate(&mut rng, seed);
        decoded += usize::from(fuzz_org_yaml(&input) > 0);
    }
    // Garbage of every kind, too.
    for len in [0usize, 1, 7, 64, 300] {
        for _ in 0..50 {
            let junk: Vec<u8> = (0..len)
                .map(|_| u8::try_from(rng.below(256)).unwrap_or(0))
                .collect();
            fuzz_org_yaml(&String::from_utf8_lossy(&junk));
        }
    }
    assert!(decoded > 0, "mutations produced findings");
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    for depth in [100usize, 1_000, 20_000] {
        let open = "teams: {a: {".repeat(depth);
        let close = "}}".repeat(depth);
        fuzz_org_yaml(&format!("{open}{close}\n"));
        let block: String = (0..depth.min(2_000))
            .map(|i| format!("{}teams:\n{}  t{i}:\n", "    ".repeat(i), "    ".repeat(i)))
            .collect();
        fuzz_org_yaml(&block);
    }
}

#[test]
fn role_dates_never_panic() {
    let seeds = [
        "member:\n  alice: 2024-03-01\n  Bob: '2023-01-31'\nreviewer:\n  alice: 2025-01-13\napprover:\n  carol: 2022-12-01\n",
        "member: {a: 2020-02-29}\n",
    ];
    let mut rng = Rng(0x0000_da7e_5eed);
    let mut ok = 0usize;
    for i in 0..3000 {
        let input = mutate(&mut rng, seeds[i % seeds.len()]);
        ok += usize::from(bazaar_ladder::dates::parse_role_dates(&input).is_ok());
    }
    assert!(ok > 0 && ok < 3000, "{ok} of 3000 mutations decoded");
}
