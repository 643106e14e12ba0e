//! When people took their roles: the since-dates the tenure requirements
//! need ("member for at least 3 months").
//!
//! peribolos files and OWNERS files keep no dates. They come from a
//! role-dates file (this module's format, below) or from the git history of
//! OWNERS files (computed elsewhere and merged in with [`RoleDates::merge`]).
//!
//! ```yaml
//! member:            # org membership, any org
//!   alice: 2024-03-01
//! reviewer:          # a `reviewers` entry in any OWNERS file
//!   alice: 2025-01-13
//! approver:          # an `approvers` entry in any OWNERS file
//!   bob: 2023-06-05
//! ```

use std::collections::BTreeMap;

use bazaar_core::Login;
use bazaar_core::yaml::{self, YamlError};
use jiff::civil::Date;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::ladder::Rung;

/// Earliest known date of each person on each rung, anywhere or in one
/// place (an OWNERS file's display path, an org).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleDates {
    dates: BTreeMap<(Rung, Login), Date>,
    scoped: BTreeMap<(Rung, Login, String), Date>,
}

impl RoleDates {
    /// When `login` took `rung` (anywhere), if known.
    pub fn since(&self, rung: Rung, login: &Login) -> Option<Date> {
        self.dates.get(&(rung, login.clone())).copied()
    }

    /// When `login` took `rung` in `scope`: the date recorded for that
    /// place, else the one recorded for anywhere.
    pub fn since_in(&self, rung: Rung, login: &Login, scope: &str) -> Option<Date> {
        self.scoped
            .get(&(rung, login.clone(), scope.to_string()))
            .copied()
            .or_else(|| self.since(rung, login))
    }

    /// Record a date for one place; the earlier of two dates wins.
    pub fn insert_in(&mut self, rung: Rung, login: Login, scope: &str, date: Date) {
        self.scoped
            .entry((rung, login, scope.to_string()))
            .and_modify(|d| *d = (*d).min(date))
            .or_insert(date);
    }

    /// Record a date; the earlier of two dates for the same rung wins.
    pub fn insert(&mut self, rung: Rung, login: Login, date: Date) {
        self.dates
            .entry((rung, login))
            .and_modify(|d| *d = (*d).min(date))
            .or_insert(date);
    }

    /// Add every date of `other` (earlier dates win).
    pub fn merge(&mut self, other: RoleDates) {
        for ((rung, login), date) in other.dates {
            self.insert(rung, login, date);
        }
        for ((rung, login, scope), date) in other.scoped {
            self.insert_in(rung, login, &scope, date);
        }
    }

    /// How many dates are recorded (anywhere and per place).
    pub fn len(&self) -> usize {
        self.dates.len() + self.scoped.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_empty() && self.scoped.is_empty()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDates {
    #[serde(default)]
    member: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    reviewer: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    approver: BTreeMap<String, Spanned<String>>,
}

/// Decode a role-dates file (strict: unknown keys and dates that are not
/// `YYYY-MM-DD` are located errors).
pub fn parse_role_dates(text: &str) -> Result<RoleDates, YamlError> {
    let raw: Option<RawDates> = yaml::from_str(text)?;
    let mut out = RoleDates::default();
    let Some(raw) = raw else { return Ok(out) };
    for (rung, entries) in [
        (Rung::Member, raw.member),
        (Rung::Reviewer, raw.reviewer),
        (Rung::Approver, raw.approver),
    ] {
        for (login, date) in entries {
            let parsed: Date = date.value.trim().parse().map_err(|_| YamlError {
                rule: &bazaar_core::rule::core_rules::YAML_WRONG_TYPE,
                line: u32::try_from(date.referenced.line()).unwrap_or(u32::MAX),
                col: u32::try_from(date.referenced.column()).unwrap_or(u32::MAX),
                message: format!("`{}` is not a date (YYYY-MM-DD) for `{login}`", date.value),
            })?;
            out.insert(rung, Login::new(&login), parsed);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn reads_every_rung_and_keeps_the_earliest() {
        let d = parse_role_dates(
            "member:\n  Alice: 2024-03-01\nreviewer:\n  alice: 2025-01-13\napprover:\n  bob: '2023-06-05'\n",
        )
        .expect("valid");
        let alice = Login::new("alice");
        assert_eq!(d.since(Rung::Member, &alice), Some(date(2024, 3, 1)));
        assert_eq!(d.since(Rung::Reviewer, &alice), Some(date(2025, 1, 13)));
        assert_eq!(
            d.since(Rung::Approver, &Login::new("BOB")),
            Some(date(2023, 6, 5))
        );
        assert_eq!(d.since(Rung::Approver, &alice), None);
        let mut d = d;
        let mut later = RoleDates::default();
        later.insert(Rung::Member, alice.clone(), date(2025, 1, 1));
        later.insert(Rung::Member, Login::new("carol"), date(2025, 1, 1));
        later.insert_in(Rung::Reviewer, alice.clone(), "k/OWNERS", date(2023, 1, 1));
        d.merge(later);
        assert_eq!(d.since(Rung::Member, &alice), Some(date(2024, 3, 1)));
        assert_eq!(d.len(), 5);
        assert_eq!(
            d.since_in(Rung::Reviewer, &alice, "k/OWNERS"),
            Some(date(2023, 1, 1))
        );
        assert_eq!(
            d.since_in(Rung::Reviewer, &alice, "x/OWNERS"),
            Some(date(2025, 1, 13)),
            "anywhere"
        );
    }

    #[test]
    fn bad_dates_and_keys_are_located() {
        let e = parse_role_dates("member:\n  alice: 2024-13-01\n").expect_err("month 13");
        assert_eq!((e.line, e.col, e.rule.id), (2, 10, "yaml/wrong-type"));
        assert!(
            e.message.contains("`2024-13-01` is not a date"),
            "{}",
            e.message
        );
        let e = parse_role_dates("members:\n  alice: 2024-01-01\n").expect_err("unknown key");
        assert_eq!((e.line, e.rule.id), (1, "yaml/unknown-key"));
        assert!(parse_role_dates("").expect("empty").is_empty());
    }
}
