//! `ladder/meeting-frequency-unknown`: a SIG meeting's frequency could not be interpreted.
//!
//! Reported by the `ladder/meetings-too-rare` audit when the unreadable
//! frequency decides the outcome; this file holds the rule's registration.

use bazaar_core::{RuleMeta, RuleStatus, Severity};

pub const RULE: RuleMeta = RuleMeta {
    id: "ladder/meeting-frequency-unknown",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a SIG meeting's `frequency` is phrased in a way bazaar cannot interpret",
    doc: "## What it checks\nWhen no meeting of a SIG is known to happen at least every three weeks, \
          every meeting whose free-form `frequency` cannot be interpreted is reported, so the \
          meeting-cadence audit never passes by default.\n\n\
          ## Why it matters\n`frequency` is free text; guessing would either hide an inactive SIG or \
          accuse an active one.\n\n\
          ## Example\n```yaml\nmeetings:\n- description: Regular SIG Meeting\n  frequency: as needed\n```\n\n\
          ## How to fix\nWrite the cadence in a usual form: `weekly`, `biweekly`, `every three \
          weeks`, `monthly`, `first Tuesday of the month`.",
    origin: "bazaar",
};

#[cfg(test)]
mod tests {
    use super::super::frequency::parse_frequency;

    #[test]
    fn unreadable_phrasings_are_what_it_reports() {
        assert!(parse_frequency("as needed").is_none());
        assert!(parse_frequency("every three weeks").is_some());
    }
}
