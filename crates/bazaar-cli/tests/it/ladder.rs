//! `bazaar ladder LOGIN` and `bazaar ladder audit`, on the embedded default
//! and on a workspace over the real data with the keps history ingested.

use std::process::Command;

use serde_json::Value;

use crate::harness::{Dir, bazaar, bazaar_in, shared_data};

fn statuses(v: &Value) -> Vec<(String, String)> {
    v["requirements"]
        .as_array()
        .expect("requirements")
        .iter()
        .map(|r| {
            let id = r["id"].as_str().unwrap_or_default().to_string();
            let id = match r["subject"].as_str() {
                Some(s) => format!("{id} {s}"),
                None => id,
            };
            (id, r["status"].as_str().unwrap_or_default().to_string())
        })
        .collect()
}

fn s(id: &str, st: &str) -> (String, String) {
    (id.to_string(), st.to_string())
}

fn rules_and_subjects(v: &Value) -> Vec<(String, String)> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["subject"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_embedded_audit_has_an_example_of_every_finding() {
    let r = bazaar(&["ladder", "audit", "--embedded", "--format", "json"]);
    r.expect_code(1);
    assert!(
        r.stderr.is_empty(),
        "JSON mode keeps stderr quiet: {}",
        r.stderr
    );
    let v = r.json();
    assert_eq!(
        v["now"], "2026-12-01",
        "the embedded default is evaluated on a fixed day"
    );
    let found = rules_and_subjects(&v);
    for (rule, subject) in [
        ("ladder/inactive-member", "member-07"),
        ("ladder/inactive-owners-entry", "member-13"),
        ("ladder/inactive-owners-entry", "member-16"),
        (
            "ladder/subproject-approvers-inactive",
            "sig-instrumentation/klog",
        ),
        ("ladder/lead-not-org-member", "usize"),
        ("ladder/too-few-leads", "sig-node"),
        ("ladder/meetings-too-rare", "sig-architecture"),
        (
            "ladder/audit-input-missing",
            "subproject-approvers-inactive",
        ),
    ] {
        assert!(
            found.contains(&(rule.to_string(), subject.to_string())),
            "{rule} {subject} missing from {found:#?}"
        );
    }
    // The synthetic sample never makes a real person (the registry's
    // leads) inactive: only synthetic logins are below the floor.
    for (rule, subject) in &found {
        if rule.starts_with("ladder/inactive") {
            assert!(
                subject.starts_with("member-") || subject.starts_with("contributor-"),
                "{rule} {subject}"
            );
        }
    }
    // Bots are excepted.
    assert!(!found.iter().any(|(_, s)| s == "k8s-ci-robot"));
    let again = bazaar(&["ladder", "audit", "--embedded", "--format", "json"]);
    assert_eq!(again.stdout, r.stdout, "byte-identical across runs");
}

#[test]
fn the_embedded_audit_table_names_its_inputs() {
    let r = bazaar(&["ladder", "audit", "--embedded"]);
    r.expect_code(1);
    assert!(
        r.stderr.contains("embedded default community"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("synthetic"), "{}", r.stderr);
    assert!(
        r.stdout.contains("config/kubernetes/org.yaml:") && r.stdout.contains("`member-07`"),
        "{}",
        r.stdout
    );
}

#[test]
fn people_on_every_rung_of_the_embedded_default() {
    // A contributor with the numbers for membership, but no sponsors yet.
    let r = bazaar(&["ladder", "contributor-03", "--embedded", "--format", "json"]);
    r.expect_code(0);
    let v = r.json();
    assert_eq!(
        (v["highest"].as_str(), v["next"].as_str()),
        (Some("contributor"), Some("member"))
    );
    assert_eq!(v["known"], true);
    assert_eq!(v["roles"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["roles"][0]["rung"], "contributor");
    assert_eq!(
        statuses(&v)[..3],
        [
            s("member/contributions", "met"),
            s("member/merged-prs", "met"),
            s("sponsor/count", "not-met"),
        ]
    );
    assert!(
        v["activity"]["contributions"]
            .as_u64()
            .is_some_and(|n| n >= 2)
    );

    // With two sponsors who are reviewers (OWNERS of the embedded checkouts)
    // and org members; their companies are not in the data.
    let r = bazaar(&[
        "ladder",
        "contributor-03",
        "--embedded",
        "--sponsors",
        "member-05,member-09",
        "--format",
        "json",
    ]);
    let st = statuses(&r.expect_code(0).json());
    for want in [
        s("sponsor/count", "met"),
        s("sponsor/owners-role member-05", "met"),
        s("sponsor/org-member member-09", "met"),
        s("sponsor/different-companies", "unknown"),
    ] {
        assert!(st.contains(&want), "{want:?} not in {st:#?}");
    }

    // A reviewer with the numbers and the tenure for approver.
    let v = bazaar(&["ladder", "member-09", "--embedded", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(
        (v["highest"].as_str(), v["next"].as_str()),
        (Some("reviewer"), Some("approver"))
    );
    assert_eq!(
        statuses(&v),
        [
            s("approver/reviewer-tenure", "met"),
            s("approver/primary-reviews", "met"),
            s("approver/prs", "met"),
            s("approver/nominated", "manual"),
        ]
    );
    assert_eq!(v["roles"][0]["since"], "2025-07-21");

    // A reviewer too recent to become an approver.
    let v = bazaar(&[
        "ladder",
        "member-30",
        "--embedded",
        "--now",
        "2026-11-20",
        "--format",
        "json",
    ])
    .expect_code(0)
    .json();
    assert_eq!(
        (v["next"].as_str(), v["now"].as_str()),
        (Some("approver"), Some("2026-11-20"))
    );
    assert_eq!(statuses(&v)[0], s("approver/reviewer-tenure", "not-met"));
    assert_eq!(v["requirements"][0]["missing"], "wait until 2027-02-10");

    // A chair is at the top; an idle member's counts are zero, not unknown.
    let v = bazaar(&["ladder", "dchen1107", "--embedded", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(
        (v["highest"].as_str(), v["next"].as_str()),
        (Some("group-lead"), None)
    );
    let v = bazaar(&["ladder", "member-07", "--embedded", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(v["activity"]["contributions"], 0);
}

#[test]
fn the_table_shows_rungs_evidence_and_what_is_missing() {
    let r = bazaar(&["ladder", "member-05", "--embedded"]);
    r.expect_code(0);
    assert!(
        r.stdout.starts_with("member-05: reviewer\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("next rung: approver"), "{}", r.stdout);
    assert!(r.stdout.contains("STATUS"), "{}", r.stdout);
    let unknown = bazaar(&["ladder", "member-5", "--embedded"]);
    unknown.expect_code(0);
    assert!(
        unknown.stderr.contains("no data set names `member-5`"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn bad_input_exits_2() {
    let r = bazaar(&["ladder", "x", "--embedded", "--now", "2026-13-01"]);
    r.expect_code(2);
    assert!(
        r.stderr.contains("`--now 2026-13-01` is not a date"),
        "{}",
        r.stderr
    );
    let r = bazaar(&["ladder", "x", "--workspace", "/nonexistent/bazaar.toml"]);
    r.expect_code(2);
    assert!(
        r.stderr.contains("/nonexistent/bazaar.toml"),
        "{}",
        r.stderr
    );
    bazaar(&["ladder"]).expect_code(2);
    bazaar(&["ladder", "x", "--embedded", "--format", "csv"]).expect_code(2);

    let d = Dir::new();
    d.create("bazaar.toml", "[ladder]\ndates = \"dates.yaml\"\n");
    d.create("dates.yaml", "member:\n  alice: 2024-02-30\n");
    let r = bazaar_in(Some(d.path()), &["ladder", "alice"]);
    r.expect_code(2);
    assert!(r.stderr.contains("dates.yaml:2:10"), "{}", r.stderr);
    assert!(r.stderr.contains("yaml/wrong-type"), "{}", r.stderr);

    d.create("bazaar.toml", "[ladder]\ndate = \"dates.yaml\"\n");
    let r = bazaar_in(Some(d.path()), &["ladder", "audit"]);
    r.expect_code(2);
    assert!(r.stderr.contains("bazaar.toml:2:1"), "{}", r.stderr);
}

#[test]
fn an_empty_workspace_reports_every_input_missing() {
    let d = Dir::new();
    d.create("bazaar.toml", "");
    let r = bazaar_in(
        Some(d.path()),
        &["ladder", "audit", "--now", "2026-08-01", "--format", "json"],
    );
    let v = r.expect_code(0).json();
    let found = rules_and_subjects(&v);
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|(rule, _)| rule == "ladder/audit-input-missing"),
        "{found:#?}"
    );
}

#[test]
fn the_org_commands_default_to_the_embedded_org() {
    let d = Dir::new();
    let r = bazaar_in(Some(d.path()), &["org", "check"]);
    r.expect_code(0);
    assert!(r.stderr.contains("checked 1 org(s)"), "{}", r.stderr);
}

/// The workspace over `../shared/data`: org, registry, the OWNERS of three
/// checkouts, and the keps history ingested into a store.
#[test]
fn a_workspace_over_the_real_data_with_the_keps_history() {
    let (Some(community), Some(org), Some(enhancements), Some(bundle)) = (
        shared_data("community"),
        shared_data("org"),
        shared_data("enhancements"),
        shared_data("git/keps-history.bundle"),
    ) else {
        return;
    };
    let d = Dir::new();
    let keps = d.path().join("keps");
    let st = Command::new("git")
        .args(["clone", "-q"])
        .arg(&bundle)
        .arg(&keps)
        .status()
        .expect("git runs");
    assert!(st.success());
    let p = |x: &std::path::Path| x.display().to_string();
    d.create(
        "bazaar.toml",
        format!(
            "[community]\nroot = \"{}\"\n[org]\nroot = \"{}\"\n[activity]\nstore = \"activity.db\"\n\
             [checkouts]\n\"kubernetes/community\" = \"{}\"\n\"kubernetes/enhancements\" = \"{}\"\n\"kubernetes/org\" = \"{}\"\n",
            p(&community),
            p(&org),
            p(&community),
            p(&enhancements),
            p(&org)
        ),
    );
    bazaar_in(
        Some(d.path()),
        &[
            "activity",
            "ingest",
            "git",
            &p(&keps),
            "--name",
            "kubernetes/enhancements",
            "--store",
            "activity.db",
            "--quiet",
        ],
    )
    .expect_code(0);

    let audit = bazaar_in(
        Some(d.path()),
        &["ladder", "audit", "--now", "2026-07-25", "--format", "json"],
    );
    let v = audit.expect_code(1).json();
    let found = rules_and_subjects(&v);
    assert!(
        found.contains(&("ladder/lead-not-org-member".into(), "yuxiangqian".into())),
        "{found:#?}"
    );
    // Git history of one repository never shows that someone is inactive.
    assert!(
        !found.iter().any(|(r, _)| r == "ladder/inactive-member"),
        "{found:#?}"
    );
    let missing: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "ladder/audit-input-missing")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        missing.iter().any(|m| m
            .starts_with("activity data is git history of `kubernetes/enhancements` only")
            && m.ends_with("inactivity of org members not assessed")),
        "{missing:#?}"
    );

    // A KEP author: a chair, commits attributed through merge commits,
    // review counts unknown (git has none).
    let v = bazaar_in(
        Some(d.path()),
        &[
            "ladder",
            "jpbetz",
            "--now",
            "2026-07-25",
            "--format",
            "json",
        ],
    )
    .expect_code(0)
    .json();
    assert_eq!(v["highest"], "group-lead");
    let rungs: Vec<&str> = v["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter_map(|r| r["rung"].as_str())
        .collect();
    for rung in ["group-lead", "approver", "member"] {
        assert!(rungs.contains(&rung), "{rungs:?}");
    }
    assert!(
        v["activity"]["contributions"]
            .as_u64()
            .is_some_and(|n| n > 0),
        "{v}"
    );
    assert!(v["activity"]["prs_reviewed"].is_null(), "{v}");
    // Tenure from the history of the OWNERS file (git log agrees: the
    // 2021-09-22 commit is the first version of the file naming jpbetz).
    let role = v["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .find(|r| r["scope"] == "kubernetes/enhancements/keps/sig-api-machinery/OWNERS")
        .cloned()
        .expect("an approver of the sig-api-machinery KEPs");
    assert_eq!(
        (role["rung"].as_str(), role["since"].as_str()),
        (Some("approver"), Some("2021-09-22"))
    );
}
