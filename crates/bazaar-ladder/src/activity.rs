//! Contribution numbers, as plain input to the ladder and the audits.
//!
//! bazaar-ladder does not count anything itself: the activity store (or a
//! DevStats export) fills these structs. Every count covers one
//! [`ActivityWindow`], which the engines check before drawing conclusions,
//! so a short or stale window never makes someone look inactive.

use std::collections::{BTreeMap, BTreeSet};

use bazaar_core::Login;
use jiff::civil::Date;

use crate::ladder::date::{add_months, days_between};

/// The period a set of counts covers, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActivityWindow {
    pub from: Date,
    pub to: Date,
}

impl ActivityWindow {
    /// Why counts over this window cannot say what happened in the
    /// `months` before `now`, or `None` when they can: the window must
    /// start no later than `now − months` and end no earlier than
    /// `now − max_staleness_days`.
    pub fn gap_before(&self, now: Date, months: i32, max_staleness_days: i32) -> Option<String> {
        let start = add_months(now, -months);
        if self.from > start {
            return Some(format!(
                "activity data covers {self} only, not the {months} months since {start}"
            ));
        }
        let stale = days_between(self.to, now);
        if stale > max_staleness_days {
            return Some(format!(
                "activity data ends on {} ({stale} days before {now})",
                self.to
            ));
        }
        None
    }
}

impl std::fmt::Display for ActivityWindow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.from, self.to)
    }
}

/// One person's counts over a window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Activity {
    /// Every contribution DevStats counts (commits, PRs, reviews, issues,
    /// comments): the number membership and OWNERS inactivity rules use.
    pub contributions: u32,
    /// Comments on pull requests (the OWNERS cleanup rule looks at them
    /// too). The activity store cannot tell PR comments from issue comments,
    /// so it counts both: a generous figure, never one that makes someone
    /// look less active than they are.
    pub pr_comments: u32,
    /// Pull requests authored and merged.
    pub prs_authored_merged: u32,
    /// Pull requests of others reviewed (a review or review comment).
    pub prs_reviewed: u32,
    /// Of those, PRs where the person was the primary reviewer (the
    /// activity store's definition: most review records on the PR).
    pub prs_primary_reviewer: u32,
}

/// Counts for many people over one window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityData {
    pub window: ActivityWindow,
    pub people: BTreeMap<Login, Activity>,
    /// Whose counts the data can speak for. `None`: everyone (GitHub events
    /// name every actor by login, so a login absent from `people` did
    /// nothing in the window, as DevStats reports it). `Some(set)`: only
    /// these logins (git history names authors by e-mail; only people whose
    /// e-mails map to a login are known); anyone else is unknown, never
    /// inactive.
    pub covered: Option<BTreeSet<Login>>,
    /// Whether the data holds pull-request reviews (GH Archive does, git
    /// history does not): without them review counts are unknown, not zero.
    pub has_reviews: bool,
    /// Whether the data is the community's GitHub activity across its orgs
    /// (GH Archive events), what DevStats measures inactivity on. Git
    /// history alone is not: it misses reviews, comments and every other
    /// repository, so it can show that someone is active but never that
    /// someone is inactive.
    pub org_wide: bool,
    /// What the data is, for messages ("GH Archive events", "git history of
    /// `kubernetes/enhancements`").
    pub source: String,
}

impl ActivityData {
    /// Data for everyone, with reviews (the GH Archive case).
    pub fn complete(window: ActivityWindow, people: BTreeMap<Login, Activity>) -> ActivityData {
        ActivityData {
            window,
            people,
            covered: None,
            has_reviews: true,
            org_wide: true,
            source: "GH Archive events".to_string(),
        }
    }

    /// Why this data cannot show inactivity over the `months` before
    /// `now`, or `None` when it can (org-wide, long enough and fresh).
    pub fn inactivity_gap(
        &self,
        now: Date,
        months: i32,
        max_staleness_days: i32,
    ) -> Option<String> {
        if !self.org_wide {
            return Some(format!(
                "activity data is {} only (no GitHub events: reviews, comments and other repositories are missing)",
                self.source
            ));
        }
        self.window.gap_before(now, months, max_staleness_days)
    }

    /// `login`'s counts (all zero when absent), or `None` when the data
    /// cannot speak for `login` (see [`ActivityData::covered`]).
    pub fn of(&self, login: &Login) -> Option<Activity> {
        match &self.covered {
            Some(set) if !set.contains(login) => None,
            _ => Some(self.people.get(login).copied().unwrap_or_default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn windows_must_cover_the_period_and_be_fresh() {
        let now = date(2026, 8, 21);
        let ok = ActivityWindow {
            from: date(2025, 8, 1),
            to: date(2026, 8, 20),
        };
        assert_eq!(ok.gap_before(now, 12, 31), None);
        let short = ActivityWindow {
            from: date(2026, 1, 1),
            ..ok
        };
        assert_eq!(
            short.gap_before(now, 12, 31).as_deref(),
            Some(
                "activity data covers 2026-01-01..2026-08-20 only, not the 12 months since 2025-08-21"
            )
        );
        let stale = ActivityWindow {
            to: date(2026, 6, 1),
            ..ok
        };
        assert_eq!(
            stale.gap_before(now, 12, 31).as_deref(),
            Some("activity data ends on 2026-06-01 (81 days before 2026-08-21)")
        );
    }

    #[test]
    fn uncovered_logins_are_unknown_not_inactive() {
        let window = ActivityWindow {
            from: date(2025, 8, 1),
            to: date(2026, 8, 20),
        };
        let busy = Activity {
            contributions: 7,
            ..Activity::default()
        };
        let mut data = ActivityData::complete(window, BTreeMap::from([(Login::new("busy"), busy)]));
        assert_eq!(data.of(&Login::new("BUSY")), Some(busy));
        assert_eq!(data.of(&Login::new("idle")), Some(Activity::default()));
        data.covered = Some(BTreeSet::from([Login::new("busy")]));
        assert_eq!(data.of(&Login::new("busy")), Some(busy));
        assert_eq!(data.of(&Login::new("idle")), None);
    }
}
