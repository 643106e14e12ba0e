//! GitHub logins.
//!
//! GitHub treats logins case-insensitively; Prow normalises them by
//! lower-casing and dropping a leading `@` (`github.NormLogin`). [`Login`]
//! keeps the spelling it was given for display and compares by the
//! normalised form.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

/// Normalise a login as Prow does: trim, drop one leading `@`, lower-case.
pub fn normalize(raw: &str) -> String {
    let t = raw.trim();
    t.strip_prefix('@').unwrap_or(t).to_lowercase()
}

/// A GitHub login: displayed as written, compared case-insensitively.
#[derive(Clone, Debug)]
pub struct Login {
    raw: String,
    norm: String,
}

impl Login {
    pub fn new(raw: &str) -> Self {
        let t = raw.trim();
        let t = t.strip_prefix('@').unwrap_or(t);
        Login {
            raw: t.to_string(),
            norm: t.to_lowercase(),
        }
    }

    /// As written in the source (without `@`).
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// The lower-cased key used for comparisons.
    pub fn normalized(&self) -> &str {
        &self.norm
    }
}

impl PartialEq for Login {
    fn eq(&self, other: &Self) -> bool {
        self.norm == other.norm
    }
}
impl Eq for Login {}

impl Hash for Login {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.norm.hash(state);
    }
}

impl PartialOrd for Login {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Login {
    fn cmp(&self, other: &Self) -> Ordering {
        self.norm.cmp(&other.norm)
    }
}

impl fmt::Display for Login {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl From<&str> for Login {
    fn from(s: &str) -> Self {
        Login::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_with_display_spelling() {
        let a = Login::new("@Alice");
        let b = Login::new("alice ");
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "Alice");
        assert_eq!(a.normalized(), "alice");
        assert_eq!(normalize(" @BoB"), "bob");
    }
}
