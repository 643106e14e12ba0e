//! `bazaar check`, `generate`, `groups`, `show` and `people` on the embedded
//! default, on small fixtures and on a scratch copy of the real
//! kubernetes/community data (never on `../shared` itself).

use std::fs;
use std::path::Path;

use crate::harness::{Dir, Run, bazaar, shared_data, workspace_root};

/// The valid fixture every rule fixture starts from.
fn valid_fixture() -> String {
    fs::read_to_string(
        workspace_root().join("crates/bazaar-community/tests/fixtures/rules/valid/sigs.yaml"),
    )
    .expect("the valid fixture exists")
}

fn root_arg(d: &Dir) -> String {
    d.path().to_string_lossy().into_owned()
}

/// A scratch copy of the real community data, or `None` (skipped) without it.
fn real_copy() -> Option<Dir> {
    let src = shared_data("community")?;
    let d = Dir::new();
    for entry in fs::read_dir(&src).expect("listable") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        // Only what the generator reads and writes (the elections are big).
        let wanted = ["sigs.yaml", "sig-list.md", "OWNERS_ALIASES", "liaisons.md"]
            .contains(&name.as_str())
            || ["sig-", "wg-", "committee-"]
                .iter()
                .any(|p| name.starts_with(p));
        if !wanted {
            continue;
        }
        if entry.path().is_dir() {
            let readme = entry.path().join("README.md");
            if readme.exists() {
                d.create(
                    &format!("{name}/README.md"),
                    fs::read(readme).expect("readable"),
                );
            }
        } else {
            d.create(&name, fs::read(entry.path()).expect("readable"));
        }
    }
    Some(d)
}

fn run_in(d: &Dir, args: &[&str]) -> Run {
    let root = root_arg(d);
    let mut all = args.to_vec();
    all.extend(["--root", root.as_str()]);
    bazaar(&all)
}

#[test]
fn check_passes_on_the_embedded_default() {
    let r = bazaar(&["check"]);
    r.expect_code(0);
    let v = bazaar(&["check", "--format", "json"]).json();
    assert_eq!(v["summary"]["errors"], 0, "{v}");
}

#[test]
fn check_passes_on_the_real_data_with_the_orphaned_wg_lts_warning() {
    let Some(root) = shared_data("community") else {
        return;
    };
    let r = bazaar(&[
        "check",
        "--root",
        &root.to_string_lossy(),
        "--format",
        "json",
    ]);
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["summary"]["errors"], 0, "{v}");
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| d["rule"].as_str().expect("rule"))
        .collect();
    assert_eq!(rules, ["community/orphaned-group-dir"], "{v}");
    assert_eq!(v["diagnostics"][0]["file"], "wg-lts/README.md");
}

#[test]
fn unreadable_roots_exit_2() {
    let r = bazaar(&["check", "--root", "/definitely/not/here"]);
    r.expect_code(2);
    assert!(r.stderr.contains("/definitely/not/here"), "{}", r.stderr);
    let d = Dir::new();
    let r = run_in(&d, &["check"]);
    r.expect_code(2);
    assert!(r.stderr.contains("sigs.yaml"), "{}", r.stderr);
    let file = d.create("plain-file", "x");
    bazaar(&["check", "--root", &file.to_string_lossy()]).expect_code(2);
    bazaar(&["groups", "--root", &file.to_string_lossy()]).expect_code(2);
}

