//! Golden tests: on the real kubernetes/community data, every generated file
//! is byte-identical to the committed one (spec §2.13).

use std::fs;
use std::io;

use bazaar_community::generate::generate;
use bazaar_community::load::Source;
use bazaar_testkit::shared_data;

#[test]
fn every_generated_file_matches_upstream_byte_for_byte() {
    let Some(root) = shared_data("community") else {
        return;
    };
    let src = Source::read_dir(&root).expect("readable");
    let community = src.decode().expect("decodes");
    let mut read = |p: &str| match fs::read(root.join(p)) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    };
    let files = generate(&community, &mut read).expect("generates");
    assert_eq!(
        files.len(),
        39,
        "sigs.yaml, 35 READMEs, sig-list.md, OWNERS_ALIASES, liaisons.md"
    );
    let mut failures = Vec::new();
    for f in &files {
        let committed = fs::read(root.join(&f.path)).expect("the golden file exists");
        if committed != f.contents {
            let ours = String::from_utf8_lossy(&f.contents);
            let theirs = String::from_utf8_lossy(&committed);
            let line = ours
                .lines()
                .zip(theirs.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| ours.lines().count().min(theirs.lines().count()));
            let show = |t: &str| {
                t.lines()
                    .skip(line.saturating_sub(2))
                    .take(5)
                    .map(|l| format!("    {l:?}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            failures.push(format!(
                "{} differs at line {}\n  ours:\n{}\n  upstream:\n{}",
                f.path,
                line + 1,
                show(&ours),
                show(&theirs)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    eprintln!("compared {} generated files byte for byte", files.len());
}
