//! The ballot box (below).
