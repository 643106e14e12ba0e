//! `activity/affiliation-line-unparsable`: a line of an affiliation file
//! (`developers_affiliations*.txt`, `email-map`, `domain-map`, `aliases`)
//! that does not follow gitdm's grammar. The check lives in
//! [`crate::affiliations`].

use bazaar_core::{RuleMeta, RuleStatus, Severity};

pub const META: RuleMeta = RuleMeta {
    id: "activity/affiliation-line-unparsable",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a line of a gitdm affiliation file does not parse",
    doc: "## What it checks\nThat every line of `developers_affiliations*.txt`, `email-map`, \
          `domain-map` and `aliases` follows gitdm's grammar: `login: email, ...` headers \
          followed by TAB-indented `Company [from YYYY-MM-DD] [until YYYY-MM-DD]` lines; \
          `email-or-domain Company [< YYYY-MM-DD]` map lines; `variant canonical` alias lines. \
          Dates must exist and a `from` must come before its `until`.\n\n\
          ## Why it matters\nA line that does not parse is an affiliation nobody gets: the \
          person's commits and events land in `(Unknown)`. gitdm and DevStats skip such lines \
          silently; bazaar skips the line too but says so, with the file and line.\n\n\
          ## Example\n```\njdoe jdoe!example.com          # missing `:` after the login\n\
          \tAcme from 2020-13-01          # there is no month 13\n```\n\n\
          ## How to fix\nWrite the header as `login: email!domain, ...` and the dates as \
          `YYYY-MM-DD`; an interval line must follow a header and be indented with a TAB.",
    origin: "cncf/gitdm developers_affiliations*.txt, src/ConfigFile.py",
};

#[cfg(test)]
mod tests {
    use crate::affiliations::{parse_aliases, parse_developers, parse_email_map};

    const FAIL: &str = include_str!(
        "../../tests/fixtures/rules/activity-affiliation-line-unparsable/fail/developers_affiliations.txt"
    );
    const PASS: &str = include_str!(
        "../../tests/fixtures/rules/activity-affiliation-line-unparsable/pass/developers_affiliations.txt"
    );

    #[test]
    fn failing_fixture_is_reported_with_lines() {
        let (devs, diags) = parse_developers(FAIL, "developers_affiliations.txt");
        let found: Vec<(u32, &str)> = diags.iter().map(|d| (d.line, d.rule)).collect();
        assert_eq!(
            found,
            vec![
                (3, super::META.id),
                (4, super::META.id),
                (7, super::META.id),
                (10, super::META.id),
            ],
            "{diags:#?}"
        );
        // The good blocks survive.
        let logins: Vec<&str> = devs.iter().map(|d| d.login.as_str()).collect();
        assert_eq!(logins, vec!["alice", "carol"]);
    }

    #[test]
    fn passing_fixture_is_clean() {
        let (devs, diags) = parse_developers(PASS, "developers_affiliations.txt");
        assert!(diags.is_empty(), "{diags:#?}");
        assert_eq!(devs.len(), 3);
    }

    #[test]
    fn map_and_alias_lines() {
        let (m, diags) = parse_email_map(
            "a!b.com Acme < 2020-99-01\nnocompany\nok!x.com Acme\n",
            "email-map",
        );
        assert_eq!(diags.iter().map(|d| d.line).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(m.len(), 1);
        let (a, diags) = parse_aliases("lonely\nx!y.com z!y.com\n", "aliases");
        assert_eq!(diags.iter().map(|d| d.line).collect::<Vec<_>>(), vec![1]);
        assert_eq!(a, vec![("x@y.com".to_string(), "z@y.com".to_string())]);
    }
}
