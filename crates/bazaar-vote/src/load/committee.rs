//! The committee file: what the employer cap needs beyond the election
//! folder (Elekto's meta holds no continuing members).
//!
//! ```yaml
//! # at most this many seats per employer, continuing members included
//! max_per_employer: 2
//! continuing:                 # members whose terms go on
//!   - name: Joe Beda
//!     employer: Heptio
//! employers:                  # optional: candidate id -> employer
//!   Michael Rubin: Google     # (overrides `info.employer` of candidate files)
//! ```

use std::collections::BTreeMap;

use bazaar_core::Diagnostic;
use serde::Deserialize;

use crate::seats::{EmployerCap, Member};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    max_per_employer: u32,
    #[serde(default, deserialize_with = "bazaar_core::yaml::vec_or_null")]
    continuing: Vec<RawMember>,
    #[serde(default)]
    employers: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMember {
    name: String,
    employer: String,
}

/// Parse a committee file into an [`EmployerCap`] (candidate employers from
/// the file only; callers add those of the candidate files).
pub fn parse(text: &str, file: &str) -> Result<EmployerCap, Diagnostic> {
    let raw: Raw = bazaar_core::yaml::from_str(text).map_err(|e| e.to_diagnostic(file))?;
    Ok(EmployerCap {
        max_per_employer: raw.max_per_employer,
        continuing: raw
            .continuing
            .into_iter()
            .map(|m| Member {
                name: m.name,
                employer: m.employer,
            })
            .collect(),
        employers: raw.employers.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_and_rejects() {
        let c = super::parse(
            "max_per_employer: 2\ncontinuing:\n  - name: A\n    employer: X\nemployers:\n  b: Y\n",
            "c.yaml",
        )
        .expect("valid");
        assert_eq!(c.max_per_employer, 2);
        assert_eq!(c.continuing[0].employer, "X");
        assert_eq!(c.employers["b"], "Y");
        let e = super::parse("max_per_employer: 2\nbogus: 1\n", "c.yaml").expect_err("unknown key");
        assert_eq!(e.rule, "yaml/unknown-key");
    }
}