/// Each kind of bad input: a located diagnostic with its rule, exit 1, and
/// `generate` writes nothing.
#[test]
fn bad_input_is_located_and_blocks_generation() {
    let valid = valid_fixture();
    let cases: &[(&str, String, &str, &str)] = &[
        (
            "malformed YAML",
            valid.replace("    name: Node\n", "    name: Node\n   oops: [\n"),
            "yaml/syntax",
            "sigs.yaml:42:4",
        ),
        (
            "wrong type",
            valid.replace("    name: Node\n", "    name: [Node]\n"),
            "yaml/wrong-type",
            "sigs.yaml:41:",
        ),
        (
            "duplicate key",
            valid.replace("    name: Node\n", "    name: Node\n    name: Node\n"),
            "yaml/duplicate-key",
            "sigs.yaml:42:",
        ),
        (
            "unknown key",
            valid.replace("    name: Node\n", "    name: Node\n    chair: x\n"),
            "yaml/unknown-key",
            "sigs.yaml:42:",
        ),
        (
            "missing required field",
            valid.replace(
                "    charter_link: charter.md\n    label: node\n",
                "    label: node\n",
            ),
            "community/sig-missing-charter",
            "sigs.yaml:40:5",
        ),
        (
            "WG naming an unknown SIG",
            valid.replace(
                "      - Node\n    label: batch",
                "      - Nodes\n    label: batch",
            ),
            "community/stakeholder-sig-unknown",
            "sigs.yaml:72:9",
        ),
        (
            "person with different details",
            valid.replace(
                "          company: Initech\n          email: bob@example.org\n    meetings: []",
                "          company: Hooli\n          email: bob@example.org\n    meetings: []",
            ),
            "community/person-company-mismatch",
            "sigs.yaml:49:11",
        ),
    ];
    for (what, text, rule, loc) in cases {
        assert_ne!(text, &valid, "{what}: the case edits the fixture");
        let d = Dir::new();
        d.create("sigs.yaml", text);
        let r = run_in(&d, &["check"]);
        r.expect_code(1);
        let line = r
            .stdout
            .lines()
            .find(|l| l.contains(rule))
            .unwrap_or_else(|| panic!("{what}: no `{rule}` finding in\n{}", r.stdout));
        assert!(line.starts_with(loc), "{what}: `{line}` is not at {loc}");
        let r = run_in(&d, &["generate"]);
        r.expect_code(1);
        let written: Vec<_> = fs::read_dir(d.path()).expect("ls").collect();
        assert_eq!(
            written.len(),
            1,
            "{what}: generate wrote nothing but sigs.yaml is there"
        );
        assert_eq!(d.read("sigs.yaml"), *text, "{what}: sigs.yaml untouched");
    }
}

