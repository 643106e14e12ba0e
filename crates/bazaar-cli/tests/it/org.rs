//! `bazaar org check` and `bazaar org sponsor-check`.

use crate::harness::{Dir, bazaar, shared_data};

const ORG: &str =
    "admins:\n- a1\n- a2\n- a3\n- a4\n- k8s-ci-robot\nmembers:\n- alice\n- bob\n- carol\nname: X\n";
const OWNERS: &str = "approvers:\n- a1\n- a2\n- a3\n- a4\n- alice\n";

/// A valid kubernetes/org-style repository with org `x`.
fn repo() -> Dir {
    let d = Dir::new();
    d.create("config/x/org.yaml", ORG);
    d.create("config/x/OWNERS", OWNERS);
    d.create(
        "config/x/sig-a/teams.yaml",
        "teams:\n  sig-a:\n    members: [alice, bob]\n    privacy: closed\n    repos:\n      a-tool: write\n",
    );
    d.create(
        "config/restrictions.yaml",
        "restrictions:\n  - path: \"x/sig-a/teams.yaml\"\n    allowedRepos: [\"^a-\"]\n  - path: \"**/*\"\n",
    );
    d
}

fn root(d: &Dir) -> String {
    d.path().display().to_string()
}

#[test]
fn the_real_data_passes() {
    let Some(data) = shared_data("org") else {
        return;
    };
    let r = bazaar(&[
        "org",
        "check",
        "--root",
        &data.display().to_string(),
        "--format",
        "json",
    ]);
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["summary"]["errors"], 0);
    assert!(
        v["summary"]["warnings"].as_u64().unwrap_or(0) > 0,
        "bazaar-only checks warn"
    );
    let again = bazaar(&[
        "org",
        "check",
        "--root",
        &data.display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(r.stdout, again.stdout, "byte-identical across runs");
}

#[test]
fn a_clean_repo_exits_0_with_a_summary() {
    let d = repo();
    let r = bazaar(&["org", "check", "--root", &root(&d)]);
    r.expect_code(0);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr
            .contains("checked 1 org(s), 1 team(s), 8 admin and member entries, 1 OWNERS file(s)"),
        "{}",
        r.stderr
    );
    let q = bazaar(&["org", "check", "--root", &root(&d), "--quiet"]);
    q.expect_code(0);
    assert_eq!(q.stderr, "");
}

#[test]
fn violations_are_located_and_exit_1() {
    let d = repo();
    d.create(
        "config/x/sig-b/teams.yaml",
        "teams:\n  sig-a:\n    members: [carol, alice, stranger]\n    repos:\n      kubernetes: admin\n",
    );
    let r = bazaar(&["org", "check", "--root", &root(&d)]);
    r.expect_code(1);
    for line in [
        "config/x/sig-b/teams.yaml:2:3: org/duplicate-team team `sig-a` is defined twice in org `x` (first at config/x/sig-a/teams.yaml:2); the merge keeps only this later definition",
        "config/x/sig-b/teams.yaml:2:3: org/team-privacy-not-closed team `sig-a` in org `x` has no `privacy`",
        "config/x/sig-b/teams.yaml:3:22: org/unsorted-logins the members of team `sig-a` in org `x` are not sorted: `alice` comes after `carol`",
        "config/x/sig-b/teams.yaml:3:29: org/team-member-not-org-member member `stranger` of team `sig-a` is not a member of org `x`",
        "config/x/sig-b/teams.yaml:5:7: org/restricted-repo `x/sig-b/teams.yaml` cannot define repo `kubernetes` for team `sig-a`: the restriction `**/*` (config/restrictions.yaml:4) allows no repos",
    ] {
        assert!(r.stdout.contains(line), "missing {line:?} in\n{}", r.stdout);
    }
    assert!(r.stderr.contains("found 5 error(s)"), "{}", r.stderr);
}

#[test]
fn bad_files_are_located_findings_not_crashes() {
    let d = repo();
    d.create(
        "config/x/sig-c/teams.yaml",
        "teams:\n  t:\n    privacy: closed\n    somethingBizzare: 1\n",
    );
    d.create("config/y/org.yaml", "members:\n- a\n  b: [\n");
    d.create("config/y/OWNERS", OWNERS);
    let r = bazaar(&["org", "check", "--root", &root(&d), "--format", "json"]);
    r.expect_code(1);
    let v = r.json();
    let found: Vec<(String, String, u64)> = v["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        found.contains(&(
            "yaml/unknown-key".into(),
            "config/x/sig-c/teams.yaml".into(),
            4
        )),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(rule, file, line)| rule == "yaml/syntax"
            && file == "config/y/org.yaml"
            && *line >= 2),
        "{found:?}"
    );
}

