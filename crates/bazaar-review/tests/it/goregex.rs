//! Go regular expressions: bazaar's translation against Go's own `regexp`
//! (`tests/fixtures/upstream/go-regexp/make_baseline.sh`): the same patterns
//! compile, and each matches the same inputs.

use bazaar_review::goregex;
use serde_json::Value;

#[test]
fn agrees_with_go_regexp() {
    let v: Value = serde_json::from_str(include_str!("../fixtures/upstream/go-regexp/cases.json"))
        .expect("cases.json is JSON");
    let inputs: Vec<&str> = v["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .map(|i| i.as_str().expect("input"))
        .collect();
    let mut problems = Vec::new();
    let patterns = v["patterns"].as_object().expect("patterns");
    for (pattern, want) in patterns {
        // Go 1.22 (which Prow builds with) accepts `(?<name>`; the Go that
        // produced the baseline (1.19) did not.
        let go_ok = want["ok"].as_bool().expect("ok") || pattern == "(?<n>a)";
        match (goregex::compile(pattern), go_ok) {
            (Ok(_), false) => problems.push(format!("{pattern:?}: compiles here, not in Go")),
            (Err(e), true) => problems.push(format!("{pattern:?}: Go compiles it, here: {e}")),
            (Err(_), false) => {}
            (Ok(_), true) if want.get("matches").is_none() => {}
            (Ok(re), true) => {
                for (input, m) in inputs
                    .iter()
                    .zip(want["matches"].as_array().expect("matches"))
                {
                    if re.is_match(input) != m.as_bool().expect("bool") {
                        problems.push(format!("{pattern:?} on {input:?}: Go says {m}"));
                    }
                }
            }
        }
    }
    assert!(patterns.len() > 70);
    assert!(
        problems.is_empty(),
        "{} differences:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
