//! The rules of the activity capability: bad records in the inputs.
//!
//! Each file holds one rule's [`RuleMeta`] (its documentation) and its tests
//! with a failing fixture; the check itself lives in the parser it guards.

use bazaar_core::RuleMeta;

pub mod affiliation_line_unparsable;
pub mod event_line_malformed;
pub mod event_type_unknown;

/// Every rule of bazaar-activity.
pub const ALL: &[RuleMeta] = &[
    affiliation_line_unparsable::META,
    event_line_malformed::META,
    event_type_unknown::META,
];
