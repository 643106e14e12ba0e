//! The ballot box keeps its promises: one ballot per voter under
//! concurrency, the voting window on every operation, and no voter↔ballot
//! link in the database after close. Each test fails when its property is
//! broken (see the comment on each).

use std::path::Path;
use std::sync::{Arc, Barrier};

use bazaar_core::Login;
use bazaar_vote::Timestamp;
use bazaar_vote::ballot_box::{BallotBox, BoxConfig, BoxError, KdfParams, find_receipt};
use bazaar_vote::load::Voters;
use bazaar_vote::load::voters::parse_yaml;

const START: i64 = 2_000_000_000;
const END: i64 = START + 86_400;
const OPEN: Timestamp = Timestamp(START + 10);
const AFTER: Timestamp = Timestamp(END + 1);
const PASS: &str = "correct horse battery staple";

fn config() -> BoxConfig {
    BoxConfig {
        election: "test/2033".into(),
        candidates: vec!["alice".into(), "bob".into(), "carol".into()],
        start: Timestamp(START),
        end: Timestamp(END),
        seats: 1,
        allow_no_opinion: true,
        // Small costs keep the tests fast; the default is 64 MiB.
        kdf: KdfParams {
            memory_kib: 256,
            iterations: 1,
            parallelism: 1,
        },
    }
}

fn voters(n: usize) -> Voters {
    let mut text = String::from("eligible_voters:\n");
    for i in 0..n {
        text.push_str(&format!("- Voter{i:03}\n"));
    }
    parse_yaml(&text, "voters.yaml").0.expect("valid voters")
}

fn login(i: usize) -> Login {
    Login::new(&format!("voter{i:03}"))
}

fn open(path: &Path) -> BallotBox {
    BallotBox::open(path, &config()).expect("opens")
}

