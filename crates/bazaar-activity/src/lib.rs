//! tmp
pub mod affiliations;
pub mod bots;
pub mod chart;
pub mod date;
pub mod gharchive;
pub mod git;
pub mod ingest;
pub mod query;
pub mod rename;
pub mod rules;
pub mod sample;
pub mod stats;
pub mod store;
pub mod synth;
