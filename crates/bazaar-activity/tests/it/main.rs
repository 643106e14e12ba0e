//! Integration tests of bazaar-activity: one binary, one module per topic.

mod git_conformance;
