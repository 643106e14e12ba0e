//! Fuzz the GH Archive event line parser: never panic.
#![no_main]

use bazaar_activity::gharchive::parse_line;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_line(data);
});
