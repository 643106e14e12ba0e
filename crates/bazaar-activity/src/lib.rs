//! tmp
pub mod affiliations;
pub mod bots;
pub mod date;
pub mod gharchive;
pub mod git;
pub mod rename;
pub mod rules;
