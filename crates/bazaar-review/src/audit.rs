//! `bazaar owners audit`: what Prow silently ignores or gets wrong.
