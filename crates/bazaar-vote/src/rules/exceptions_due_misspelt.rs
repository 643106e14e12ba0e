//! `vote/exceptions-due-misspelt`: `exceptions_due` is written where Elekto reads `exception_due`.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/exceptions-due-misspelt",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "`exceptions_due` is written where Elekto reads `exception_due`",
    doc: "## What it checks\nThat the exception deadline is spelt `exception_due`, the key Elekto reads.\n\n## Why it matters\nElekto's documentation says `exceptions_due`, but the code reads only `exception_due` and otherwise closes exception requests at `start_datetime`: a config that follows the docs silently loses its deadline. bazaar reads the misspelt key and warns.\n\n## Example\n```yaml\nexceptions_due: 2031-09-10 11:59:59\n```\n\n## How to fix\nRename the key to `exception_due`.",
    origin: "Elekto docs vs code (spec §1.3)",
};

// Reported while loading (see `crate::load`); the tests below pin it.

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_the_plural() {
        let cfg = include_str!("../../tests/fixtures/election-ok/election.yaml")
            .replace("exception_due:", "exceptions_due:");
        let d = check_with(&[("election.yaml", Some(&cfg))]);
        assert_eq!(of(&d, META.id).len(), 1, "{d:?}");
    }
}
