//! Fuzz the gitdm affiliation parsers and lookups: never panic.
#![no_main]

use bazaar_activity::affiliations::{Affiliations, parse_aliases, parse_developers, parse_email_map};
use bazaar_activity::date::Day;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (devs, _) = parse_developers(&text, "fuzz");
    let (maps, _) = parse_email_map(&text, "fuzz");
    let (aliases, _) = parse_aliases(&text, "fuzz");
    let logins: Vec<String> = devs.iter().map(|d| d.login.clone()).collect();
    let keys: Vec<String> = maps.iter().map(|m| m.key.clone()).collect();
    let a = Affiliations::new(devs, maps, aliases);
    for day in [Day(-30_000), Day(0), Day(18_000), Day(60_000)] {
        for l in &logins {
            let _ = a.company_of_login(l, day);
        }
        for k in &keys {
            let _ = a.company_of_email(k, day);
            let _ = a.company_of_email(&format!("x@{k}"), day);
        }
    }
});
