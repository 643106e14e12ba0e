//! `bazaar owners` and `bazaar review`: every case of `../shared/data/prow-cases`
//! through the real binary, plus exit codes and bad input.

use std::path::Path;

use serde_json::Value;

use crate::harness::{Dir, bazaar, shared_data};

/// Lists compare as multisets; other values exactly (a bool never equals a number).
fn same(expected: &Value, got: &Value) -> bool {
    match (expected, got) {
        (Value::Array(e), Value::Array(g)) => {
            let mut e: Vec<String> = e.iter().map(Value::to_string).collect();
            let mut g: Vec<String> = g.iter().map(Value::to_string).collect();
            e.sort();
            g.sort();
            e == g
        }
        _ => expected == got,
    }
}

fn write_tree(dir: &Dir, files: Option<&Value>) {
    if let Some(Value::Object(map)) = files {
        for (path, content) in map {
            dir.create(path, content.as_str().expect("file contents are strings"));
        }
    }
}

/// Run every case of one suite; returns the names of failing cases with details.
fn run_suite(file: &Path) -> (usize, Vec<String>) {
    let suite: Value =
        serde_json::from_str(&std::fs::read_to_string(file).expect("case file is readable"))
            .expect("case file is JSON");
    let contract = suite["contract"].as_str().expect("contract");
    let mut failures = Vec::new();
    let cases = suite["cases"].as_array().expect("cases");
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let repo = Dir::new();
        if let Some(fx) = case["fixture"].as_str() {
            write_tree(&repo, suite["fixtures"].get(fx));
        }
        write_tree(&repo, case.get("repo"));
        let repo_path = repo.path().to_str().expect("utf-8 temp path").to_string();
        let out = match contract {
            "owners" => {
                let mut args = vec!["owners", "--repo", repo_path.as_str(), "--format", "json"];
                let paths: Vec<&str> = case["paths"]
                    .as_array()
                    .expect("paths")
                    .iter()
                    .map(|p| p.as_str().expect("path"))
                    .collect();
                args.extend(paths);
                bazaar(&args)
            }
            _ => {
                let prdir = Dir::new();
                let pr = prdir.create("pr.json", serde_json::to_string(&case["pr"]).expect("pr"));
                bazaar(&[
                    "review",
                    "--repo",
                    &repo_path,
                    "--pr",
                    pr.to_str().expect("utf-8 path"),
                    "--format",
                    "json",
                ])
            }
        };
        if out.code != 0 {
            failures.push(format!("{name}: exit {} ({})", out.code, out.stderr));
            continue;
        }
        let got = out.json();
        let expected = &case["expected"];
        let mismatches = if contract == "owners" {
            compare_owners(expected, &got)
        } else {
            compare_object(expected, &got)
        };
        if !mismatches.is_empty() {
            failures.push(format!("{name}: {}", mismatches.join("; ")));
        }
    }
    (cases.len(), failures)
}

fn compare_object(expected: &Value, got: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in expected.as_object().expect("expected is an object") {
        if !same(v, &got[k]) {
            out.push(format!("`{k}`: expected {v}, got {}", got[k]));
        }
    }
    out
}

fn compare_owners(expected: &Value, got: &Value) -> Vec<String> {
    let exp = expected["files"].as_array().expect("files");
    let got_files = got["files"].as_array().cloned().unwrap_or_default();
    let mut out = Vec::new();
    if exp.len() != got_files.len() {
        out.push(format!(
            "{} files expected, {} printed",
            exp.len(),
            got_files.len()
        ));
    }
    for e in exp {
        let Some(g) = got_files.iter().find(|g| g["path"] == e["path"]) else {
            out.push(format!("no entry for path {}", e["path"]));
            continue;
        };
        for m in compare_object(e, g) {
            out.push(format!("{}: {m}", e["path"]));
        }
    }
    out
}

fn suite(name: &str) {
    let Some(dir) = shared_data("prow-cases") else {
        return;
    };
    let (count, failures) = run_suite(&dir.join(name));
    assert!(count > 0, "{name} has no cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases of {name} fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{name}: {count} cases pass");
}

#[test]
fn prow_cases_owners() {
    suite("owners.json");
}

#[test]
fn prow_cases_approvers() {
    suite("approvers.json");
}

#[test]
fn prow_cases_approve() {
    suite("approve.json");
}

#[test]
fn prow_cases_lgtm() {
    suite("lgtm.json");
}

