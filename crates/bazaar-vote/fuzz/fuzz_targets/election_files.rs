//! Fuzz the election.yaml, voters, candidate-file and results loaders.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = bazaar_vote::load::config::parse(&text, "election.yaml");
    let _ = bazaar_vote::load::voters::parse_yaml(&text, "voters.yaml");
    let _ = bazaar_vote::load::voters::parse_md(&text, "voters.md");
    let _ = bazaar_vote::load::candidates::parse_candidate(&text, "candidate-x.md");
    let _ = bazaar_vote::load::candidates::parse_nominee_table(&text, "README.md");
    let _ = bazaar_vote::load::published::parse(&text);
    let _ = bazaar_vote::load::committee::parse(&text, "committee.yaml");
});
