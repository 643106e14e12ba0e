//! Integration tests of bazaar-activity: one binary, one module per topic.

mod affiliations;
mod git_conformance;
mod no_panic;
mod people;
mod query;
mod store;
mod webhooks;