#[test]
fn owners_output_is_deterministic_and_sorted() {
    let d = Dir::new();
    d.create("OWNERS_ALIASES", "aliases:\n  team: [Zed, amy]\n");
    d.create("OWNERS", "approvers: [team, Bob]\nlabels: [Z, a]\n");
    let repo = d.path().to_str().expect("utf-8");
    let a = bazaar(&["owners", "--repo", repo, "--format", "json", "x.go", ""]);
    let b = bazaar(&["owners", "--repo", repo, "--format", "json", "x.go", ""]);
    a.expect_code(0);
    assert_eq!(a.stdout, b.stdout);
    let v = a.json();
    assert_eq!(
        v["files"][0]["approvers"],
        serde_json::json!(["amy", "bob", "zed"])
    );
    assert_eq!(v["files"][0]["labels"], serde_json::json!(["Z", "a"]));
    assert_eq!(v["files"][1]["path"], "");
    let t = bazaar(&["owners", "--repo", repo, "x.go"]);
    t.expect_code(0);
    assert!(
        t.stdout.contains("owners dir          (root)"),
        "{}",
        t.stdout
    );
}

#[test]
fn unreadable_input_exits_2_with_the_file_named() {
    let d = Dir::new();
    d.create("OWNERS", "approvers: [a]\n");
    let repo = d.path().to_str().expect("utf-8");
    let r = bazaar(&["owners", "--repo", "/no/such/dir", "x"]);
    r.expect_code(2);
    assert!(r.stderr.contains("/no/such/dir"), "{}", r.stderr);
    let bad = d.create("pr.json", "{\"number\": 1,\n \"author\": 5}");
    let r = bazaar(&[
        "review",
        "--repo",
        repo,
        "--pr",
        bad.to_str().expect("utf-8"),
    ]);
    r.expect_code(2);
    assert!(r.stderr.contains("pr.json:2:"), "{}", r.stderr);
    let missing = d.create(
        "pr2.json",
        "{\"number\": 1, \"author\": \"a\", \"files\": []}",
    );
    let r = bazaar(&[
        "review",
        "--repo",
        repo,
        "--pr",
        missing.to_str().expect("utf-8"),
    ]);
    r.expect_code(2);
    assert!(r.stderr.contains("missing field `events`"), "{}", r.stderr);
    let r = bazaar(&["owners", "x"]);
    r.expect_code(2);
}

