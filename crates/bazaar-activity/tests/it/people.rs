//! Everyone's counts at once (`query::people_activity`), identities from
//! GitHub merge commits, the community sample, and schema migration.

use std::process::Command;

use bazaar_activity::affiliations::{Affiliations, parse_developers};
use bazaar_activity::date::Day;
use bazaar_activity::identity::{Identities, IdentitySource};
use bazaar_activity::ingest::{NoProgress, ingest_git};
use bazaar_activity::query::{login_activity, people_activity};
use bazaar_activity::sample::{self, Level, SampleSpec};
use bazaar_activity::stats::Window;
use bazaar_activity::store::{MIGRATIONS, Store, schema_version};
use bazaar_testkit::Dir;

/// A repository with one GitHub-style merge: Pat's branch, merged as
/// `Merge pull request #12 from patgh/feature` by a bot committer.
fn merged_repo(dir: &Dir) -> std::path::PathBuf {
    let r = dir.path().join("repo");
    std::fs::create_dir_all(&r).expect("mkdir");
    let git = |who: &str, args: &[&str]| {
        let (name, email) = who.split_once(' ').expect("name email");
        let st = Command::new("git")
            .args([
                "-c",
                &format!("user.name={name}"),
                "-c",
                &format!("user.email={email}"),
            ])
            .args(["-c", "init.defaultBranch=main"])
            .args(args)
            .current_dir(&r)
            .env("GIT_AUTHOR_DATE", "2024-02-01T00:00:00Z")
            .env("GIT_COMMITTER_DATE", "2024-02-01T00:00:00Z")
            .status()
            .expect("git runs");
        assert!(st.success(), "git {args:?}");
    };
    let maint = "Maint maint@corp.example";
    git(maint, &["init", "-q"]);
    std::fs::write(r.join("a"), "a\n").expect("write");
    git(maint, &["add", "-A"]);
    git(maint, &["commit", "-qm", "root"]);
    git(maint, &["checkout", "-qb", "feature"]);
    std::fs::write(r.join("b"), "b\n").expect("write");
    git("Pat Pat@Corp.Example", &["add", "-A"]);
    git("Pat Pat@Corp.Example", &["commit", "-qm", "feature"]);
    git(maint, &["checkout", "-q", "main"]);
    git(
        "Robot k8s-ci-robot@users.noreply.github.com",
        &[
            "merge",
            "-q",
            "--no-ff",
            "-m",
            "Merge pull request #12 from patgh/feature",
            "feature",
        ],
    );
    r
}

#[test]
fn merge_commits_name_authors_and_count_merged_prs() {
    let dir = Dir::new();
    let repo = merged_repo(&dir);
    let mut store = Store::open(&dir.path().join("a.db")).expect("store");
    ingest_git(&mut store, &repo, &[], Some("org/repo"), &NoProgress).expect("ingest");
    let ids = Identities::from_store(&store).expect("identities");
    let none = Affiliations::default();
    assert_eq!(
        ids.login_of(&none, "PAT@corp.example"),
        Some(("patgh".to_string(), IdentitySource::MergeCommits))
    );
    assert_eq!(ids.login_of(&none, "maint@corp.example"), None);
    assert_eq!(
        ids.login_of(&none, "1+someone@users.noreply.github.com"),
        Some(("someone".to_string(), IdentitySource::NoReply))
    );
    // Curated affiliations win over merge votes.
    let (devs, _) = parse_developers(
        "pat-real: pat!corp.example\n",
        "developers_affiliations.txt",
    );
    let affs = Affiliations::new(devs, vec![], vec![]);
    assert_eq!(
        ids.login_of(&affs, "pat@corp.example"),
        Some(("pat-real".to_string(), IdentitySource::Affiliations))
    );

    let all = people_activity(&store, Window::default(), &ids, &none).expect("people");
    assert_eq!(
        (all.commits, all.unattributed_commits, all.events),
        (2, 1, 0)
    );
    let pat = &all.people["patgh"];
    assert_eq!(
        (pat.commits, pat.prs_authored_merged, pat.contributions()),
        (1, 1, 1)
    );
    assert!(all.git_logins.contains("patgh"));
    assert_eq!(all.reviews, 0, "git holds no reviews");

    // Re-ingesting adds nothing, merges included.
    ingest_git(&mut store, &repo, &[], Some("org/repo"), &NoProgress).expect("again");
    let again = people_activity(&store, Window::default(), &ids, &none).expect("people");
    assert_eq!(again, all);
}

#[test]
fn version_1_stores_forget_merges_so_they_are_read_again() {
    let dir = Dir::new();
    let repo = merged_repo(&dir);
    let db = dir.path().join("v1.db");
    {
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.execute_batch(MIGRATIONS[0]).expect("v1 schema");
        conn.pragma_update(None, "user_version", 1)
            .expect("version");
        conn.execute(
            "INSERT INTO commits VALUES ('org/repo', 'abc', 'R', 'r@x', 0, 0, 'R', 'r@x', 0, 2, 0, 0, 0, 0)",
            [],
        )
        .expect("a v1 merge");
    }
    let mut store = Store::open(&db).expect("migrates");
    assert_eq!(store.version().expect("version"), schema_version());
    assert!(store.known_commits("org/repo").expect("known").is_empty());
    ingest_git(&mut store, &repo, &[], Some("org/repo"), &NoProgress).expect("ingest");
    let ids = Identities::from_store(&store).expect("identities");
    let all =
        people_activity(&store, Window::default(), &ids, &Affiliations::default()).expect("people");
    assert_eq!(all.people["patgh"].prs_authored_merged, 1);
}

