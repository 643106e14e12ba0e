//! bazaar-review integration tests: one binary, one module per topic.

mod approvers;
mod blunderbuss;
mod chains;
mod gorand;
mod goregex;
mod no_panic;
mod notifier;
mod real_data;
mod support;
