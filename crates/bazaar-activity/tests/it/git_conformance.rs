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
        expected.len() > 6000,
        "the keps history has 6,564 non-merge commits"
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

/// The done-criterion: per-author commit counts and line totals, read back
/// from the store after a real ingestion, equal `git log --no-merges
/// --numstat -M`; the gitdm-level report equals the same minus bot authors.
#[test]
fn per_author_totals_from_the_store_equal_git() {
    use bazaar_activity::affiliations::Affiliations;
    use bazaar_activity::ingest::{NoProgress, ingest_git};
    use bazaar_activity::stats::{Facts, Identity, Window, people};
    use bazaar_activity::store::Store;

    let dir = Dir::new();
    let Some(repo_path) = clone_keps(&dir) else {
        return;
    };
    let mut per_author: BTreeMap<String, (u64, u64, u64)> = BTreeMap::new();
    for (email, a, r, _) in git_numstat(&repo_path).into_values() {
        let e = per_author.entry(email).or_default();
        e.0 += 1;
        e.1 += a;
        e.2 += r;
    }
    let mut store = Store::open(&dir.path().join("activity.db")).expect("store");
    let rep = ingest_git(&mut store, &repo_path, &[], None, &NoProgress).expect("ingest");
    assert_eq!(rep.reachable, 9571);

    // Raw store contents: every non-merge commit, bots included.
    let facts = Facts::load(&store, Window::default()).expect("facts");
    let report = people(&facts, &Affiliations::default());
    let mut got: BTreeMap<String, (u64, u64, u64)> = BTreeMap::new();
    for p in &report {
        let Identity::Email(e) = &p.identity else {
            panic!("no affiliations: identities are e-mails")
        };
        got.insert(
            e.clone(),
            (
                p.counts.commits,
                p.counts.lines_added,
                p.counts.lines_removed,
            ),
        );
    }
    let bots: Vec<String> = per_author
        .keys()
        .filter(|e| !got.contains_key(*e))
        .cloned()
        .collect();
    for b in &bots {
        assert!(
            bazaar_activity::bots::is_bot_commit_author("", b),
            "{b} missing from the report but not a bot"
        );
    }
    let expected: BTreeMap<String, (u64, u64, u64)> = per_author
        .into_iter()
        .filter(|(e, _)| !bots.contains(e))
        .collect();
    assert!(expected.len() > 600, "{} authors", expected.len());
    assert_eq!(got, expected);

    // GitHub merge commits: every `Merge pull request #N from LOGIN/...`
    // subject that git prints is a merged PR of LOGIN in the store.
    let out = Command::new("git")
        .args(["log", "--merges", "--format=%s"])
        .current_dir(&repo_path)
        .output()
        .expect("git log runs");
    let mut merged_by_author: BTreeMap<String, u64> = BTreeMap::new();
    for subject in String::from_utf8_lossy(&out.stdout).lines() {
        if let Some(rest) = subject.strip_prefix("Merge pull request #")
            && let Some((_, from)) = rest.split_once(" from ")
            && let Some((login, _)) = from.split_once('/')
        {
            *merged_by_author.entry(login.to_lowercase()).or_default() += 1;
        }
    }
    assert_eq!(merged_by_author.values().sum::<u64>(), 2983);
    let ids = bazaar_activity::identity::Identities::from_store(&store).expect("identities");
    assert!(
        ids.voted_len() >= 600,
        "{} e-mails named by merges",
        ids.voted_len()
    );
    let everyone = bazaar_activity::query::people_activity(
        &store,
        Window::default(),
        &ids,
        &Affiliations::default(),
    )
    .expect("people");
    let got_merged: BTreeMap<String, u64> = everyone
        .people
        .iter()
        .filter(|(_, c)| c.prs_authored_merged > 0)
        .map(|(l, c)| (l.clone(), c.prs_authored_merged))
        .collect();
    assert_eq!(got_merged, merged_by_author);
    assert_eq!(everyone.events, 0);
    assert!(
        everyone.unattributed_commits * 10 < everyone.commits,
        "{} of {} commits without a login",
        everyone.unattributed_commits,
        everyone.commits
    );
    // A known author: Joe Betz's commits under his work e-mail are his.
    let jpbetz = &everyone.people["jpbetz"];
    assert!(
        jpbetz.commits > 0 && jpbetz.prs_authored_merged > 0,
        "{jpbetz:?}"
    );
}

