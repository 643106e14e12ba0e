//! bazaar-review integration tests: one binary, one module per topic.

mod approvers;
mod gorand;
mod no_panic;
mod notifier;
mod real_data;
mod support;
