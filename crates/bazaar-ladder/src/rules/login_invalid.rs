//! `org/login-invalid`: a login is not a string peribolos can use as a GitHub login.

use std::sync::LazyLock;

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};
use regex::Regex;

use super::{CheckOptions, finding, login_lists};
use crate::org::{LoginEntry, OrgTree};

pub const RULE: RuleMeta = RuleMeta {
    id: "org/login-invalid",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a login is an unquoted number or boolean, or not shaped like a GitHub login",
    doc: "## What it checks\nEach entry of `admins`, `members`, `maintainers`:\n\
          - written without quotes, must not be a YAML 1.1 number, boolean or null (`12345`, `0x1F`, \
          `1e3`, `yes`, `off`, `~`): peribolos decodes YAML through JSON, so such a login becomes a \
          number or boolean and the whole file fails to load;\n\
          - must look like a GitHub login: letters, digits and `-`, not starting with `-`, at most 39 \
          characters, no `@` or spaces.\n\n\
          ## Why it matters\nThe first breaks `make config` with a type error far from the cause; the \
          second can never match a GitHub account, so the person is silently never invited.\n\n\
          ## Example\n```yaml\nmembers:\n- 249043822     # must be \"249043822\"\n- \"@alice\"\n```\n\n\
          ## How to fix\nQuote all-digit logins (`- \"249043822\"`); write the login without `@` or \
          spaces.",
    origin: "sigs.k8s.io/yaml (go-yaml v2 YAML 1.1 resolution) strict decoding; GitHub login syntax",
};

/// YAML 1.1 scalars go-yaml v2 resolves to something other than a string.
static NOT_A_STRING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"~|null|Null|NULL|",
        r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|",
        r"[-+]?0b[01_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|",
        r"[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)|",
        r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        r")$"
    ))
    .expect("the pattern is valid")
});

/// GitHub's login alphabet, leniently (old accounts may have `--` or a trailing `-`).
static LOGIN_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z0-9][A-Za-z0-9-]{0,38}$").expect("the pattern is valid"));

/// Why `e` is not a usable login, if it is not.
pub(crate) fn problem(e: &LoginEntry) -> Option<String> {
    if !e.quoted && NOT_A_STRING.is_match(&e.raw) {
        return Some(format!(
            "`{}` is written without quotes, so peribolos decodes it as a number, boolean or null and rejects the file",
            e.raw
        ));
    }
    if !LOGIN_SHAPE.is_match(&e.raw) {
        return Some(format!("`{}` is not a valid GitHub login", e.raw));
    }
    None
}

pub fn check(tree: &OrgTree, _: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for org in &tree.orgs {
        for list in login_lists(org) {
            for e in list.entries {
                if let Some(why) = problem(e) {
                    out.push(
                        finding(&RULE, list.file, e.pos, format!("{why} (in {})", list.what))
                            .with_help(
                                "quote all-digit logins; write logins without `@` or spaces",
                            ),
                    );
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    fn entry(raw: &str, quoted: bool) -> LoginEntry {
        LoginEntry {
            login: bazaar_core::Login::new(raw),
            raw: raw.into(),
            pos: crate::org::Pos::UNKNOWN,
            quoted,
        }
    }

    #[test]
    fn yaml_1_1_non_strings_need_quotes() {
        for raw in [
            "12345", "0x1F", "0755", "1e3", "1.5", "yes", "Off", "y", "~", "1_000", ".inf",
        ] {
            assert!(problem(&entry(raw, false)).is_some(), "{raw}");
        }
        for raw in [
            "0xMH",
            "08volt",
            "196Ikuchil",
            "44past4",
            "a-b",
            "yesman",
            "e1",
        ] {
            assert_eq!(problem(&entry(raw, false)), None, "{raw}");
        }
        assert_eq!(problem(&entry("249043822", true)), None);
    }

    #[test]
    fn shape() {
        for raw in ["@alice", "al ice", "-alice", "a_b", "", &"a".repeat(40)] {
            assert!(problem(&entry(raw, true)).is_some(), "{raw:?}");
        }
        assert_eq!(problem(&entry(&"a".repeat(39), true)), None);
    }

    #[test]
    fn flags_entries_in_the_config() {
        let t = org_tree(&ORG_OK.replace("- m2\n", "- m2\n- 678\n- \"@m3\"\n"), &[]);
        assert_eq!(
            lines(&run(check, &t)),
            [
                "config/x/org.yaml:10:3: `678` is written without quotes, so peribolos decodes it as a number, boolean or null and rejects the file (in the members of org `x`)",
                "config/x/org.yaml:11:3: `@m3` is not a valid GitHub login (in the members of org `x`)",
            ]
        );
    }
}
