//! Integration tests of bazaar-vote: one binary, one module per topic.

mod ballot_box;
mod conformance;
mod no_panic;
