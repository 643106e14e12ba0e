//! tmp
pub mod emit;
pub mod generate;
pub mod load;
pub mod model;
pub mod owners_url;