#[test]
fn json_diagnostics_carry_rule_and_location() {
    let d = Dir::new();
    d.create(
        "sigs.yaml",
        valid_fixture().replace("dir: sig-node", "dir: sig-nodes"),
    );
    let r = run_in(&d, &["check", "--format", "json"]);
    r.expect_code(1);
    let v = r.json();
    let diag = &v["diagnostics"][0];
    assert_eq!(diag["rule"], "community/dir-mismatch");
    assert_eq!(
        (
            diag["file"].as_str(),
            diag["line"].as_u64(),
            diag["col"].as_u64()
        ),
        (Some("sigs.yaml"), Some(40), Some(10))
    );
    assert_eq!(diag["message"], "expected dir: sig-node, got: sig-nodes");
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn real_data_generates_byte_identical_files_in_a_scratch_copy() {
    let Some(copy) = real_copy() else {
        return;
    };
    let original = shared_data("community").expect("present");
    let r = run_in(&copy, &["generate", "--check"]);
    r.expect_code(0);
    let r = run_in(&copy, &["generate", "--format", "json"]);
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["written"].as_array().map(Vec::len), Some(0), "{v}");
    assert_eq!(v["unchanged"], 39);
    // Regenerate from scratch (no existing files but sigs.yaml) and compare
    // every output with upstream's bytes, except the custom blocks, which
    // only exist in the committed files.
    let fresh = Dir::new();
    fresh.create(
        "sigs.yaml",
        fs::read(original.join("sigs.yaml")).expect("readable"),
    );
    run_in(&fresh, &["generate"]).expect_code(0);
    let mut compared = 0;
    for entry in walk(fresh.path()) {
        let rel = entry
            .strip_prefix(fresh.path())
            .expect("inside")
            .to_string_lossy()
            .into_owned();
        let ours = fs::read_to_string(&entry).expect("readable");
        let theirs =
            fs::read_to_string(original.join(&rel)).expect("upstream has every generated file");
        let cut = |s: &str| {
            s.split("<!-- BEGIN CUSTOM CONTENT -->")
                .next()
                .map(|t| {
                    t.split("## BEGIN CUSTOM CONTENT")
                        .next()
                        .unwrap_or(t)
                        .to_string()
                })
                .unwrap_or_default()
        };
        assert_eq!(cut(&ours), cut(&theirs), "{rel}");
        compared += 1;
    }
    assert_eq!(compared, 39);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).expect("ls") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Breaking any one generated file (or `sigs.yaml`'s formatting) makes
/// `generate --check` exit 1 naming it; editing a custom block does not.
#[test]
fn generate_check_names_every_broken_file_and_ignores_custom_blocks() {
    let Some(copy) = real_copy() else {
        return;
    };
    let breakages: &[(&str, &str, &str)] = &[
        ("sigs.yaml", "time: \"9:00\"", "time: '9:00'"),
        (
            "sigs.yaml",
            "  - dir: sig-api-machinery\n    name: API Machinery\n",
            "  - name: API Machinery\n    dir: sig-api-machinery\n",
        ),
        ("sig-list.md", "| Name | Label |", "| Name | Labels |"),
        (
            "OWNERS_ALIASES",
            "    - deads2k\n",
            "    - deads2k\n    - intruder\n",
        ),
        ("liaisons.md", "| [SIG Apps]", "| [SIG Applications]"),
        ("sig-node/README.md", "## Leadership", "## Leaders"),
        ("wg-batch/README.md", "## Organizers", "## Organisers"),
        ("committee-steering/README.md", "## Members", "## Member"),
    ];
    for (file, from, to) in breakages {
        let before = copy.read(file);
        assert!(before.contains(from), "{file} contains {from:?}");
        copy.create(file, before.replacen(from, to, 1));
        let r = run_in(&copy, &["generate", "--check"]);
        r.expect_code(1);
        assert!(
            r.stdout.starts_with(&format!("{file}: out of date")),
            "{file}:\n{}",
            r.stdout
        );
        assert!(
            r.stdout.contains(&format!("--- a/{file}")) && r.stdout.contains("@@"),
            "{file}: a diff is shown:\n{}",
            r.stdout
        );
        let v = run_in(&copy, &["generate", "--check", "--format", "json"]).json();
        assert_eq!(v["files"][0]["path"], *file);
        assert_eq!(v["summary"]["out_of_date"], 1);
        copy.create(file, before);
    }
    // A missing README is reported as missing.
    fs::remove_file(copy.path().join("sig-apps/README.md")).expect("removable");
    let r = run_in(&copy, &["generate", "--check"]);
    r.expect_code(1);
    assert!(
        r.stdout.contains("sig-apps/README.md: missing"),
        "{}",
        r.stdout
    );
    // Hand edits inside a custom block are the point of the block.
    let readme = copy.read("sig-network/README.md");
    let edited = readme.replacen(
        "<!-- BEGIN CUSTOM CONTENT -->\n",
        "<!-- BEGIN CUSTOM CONTENT -->\nA hand-written note.\n",
        1,
    );
    assert_ne!(readme, edited);
    copy.create("sig-network/README.md", &edited);
    // generate restores the missing README and keeps the custom edit.
    run_in(&copy, &["generate"]).expect_code(0);
    assert_eq!(
        copy.read("sig-network/README.md"),
        edited,
        "custom block kept byte for byte"
    );
    let r = run_in(&copy, &["generate", "--check"]);
    r.expect_code(0);
    let r = run_in(&copy, &["generate"]);
    r.expect_code(0);
    assert!(
        r.stdout.is_empty(),
        "a second run changes nothing:\n{}",
        r.stdout
    );
}

#[test]
fn generate_writes_nothing_when_validation_fails() {
    let Some(copy) = real_copy() else {
        return;
    };
    let sigs = copy.read("sigs.yaml");
    let broken = sigs.replacen("  - dir: sig-apps\n", "  - dir: sig-applications\n", 1);
    copy.create("sigs.yaml", &broken);
    let readme = copy
        .read("sig-node/README.md")
        .replace("## Leadership", "## Leaders");
    copy.create("sig-node/README.md", &readme);
    let r = run_in(&copy, &["generate"]);
    r.expect_code(1);
    assert!(r.stdout.contains("community/dir-mismatch"), "{}", r.stdout);
    assert_eq!(copy.read("sigs.yaml"), broken);
    assert_eq!(copy.read("sig-node/README.md"), readme);
}

#[test]
fn the_embedded_default_generates_into_out() {
    let out = Dir::new();
    let dir = root_arg(&out);
    let r = bazaar(&["generate", "--out", &dir]);
    r.expect_code(0);
    for f in [
        "sigs.yaml",
        "sig-list.md",
        "OWNERS_ALIASES",
        "liaisons.md",
        "sig-apps/README.md",
        "wg-ai-conformance/README.md",
        "committee-steering/README.md",
    ] {
        assert!(out.path().join(f).is_file(), "{f} written");
    }
    assert!(
        out.read("wg-serving/README.md")
            .contains("* [SIG Apps](/sig-apps)")
    );
    bazaar(&["generate", "--check", "--out", &dir]).expect_code(0);
    let r = bazaar(&["generate", "--out", &dir]);
    r.expect_code(0);
    assert!(
        r.stdout.is_empty(),
        "second run writes nothing: {}",
        r.stdout
    );
    // The written sigs.yaml is canonical and checks clean as a root.
    let r = bazaar(&["generate", "--check", "--root", &dir]);
    r.expect_code(0);
    // Without --out or --root there is nowhere to write.
    let r = bazaar(&["generate"]);
    r.expect_code(2);
    assert!(r.stderr.contains("--out DIR"), "{}", r.stderr);
}

#[test]
fn groups_lists_and_filters() {
    let r = bazaar(&["groups", "--kind", "wg"]);
    r.expect_code(0);
    for wg in [
        "wg-batch",
        "wg-serving",
        "wg-device-management",
        "wg-ai-conformance",
        "wg-ai-gateway",
        "wg-ai-integration",
    ] {
        assert!(r.stdout.contains(wg), "{wg}:\n{}", r.stdout);
    }
    assert!(!r.stdout.contains("sig-apps"), "{}", r.stdout);
    let v = bazaar(&["groups", "--format", "json"]).json();
    let all = v.as_array().expect("list");
    let apps = all
        .iter()
        .find(|g| g["dir"] == "sig-apps")
        .expect("sig-apps");
    assert_eq!(
        (
            apps["kind"].as_str(),
            apps["category"].as_str(),
            apps["area"].as_str()
        ),
        (Some("sig"), Some("vertical"), Some("Applications"))
    );
    let committees = all.iter().filter(|g| g["kind"] == "committee").count();
    assert_eq!(committees, 3);
    bazaar(&["groups", "--kind", "team"]).expect_code(2);
}

#[test]
fn show_finds_groups_by_any_name() {
    for q in ["wg-batch", "batch", "Batch", "BATCH"] {
        let r = bazaar(&["show", q]);
        r.expect_code(0);
        assert!(
            r.stdout.starts_with("WG Batch (wg-batch)\n"),
            "{q}: {}",
            r.stdout
        );
        assert!(
            r.stdout.contains("Stakeholder SIGs\n  Apps (sig-apps)"),
            "{}",
            r.stdout
        );
        assert!(
            r.stdout.contains("feeds into wg-ai-integration"),
            "{}",
            r.stdout
        );
    }
    let v = bazaar(&["show", "Node", "--format", "json"]).json();
    assert_eq!(v["dir"], "sig-node");
    assert!(
        v["reporting_wgs"]
            .as_array()
            .expect("list")
            .iter()
            .any(|w| w == "Device Management"),
        "{v}"
    );
    let owners = &v["subprojects"][0]["owners"][0];
    assert!(
        owners["org"].is_string() && owners["repo"].is_string(),
        "{v}"
    );
    let r = bazaar(&["show", "sig-nodes"]);
    r.expect_code(2);
    assert!(
        r.stderr.contains("did you mean `sig-node`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn people_lists_every_role() {
    let v = bazaar(&["people", "@SOLTYSH", "--format", "json"]).json();
    assert_eq!(v["login"], "soltysh");
    let roles: Vec<(String, String)> = v["roles"]
        .as_array()
        .expect("list")
        .iter()
        .map(|r| {
            (
                r["role"].as_str().unwrap_or("").to_string(),
                r["group"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        roles.contains(&("chair".into(), "sig-apps".into())),
        "{roles:?}"
    );
    assert!(
        roles.contains(&("chair".into(), "committee-steering".into())),
        "{roles:?}"
    );
    assert!(roles.iter().any(|(r, _)| r == "liaison"), "{roles:?}");
    let r = bazaar(&["people", "vincepri"]);
    r.expect_code(0);
    assert!(
        r.stdout
            .contains("subproject lead  sig-cluster-lifecycle  cluster-api"),
        "{}",
        r.stdout
    );
    let r = bazaar(&["people", "cblecker"]);
    assert!(r.stdout.contains("CNCF GB representative"), "{}", r.stdout);
    let r = bazaar(&["people", "solthysh"]);
    r.expect_code(2);
    assert!(r.stderr.contains("did you mean `soltysh`?"), "{}", r.stderr);
}
