//! `bazaar activity` and `bazaar stats`: idempotency, a real crash, bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bazaar_activity::store::Store;

use crate::harness::{Dir, bazaar_in, shared_data};

fn synth(dir: &Path, hours: u32, per_hour: u32) -> Vec<PathBuf> {
    let out = dir.join("gha");
    bazaar_in(
        Some(dir),
        &[
            "activity",
            "synth",
            "--out",
            "gha",
            "--hours",
            &hours.to_string(),
            "--events-per-hour",
            &per_hour.to_string(),
        ],
    )
    .expect_code(0);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&out)
        .expect("synth dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), hours as usize);
    files
}

fn strs(files: &[PathBuf]) -> Vec<&str> {
    files
        .iter()
        .map(|p| p.to_str().expect("utf-8 path"))
        .collect()
}

fn ingest(dir: &Path, store: &str, files: &[PathBuf]) -> crate::harness::Run {
    let mut args = vec![
        "activity",
        "ingest",
        "gharchive",
        "--store",
        store,
        "--format",
        "json",
    ];
    args.extend(strs(files));
    bazaar_in(Some(dir), &args)
}

fn people_json(dir: &Path, store: &str) -> String {
    let r = bazaar_in(
        Some(dir),
        &["stats", "people", "--store", store, "--format", "json"],
    );
    r.expect_code(0);
    r.stdout
}

#[test]
fn reingesting_adds_nothing() {
    let d = Dir::new();
    let files = synth(d.path(), 3, 800);
    let first = ingest(d.path(), "a.db", &files);
    first.expect_code(0);
    let v = first.json();
    assert!(v["new_events"].as_u64().expect("count") > 1000);
    let before = people_json(d.path(), "a.db");
    // Skipped as done, and even when forced through another name, nothing new.
    let again = ingest(d.path(), "a.db", &files).json();
    assert_eq!(again["skipped"], 3);
    assert_eq!(again["new_events"], 0);
    let copy = d.path().join("copy.json.gz");
    std::fs::copy(&files[1], &copy).expect("copy");
    std::fs::write(
        d.path().join("copy.json.gz"),
        std::fs::read(&files[1]).expect("read"),
    )
    .expect("write");
    let forced = ingest(d.path(), "a.db", &[copy]).json();
    assert_eq!(forced["skipped"], 0);
    assert_eq!(forced["new_events"], 0, "events are keyed by id");
    assert_eq!(people_json(d.path(), "a.db"), before);
    // Git: a second run adds no commit.
    let repo = make_repo(d.path());
    let g1 = bazaar_in(
        Some(d.path()),
        &[
            "activity",
            "ingest",
            "git",
            repo.to_str().expect("path"),
            "--store",
            "a.db",
            "--format",
            "json",
        ],
    )
    .json();
    assert_eq!(g1[0]["added"], 3);
    let g2 = bazaar_in(
        Some(d.path()),
        &[
            "activity",
            "ingest",
            "git",
            repo.to_str().expect("path"),
            "--store",
            "a.db",
            "--format",
            "json",
        ],
    )
    .json();
    assert_eq!(g2[0]["added"], 0);
}

