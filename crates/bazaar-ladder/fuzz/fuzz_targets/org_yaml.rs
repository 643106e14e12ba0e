//! Fuzz the peribolos `org.yaml` decoder and every `org/*` check on what it
//! decodes: `cargo fuzz run --fuzz-dir crates/bazaar-ladder/fuzz org_yaml`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        bazaar_ladder::fuzz_org_yaml(text);
    }
});
