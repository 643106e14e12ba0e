//! The git reader against real git (the oracle) on the keps history.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use bazaar_activity::git::Repo;
use bazaar_testkit::{Dir, shared_data};

/// Clone the bundle into a scratch directory (git is on every machine).
pub fn clone_keps(dir: &Dir) -> Option<std::path::PathBuf> {
    let bundle = shared_data("git/keps-history.bundle")?;
    let dest = dir.path().join("keps");
    let st = Command::new("git")
        .args(["clone", "-q"])
        .arg(&bundle)
        .arg(&dest)
        .status()
        .expect("git runs");
    assert!(st.success(), "git clone of the bundle failed");
    Some(dest)
}

/// `sha → (author email, added, removed, files)` from `git log --no-merges --numstat -M`.
pub fn git_numstat(repo: &Path) -> BTreeMap<String, (String, u64, u64, usize)> {
    let out = Command::new("git")
        .args([
            "-c",
            "log.mailmap=false",
            "log",
            "--no-merges",
            "--numstat",
            "-M",
            "--format=@%H %ae",
        ])
        .current_dir(repo)
        .output()
        .expect("git log runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let mut m = BTreeMap::new();
    let mut cur: Option<String> = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix('@') {
            let (sha, email) = rest.split_once(' ').expect("sha email");
            m.insert(sha.to_string(), (email.to_lowercase(), 0, 0, 0));
            cur = Some(sha.to_string());
        } else if !line.is_empty() {
            let mut f = line.splitn(3, '\t');
            let a = f.next().expect("added");
            let r = f.next().expect("removed");
            let e = m
                .get_mut(cur.as_ref().expect("inside a commit"))
                .expect("commit");
            e.1 += a.parse::<u64>().unwrap_or(0);
            e.2 += r.parse::<u64>().unwrap_or(0);
            e.3 += 1;
        }
    }
    m
}

#[test]
fn per_commit_numstat_equals_git() {
    let dir = Dir::new();
    let Some(repo_path) = clone_keps(&dir) else {
        return;
    };
    let expected = git_numstat(&repo_path);
    assert!(
        expected.len() > 9000,
        "the keps history has ~9.5k non-merge commits"
    );
    let repo = Repo::open(&repo_path).expect("open");
    let tips = repo.tips(&[]).expect("HEAD");
    let ids = repo.walk(&tips).expect("walk");
    let commits = repo.read_commits(&ids, &|_| {}).expect("read");
    let mut got = BTreeMap::new();
    for c in commits.iter().filter(|c| !c.is_merge()) {
        got.insert(
            c.sha.clone(),
            (
                c.author_email.clone(),
                c.added(),
                c.removed(),
                c.files.len(),
            ),
        );
    }
    let mut mismatches = Vec::new();
    for (sha, e) in &expected {
        match got.get(sha) {
            Some(g) if g == e => {}
            other => mismatches.push(format!("{sha}: git {e:?} bazaar {other:?}")),
        }
    }
    assert_eq!(got.len(), expected.len(), "non-merge commit count");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