/// A bad PR.json is named with `file:line:col` once, before the message
/// (serde_json's own " at line L column C" is not repeated).
#[test]
fn pr_json_errors_are_located_once() {
    let d = Dir::new();
    d.create("OWNERS", "approvers: [a]\n");
    let repo = d.path().to_str().expect("utf-8");
    let cases: [(&str, &str, u32, u32, &str); 5] = [
        (
            "truncated.json",
            "{\n  \"number\": 1,\n  \"author\": \"x\",\n  \"files\": [\"a\"\n",
            5,
            1,
            "EOF while parsing a list",
        ),
        (
            "missing.json",
            "{\n  \"number\": 1,\n  \"files\": [\"a\"],\n  \"events\": []\n}\n",
            5,
            1,
            "missing field `author`",
        ),
        (
            "type.json",
            "{\n  \"number\": \"one\",\n  \"author\": \"x\"\n}\n",
            2,
            17,
            "invalid type: string \"one\", expected i64",
        ),
        (
            "kind.json",
            "{\"number\": 1, \"author\": \"x\", \"files\": [],\n \"events\": [{\"kind\": \"vote\", \"login\": \"b\", \"at\": \"2024-01-01T00:00:00Z\"}]}\n",
            2,
            27,
            "unknown event kind `vote`",
        ),
        (
            "review.json",
            "{\"number\": 1, \"author\": \"x\", \"files\": [],\n \"events\": [\n  {\"kind\": \"review\", \"login\": \"b\", \"at\": \"2024-01-01T00:00:00Z\"}\n]}\n",
            3,
            64,
            "an event of kind `review` needs a `state`",
        ),
    ];
    for (name, text, line, col, message) in cases {
        let pr = d.create(name, text);
        let path = pr.to_str().expect("utf-8");
        let r = bazaar(&["review", "--repo", repo, "--pr", path]);
        r.expect_code(2);
        let located = format!("{path}:{line}:{col}: {message}");
        assert!(
            r.stderr.contains(&located),
            "{name}: want {located}\n{}",
            r.stderr
        );
        assert_eq!(r.stderr.matches(path).count(), 1, "{name}: {}", r.stderr);
        assert_eq!(
            r.stderr.matches(&format!(":{line}:{col}")).count(),
            1,
            "{name}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains(" at line "), "{name}: {}", r.stderr);
        assert!(!r.stderr.contains(" column "), "{name}: {}", r.stderr);
    }
}

#[test]
fn malformed_owners_is_skipped_with_a_located_warning() {
    let d = Dir::new();
    d.create("OWNERS", "approvers: [root1, root2]\n");
    d.create("a/OWNERS", "approvers:\n- x\n  - y: [\n");
    d.create("b/OWNERS", "filters:\n  \"*.go\":\n    approvers: [z]\n");
    let repo = d.path().to_str().expect("utf-8");
    let r = bazaar(&[
        "owners", "--repo", repo, "--format", "json", "a/f.go", "b/f.go",
    ]);
    r.expect_code(0);
    assert!(r.stderr.contains("a/OWNERS:3:"), "{}", r.stderr);
    assert!(
        r.stderr.contains("review/owners-unparsable"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("b/OWNERS:2:3: review/filter-regex-invalid"),
        "{}",
        r.stderr
    );
    let v = r.json();
    assert_eq!(
        v["files"][0]["approvers"],
        serde_json::json!(["root1", "root2"])
    );
    assert_eq!(v["files"][1]["approver_owners_dir"], "");
    let q = bazaar(&["owners", "--repo", repo, "--quiet", "a/f.go"]);
    assert!(q.stderr.is_empty(), "{}", q.stderr);
}

/// Findings printed on the way (stderr of `review` and `owners`, stdout of
/// `owners audit`) carry their severity word once, and the right one.
#[test]
fn findings_say_their_severity_once() {
    let d = Dir::new();
    d.create(
        "OWNERS",
        "approvers: [root1, root2]\nemeritus_approvers: [old]\n",
    );
    d.create("a/OWNERS", "approvers:\n- x\n  - y: [\n");
    let pr = d.create(
        "pr.json",
        r#"{"number": 1, "author": "x", "files": ["a/b.go"], "events": []}"#,
    );
    let repo = d.path().to_str().expect("utf-8");
    let prp = pr.to_str().expect("utf-8");
    let once = |text: &str, word: &str, other: &str| {
        let line = text
            .lines()
            .find(|l| l.contains("review/"))
            .unwrap_or_else(|| panic!("a finding in {text}"));
        assert_eq!(line.matches(word).count(), 1, "{line}");
        assert!(!line.contains(other), "{line}");
        line.to_string()
    };
    for args in [
        vec!["review", "--repo", repo, "--pr", prp],
        vec!["owners", "--repo", repo, "a/b.go"],
    ] {
        let r = bazaar(&args);
        r.expect_code(0);
        let line = once(&r.stderr, "error", "warning");
        assert!(
            line.starts_with("a/OWNERS:3:6: review/owners-unparsable error: Prow skips"),
            "{line}"
        );
    }
    // The audit lists findings on stdout in the concise form: a warning says
    // so once; the summary on stderr counts them.
    let r = bazaar(&["owners", "audit", "--repo", repo]);
    r.expect_code(1);
    let warning = r
        .stdout
        .lines()
        .find(|l| l.contains("review/owners-ignored-key"))
        .expect("ignored key finding");
    assert_eq!(warning.matches("warning").count(), 1, "{warning}");
    assert!(!r.stderr.contains("OWNERS:"), "{}", r.stderr);
    assert!(
        r.stderr.contains("found 1 error(s), 1 warning(s)"),
        "{}",
        r.stderr
    );
}

/// An OWNERS file that is not UTF-8 is an error-level finding of the audit,
/// located at its first bad byte; Prow (and `bazaar owners`) go on without it.
#[test]
fn audit_reports_an_owners_file_that_is_not_utf8() {
    let d = Dir::new();
    d.create("OWNERS", "approvers: [root1, root2]\n");
    let latin1 = d.path().join("a/OWNERS");
    std::fs::create_dir_all(d.path().join("a")).expect("mkdir");
    std::fs::write(&latin1, b"approvers:\n- jos\xe9\n- ann\n").expect("write");
    let repo = d.path().to_str().expect("utf-8");
    let r = bazaar(&["owners", "audit", "--repo", repo]);
    r.expect_code(1);
    assert!(
        r.stdout.contains(
            "a/OWNERS:2:6: review/owners-unreadable Prow skips this file: it is not UTF-8 text (byte 0xE9 here)"
        ),
        "{}",
        r.stdout
    );
    let v = bazaar(&["owners", "audit", "--repo", repo, "--format", "json"]).json();
    let found = v["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .find(|f| f["rule"] == "review/owners-unreadable")
        .expect("the finding")
        .clone();
    assert_eq!(found["severity"], "error");
    assert_eq!(found["file"], "a/OWNERS");
    assert_eq!(
        (found["line"].as_u64(), found["col"].as_u64()),
        (Some(2), Some(6))
    );
    assert_eq!(v["summary"]["errors"], 1);
    // `owners` still answers (the directory falls back to the root), with the
    // finding on stderr.
    let o = bazaar(&["owners", "--repo", repo, "--format", "json", "a/x.go"]);
    o.expect_code(0);
    assert_eq!(
        o.json()["files"][0]["approvers"],
        serde_json::json!(["root1", "root2"])
    );
    assert!(
        o.stderr
            .contains("a/OWNERS:2:6: review/owners-unreadable error: "),
        "{}",
        o.stderr
    );
    let e = bazaar(&["explain", "review/owners-unreadable"]);
    e.expect_code(0);
    assert!(e.stdout.contains("## How to fix"), "{}", e.stdout);
}

#[test]
fn audit_exits_1_on_errors_and_reads_the_org() {
    let d = Dir::new();
    d.create(
        "OWNERS_ALIASES",
        "aliases:\n  leads: [alice, leads2]\n  leads2: [bob]\n",
    );
    d.create(
        "OWNERS",
        "approvers: [leads, mallory]\nemeritus_approvers: [old]\n",
    );
    d.create(
        "org.yaml",
        "admins: [alice]\nmembers: [carol]\nteams:\n  t:\n    members: [bob]\n    teams:\n      c:\n        maintainers: [dan]\n",
    );
    let repo = d.path().to_str().expect("utf-8");
    let r = bazaar(&["owners", "audit", "--repo", repo, "--format", "json"]);
    r.expect_code(1);
    let v = r.json();
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| d["rule"].as_str().expect("rule"))
        .collect();
    assert!(rules.contains(&"review/alias-refers-to-alias"), "{rules:?}");
    assert!(rules.contains(&"review/owners-ignored-key"), "{rules:?}");
    assert!(
        !rules.contains(&"review/approver-not-org-member"),
        "{rules:?}"
    );
    let org = d.path().join("org.yaml");
    let r = bazaar(&[
        "owners",
        "audit",
        "--repo",
        repo,
        "--org",
        org.to_str().expect("utf-8"),
        "--format",
        "json",
    ]);
    r.expect_code(1);
    let text = r.stdout;
    assert!(
        text.contains("approver `mallory` is not a member"),
        "{text}"
    );
    assert!(
        !text.contains("`bob`"),
        "team members count as members: {text}"
    );
    let r = bazaar(&["owners", "audit", "--repo", repo, "--org", "/no/org.yaml"]);
    r.expect_code(2);
}

#[test]
fn review_table_and_notifier() {
    let d = Dir::new();
    d.create("OWNERS", "approvers: [root]\n");
    d.create("a/OWNERS", "approvers: [Alice]\nreviewers: [bob]\n");
    d.create("b/OWNERS", "approvers: [Bill]\n");
    let pr = d.create(
        "pr.json",
        r#"{"number": 3, "author": "carol", "body": "Fixes #9", "files": ["a/x.go", "b/y.go"],
            "events": [{"kind": "comment", "login": "Bill", "body": "/approve", "at": "2024-03-01T12:00:00Z"},
                       {"kind": "comment", "login": "bob", "body": "/lgtm\n/hold", "at": "2024-03-01T12:01:00Z"}],
            "config": {"require_self_approval": true}, "repo": "org/repo", "base_branch": "main"}"#,
    );
    let repo = d.path().to_str().expect("utf-8");
    let prp = pr.to_str().expect("utf-8");
    let t = bazaar(&["review", "--repo", repo, "--pr", prp]);
    t.expect_code(0);
    assert!(t.stdout.contains("a       unapproved"), "{}", t.stdout);
    assert!(
        t.stdout.contains("b       approved    Bill"),
        "{}",
        t.stdout
    );
    let n = bazaar(&["review", "--repo", repo, "--pr", prp, "--notifier"]);
    n.expect_code(0);
    assert!(
        n.stdout
            .starts_with("[APPROVALNOTIFIER] This PR is **NOT APPROVED**\n\n"),
        "{}",
        n.stdout
    );
    assert!(
        n.stdout
            .contains("- **[a/OWNERS](https://github.com/org/repo/blob/main/a/OWNERS)**\n"),
        "{}",
        n.stdout
    );
    assert!(
        n.stdout
            .contains("- ~~[b/OWNERS](https://github.com/org/repo/blob/main/b/OWNERS)~~ [Bill]\n"),
        "{}",
        n.stdout
    );
    assert!(
        n.stdout
            .ends_with("<!-- META={\"approvers\":[\"alice\"]} -->\n"),
        "{}",
        n.stdout
    );
    let j = bazaar(&["review", "--repo", repo, "--pr", prp, "--format", "json"]).json();
    assert_eq!(j["hold"], true);
    assert_eq!(j["lgtm"], true);
    assert_eq!(j["issue"], 9);
}
