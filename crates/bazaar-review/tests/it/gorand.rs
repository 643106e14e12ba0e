//! Go's math/rand against vectors produced by Go itself
//! (`tests/fixtures/upstream/go-math-rand/make_baseline.sh`).

use bazaar_review::gorand::GoRand;
use serde_json::Value;

fn vectors() -> Value {
    let text = include_str!("../fixtures/upstream/go-math-rand/vectors.json");
    serde_json::from_str(text).expect("vectors.json is JSON")
}

fn ints(v: &Value) -> Vec<i128> {
    v.as_array()
        .expect("list")
        .iter()
        .map(|x| i128::from(x.as_i64().expect("int")))
        .collect()
}

#[test]
fn matches_go_for_every_seed_and_method() {
    let v = vectors();
    let seeds: [i64; 10] = [0, 1, 2, 5, 10, 13, 42, -7, 1 << 40, 2_147_483_647];
    let mut checked = 0;
    for seed in seeds {
        let key = |m: &str| format!("{m}/{seed}");
        let mut r = GoRand::new(seed);
        let got: Vec<i128> = (0..5).map(|_| i128::from(r.int63())).collect();
        assert_eq!(got, ints(&v[key("int63")]), "Int63 seed {seed}");

        let mut r = GoRand::new(seed);
        let got: Vec<i128> = [1usize, 2, 3, 7, 10, 100, 1000, 1 << 20, 3_000_000_000]
            .iter()
            .map(|n| i128::try_from(r.intn(*n).expect("n > 0")).expect("fits"))
            .collect();
        assert_eq!(got, ints(&v[key("intn")]), "Intn seed {seed}");

        let mut r = GoRand::new(seed);
        let got: Vec<i128> = [1i64, 2, 3, 1000, 1 << 40, 5_000_000_000_000_000_000]
            .iter()
            .map(|n| i128::from(r.int63n(*n).expect("n > 0")))
            .collect();
        assert_eq!(got, ints(&v[key("int63n")]), "Int63n seed {seed}");

        let perm = |n| -> Vec<i128> {
            GoRand::new(seed)
                .perm(n)
                .into_iter()
                .map(|x| i128::try_from(x).expect("fits"))
                .collect()
        };
        assert_eq!(perm(2), ints(&v[key("perm2")]), "Perm(2) seed {seed}");
        assert_eq!(perm(10), ints(&v[key("perm10")]), "Perm(10) seed {seed}");

        let mut items: Vec<i128> = (0..12).collect();
        GoRand::new(seed).shuffle(&mut items);
        assert_eq!(items, ints(&v[key("shuffle12")]), "Shuffle seed {seed}");
        checked += 1;
    }
    assert_eq!(checked, 10);
}

#[test]
fn rejects_what_go_panics_on() {
    let mut r = GoRand::new(1);
    assert_eq!(r.intn(0), None);
    assert_eq!(r.int63n(0), None);
    assert_eq!(r.int31n(-1), None);
}
