//! Validation rules of the registry: every check of upstream's `Validate()`
//! (spec §2.4), each with its own id and exact upstream message, plus
//! bazaar's own findings where upstream is silent.
//!
//! One file per rule holds its [`RuleMeta`] (with the doc `bazaar explain`
//! prints), its check and its tests; fixtures live in
//! `tests/fixtures/rules/<name>/{fail,pass}/`. [`ALL`] is the registry the CLI
//! joins; [`validate`] runs every rule.

use bazaar_core::{Diagnostic, RuleMeta};

use crate::model::{Community, Loc};

mod people;

mod category_unknown_group;
mod dir_mismatch;
mod duplicate_group_dir;
mod duplicate_sort_key;
mod duplicate_subproject;
mod emeritus_has_company;
mod gb_rep_incomplete;
mod group_dir_unsafe;
mod group_missing_category;
mod group_without_chairs;
mod label_mismatch;
mod lead_missing_company;
mod lead_missing_email;
mod lead_missing_github;
mod liaison_not_on_steering;
mod orphaned_group_dir;
mod owners_url_invalid;
mod person_company_mismatch;
mod person_email_mismatch;
mod person_missing_name;
mod person_name_mismatch;
mod reporting_wg_invalid;
mod sig_missing_charter;
mod sig_missing_mission;
mod sig_missing_subprojects;
mod stakeholder_sig_unknown;
mod stakeholder_sigs_outside_wg;
mod subproject_missing_owners;
mod subprojects_not_allowed;
mod usergroups_without_template;
mod wg_missing_stakeholder_sigs;

/// `origin` of the rules that reproduce upstream's `Validate()`.
const UPSTREAM: &str = "kubernetes/community generator/app.go Validate()";

/// What a rule looks at: the decoded community and how to name its files.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub community: &'a Community,
    /// How diagnostics name `sigs.yaml` (e.g. `sigs.yaml`, `<embedded>/sigs.yaml`).
    pub sigs_file: &'a str,
    /// How diagnostics name `categories.yaml`.
    pub categories_file: &'a str,
    /// Top-level directories holding a generated README (see
    /// [`crate::load::Source::generated_dirs`]).
    pub generated_dirs: &'a [String],
}

impl Context<'_> {
    /// A finding of `rule` at `loc` in `sigs.yaml`, with the rule's severity.
    pub(crate) fn at(&self, rule: &RuleMeta, loc: Loc, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(rule.id, rule.severity, message).at(self.sigs_file, loc.line, loc.col)
    }
}

/// One rule: its registry entry and its check.
struct Rule {
    meta: &'static RuleMeta,
    check: fn(&Context, &mut Vec<Diagnostic>),
}

macro_rules! rules {
    ($($m:ident),* $(,)?) => {
        /// Every rule of the registry, in the order of this list.
        pub const ALL: &[RuleMeta] = &[$($m::META),*];
        const RULES: &[Rule] = &[$(Rule { meta: &$m::META, check: $m::check }),*];
    };
}

rules![
    // Upstream `Validate()`, in its order.
    gb_rep_incomplete,
    dir_mismatch,
    label_mismatch,
    lead_missing_github,
    lead_missing_email,
    lead_missing_company,
    person_missing_name,
    person_email_mismatch,
    person_company_mismatch,
    person_name_mismatch,
    emeritus_has_company,
    reporting_wg_invalid,
    stakeholder_sig_unknown,
    stakeholder_sigs_outside_wg,
    wg_missing_stakeholder_sigs,
    sig_missing_charter,
    sig_missing_mission,
    sig_missing_subprojects,
    subprojects_not_allowed,
    subproject_missing_owners,
    owners_url_invalid,
    // bazaar's own.
    group_dir_unsafe,
    duplicate_group_dir,
    duplicate_subproject,
    duplicate_sort_key,
    orphaned_group_dir,
    usergroups_without_template,
    liaison_not_on_steering,
    group_without_chairs,
    group_missing_category,
    category_unknown_group,
];

/// Run every rule. Findings come back sorted (file, line, column, rule).
pub fn validate(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        let start = out.len();
        (rule.check)(cx, &mut out);
        debug_assert!(out[start..].iter().all(|d| d.rule == rule.meta.id));
    }
    bazaar_core::diag::normalize(&mut out);
    out
}

