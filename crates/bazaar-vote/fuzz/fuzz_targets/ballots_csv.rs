//! Fuzz the ballots CSV parser and the count over whatever it accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = bazaar_vote::load::ballots_csv::parse(&text, "ballots.csv");
    if let Some(b) = parsed.ballots {
        for m in [bazaar_vote::Method::Elekto, bazaar_vote::Method::Schulze] {
            let t = bazaar_vote::count::tally(&b, m);
            let _ = bazaar_vote::seats::allocate(&t, 2, None);
        }
    }
});
