//! Fuzz the OWNERS / OWNERS_ALIASES / front-matter parsers and the tree built
//! from them: no input may panic.
#![no_main]

use bazaar_review::owners::parse::{parse_aliases, parse_md_front_matter, parse_owners};
use bazaar_review::owners::{OwnersConfig, OwnersTree, SourceFile, SourceKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_owners(text);
    let _ = parse_aliases(text);
    let _ = parse_md_front_matter(text);
    let sources = [
        SourceFile { path: "OWNERS".into(), kind: SourceKind::Owners, text: text.to_string() },
        SourceFile { path: "a/b.md".into(), kind: SourceKind::Markdown, text: text.to_string() },
    ];
    let config = OwnersConfig { md_yaml: true, ..OwnersConfig::default() };
    let (tree, _) = OwnersTree::build(&sources, Some(text), &config);
    let _ = bazaar_review::audit::audit(&tree, None);
    for f in ["", ".", "a/b.md", "x/y.go", "/abs"] {
        let _ = tree.approvers(f);
        let _ = tree.approver_owners_dir(f);
    }
});
