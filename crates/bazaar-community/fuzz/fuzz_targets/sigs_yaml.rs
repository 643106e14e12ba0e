//! Fuzz the `sigs.yaml` loader and everything downstream of it: any input
//! either decodes or yields located diagnostics, never a panic; whatever
//! decodes is validated, written back in canonical form (which must decode
//! again) and turned into the generated documents.
//!
//! `cargo fuzz run --fuzz-dir crates/bazaar-community/fuzz sigs_yaml`

#![no_main]

use bazaar_community::emit::to_yaml;
use bazaar_community::generate::generate;
use bazaar_community::load::parse;
use bazaar_community::{Source, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let checked = check(&Source::in_memory(text.as_ref(), None));
    if let Some(c) = checked.community {
        let yaml = to_yaml(&c);
        assert!(parse(&yaml, None).is_ok(), "canonical output must decode:\n{yaml}");
        let _ = generate(&c, &mut |_| Ok(None));
    }
});
