//! The fuzz targets' entry points on a few thousand deterministic mutations:
//! CI proves "no panic" on stable without cargo-fuzz.

use bazaar_activity::affiliations::{
    Affiliations, parse_aliases, parse_developers, parse_email_map,
};
use bazaar_activity::date::Day;
use bazaar_activity::gharchive::parse_line;
use bazaar_activity::synth::{Rng, SynthConfig, hour_ndjson};

const DEVS: &str = include_str!("../fixtures/affiliations/developers_affiliations1.txt");
const MAP: &str = include_str!("../fixtures/affiliations/email-map");

/// Flip, delete, duplicate or insert bytes; truncate.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        if v.is_empty() {
            v.push(rng.below(256) as u8);
            continue;
        }
        let i = rng.below(v.len() as u64) as usize;
        match rng.below(6) {
            0 => v[i] = rng.below(256) as u8,
            1 => {
                v.remove(i);
            }
            2 => {
                let pool = b"\t:!<{}[]\",0-9 \n";
                v.insert(i, pool[rng.below(pool.len() as u64) as usize]);
            }
            3 => v.truncate(i),
            4 => {
                let b = v[i];
                v.insert(i, b);
            }
            _ => v[i] ^= 0x80,
        }
    }
    v
}

#[test]
fn event_line_parser_never_panics() {
    let cfg = SynthConfig {
        events_per_hour: 60,
        ..Default::default()
    };
    let text = hour_ndjson(&cfg, 1_700_000_000 / 3600 * 3600);
    let lines: Vec<&str> = text.lines().collect();
    let mut rng = Rng::new(1);
    for i in 0..4000 {
        let line = lines[i % lines.len()].as_bytes();
        let m = mutate(&mut rng, line);
        let _ = parse_line(&m);
    }
    for garbage in [
        &b""[..],
        b"{",
        b"null",
        b"[]",
        b"{\"id\":\"1\"}",
        &[0xff, 0xfe, 0x00],
    ] {
        let _ = parse_line(garbage);
    }
}

#[test]
fn affiliation_parsers_never_panic() {
    let mut rng = Rng::new(2);
    for i in 0..3000 {
        let base = if i % 2 == 0 { DEVS } else { MAP };
        let m = mutate(&mut rng, base.as_bytes());
        let text = String::from_utf8_lossy(&m);
        let (devs, _) = parse_developers(&text, "f");
        let (maps, _) = parse_email_map(&text, "f");
        let (aliases, _) = parse_aliases(&text, "f");
        let logins: Vec<String> = devs.iter().map(|d| d.login.clone()).collect();
        let a = Affiliations::new(devs, maps, aliases);
        for l in &logins {
            let _ = a.company_of_login(l, Day(18_000));
            let _ = a.company_of_email(&format!("{l}@x.example.com"), Day(18_000));
        }
    }
}
