//! The canonical writer is a fixed point on the real `sigs.yaml` (spec §1.12).

use bazaar_community::emit::to_yaml;
use bazaar_community::load::Source;
use bazaar_testkit::shared_data;

#[test]
fn real_sigs_yaml_round_trips_byte_for_byte() {
    let Some(root) = shared_data("community") else {
        return;
    };
    let src = Source::read_dir(&root).expect("readable");
    let community = src.decode().expect("the real sigs.yaml decodes");
    let out = to_yaml(&community);
    if out != src.sigs_yaml {
        let first = out
            .lines()
            .zip(src.sigs_yaml.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let ctx = |t: &str| {
            t.lines()
                .skip(first.saturating_sub(3))
                .take(8)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "first difference at line {}\n--- ours\n{}\n--- upstream\n{}",
            first + 1,
            ctx(&out),
            ctx(&src.sigs_yaml)
        );
    }
}
