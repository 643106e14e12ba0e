//! CLI integration tests: one binary, one module per topic.

mod harness;

mod explain;
mod usage;

// community
mod community;

// review
mod review;

// vote
mod election;

// activity
mod activity;

// ladder
mod ladder;
mod org;