fn people(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("person-{i:03}")).collect()
}

#[test]
fn the_community_sample_is_deterministic_and_varied() {
    let people = people(150);
    let end = Day::from_ymd(2026, 12, 1).expect("date");
    let overrides = std::collections::BTreeMap::from([("person-000".to_string(), Level::Idle)]);
    let spec = SampleSpec {
        people: &people,
        repos: &["kubernetes/kubernetes", "kubernetes/enhancements"],
        end,
        seed: 7,
        levels: &overrides,
        floor: Level::Idle,
    };
    assert_eq!(
        sample::community_ndjson(&spec),
        sample::community_ndjson(&spec)
    );
    let mut store = Store::open_in_memory().expect("store");
    let first = sample::ingest_community(&mut store, &spec).expect("sample");
    assert!(first.events > 2000, "{first:?}");
    assert_eq!(
        sample::ingest_community(&mut store, &spec)
            .expect("again")
            .events,
        0,
        "idempotent"
    );
    let all = people_activity(
        &store,
        Window::default(),
        &Identities::default(),
        &Affiliations::default(),
    )
    .expect("people");
    let (first_t, last_t) = (all.first.expect("events"), all.last.expect("events"));
    assert!(first_t >= sample::start(&spec).unix() && last_t < end.unix());
    for p in &people {
        let counts = all.people.get(p).cloned().unwrap_or_default();
        match sample::level_in(&spec, p) {
            Level::Idle => assert_eq!(counts.events, 0, "{p}"),
            Level::Core => assert!(counts.events >= 21, "{p}: {counts:?}"),
            _ => {}
        }
    }
    assert_eq!(
        sample::level_in(&spec, "PERSON-000"),
        Level::Idle,
        "overrides win"
    );
    let levels: Vec<Level> = people.iter().map(|p| sample::level(p, 7)).collect();
    for l in [Level::Idle, Level::Occasional, Level::Regular, Level::Core] {
        assert!(levels.contains(&l), "{l:?} present");
    }
    // Core people review: some are primary reviewers on 10+ PRs.
    assert!(all.people.values().any(|c| c.prs_primary_reviewer >= 10));
    // The bulk query agrees with the per-login one.
    let someone = all
        .people
        .iter()
        .find(|(_, c)| c.prs_reviewed > 0)
        .map(|(l, _)| l.clone())
        .expect("a reviewer");
    let one = login_activity(&store, &someone, Window::default()).expect("login");
    let bulk = &all.people[&someone];
    assert_eq!(one.total_contributions(), bulk.events);
    assert_eq!(one.reviewed.len() as u64, bulk.prs_reviewed);
    assert_eq!(one.primary_reviews(), bulk.prs_primary_reviewer);
    assert_eq!(one.prs_merged, bulk.prs_authored_merged);
}

#[test]
fn owners_file_versions_are_kept_with_their_commits() {
    let dir = Dir::new();
    let r = dir.path().join("repo");
    std::fs::create_dir_all(r.join("k")).expect("mkdir");
    let git = |date: &str, args: &[&str]| {
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
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .status()
            .expect("git runs");
        assert!(st.success(), "git {args:?}");
    };
    git("2024-01-01T00:00:00Z", &["init", "-q"]);
    std::fs::write(r.join("k/OWNERS"), "approvers: [ann]\n").expect("write");
    std::fs::write(r.join("README"), "x\n").expect("write");
    git("2024-01-01T00:00:00Z", &["add", "-A"]);
    git("2024-01-01T00:00:00Z", &["commit", "-qm", "one"]);
    std::fs::write(r.join("k/OWNERS"), "approvers: [ann, bob]\n").expect("write");
    git("2024-02-01T00:00:00Z", &["commit", "-qam", "two"]);
    git("2024-03-01T00:00:00Z", &["mv", "k/OWNERS", "OWNERS"]);
    git("2024-03-01T00:00:00Z", &["commit", "-qm", "moved"]);
    std::fs::write(r.join("README"), "y\n").expect("write");
    git(
        "2024-04-01T00:00:00Z",
        &["commit", "-qam", "no owners change"],
    );

    let mut store = Store::open(&dir.path().join("a.db")).expect("store");
    ingest_git(&mut store, &r, &[], Some("o/r"), &NoProgress).expect("ingest");
    let v = bazaar_activity::query::owners_versions(&store, "o/r").expect("versions");
    let got: Vec<(String, i64, Option<&str>)> = v
        .iter()
        .map(|v| (v.path.clone(), v.at, v.text.as_deref()))
        .collect();
    let day = |s: &str| Day::parse(s).expect("date").unix();
    assert_eq!(
        got,
        [
            (
                "k/OWNERS".to_string(),
                day("2024-01-01"),
                Some("approvers: [ann]\n")
            ),
            (
                "k/OWNERS".to_string(),
                day("2024-02-01"),
                Some("approvers: [ann, bob]\n")
            ),
            (
                "OWNERS".to_string(),
                day("2024-03-01"),
                Some("approvers: [ann, bob]\n")
            ),
            ("k/OWNERS".to_string(), day("2024-03-01"), None),
        ]
    );
    assert!(
        bazaar_activity::query::owners_versions(&store, "other")
            .expect("none")
            .is_empty()
    );
}
