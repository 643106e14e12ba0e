//! CLI integration tests: one binary, one module per topic.

mod harness;

mod explain;
mod usage;

// community

// review
mod review;

// vote

// activity

// ladder