fn make_repo(dir: &Path) -> PathBuf {
    let r = dir.join("repo");
    std::fs::create_dir_all(&r).expect("mkdir");
    let git = |args: &[&str]| {
        let st = Command::new("git")
            .args([
                "-c",
                "user.name=Ann",
                "-c",
                "user.email=Ann@Example.com",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(&r)
            .status()
            .expect("git runs");
        assert!(st.success());
    };
    git(&["init", "-q"]);
    for i in 0..3 {
        std::fs::write(r.join(format!("f{i}.txt")), format!("{i}\n").repeat(i + 1)).expect("write");
        git(&["add", "-A"]);
        git(&["commit", "-qm", &format!("c{i}")]);
    }
    r
}

/// Kill the real binary with SIGKILL in the middle of an ingestion, run it
/// again, and compare with an uninterrupted run.
///
/// The last input is a named pipe fed only half of its hour file and never
/// closed, so the process cannot finish on its own however fast it is: when
/// it is killed, every other file has been committed and one file is half
/// read. That makes the crash land mid-run on any machine, at any load.
#[cfg(unix)]
#[test]
fn killed_ingestion_resumes_to_the_same_totals() {
    let d = Dir::new();
    let files = synth(d.path(), 12, 1500);
    ingest(d.path(), "clean.db", &files).expect_code(0);
    let expected = people_json(d.path(), "clean.db");

    // Swap the last file for a FIFO that will deliver half of it.
    let last = files.last().expect("files").clone();
    let bytes = std::fs::read(&last).expect("read hour file");
    std::fs::remove_file(&last).expect("remove");
    let made = Command::new("mkfifo")
        .arg(&last)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo failed");
    let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
    let feeder = {
        let fifo = last.clone();
        let half = bytes[..bytes.len() / 2].to_vec();
        std::thread::spawn(move || {
            use std::io::Write;
            // Blocks until the ingester opens the pipe for reading.
            let mut w = std::fs::OpenOptions::new()
                .write(true)
                .open(&fifo)
                .expect("open fifo");
            let _ = w.write_all(&half);
            let _ = w.flush();
            // Hold the pipe open (no EOF) until the process has been killed.
            let _ = release_rx.recv();
        })
    };

    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("bazaar"))
        .args([
            "activity",
            "ingest",
            "gharchive",
            "--store",
            "crash.db",
            "--quiet",
        ])
        .args(&files)
        .current_dir(d.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let db = d.path().join("crash.db");
    let others = files.len() as u64 - 1;
    let started = Instant::now();
    loop {
        assert!(
            child.try_wait().expect("wait").is_none(),
            "the ingester exited although one input never ended"
        );
        let done = Store::open(&db)
            .and_then(|s| s.totals())
            .map(|t| t.sources)
            .unwrap_or(0);
        if done == others {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "ingestion never progressed ({done} of {others} files committed)"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().expect("SIGKILL"); // SIGKILL on Unix
    let _ = child.wait();
    let _ = release_tx.send(());
    feeder.join().expect("feeder thread");

    let partial = Store::open(&db)
        .and_then(|s| s.totals())
        .expect("store opens after a crash");
    assert_eq!(partial.sources, others, "the half-read file left nothing");
    assert!(partial.events > 0);

    // Put the real file back and run again.
    std::fs::remove_file(&last).expect("remove fifo");
    std::fs::write(&last, &bytes).expect("restore hour file");
    let resumed = ingest(d.path(), "crash.db", &files);
    resumed.expect_code(0);
    assert_eq!(resumed.json()["skipped"].as_u64().expect("n"), others);
    assert_eq!(people_json(d.path(), "crash.db"), expected);
    let (a, b) = (
        Store::open(&d.path().join("clean.db"))
            .and_then(|s| s.totals())
            .expect("clean"),
        Store::open(&db).and_then(|s| s.totals()).expect("crash"),
    );
    assert_eq!(a, b);
}

#[test]
fn truncated_gzip_commits_nothing_from_that_file() {
    let d = Dir::new();
    let files = synth(d.path(), 2, 1500);
    let bytes = std::fs::read(&files[0]).expect("read");
    std::fs::write(&files[0], &bytes[..bytes.len() / 2]).expect("truncate");
    let r = ingest(d.path(), "t.db", &files);
    r.expect_code(2);
    let name = files[0]
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        r.stderr.contains(&name) && r.stderr.contains("truncated"),
        "{}",
        r.stderr
    );
    let v = r.json();
    assert_eq!(v["failed"], 1);
    let store = Store::open(&d.path().join("t.db")).expect("store");
    // Only the good file is there, whole.
    assert_eq!(store.totals().expect("totals").sources, 1);
    let good_only = ingest(d.path(), "good.db", &files[1..]).json();
    assert_eq!(
        store.totals().expect("totals").events,
        good_only["new_events"].as_u64().expect("n")
    );
}

#[test]
fn malformed_lines_are_counted_and_located() {
    let d = Dir::new();
    let fixture = bazaar_testkit::workspace_root().join(
        "crates/bazaar-activity/tests/fixtures/rules/activity-event-line-malformed/fail/hour.json",
    );
    let unknown = bazaar_testkit::workspace_root().join(
        "crates/bazaar-activity/tests/fixtures/rules/activity-event-type-unknown/fail/hour.json",
    );
    let r = ingest(d.path(), "m.db", &[fixture, unknown]);
    r.expect_code(1);
    let v = r.json();
    assert_eq!(v["malformed"], 5);
    assert_eq!(v["unknown_types"], 1);
    assert_eq!(v["new_events"], 1);
    assert!(
        r.stderr
            .contains("hour.json:2:1: activity/event-line-malformed"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("unknown event type `PullRequestReviewThreadEvent`"),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_repositories_and_refs() {
    let d = Dir::new();
    let r = bazaar_in(
        Some(d.path()),
        &["activity", "ingest", "git", ".", "--store", "x.db"],
    );
    r.expect_code(2);
    assert!(r.stderr.contains("is not a git repository"), "{}", r.stderr);
    let repo = make_repo(d.path());
    let r = bazaar_in(
        Some(d.path()),
        &[
            "activity",
            "ingest",
            "git",
            repo.to_str().expect("p"),
            "--ref",
            "no-such-branch",
            "--store",
            "x.db",
        ],
    );
    r.expect_code(2);
    assert!(
        r.stderr.contains("ref `no-such-branch` not found"),
        "{}",
        r.stderr
    );
}

#[test]
fn stats_people_json_and_affiliation_errors() {
    let d = Dir::new();
    let repo = make_repo(d.path());
    bazaar_in(
        Some(d.path()),
        &[
            "activity",
            "ingest",
            "git",
            repo.to_str().expect("p"),
            "--quiet",
        ],
    )
    .expect_code(0);
    let files = synth(d.path(), 1, 500);
    ingest(d.path(), ".bazaar/activity.db", &files).expect_code(0);
    let v = bazaar_in(Some(d.path()), &["stats", "people", "--format", "json"]).json();
    let rows = v.as_array().expect("array");
    let ann = rows
        .iter()
        .find(|p| p["email"] == "ann@example.com")
        .expect("git identity by lower-cased e-mail");
    assert_eq!(
        (
            ann["commits"].as_u64(),
            ann["lines_added"].as_u64(),
            ann["lines_removed"].as_u64()
        ),
        (Some(3), Some(6), Some(0))
    );
    assert!(ann["login"].is_null());
    let gh = rows
        .iter()
        .find(|p| p["login"].is_string())
        .expect("a GitHub identity");
    assert!(gh["contributions"].is_object() && gh["email"].is_null());
    assert!(
        rows.iter().all(|p| p["login"] != "k8s-ci-robot"),
        "bots are excluded"
    );
    // An affiliation file with a broken line: reported with file and line, exit 1.
    d.create("devs.txt", "ann: ann!example.com\n\tAcme from 2020-02-30\n");
    let r = bazaar_in(
        Some(d.path()),
        &["stats", "companies", "--affiliations", "devs.txt"],
    );
    r.expect_code(1);
    assert!(
        r.stderr
            .contains("devs.txt:2:2: activity/affiliation-line-unparsable"),
        "{}",
        r.stderr
    );
    // The chart.
    bazaar_in(Some(d.path()), &["stats", "chart", "--out", "c.svg"]).expect_code(0);
    assert!(d.read("c.svg").starts_with("<svg"));
    // No store: exit 2 with advice.
    let r = bazaar_in(Some(d.path()), &["stats", "people", "--store", "none.db"]);
    r.expect_code(2);
    assert!(r.stderr.contains("no activity store"), "{}", r.stderr);
}

/// Clone the keps history into `dir/keps`; false (the test is skipped)
/// without ../shared/data.
fn clone_keps(dir: &Path) -> bool {
    let Some(bundle) = shared_data("git/keps-history.bundle") else {
        return false;
    };
    let st = Command::new("git")
        .args(["clone", "-q"])
        .arg(&bundle)
        .arg(dir.join("keps"))
        .status()
        .expect("git");
    assert!(st.success());
    true
}

#[test]
fn keps_history_through_the_cli() {
    let d = Dir::new();
    if !clone_keps(d.path()) {
        return;
    }
    let v = bazaar_in(
        Some(d.path()),
        &["activity", "ingest", "git", "keps", "--format", "json"],
    )
    .json();
    assert_eq!(v[0]["reachable"], 9571);
    let v = bazaar_in(Some(d.path()), &["stats", "repos", "--format", "json"]).json();
    // 6,564 non-merge commits, one of them by a bot.
    assert_eq!(v[0]["commits"], 6563);
}

/// A file read with one org filter has not been read for another: the
/// done-key includes the filter, so the second run reads it again and adds
/// the other org's events; the same filter again skips it.
#[test]
fn a_file_is_done_per_filter() {
    let d = Dir::new();
    let files = synth(d.path(), 1, 1500);
    let file = strs(&files)[0].to_string();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "activity",
            "ingest",
            "gharchive",
            "--store",
            "f.db",
            "--format",
            "json",
            file.as_str(),
        ];
        args.extend_from_slice(extra);
        let r = bazaar_in(Some(d.path()), &args);
        r.expect_code(0);
        r.json()
    };
    let k8s = run(&["--org", "kubernetes"]);
    assert_eq!(k8s["skipped"], 0);
    let kept = k8s["new_events"].as_u64().expect("n");
    assert!(kept > 0, "the synthetic hour has kubernetes events");
    let again = run(&["--org", "Kubernetes"]);
    assert_eq!(again["skipped"], 1, "same filter (org names fold case)");
    let sigs = run(&["--org", "kubernetes-sigs"]);
    assert_eq!(sigs["skipped"], 0, "another filter reads the file again");
    assert!(sigs["new_events"].as_u64().expect("n") > 0);
    let all = run(&[]);
    assert_eq!(all["skipped"], 0);
    let everything = Store::open(&d.path().join("f.db"))
        .and_then(|s| s.totals())
        .expect("totals")
        .events;
    // Unfiltered, each event is stored once however many runs read it.
    ingest(d.path(), "g.db", &files).expect_code(0);
    let once = Store::open(&d.path().join("g.db"))
        .and_then(|s| s.totals())
        .expect("totals")
        .events;
    assert_eq!(everything, once);
    assert!(once > kept);
}

/// `activity ingest git` killed with SIGKILL after its first transaction
/// and run again ends with exactly the store of an uninterrupted run.
#[cfg(unix)]
#[test]
fn killed_git_ingestion_resumes_to_the_same_totals() {
    let d = Dir::new();
    if !clone_keps(d.path()) {
        return;
    }
    let git = |store: &str| {
        let r = bazaar_in(
            Some(d.path()),
            &[
                "activity", "ingest", "git", "keps", "--store", store, "--format", "json",
            ],
        );
        r.expect_code(0);
        r.json()
    };
    git("clean.db");
    let clean = Store::open(&d.path().join("clean.db"))
        .and_then(|s| s.totals())
        .expect("clean totals");

    // Kill as soon as some commits are committed but not all; a machine
    // fast enough to finish between two polls gets another try.
    let db = d.path().join("crash.db");
    let mut killed_midway = false;
    for _attempt in 0..5 {
        for p in ["crash.db", "crash.db-wal", "crash.db-shm"] {
            let _ = std::fs::remove_file(d.path().join(p));
        }
        let mut child = Command::new(assert_cmd::cargo::cargo_bin!("bazaar"))
            .args([
                "activity", "ingest", "git", "keps", "--store", "crash.db", "--quiet",
            ])
            .current_dir(d.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let started = Instant::now();
        let stored = loop {
            if child.try_wait().expect("wait").is_some() {
                break None;
            }
            let n = Store::open(&db)
                .and_then(|s| s.totals())
                .map(|t| t.commits)
                .unwrap_or(0);
            if n > 0 {
                child.kill().expect("SIGKILL");
                let _ = child.wait();
                break Some(n);
            }
            assert!(started.elapsed() < Duration::from_secs(120), "no progress");
            std::thread::sleep(Duration::from_millis(2));
        };
        let after = Store::open(&db)
            .and_then(|s| s.totals())
            .expect("store opens after a crash");
        if stored.is_some() && after.commits < clean.commits {
            killed_midway = true;
            break;
        }
    }
    assert!(
        killed_midway,
        "could not kill the ingestion midway in 5 tries"
    );
    let resumed = git("crash.db");
    assert!(resumed[0]["added"].as_u64().expect("added") > 0);
    let crash = Store::open(&db)
        .and_then(|s| s.totals())
        .expect("crash totals");
    assert_eq!(crash, clean);
    assert_eq!(
        people_json(d.path(), "crash.db"),
        people_json(d.path(), "clean.db")
    );
}

#[test]
fn an_empty_window_is_a_usage_error() {
    let d = Dir::new();
    let r = bazaar_in(
        Some(d.path()),
        &[
            "stats",
            "people",
            "--since",
            "2024-02-01",
            "--until",
            "2024-01-01",
        ],
    );
    r.expect_code(2);
    assert!(r.stderr.contains("is not before"), "{}", r.stderr);
    let r = bazaar_in(
        Some(d.path()),
        &[
            "stats",
            "repos",
            "--since",
            "2024-01-01",
            "--until",
            "2024-01-01T00:00:00Z",
        ],
    );
    r.expect_code(2);
}