/// Broken if the voter table had no unique login or the insert were a
/// check-then-insert: concurrent casts by one voter would all succeed.
#[test]
fn one_ballot_per_voter_under_concurrency() {
    let dir = bazaar_testkit::Dir::new();
    let db = dir.path().join("box.sqlite");
    drop(open(&db));
    let voters = Arc::new(voters(4));
    let threads = 24;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let (db, voters, barrier) = (db.clone(), voters.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut b = open(&db);
                let ranks = [1, 2, (t % 3) as u32 + 1];
                barrier.wait();
                (t % 4, b.cast(&voters, &login(t % 4), PASS, &ranks, OPEN))
            })
        })
        .collect();
    let mut ok = [0usize; 4];
    for h in handles {
        let (v, r) = h.join().expect("thread");
        match r {
            Ok(_) => ok[v] += 1,
            Err(BoxError::AlreadyVoted(_)) => {}
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    assert_eq!(ok, [1, 1, 1, 1], "exactly one accepted ballot per voter");
    assert_eq!(open(&db).turnout().expect("count"), 4);
}

/// Broken if any operation skipped the window check: it would succeed
/// before the start or after the end.
#[test]
fn window_is_checked_on_every_operation() {
    let dir = bazaar_testkit::Dir::new();
    let db = dir.path().join("box.sqlite");
    let v = voters(2);
    let mut b = open(&db);
    let before = Timestamp(START - 1);
    let r = [1, 2, 3];
    assert!(matches!(
        b.cast(&v, &login(0), PASS, &r, before),
        Err(BoxError::NotOpenYet { .. })
    ));
    assert!(matches!(
        b.cast(&v, &login(0), PASS, &r, AFTER),
        Err(BoxError::VotingOver { .. })
    ));
    // Both bounds are inclusive, as in Elekto.
    b.cast(&v, &login(0), PASS, &r, Timestamp(START))
        .expect("at the start");
    b.cast(&v, &login(1), PASS, &r, Timestamp(END))
        .expect("at the end");
    for now in [before, AFTER] {
        assert!(
            b.replace(&v, &login(0), PASS, &r, now).is_err(),
            "replace at {now}"
        );
        assert!(
            b.revoke(&v, &login(0), PASS, now).is_err(),
            "revoke at {now}"
        );
    }
    assert!(matches!(
        b.close(Timestamp(END)),
        Err(BoxError::StillOpen { .. })
    ));
    assert!(matches!(b.results(), Err(BoxError::NotClosed)));
    assert_eq!(b.turnout().expect("count"), 2, "nothing changed");
    b.close(AFTER).expect("closes after the end");
    // After close, even a `now` inside the window is refused.
    assert!(matches!(
        b.cast(&v, &login(0), PASS, &r, OPEN),
        Err(BoxError::Closed)
    ));
    assert!(matches!(
        b.revoke(&v, &login(0), PASS, OPEN),
        Err(BoxError::Closed)
    ));
    assert!(matches!(
        b.replace(&v, &login(0), PASS, &r, OPEN),
        Err(BoxError::Closed)
    ));
    assert!(matches!(b.close(AFTER), Err(BoxError::Closed)));
}

#[test]
fn eligibility_passphrase_replace_and_revoke() {
    let dir = bazaar_testkit::Dir::new();
    let db = dir.path().join("box.sqlite");
    let v = voters(2);
    let mut b = open(&db);
    let r = [1, 2, 3];
    assert!(matches!(
        b.cast(&v, &Login::new("mallory"), PASS, &r, OPEN),
        Err(BoxError::NotEligible(_))
    ));
    assert!(matches!(
        b.cast(&v, &login(0), "short", &r, OPEN),
        Err(BoxError::WeakPassphrase)
    ));
    assert!(matches!(
        b.cast(&v, &login(0), PASS, &[1, 2, 9], OPEN),
        Err(BoxError::InvalidBallot(_))
    ));
    // Case-insensitive login.
    let first = b
        .cast(&v, &Login::new("VOTER000"), PASS, &r, OPEN)
        .expect("cast");
    assert!(matches!(
        b.cast(&v, &login(0), PASS, &r, OPEN),
        Err(BoxError::AlreadyVoted(_))
    ));
    assert!(matches!(
        b.replace(&v, &login(0), "wrong passphrase!", &r, OPEN),
        Err(BoxError::WrongPassphrase)
    ));
    assert!(matches!(
        b.revoke(&v, &login(1), PASS, OPEN),
        Err(BoxError::NotVoted(_))
    ));
    let second = b
        .replace(&v, &login(0), PASS, &[3, 2, 1], OPEN)
        .expect("replace");
    assert_ne!(first, second);
    b.revoke(&v, &login(0), PASS, OPEN).expect("revoke");
    assert_eq!(b.turnout().expect("count"), 0);
    let third = b
        .cast(&v, &login(0), PASS, &[2, 1, 0], OPEN)
        .expect("vote again");
    b.cast(&v, &login(1), PASS, &[1, 0, 0], OPEN).expect("cast");
    let results = b.close(AFTER).expect("close");
    assert_eq!(results.turnout, 2);
    // The receipt finds the ballot with its ranks; revoked/replaced ones are gone.
    let (_, ranks) = find_receipt(&results.receipts_csv, &third.code).expect("receipt found");
    assert_eq!(ranks, ["2", "1", "No opinion"]);
    assert!(find_receipt(&results.receipts_csv, &first.code).is_none());
    assert!(find_receipt(&results.receipts_csv, &second.code).is_none());
    let recount = b.recount().expect("recount");
    assert!(recount.hash_matches && recount.results_match);
    assert_eq!(recount.stored, results);
    // bob beats alice 1:0; carol is compared with nobody: {bob, carol} tie
    // for the single seat, and the tie is reported, not broken.
    assert_eq!(results.ranking, [vec!["bob", "carol"], vec!["alice"]]);
    assert!(results.winners.is_empty());
    assert_eq!(results.tie, ["bob", "carol"]);
}

/// Broken if close kept the voter rows (logins, salts, sealed links), if a
/// journal/WAL file kept old pages, if deleted rows stayed in free pages, or
/// if ballots were stored in cast order.
#[test]
fn nothing_links_voters_to_ballots_after_close() {
    let dir = bazaar_testkit::Dir::new();
    let db = dir.path().join("box.sqlite");
    let n = 40;
    let v = voters(n);
    let mut b = open(&db);
    let orders = [
        [1, 2, 3],
        [1, 3, 2],
        [2, 1, 3],
        [2, 3, 1],
        [3, 1, 2],
        [3, 2, 1],
    ];
    let mut receipts = Vec::new();
    for i in 0..n {
        receipts.push(
            b.cast(&v, &login(i), &format!("{PASS}{i}"), &orders[i % 6], OPEN)
                .expect("cast"),
        );
    }
    // Every secret the voter rows hold, read before the close.
    let conn = rusqlite::Connection::open(&db).expect("inspect");
    let mut secrets: Vec<Vec<u8>> = Vec::new();
    {
        let mut st = conn
            .prepare("SELECT login, salt, sealed FROM voter")
            .expect("query");
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Vec<u8>>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                ))
            })
            .expect("rows");
        for row in rows {
            let (login, salt, sealed) = row.expect("row");
            secrets.push(login.clone().into_bytes());
            secrets.push(salt);
            secrets.push(sealed);
        }
    }
    drop(conn);
    assert_eq!(secrets.len(), 3 * n);
    b.close(AFTER).expect("close");
    drop(b);

    // No side files.
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut p = db.clone().into_os_string();
        p.push(suffix);
        assert!(!Path::new(&p).exists(), "{suffix} left behind");
    }
    // Nothing derivable without a passphrase or receipt appears anywhere in the file:
    // logins in any case, their SHA-256, salts, sealed links.
    let bytes = std::fs::read(&db).expect("db file");
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    let mut needles = secrets.clone();
    for i in 0..n {
        for form in [
            format!("voter{i:03}"),
            format!("Voter{i:03}"),
            format!("VOTER{i:03}"),
        ] {
            use sha2::Digest;
            needles.push(sha2::Sha256::digest(form.as_bytes()).to_vec());
            needles.push(hex::encode(sha2::Sha256::digest(form.as_bytes())).into_bytes());
            needles.push(form.into_bytes());
        }
    }
    for needle in &needles {
        assert!(
            !contains(needle),
            "found {:?} in the closed database",
            String::from_utf8_lossy(needle)
        );
    }
    // Every table and column, read through SQL: no voter rows, no voter ids.
    let conn = rusqlite::Connection::open(&db).expect("inspect");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .expect("q")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("names");
    for t in &tables {
        let mut st = conn
            .prepare(&format!("SELECT * FROM \"{t}\""))
            .expect("select");
        let cols = st.column_count();
        let mut rows = st.query([]).expect("rows");
        while let Some(row) = rows.next().expect("row") {
            for c in 0..cols {
                let v: rusqlite::types::Value = row.get(c).expect("value");
                let text = format!("{v:?}").to_lowercase();
                assert!(
                    !text.contains("voter0"),
                    "table {t} holds a voter id: {text}"
                );
            }
        }
    }
    let voters_left: i64 = conn
        .query_row("SELECT COUNT(*) FROM voter", [], |r| r.get(0))
        .expect("count");
    assert_eq!(voters_left, 0);
    // Stored order is not cast order.
    let trackers: Vec<String> = conn
        .prepare("SELECT tracker FROM ballot")
        .expect("q")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("trackers");
    let cast_order: Vec<String> = receipts.iter().map(|r| r.tracker.clone()).collect();
    assert_eq!(trackers.len(), n);
    assert_ne!(
        trackers, cast_order,
        "ballots must not be stored in cast order"
    );
    // The receipts still find every ballot.
    let stored = open(&db).results().expect("results");
    for r in &receipts {
        assert!(find_receipt(&stored.receipts_csv, &r.code).is_some());
    }
}

#[test]
fn a_box_belongs_to_one_election() {
    let dir = bazaar_testkit::Dir::new();
    let db = dir.path().join("box.sqlite");
    drop(open(&db));
    let mut other = config();
    other.candidates.push("dave".into());
    assert!(matches!(
        BallotBox::open(&db, &other),
        Err(BoxError::Mismatch(_))
    ));
    let mut other = config();
    other.end = Timestamp(END + 1);
    assert!(matches!(
        BallotBox::open(&db, &other),
        Err(BoxError::Mismatch(_))
    ));
}

#[test]
fn no_opinion_can_be_refused() {
    let dir = bazaar_testkit::Dir::new();
    let db = dir.path().join("box.sqlite");
    let mut c = config();
    c.allow_no_opinion = false;
    let mut b = BallotBox::open(&db, &c).expect("opens");
    let v = voters(1);
    assert!(matches!(
        b.cast(&v, &login(0), PASS, &[1, 0, 2], OPEN),
        Err(BoxError::InvalidBallot(_))
    ));
    b.cast(&v, &login(0), PASS, &[1, 3, 2], OPEN)
        .expect("complete ballot");
}
