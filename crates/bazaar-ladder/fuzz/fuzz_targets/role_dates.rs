//! Fuzz the role-dates decoder (`[ladder] dates` files):
//! `cargo fuzz run --fuzz-dir crates/bazaar-ladder/fuzz role_dates`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = bazaar_ladder::dates::parse_role_dates(text);
    }
});
