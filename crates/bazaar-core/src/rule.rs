//! Rule metadata: the registry entry behind every diagnostic's rule id.
//!
//! Each capability crate keeps a `rules` module whose `mod.rs` lists its
//! [`RuleMeta`] entries (one file per rule holds the check, its docs and its
//! tests). The CLI joins those lists for `bazaar explain RULE-ID`.

use crate::Severity;

/// Lifecycle of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleStatus {
    Stable,
    Preview,
    Deprecated,
}

impl RuleStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleStatus::Stable => "stable",
            RuleStatus::Preview => "preview",
            RuleStatus::Deprecated => "deprecated",
        }
    }
}

/// The registry entry of one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleMeta {
    /// `<capability>/<what-is-wrong>`, e.g. `community/lead-missing-email`.
    pub id: &'static str,
    /// Default severity of its findings.
    pub severity: Severity,
    pub status: RuleStatus,
    /// bazaar version that introduced it.
    pub since: &'static str,
    /// One line: what the rule flags.
    pub summary: &'static str,
    /// Markdown with the sections *What it checks*, *Why it matters*,
    /// *Example* and *How to fix*; printed by `bazaar explain`.
    pub doc: &'static str,
    /// Where the behaviour comes from (e.g. `kubernetes/community generator/app.go Validate()`),
    /// or `bazaar` for checks upstream does not have.
    pub origin: &'static str,
}

/// Rules of bazaar-core itself: reading and decoding input.
pub mod core_rules {
    use super::{RuleMeta, RuleStatus};
    use crate::Severity;

    pub const YAML_SYNTAX: RuleMeta = RuleMeta {
        id: "yaml/syntax",
        severity: Severity::Error,
        status: RuleStatus::Stable,
        since: "0.1.0",
        summary: "the file is not well-formed YAML",
        doc: "## What it checks\nThat the file parses as a single YAML document.\n\n\
              ## Why it matters\nNothing in a file that does not parse can be trusted; upstream tools \
              (Go's yaml.v3) stop at the first syntax error too.\n\n\
              ## Example\n```yaml\nname: a\n  day: b   # indentation error\n```\n\n\
              ## How to fix\nFix the YAML at the reported line and column.",
        origin: "yaml.v3 / YAML 1.2",
    };

    pub const YAML_UNKNOWN_KEY: RuleMeta = RuleMeta {
        id: "yaml/unknown-key",
        severity: Severity::Error,
        status: RuleStatus::Stable,
        since: "0.1.0",
        summary: "a mapping has a key the format does not define",
        doc: "## What it checks\nStrictly decoded formats (such as `sigs.yaml`, read upstream with \
              `KnownFields(true)`) reject any key they do not define.\n\n\
              ## Why it matters\nA misspelt key is silently lost by lenient readers.\n\n\
              ## Example\n```yaml\nleadership:\n  chair: []   # the key is `chairs`\n```\n\n\
              ## How to fix\nCorrect the spelling or remove the key; the message lists the keys allowed here.",
        origin: "yaml.v3 KnownFields(true)",
    };

    pub const YAML_DUPLICATE_KEY: RuleMeta = RuleMeta {
        id: "yaml/duplicate-key",
        severity: Severity::Error,
        status: RuleStatus::Stable,
        since: "0.1.0",
        summary: "a mapping has the same key twice",
        doc: "## What it checks\nThat no mapping repeats a key.\n\n\
              ## Why it matters\nyaml.v3 rejects duplicate keys; other readers keep one of the values \
              silently, so the file means different things to different tools.\n\n\
              ## Example\n```yaml\nname: Apps\nname: Apps2\n```\n\n\
              ## How to fix\nKeep one of the entries.",
        origin: "yaml.v3",
    };

    pub const YAML_WRONG_TYPE: RuleMeta = RuleMeta {
        id: "yaml/wrong-type",
        severity: Severity::Error,
        status: RuleStatus::Stable,
        since: "0.1.0",
        summary: "a value has the wrong shape (e.g. a list where a string is expected)",
        doc: "## What it checks\nThat every value has the type the format defines.\n\n\
              ## Why it matters\nThe upstream tool refuses such a file.\n\n\
              ## Example\n```yaml\nname: [Apps]   # a string is expected\n```\n\n\
              ## How to fix\nWrite the value in the expected form; the message says which.",
        origin: "yaml.v3",
    };

    pub const YAML_MISSING_FIELD: RuleMeta = RuleMeta {
        id: "yaml/missing-field",
        severity: Severity::Error,
        status: RuleStatus::Stable,
        since: "0.1.0",
        summary: "a required key is absent",
        doc: "## What it checks\nThat keys the format requires are present.\n\n\
              ## Why it matters\nConsumers cannot do their job without them.\n\n\
              ## Example\n```yaml\n- github: jdoe   # `name` is required\n```\n\n\
              ## How to fix\nAdd the key named in the message.",
        origin: "bazaar",
    };

    /// Every rule of bazaar-core.
    pub const ALL: &[RuleMeta] = &[
        YAML_SYNTAX,
        YAML_UNKNOWN_KEY,
        YAML_DUPLICATE_KEY,
        YAML_WRONG_TYPE,
        YAML_MISSING_FIELD,
    ];
}

/// Find a rule by id in several registries, following `redirects`
/// (`(old id, new id)` pairs) so renamed rules keep resolving.
pub fn find<'a>(
    registries: &[&'a [RuleMeta]],
    redirects: &[(&str, &str)],
    id: &str,
) -> Option<&'a RuleMeta> {
    let id = redirects
        .iter()
        .find(|(old, _)| *old == id)
        .map_or(id, |(_, new)| new);
    registries
        .iter()
        .flat_map(|r| r.iter())
        .find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_follows_redirects() {
        let regs = [core_rules::ALL];
        assert_eq!(
            find(&regs, &[], "yaml/syntax").map(|r| r.id),
            Some("yaml/syntax")
        );
        assert_eq!(
            find(&regs, &[("yaml/parse", "yaml/syntax")], "yaml/parse").map(|r| r.id),
            Some("yaml/syntax")
        );
        assert!(find(&regs, &[], "nope/nope").is_none());
    }

    #[test]
    fn core_rule_docs_have_all_sections() {
        for r in core_rules::ALL {
            for section in [
                "## What it checks",
                "## Why it matters",
                "## Example",
                "## How to fix",
            ] {
                assert!(r.doc.contains(section), "{} lacks {section}", r.id);
            }
        }
    }
}
