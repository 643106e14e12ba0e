//! Integration tests of bazaar-community: conformance on the real
//! kubernetes/community data, fixtures of every rule, robustness.

mod golden;
mod robustness;
mod roundtrip;
