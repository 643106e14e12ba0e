//! The joined rule registry of every capability crate, for `bazaar explain`
//! and the generated `docs/rules.md`.

use bazaar_core::RuleMeta;

/// Every registry, in the order the reference lists them.
pub fn registries() -> Vec<&'static [RuleMeta]> {
    vec![
        bazaar_core::rule::core_rules::ALL,
        // community
        bazaar_community::rules::ALL,
        // review
        bazaar_review::rules::ALL,
        // vote
        bazaar_vote::rules::ALL,
        // activity
        bazaar_activity::rules::ALL,
        // ladder
        bazaar_ladder::rules::ALL,
    ]
}

/// Renamed rule ids: `(old, new)`. Old ids keep resolving in `bazaar explain`.
pub const REDIRECTS: &[(&str, &str)] = &[];

/// Look a rule up by id, following redirects.
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    bazaar_core::rule::find(&registries(), REDIRECTS, id)
}

/// Every rule, sorted by id.
pub fn all() -> Vec<&'static RuleMeta> {
    let mut v: Vec<_> = registries().into_iter().flatten().collect();
    v.sort_by_key(|r| r.id);
    v
}
