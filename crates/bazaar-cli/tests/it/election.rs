//! `bazaar election tally|check|vote|revoke|close|results`.

use std::path::{Path, PathBuf};

use crate::harness::{Dir, bazaar, shared_data, workspace_root};

fn fixture() -> PathBuf {
    workspace_root().join("crates/bazaar-vote/tests/fixtures/election-ok")
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn tally_json_has_ranking_winners_pairwise() {
    let v = bazaar(&["election", "tally", &s(&fixture()), "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(
        v["ranking"],
        serde_json::json!([["alice"], ["bob"], ["carol"]])
    );
    assert_eq!(v["winners"], serde_json::json!(["alice", "bob"]));
    assert_eq!(v["seats"], 2);
    assert_eq!(v["ballots"], 4);
    assert_eq!(v["eligible_voters"], 5);
    // Ballot 2 has no opinion on carol: alice and carol are compared 3 times.
    assert_eq!(v["pairwise"]["alice"]["carol"], 3);
    assert_eq!(v["pairwise"]["carol"]["alice"], 0);
    assert_eq!(v["pairwise"]["bob"]["carol"], 2);
    assert_eq!(v["strongest_paths"]["alice"]["bob"], 3);
    assert!(v["tie"].is_null());
}

#[test]
fn tally_table_and_method_option() {
    let r = bazaar(&[
        "election",
        "tally",
        &s(&fixture()),
        "--method",
        "schulze",
        "--seats",
        "1",
    ]);
    r.expect_code(0);
    assert!(r.stdout.contains("method schulze"), "{}", r.stdout);
    assert!(r.stdout.contains("DEFEATS"), "{}", r.stdout);
    bazaar(&["election", "tally", &s(&fixture()), "--method", "borda"]).expect_code(2);
}

/// The tie contract: a count whose seats a tie decides is printed in full
/// but exits 1, with `vote/seat-tie` on stderr and `tie` set in JSON.
#[test]
fn tally_needs_only_a_ballots_file_and_reports_ties() {
    let d = Dir::new();
    d.create("ballots.csv", "x,y,z\n1,2,3\n1,3,2\n");
    let args = |extra: &[&str]| {
        let mut a = vec!["election".to_string(), "tally".into(), s(d.path())];
        a.extend(extra.iter().map(|x| x.to_string()));
        a
    };
    let run = |extra: &[&str]| {
        let a = args(extra);
        bazaar(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let r = run(&["--format", "json", "--seats", "2"]);
    r.expect_code(1);
    let v = r.json();
    assert_eq!(v["ranking"], serde_json::json!([["x"], ["y", "z"]]));
    assert_eq!(v["winners"], serde_json::json!(["x"]));
    assert_eq!(v["tie"]["candidates"], serde_json::json!(["y", "z"]));
    assert_eq!(v["tie"]["seats"], 1);
    assert!(
        r.stderr.contains(
            "ballots.csv: vote/seat-tie a tie decides 1 of 2 seat(s): `y`, `z` are tied; the count needs a tie-break"
        ),
        "{}",
        r.stderr
    );
    for format in ["table", "md"] {
        let r = run(&["--format", format, "--seats", "2"]);
        r.expect_code(1);
        assert!(r.stdout.contains("ie"), "{format}: {}", r.stdout);
        assert!(r.stderr.contains("vote/seat-tie"), "{format}: {}", r.stderr);
    }
    // Three seats: the tie decides nothing.
    let r = run(&["--format", "json", "--seats", "3"]);
    r.expect_code(0);
    assert!(r.json()["tie"].is_null());
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let r = bazaar(&["election", "tally", &s(d.path())]);
    r.expect_code(0);
    assert!(
        r.stdout.contains("1      x"),
        "seats default to 1: {}",
        r.stdout
    );
}

/// The one published election whose winners depend on the method: textbook
/// Schulze ranks "No opinion" last, which seats deads2k instead of cblecker.
#[test]
fn tally_2021_winners_depend_on_the_method() {
    let Some(dir) = shared_data("community/elections/steering/2021") else {
        return;
    };
    let winners = |method: &str| {
        bazaar(&[
            "election",
            "tally",
            &s(&dir),
            "--method",
            method,
            "--format",
            "json",
        ])
        .expect_code(0)
        .json()["winners"]
            .clone()
    };
    assert_eq!(
        winners("elekto"),
        serde_json::json!(["parispittman", "justaugustus", "cblecker", "tpepper"])
    );
    assert_eq!(
        winners("schulze"),
        serde_json::json!(["parispittman", "justaugustus", "tpepper", "deads2k"])
    );
}

#[test]
fn seats_are_at_least_one_and_at_most_everyone() {
    for bad in ["0", "-1", "two"] {
        let arg = format!("--seats={bad}");
        let r = bazaar(&["election", "tally", &s(&fixture()), &arg]);
        r.expect_code(2);
        assert!(r.stdout.is_empty(), "{}", r.stdout);
        assert!(r.stderr.contains("--seats"), "{bad}: {}", r.stderr);
    }
    let r = bazaar(&["election", "tally", &s(&fixture()), "--seats", "0"]);
    assert!(r.stderr.contains("at least 1 seat"), "{}", r.stderr);
    // More seats than candidates: everyone is elected, with a warning.
    let r = bazaar(&[
        "election",
        "tally",
        &s(&fixture()),
        "--seats",
        "5",
        "--format",
        "json",
    ]);
    r.expect_code(0);
    assert_eq!(
        r.json()["winners"],
        serde_json::json!(["alice", "bob", "carol"])
    );
    assert!(
        r.stderr
            .contains("warning: 5 seats but only 3 candidates: every candidate is elected"),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_ballots_are_never_counted() {
    for (csv, expect) in [
        ("a,b\n1,2\n1\n", "ballots.csv:3:1: vote/ballot-row-width"),
        ("a,b\n1,two\n", "ballots.csv:2:3: vote/ballot-rank-invalid"),
        ("a,a\n1,2\n", "vote/ballot-duplicate-candidate"),
        ("a,b\n1,2\n\n2,1\n", "ballots.csv:3:1: vote/ballot-empty"),
        ("a,b\n1,3\n", "vote/ballot-rank-out-of-range"),
        (
            "a,b\n1,99999999999999999999\n",
            "ballots.csv:2:3: vote/ballot-rank-out-of-range rank `99999999999999999999` for `b` is out of range 1..=2",
        ),
    ] {
        let d = Dir::new();
        d.create("ballots.csv", csv);
        let r = bazaar(&["election", "tally", &s(d.path()), "--format", "json"]);
        r.expect_code(2);
        assert!(r.stdout.is_empty(), "nothing counted: {}", r.stdout);
        assert!(r.stderr.contains(expect), "{csv:?}: {}", r.stderr);
    }
    // A column naming no candidate file.
    let d = Dir::new();
    d.copy_tree(&fixture(), "e");
    d.create("e/ballots.csv", "carol,alice,mallory\n1,2,3\n");
    let r = bazaar(&["election", "tally", &s(&d.path().join("e"))]);
    r.expect_code(2);
    assert!(
        r.stderr.contains("vote/ballot-unknown-candidate"),
        "{}",
        r.stderr
    );
    bazaar(&["election", "tally", "/no/such/dir"]).expect_code(2);
}

#[test]
fn check_reports_with_locations_and_exit_1() {
    bazaar(&["election", "check", &s(&fixture())]).expect_code(0);
    let d = Dir::new();
    d.copy_tree(&fixture(), "e");
    d.create("e/voters.yaml", "eligible_voters:\n- alice\n- ALICE\n");
    d.create(
        "e/election.yaml",
        std::fs::read_to_string(fixture().join("election.yaml"))
            .expect("fixture")
            .replace("2031-09-01 00:00:01", "soon"),
    );
    let r = bazaar(&[
        "election",
        "check",
        &s(&d.path().join("e")),
        "--format",
        "json",
    ]);
    r.expect_code(1);
    let v = r.json();
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| d["rule"].as_str().expect("rule"))
        .collect();
    for want in [
        "vote/datetime-invalid",
        "vote/voter-duplicate",
        "vote/ballots-exceed-voters",
    ] {
        assert!(rules.contains(&want), "{want} missing from {rules:?}");
    }
}

/// An empty folder, or one holding only `OWNERS` (elections/steering/2023
/// to 2026 in the data), is not an election: exit 2, naming the folder and
/// what was looked for, for `check` as for `tally`.
#[test]
fn check_refuses_a_folder_without_election_files() {
    let d = Dir::new();
    d.create("empty/.keep", "");
    d.create("owners-only/OWNERS", "approvers:\n- someone\n");
    let mut dirs = vec![d.path().join("empty"), d.path().join("owners-only")];
    if let Some(real) = shared_data("community/elections/steering/2023") {
        dirs.push(real);
    }
    for dir in dirs {
        for cmd in ["check", "tally"] {
            let r = bazaar(&["election", cmd, &s(&dir)]);
            r.expect_code(2);
            assert!(r.stdout.is_empty(), "{}", r.stdout);
            assert!(
                r.stderr
                    .contains(&format!("no election files in `{}`", dir.display()))
                    && r.stderr.contains("looked for `election.yaml`")
                    && r.stderr.contains("`ballots.csv`"),
                "{cmd}: {}",
                r.stderr
            );
        }
    }
}

/// Configuration and candidates but no ballots (an election before it
/// closes): clean, and the output says what was checked and what was not.
#[test]
fn check_without_ballots_says_what_it_skipped() {
    let d = Dir::new();
    d.copy_tree(&fixture(), "e");
    std::fs::remove_file(d.path().join("e/ballots.csv")).expect("remove");
    let dir = d.path().join("e");
    let r = bazaar(&["election", "check", &s(&dir)]);
    r.expect_code(0);
    assert!(
        r.stdout
            .contains("vote/ballots-missing info: no `ballots.csv`: the ballots were not checked"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains(&format!(
            "checked 5 file(s) in `{}`: election.yaml, voters.yaml, 3 candidate file(s)",
            dir.display()
        )),
        "{}",
        r.stderr
    );
    let v = bazaar(&["election", "check", &s(&dir), "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(v["diagnostics"][0]["rule"], "vote/ballots-missing");
    assert_eq!(v["diagnostics"][0]["severity"], "info");
    // tally still needs the ballots.
    let r = bazaar(&["election", "tally", &s(&dir)]);
    r.expect_code(2);
    assert!(r.stderr.contains("no `ballots.csv`"), "{}", r.stderr);
}

#[test]
fn md_output_reads_back_as_the_published_results() {
    let Some(dir) = shared_data("community/elections/steering/2022") else {
        return;
    };
    let r = bazaar(&["election", "tally", &s(&dir), "--format", "md"]);
    r.expect_code(0);
    let ours = bazaar_vote::load::published::parse(&r.stdout);
    let theirs = bazaar_vote::load::published::parse(
        &std::fs::read_to_string(dir.join("results.md")).expect("results.md"),
    );
    let logins = |v: &[bazaar_vote::load::published::Entry]| {
        v.iter().map(|e| e.login.clone()).collect::<Vec<_>>()
    };
    assert_eq!(logins(&ours.winners), logins(&theirs.winners));
    assert_eq!(logins(&ours.ranking), logins(&theirs.ranking));
    assert_eq!(
        (ours.seats_open, ours.eligible_voters, ours.votes_cast),
        (theirs.seats_open, theirs.eligible_voters, theirs.votes_cast)
    );
    assert!(r.stdout.contains("- Turnout: 31.37%"), "{}", r.stdout);
    // Deterministic bytes.
    assert_eq!(
        bazaar(&["election", "tally", &s(&dir), "--format", "md"]).stdout,
        r.stdout
    );
}

#[test]
fn employer_cap_2017() {
    let Some(dir) = shared_data("community/elections/steering/2017") else {
        return;
    };
    let committee =
        workspace_root().join("crates/bazaar-vote/tests/fixtures/steering-2017-committee.yaml");
    let v = bazaar(&[
        "election",
        "tally",
        &s(&dir),
        "--seats",
        "6",
        "--committee",
        &s(&committee),
        "--format",
        "json",
    ])
    .expect_code(0)
    .json();
    assert_eq!(v["excluded"][0]["candidate"], "Michael Rubin");
    assert_eq!(v["cap"]["invoked"], true);
    assert_eq!(v["winners"].as_array().map(Vec::len), Some(6));
    // The same cap given as options.
    let mut args = vec![
        "election",
        "tally",
        &s(&dir),
        "--seats",
        "6",
        "--cap",
        "4",
        "--format",
        "json",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    for m in [
        "Joe Beda=Heptio",
        "Brendan Burns=Microsoft",
        "Clayton Coleman=Red Hat",
        "Brian Grant=Google",
        "Tim Hockin=Google",
        "Sarah Novotny=Google",
        "Brandon Philips=CoreOS",
    ] {
        args.push("--continuing".into());
        args.push(m.into());
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let w = bazaar(&refs).expect_code(0).json();
    assert_eq!(w["winners"], v["winners"]);
    // Without the cap Rubin is elected.
    let plain = bazaar(&[
        "election",
        "tally",
        &s(&dir),
        "--seats",
        "6",
        "--format",
        "json",
    ])
    .expect_code(0)
    .json();
    assert!(
        plain["winners"]
            .as_array()
            .expect("list")
            .iter()
            .any(|w| w == "Michael Rubin")
    );
    bazaar(&["election", "tally", &s(&dir), "--continuing", "A=B"]).expect_code(2);
}

#[test]
fn every_real_election_tallies() {
    let Some(root) = shared_data("community/elections") else {
        return;
    };
    for e in [
        "steering/2017",
        "steering/2018",
        "steering/2019",
        "steering/2020",
        "steering/2021",
        "steering/2022",
        "code-of-conduct/2023",
    ] {
        let v = bazaar(&["election", "tally", &s(&root.join(e)), "--format", "json"])
            .expect_code(0)
            .json();
        assert!(
            v["ranking"].as_array().is_some_and(|r| !r.is_empty()),
            "{e}"
        );
        bazaar(&["election", "check", &s(&root.join(e))]).expect_code(0);
    }
}

/// The ballot box through the CLI.
struct BoxRun {
    dir: Dir,
}

impl BoxRun {
    fn new() -> Self {
        let dir = Dir::new();
        dir.copy_tree(&fixture(), "e");
        std::fs::remove_file(dir.path().join("e/ballots.csv")).expect("no ballots yet");
        dir.create("pass", "a long enough passphrase\n");
        BoxRun { dir }
    }
    fn args<'a>(&'a self, sub: &'a str, now: &'a str, extra: &[&'a str]) -> Vec<String> {
        let mut v: Vec<String> = [
            "election",
            sub,
            &s(&self.dir.path().join("e")),
            "--db",
            &s(&self.dir.path().join("box.sqlite")),
            "--now",
            now,
            "--kdf-memory-kib",
            "64",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        v.extend(extra.iter().map(|x| x.to_string()));
        v
    }
    fn run(&self, sub: &str, now: &str, extra: &[&str]) -> crate::harness::Run {
        let a = self.args(sub, now, extra);
        bazaar(&a.iter().map(String::as_str).collect::<Vec<_>>())
    }
    fn vote(&self, voter: &str, now: &str, ranks: &[&str]) -> crate::harness::Run {
        let pass = s(&self.dir.path().join("pass"));
        let mut extra = vec![
            "--voter",
            voter,
            "--passphrase-file",
            pass.as_str(),
            "--format",
            "json",
        ];
        for r in ranks {
            extra.push("--rank");
            extra.push(r);
        }
        let a = self.args("vote", now, &extra);
        bazaar(&a.iter().map(String::as_str).collect::<Vec<_>>())
    }
}

const DURING: &str = "2031-09-05 12:00:00";
const AFTER: &str = "2031-09-16 00:00:00";

/// The tie contract holds for the ballot box too: `close` stores the results
/// (certain winners and the tie) and exits 1, and so does `results`.
#[test]
fn ballot_box_reports_a_pending_tie() {
    let b = BoxRun::new();
    b.vote("alice", DURING, &["alice=1", "bob=2", "carol=3"])
        .expect_code(0);
    b.vote("bob", DURING, &["alice=1", "carol=2", "bob=3"])
        .expect_code(0);
    let r = b.run("close", AFTER, &["--format", "json"]);
    r.expect_code(1);
    let v = r.json();
    assert_eq!(v["winners"], serde_json::json!(["alice"]));
    assert_eq!(v["tie"], serde_json::json!(["bob", "carol"]));
    assert!(
        r.stderr
            .contains("vote/seat-tie a tie decides 1 of 2 seat(s): `bob`, `carol` are tied"),
        "{}",
        r.stderr
    );
    let r = b.run("results", AFTER, &["--format", "json"]);
    r.expect_code(1);
    assert_eq!(r.json()["recount_matches"], true);
    assert!(r.stderr.contains("vote/seat-tie"), "{}", r.stderr);
    b.run("results", AFTER, &["--format", "md"]).expect_code(1);
}

#[test]
fn ballot_box_end_to_end() {
    let b = BoxRun::new();
    let r = b.vote("alice", "2031-08-31 23:59:59", &["alice=1"]);
    r.expect_code(1);
    assert!(r.stderr.contains("voting has not started"), "{}", r.stderr);
    let receipt = b
        .vote("Alice", DURING, &["alice=1", "bob=2"])
        .expect_code(0)
        .json()["receipt"]
        .as_str()
        .expect("receipt")
        .to_string();
    let r = b.vote("alice", DURING, &["bob=1"]);
    r.expect_code(1);
    assert!(r.stderr.contains("already voted"), "{}", r.stderr);
    let r = b.vote("mallory", DURING, &["bob=1"]);
    r.expect_code(1);
    assert!(r.stderr.contains("not an eligible voter"), "{}", r.stderr);
    b.vote("bob", DURING, &["bob=1", "carol=2"]).expect_code(0);
    b.vote("carol", DURING, &["carol=1", "alice=2", "bob=3"])
        .expect_code(0);
    let pass = s(&b.dir.path().join("pass"));
    b.run(
        "revoke",
        DURING,
        &["--voter", "carol", "--passphrase-file", &pass],
    )
    .expect_code(0);
    b.run(
        "revoke",
        AFTER,
        &["--voter", "bob", "--passphrase-file", &pass],
    )
    .expect_code(1);
    let r = b.run("close", DURING, &[]);
    r.expect_code(1);
    assert!(
        r.stderr.contains("cannot be closed before voting ends"),
        "{}",
        r.stderr
    );
    b.run("results", AFTER, &[]).expect_code(1);
    let publish = b.dir.path().join("published");
    b.run("close", AFTER, &["--publish", &s(&publish)])
        .expect_code(0);
    b.vote("dave", DURING, &["bob=1"]).expect_code(1);
    let ballots = std::fs::read_to_string(publish.join("ballots.csv")).expect("published");
    assert_eq!(ballots.lines().next(), Some("alice,bob,carol"));
    assert_eq!(ballots.lines().count(), 3);
    assert!(publish.join("results.md").exists() && publish.join("receipts.csv").exists());
    let v = b
        .run(
            "results",
            AFTER,
            &[
                "--receipt",
                &receipt,
                "--published",
                &s(&publish.join("ballots.csv")),
                "--format",
                "json",
            ],
        )
        .expect_code(0)
        .json();
    assert_eq!(v["receipt_found"], true);
    assert_eq!(v["published_matches"], true);
    assert_eq!(v["recount_matches"], true);
    assert_eq!(v["turnout"], 2);
    // The published file recounts to the same ranking with `tally`.
    let t = bazaar(&[
        "election",
        "tally",
        &s(&publish),
        "--format",
        "json",
        "--seats",
        "2",
    ])
    .expect_code(0)
    .json();
    assert_eq!(t["ranking"], v["ranking"]);
    // A tampered published file or an unknown receipt is a finding.
    std::fs::write(publish.join("ballots.csv"), ballots.replace("1,2", "2,1")).expect("tamper");
    b.run(
        "results",
        AFTER,
        &["--published", &s(&publish.join("ballots.csv"))],
    )
    .expect_code(1);
    b.run("results", AFTER, &["--receipt", "00"]).expect_code(1);
}

/// Broken if the store accepted concurrent duplicates: several processes
/// voting for the same voter at once must yield exactly one ballot.
#[test]
fn concurrent_processes_one_ballot() {
    let b = BoxRun::new();
    // Create the box first so every process opens the same file.
    b.vote("erin", DURING, &["alice=1"]).expect_code(0);
    let a = b.args(
        "vote",
        DURING,
        &[
            "--voter",
            "dave",
            "--passphrase-file",
            &s(&b.dir.path().join("pass")),
            "--rank",
            "bob=1",
        ],
    );
    let children: Vec<_> = (0..8)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin!("bazaar"))
                .args(&a)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    let codes: Vec<i32> = children
        .into_iter()
        .map(|mut c| c.wait().expect("wait").code().unwrap_or(-1))
        .collect();
    assert_eq!(codes.iter().filter(|&&c| c == 0).count(), 1, "{codes:?}");
    assert!(codes.iter().all(|&c| c == 0 || c == 1), "{codes:?}");
    // Two ballots that compare nobody: every candidate ties for the two
    // seats, so `close` stores the results and exits 1 (`vote/seat-tie`).
    let v = b
        .run("close", AFTER, &["--format", "json"])
        .expect_code(1)
        .json();
    assert_eq!(v["turnout"], 2);
}
