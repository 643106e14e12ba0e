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

/// Upstream's `Validate()` accepts the real data; bazaar adds exactly one
/// warning there (the orphaned `wg-lts/` README, spec §1.11).
#[test]
fn real_data_validates_with_only_the_orphaned_dir_warning() {
    let Some(root) = shared_data("community") else {
        return;
    };
    let checked = bazaar_community::check(&Source::read_dir(&root).expect("readable"));
    let found: Vec<(&str, &str)> = checked
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.file.as_str()))
        .collect();
    assert_eq!(
        found,
        [("community/orphaned-group-dir", "wg-lts/README.md")]
    );
    let c = checked.community.expect("decoded");
    let counts: Vec<usize> = [&c.sigs, &c.working_groups, &c.user_groups, &c.committees]
        .iter()
        .map(|g| g.len())
        .collect();
    assert_eq!(counts, [24, 8, 0, 3], "spec §1.10");
    let subprojects: usize = c.groups().map(|g| g.subprojects.len()).sum();
    let owners: usize = c
        .groups()
        .flat_map(|g| &g.subprojects)
        .map(|s| s.owners.len())
        .sum();
    assert_eq!((subprojects, owners), (236, 526), "spec §1.10");
    let parsed = c
        .groups()
        .flat_map(|g| &g.subprojects)
        .flat_map(|s| &s.owners)
        .filter(|u| bazaar_community::OwnersUrl::parse(u).is_some())
        .count();
    assert_eq!(parsed, 526, "every owners URL parses");
}
