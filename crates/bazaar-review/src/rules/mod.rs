//! The review rules.
use bazaar_core::RuleMeta;
pub const ALL: &[RuleMeta] = &[];
