//! No parser panics on garbage: a few thousand deterministic mutations of
//! real-shaped inputs go through the same entry points as the fuzz targets
//! (`fuzz/fuzz_targets/ballots_csv.rs`, `election_files.rs`).

const SEEDS_CSV: &[&str] = &[
    "a,b,c\n1,No opinion,2\n3,3,1\n",
    "\"x, y\",b\r\n1,2\r\n\"2\",1",
    "Timothy St. Clair,Ilya Dmitrichenko\n20,1\n",
];
const SEEDS_YAML: &[&str] = &[
    include_str!("../fixtures/election-ok/election.yaml"),
    include_str!("../fixtures/election-ok/voters.yaml"),
    include_str!("../fixtures/election-ok/candidate-alice.md"),
    "-----\nname: Paco Xu\nID:\tpacoxu\n-----\n",
    "---\nname: A\nID: a\ninfo:\n  employer: X\n---\n",
];

/// xorshift64: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, seed: &str) -> Vec<u8> {
    let mut b = seed.as_bytes().to_vec();
    const ALPHABET: &[u8] = b",\n\r\"-:\t 0123456789No opinion\xff\xfe{}[]&*!|#@";
    for _ in 0..=rng.below(8) {
        match rng.below(4) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] = ALPHABET[rng.below(ALPHABET.len())];
            }
            1 => {
                let i = rng.below(b.len() + 1);
                b.insert(i, ALPHABET[rng.below(ALPHABET.len())]);
            }
            2 if !b.is_empty() => {
                let i = rng.below(b.len());
                b.remove(i);
            }
            _ if !b.is_empty() => {
                let i = rng.below(b.len());
                let j = i + rng.below(b.len() - i);
                let chunk = b[i..j].to_vec();
                let k = rng.below(b.len() + 1);
                b.splice(k..k, chunk);
            }
            _ => b.push(b'\n'),
        }
    }
    b
}

#[test]
fn ballots_csv_parser_never_panics() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..3000 {
        let bytes = mutate(&mut rng, SEEDS_CSV[i % SEEDS_CSV.len()]);
        let text = String::from_utf8_lossy(&bytes);
        let parsed = bazaar_vote::load::ballots_csv::parse(&text, "ballots.csv");
        if let Some(b) = parsed.ballots {
            assert!(
                parsed
                    .diagnostics
                    .iter()
                    .all(|d| d.severity != bazaar_core::Severity::Error)
            );
            for m in [bazaar_vote::Method::Elekto, bazaar_vote::Method::Schulze] {
                let t = bazaar_vote::count::tally(&b, m);
                for seats in 1..4 {
                    let _ = bazaar_vote::seats::allocate(&t, seats, None);
                }
            }
        }
    }
}

#[test]
fn election_file_loaders_never_panic() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for i in 0..3000 {
        let bytes = mutate(&mut rng, SEEDS_YAML[i % SEEDS_YAML.len()]);
        let text = String::from_utf8_lossy(&bytes);
        let _ = bazaar_vote::load::config::parse(&text, "election.yaml");
        let _ = bazaar_vote::load::voters::parse_yaml(&text, "voters.yaml");
        let _ = bazaar_vote::load::voters::parse_md(&text, "voters.md");
        let _ = bazaar_vote::load::candidates::parse_candidate(&text, "candidate-x.md");
        let _ = bazaar_vote::load::candidates::parse_nominee_table(&text, "README.md");
        let _ = bazaar_vote::load::published::parse(&text);
        let _ = bazaar_vote::load::committee::parse(&text, "committee.yaml");
        let _ = bazaar_vote::Timestamp::parse(&text);
    }
}