/// A tiny history with the cases gitdm's parity list names: a binary file,
/// renames with and without edits, an ambiguous basename, CRLF, a missing
/// final newline, an empty file, a symlink, a merge and a bot commit.
#[test]
fn edge_cases_equal_git() {
    let dir = Dir::new();
    let r = dir.path().join("repo");
    std::fs::create_dir_all(&r).expect("mkdir");
    let git = |args: &[&str]| {
        let st = Command::new("git")
            .args([
                "-c",
                "user.name=T",
                "-c",
                "user.email=t@example.com",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(&r)
            .env("GIT_AUTHOR_DATE", "2020-01-01T00:00:00Z")
            .env("GIT_COMMITTER_DATE", "2020-01-01T00:00:00Z")
            .status()
            .expect("git runs");
        assert!(st.success(), "git {args:?}");
    };
    let write = |p: &str, c: &[u8]| {
        let p = r.join(p);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, c).expect("write");
    };
    let body: String = (0..60)
        .map(|i| format!("line {i} of the document\n"))
        .collect();
    git(&["init", "-q"]);
    write("docs/a.md", body.as_bytes());
    write("docs/b.md", body.replace("document", "manual").as_bytes());
    write("img/logo.png", b"\x89PNG\r\n\x1a\n\0\0\0binary");
    write("crlf.txt", b"one\r\ntwo\r\n");
    write("nonl.txt", b"no newline at end");
    write("empty.txt", b"");
    git(&["add", "-A"]);
    git(&["commit", "-qm", "root"]);
    // Renames: one exact, one with edits, one to an ambiguous basename; binary edit.
    std::fs::create_dir_all(r.join("guide")).expect("mkdir");
    git(&["mv", "docs/a.md", "guide/a.md"]);
    write(
        "docs/b.md",
        body.replace("document", "manual")
            .replace("line 7 ", "LINE SEVEN ")
            .as_bytes(),
    );
    git(&["mv", "docs/b.md", "guide/b2.md"]);
    write("img/logo.png", b"\x89PNG\r\n\x1a\n\0\0\0other binary");
    write("crlf.txt", b"one\r\ntwo\r\nthree\r\n");
    write("nonl.txt", b"no newline at end\n");
    git(&["mv", "empty.txt", "moved-empty.txt"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "renames"]);
    git(&["checkout", "-qb", "side"]);
    write("side.txt", b"side\n");
    git(&["add", "-A"]);
    git(&["commit", "-qm", "side"]);
    git(&["checkout", "-q", "main"]);
    write("main.txt", b"main\n");
    std::os::unix::fs::symlink("guide/a.md", r.join("link")).expect("symlink");
    git(&["add", "-A"]);
    git(&["commit", "-qm", "main"]);
    git(&["merge", "-q", "--no-edit", "side"]);
    write(
        "guide/a.md",
        body.replace("line 1 ", "line one ").as_bytes(),
    );
    git(&["add", "-A"]);
    git(&[
        "-c",
        "user.email=49699333+dependabot[bot]@users.noreply.github.com",
        "commit",
        "-qm",
        "bot",
    ]);

    let expected = git_numstat(&r);
    let repo = Repo::open(&r).expect("open");
    let ids = repo.walk(&repo.tips(&[]).expect("HEAD")).expect("walk");
    let commits = repo.read_commits(&ids, &|_| {}).expect("read");
    assert_eq!(commits.iter().filter(|c| c.is_merge()).count(), 1);
    let got: BTreeMap<String, (String, u64, u64, usize)> = commits
        .iter()
        .filter(|c| !c.is_merge())
        .map(|c| {
            (
                c.sha.clone(),
                (
                    c.author_email.clone(),
                    c.added(),
                    c.removed(),
                    c.files.len(),
                ),
            )
        })
        .collect();
    assert_eq!(got, expected);
    let renames: Vec<(String, Option<String>, bool)> = commits
        .iter()
        .flat_map(|c| c.files.iter())
        .filter(|f| f.old_path.is_some() || f.binary)
        .map(|f| (f.path.clone(), f.old_path.clone(), f.binary))
        .collect();
    assert!(
        renames.contains(&("guide/a.md".into(), Some("docs/a.md".into()), false)),
        "{renames:?}"
    );
    assert!(
        renames.contains(&("guide/b2.md".into(), Some("docs/b.md".into()), false)),
        "{renames:?}"
    );
    assert!(
        renames.contains(&("img/logo.png".into(), None, true)),
        "{renames:?}"
    );
    assert!(commits.iter().any(|c| c.is_bot));
}
