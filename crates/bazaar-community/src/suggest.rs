//! "Did you mean …?" suggestions for names the user (or a file) got wrong.

/// The candidate closest to `input` (case-insensitive Jaro-Winkler), when it
/// is close enough to be a plausible typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let needle = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&needle, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["sig-node", "sig-network", "wg-batch"];
        assert_eq!(closest("sig-nodes", names), Some("sig-node"));
        assert_eq!(closest("WG-Bach", names), Some("wg-batch"));
        assert_eq!(closest("committee-steering", names), None);
    }
}