#[test]
fn an_unreadable_root_exits_2() {
    let r = bazaar(&["org", "check", "--root", "/nonexistent/bazaar-org"]);
    r.expect_code(2);
    assert!(
        r.stderr
            .contains("cannot read `/nonexistent/bazaar-org`: No such file"),
        "{}",
        r.stderr
    );
    let empty = Dir::new();
    let r = bazaar(&["org", "check", "--root", &root(&empty)]);
    r.expect_code(2);
    assert!(
        r.stderr.contains("is not a kubernetes/org checkout"),
        "{}",
        r.stderr
    );
}

#[test]
fn required_admins_are_configurable() {
    let d = repo();
    let r = bazaar(&[
        "org",
        "check",
        "--root",
        &root(&d),
        "--required-admin",
        "a1",
        "--required-admin",
        "boss",
    ]);
    r.expect_code(1);
    assert!(
        r.stdout
            .contains("org/required-admin-missing `boss` is not an admin of org `x`"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("k8s-ci-robot"));
}

#[test]
fn sponsor_check_verdicts() {
    let d = repo();
    d.create(
        "people.yaml",
        "people:\n  alice:\n    company: Acme\n  a1:\n    company: Globex\n  bob:\n    company: Acme\n    owners: []\n",
    );
    let people = d.path().join("people.yaml").display().to_string();
    let args = |sponsors: &str, candidate: &str| {
        vec![
            "org".to_string(),
            "sponsor-check".into(),
            "--root".into(),
            root(&d),
            "--org".into(),
            "x".into(),
            "--main-org".into(),
            "x".into(),
            "--people".into(),
            people.clone(),
            "--candidate".into(),
            candidate.into(),
            "--sponsors".into(),
            sponsors.into(),
        ]
    };
    let run = |a: Vec<String>| bazaar(&a.iter().map(String::as_str).collect::<Vec<_>>());

    let ok = run(args("alice,a1", "newbie"));
    ok.expect_code(0);
    assert!(
        ok.stdout
            .contains("membership of `newbie` in `x`: approved"),
        "{}",
        ok.stdout
    );

    let mut json_args = args("alice,bob", "newbie");
    json_args.extend(["--format".to_string(), "json".to_string()]);
    let bad = run(json_args);
    bad.expect_code(1);
    let v = bad.json();
    assert_eq!(v["verdict"], "rejected");
    let failed: Vec<(&str, &str)> = v["requirements"]
        .as_array()
        .expect("a list")
        .iter()
        .filter(|r| r["status"] == "not-met")
        .map(|r| {
            (
                r["id"].as_str().unwrap_or_default(),
                r["subject"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        failed,
        [
            ("sponsor/owners-role", "bob"),
            ("sponsor/different-companies", "")
        ]
    );

    let member = run(args("alice,a1", "Carol"));
    member.expect_code(0);
    assert!(
        member.stdout.contains("no sponsors needed"),
        "{}",
        member.stdout
    );
}

#[test]
fn sponsor_check_bad_input_exits_2() {
    let d = repo();
    d.create("people.yaml", "people:\n  alice:\n    employer: Acme\n");
    let r = bazaar(&[
        "org",
        "sponsor-check",
        "--root",
        &root(&d),
        "--main-org",
        "x",
        "--candidate",
        "n",
        "--sponsors",
        "alice,bob",
        "--people",
        &d.path().join("people.yaml").display().to_string(),
    ]);
    r.expect_code(2);
    assert!(
        r.stderr
            .contains("people.yaml:3:5: unknown field `employer`"),
        "{}",
        r.stderr
    );
    let r = bazaar(&[
        "org",
        "sponsor-check",
        "--root",
        &root(&d),
        "--candidate",
        "n",
        "--sponsors",
        "a,b",
    ]);
    r.expect_code(2);
    assert!(
        r.stderr
            .contains("unknown org `kubernetes` (the config has: x)"),
        "{}",
        r.stderr
    );
}

#[test]
fn org_rules_are_explained() {
    let r = bazaar(&["explain", "org/duplicate-team"]);
    r.expect_code(0);
    assert!(r.stdout.contains("last writer wins"), "{}", r.stdout);
    bazaar(&["explain", "ladder/meetings-too-rare"]).expect_code(0);
}
