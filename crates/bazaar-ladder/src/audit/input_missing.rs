//! `ladder/audit-input-missing`: an audit could not run because an input is missing.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

use super::Finding;

pub const RULE: RuleMeta = RuleMeta {
    id: "ladder/audit-input-missing",
    severity: Severity::Info,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a ladder audit was not run (or only partly) because the data it needs is missing",
    doc: "## What it checks\nEach ladder audit needs some inputs: org membership, activity counts \
          covering the last 12 months, OWNERS files, the group registry. When one is missing, \
          stale or too short, the audit reports this finding instead of its results.\n\n\
          ## Why it matters\nAn audit that silently ran on missing data would call active people \
          inactive (or hide real problems). This finding makes the gap visible.\n\n\
          ## Example\n```\nladder/audit-input-missing info: activity data not available: inactivity of org members not assessed\n```\n\n\
          ## How to fix\nProvide the input named in the message (ingest activity, configure local \
          checkouts for OWNERS files, point the workspace at the org config).",
    origin: "bazaar",
};

/// `<what>: <not_assessed>`, about the audit named `audit`.
pub(crate) fn missing(audit: &str, what: &str, not_assessed: &str) -> Finding {
    Finding::new(&RULE, audit, format!("{what}: {not_assessed}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_input_and_consequence() {
        let f = missing(
            "inactive-member",
            "activity data not available",
            "inactivity of org members not assessed",
        );
        assert_eq!(
            f.message,
            "activity data not available: inactivity of org members not assessed"
        );
        assert_eq!(
            (f.rule.id, f.severity),
            ("ladder/audit-input-missing", Severity::Info)
        );
    }
}
