//! The store file itself: schema set-up shared by several processes.

use bazaar_activity::store::Store;
use bazaar_testkit::Dir;

/// Several openers racing on a store that does not exist yet (two ingests
/// started together, or a report polling an ingest that just began) must all
/// succeed: the schema is created once, under the write lock.
#[test]
fn concurrent_first_opens_all_succeed() {
    for round in 0..5 {
        let d = Dir::new();
        let db = d.path().join(format!("race-{round}.db"));
        let results: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| s.spawn(|| Store::open(&db).and_then(|st| st.version())))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("opener thread"))
                .collect()
        });
        for r in &results {
            assert!(r.is_ok(), "an opener failed: {r:?}");
        }
        let versions: Vec<i32> = results.into_iter().filter_map(Result::ok).collect();
        assert!(versions.windows(2).all(|w| w[0] == w[1]), "{versions:?}");
    }
}

/// A store error while the readers are still busy ends the ingestion with
/// that error; the readers must not be left blocked on a full channel.
#[test]
fn a_store_error_mid_ingest_returns_instead_of_hanging() {
    use bazaar_activity::gharchive::Filter;
    use bazaar_activity::ingest::{NoProgress, ingest_gharchive};
    use bazaar_activity::synth::{self, SynthConfig};

    let d = Dir::new();
    let cfg = SynthConfig {
        events_per_hour: 300,
        ..SynthConfig::default()
    };
    let files: Vec<_> = (0..12)
        .map(|h| {
            let start = 1_704_067_200 + h * 3600;
            let p = d.path().join(synth::hour_file_name(start));
            std::fs::write(&p, synth::gzip(synth::hour_ndjson(&cfg, start).as_bytes()))
                .expect("write hour");
            p
        })
        .collect();
    let db = d.path().join("s.db");
    drop(Store::open(&db).expect("create"));
    // An incompatible table makes every event insert fail.
    rusqlite::Connection::open(&db)
        .and_then(|c| c.execute_batch("ALTER TABLE events ADD COLUMN extra INTEGER"))
        .expect("alter");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut store = Store::open(&db).expect("open");
        let r = ingest_gharchive(&mut store, &files, &Filter::default(), &NoProgress);
        let _ = tx.send(r.is_err());
    });
    let failed = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("ingestion returned instead of hanging");
    assert!(failed, "the store error is returned");
}