/// Go's `%q` (`strconv.Quote`): double quotes, escapes for quotes,
/// backslashes and non-printable characters.
pub(crate) fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if c.is_control() || (c.is_whitespace() && c != ' ') => {
                let v = u32::from(c);
                if v < 0x80 {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v < 0x10000 {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
pub(crate) mod testing {
    //! Fixture support for the rule tests.

    use std::path::PathBuf;

    use bazaar_core::{Diagnostic, RuleMeta};

    use super::{Context, validate};
    use crate::load::{CATEGORIES_YAML, Source};

    /// `tests/fixtures/rules/<name>/<case>` for a rule id `community/<name>`.
    pub fn fixture_dir(rule: &RuleMeta, case: &str) -> PathBuf {
        let name = rule.id.strip_prefix("community/").unwrap_or(rule.id);
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rules")
            .join(name)
            .join(case)
    }

    /// The shared valid community every rule fixture starts from.
    pub fn valid_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/valid")
    }

    /// Every finding for a community directory.
    pub fn check_dir(dir: &std::path::Path) -> Vec<Diagnostic> {
        let src = Source::read_dir(dir).expect("the fixture directory is readable");
        let community = match src.decode() {
            Ok(c) => c,
            Err(d) => return d,
        };
        validate(&Context {
            community: &community,
            sigs_file: "sigs.yaml",
            categories_file: CATEGORIES_YAML,
            generated_dirs: &src.generated_dirs,
        })
    }

    /// The findings of `rule` on its `fail` (or `pass`) fixture.
    pub fn fixture(rule: &RuleMeta, case: &str) -> Vec<Diagnostic> {
        let dir = fixture_dir(rule, case);
        check_dir(&dir)
            .into_iter()
            .filter(|d| d.rule == rule.id)
            .collect()
    }

    /// `(line, message)` of each finding.
    pub fn lines_and_messages(diags: &[Diagnostic]) -> Vec<(u32, String)> {
        diags.iter().map(|d| (d.line, d.message.clone())).collect()
    }

    /// The findings of `rule` on a `sigs.yaml` text.
    pub fn check_text(rule: &RuleMeta, sigs_yaml: &str) -> Vec<Diagnostic> {
        let dir = bazaar_testkit::Dir::new();
        dir.create("sigs.yaml", sigs_yaml);
        check_dir(dir.path())
            .into_iter()
            .filter(|d| d.rule == rule.id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    /// Rules guarding invariants no file can break (tested in their own
    /// file on a model built in code).
    const REACHABLE_ONLY_FROM_CODE: &[&str] = &["community/reporting-wg-invalid"];

    #[test]
    fn every_rule_fires_on_its_fail_fixture_and_not_on_valid_data() {
        let valid = check_dir(&valid_dir());
        assert!(
            valid.is_empty(),
            "the shared valid fixture is clean: {valid:#?}"
        );
        for rule in ALL {
            if REACHABLE_ONLY_FROM_CODE.contains(&rule.id) {
                continue;
            }
            let fail = fixture_dir(rule, "fail");
            assert!(
                fail.is_dir(),
                "{} has no fail fixture at {}",
                rule.id,
                fail.display()
            );
            let found = fixture(rule, "fail");
            assert!(
                !found.is_empty(),
                "{} does not fire on its fail fixture",
                rule.id
            );
            assert!(
                found
                    .iter()
                    .all(|d| d.severity == rule.severity && d.line > 0
                        || d.file.ends_with("README.md")),
                "{} findings are located and carry the rule's severity: {found:#?}",
                rule.id
            );
            if fixture_dir(rule, "pass").is_dir() {
                let found = fixture(rule, "pass");
                assert!(
                    found.is_empty(),
                    "{} fires on its pass fixture: {found:#?}",
                    rule.id
                );
            }
        }
    }

    #[test]
    fn registry_is_consistent() {
        let mut ids: Vec<_> = ALL.iter().map(|r| r.id).collect();
        assert!(ids.iter().all(|id| id.starts_with("community/")));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len(), "rule ids are unique");
        for r in ALL {
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

    #[test]
    fn go_quote_matches_strconv_quote() {
        assert_eq!(go_quote("a@b.c"), "\"a@b.c\"");
        assert_eq!(go_quote("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"");
        assert_eq!(go_quote("tab\there\u{1}"), "\"tab\\there\\x01\"");
        assert_eq!(go_quote("Tużnik"), "\"Tużnik\"");
    }
}
