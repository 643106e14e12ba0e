//! Integration tests of bazaar-ladder: one binary, one module per topic.

mod fuzz_noise;
mod real_data;
