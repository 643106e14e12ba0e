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
