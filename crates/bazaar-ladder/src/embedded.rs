//! The embedded default community's membership data, compiled into the
//! binary: the org (`data/default/org.yaml` and its `OWNERS`), the OWNERS
//! files of a few subprojects' repositories (`data/default/checkouts/`), the
//! role dates and the settings of the synthetic activity sample. With no
//! files at all, `bazaar org check` and `bazaar ladder` work on these. Each
//! data file says in its header what is real and what is synthetic.

use bazaar_core::yaml::{self, YamlError};
use jiff::civil::Date;
use serde::Deserialize;

use crate::dates::{RoleDates, parse_role_dates};
use crate::org::owners::{OwnersScope, parse_owners};
use crate::org::parse::parse_org_file;
use crate::org::{Org, OrgDir, OrgTree};

/// The org of the embedded default.
pub const ORG: &str = "kubernetes";

const ORG_YAML: &str = include_str!("../data/default/org.yaml");
const ORG_OWNERS: &str = include_str!("../data/default/OWNERS");
const ROLE_DATES: &str = include_str!("../data/default/roles-since.yaml");
const ACTIVITY: &str = include_str!("../data/default/activity.yaml");

/// One file of an embedded repository checkout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmbeddedFile {
    /// `org/repo`.
    pub repo: &'static str,
    /// Path inside the repository (`pkg/kubelet/OWNERS`, `OWNERS_ALIASES`).
    pub path: &'static str,
    pub text: &'static str,
}

/// The OWNERS (and OWNERS_ALIASES) files of the embedded checkouts, sorted
/// by repository and path.
pub const CHECKOUTS: &[EmbeddedFile] = &[
    EmbeddedFile {
        repo: "kubernetes-sigs/contributor-playground",
        path: "OWNERS",
        text: include_str!(
            "../data/default/checkouts/kubernetes-sigs/contributor-playground/OWNERS"
        ),
    },
    EmbeddedFile {
        repo: "kubernetes-sigs/kind",
        path: "OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes-sigs/kind/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes-sigs/kueue",
        path: "OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes-sigs/kueue/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes-sigs/lwkd",
        path: "OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes-sigs/lwkd/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes/apimachinery",
        path: "OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes/apimachinery/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes/community",
        path: "communication/contributor-comms/OWNERS",
        text: include_str!(
            "../data/default/checkouts/kubernetes/community/communication/contributor-comms/OWNERS"
        ),
    },
    EmbeddedFile {
        repo: "kubernetes/community",
        path: "mentoring/OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes/community/mentoring/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes/enhancements",
        path: "OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes/enhancements/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes/enhancements",
        path: "OWNERS_ALIASES",
        text: include_str!("../data/default/checkouts/kubernetes/enhancements/OWNERS_ALIASES"),
    },
    EmbeddedFile {
        repo: "kubernetes/klog",
        path: "OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes/klog/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes/kubectl",
        path: "OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes/kubectl/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes/kubernetes",
        path: "OWNERS_ALIASES",
        text: include_str!("../data/default/checkouts/kubernetes/kubernetes/OWNERS_ALIASES"),
    },
    EmbeddedFile {
        repo: "kubernetes/kubernetes",
        path: "cmd/kubelet/OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes/kubernetes/cmd/kubelet/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes/kubernetes",
        path: "pkg/kubectl/OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes/kubernetes/pkg/kubectl/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes/kubernetes",
        path: "pkg/kubelet/OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes/kubernetes/pkg/kubelet/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes/kubernetes",
        path: "pkg/probe/OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes/kubernetes/pkg/probe/OWNERS"),
    },
    EmbeddedFile {
        repo: "kubernetes/kubernetes",
        path: "pkg/security/apparmor/OWNERS",
        text: include_str!(
            "../data/default/checkouts/kubernetes/kubernetes/pkg/security/apparmor/OWNERS"
        ),
    },
    EmbeddedFile {
        repo: "kubernetes/kubernetes",
        path: "staging/src/k8s.io/apimachinery/OWNERS",
        text: include_str!(
            "../data/default/checkouts/kubernetes/kubernetes/staging/src/k8s.io/apimachinery/OWNERS"
        ),
    },
    EmbeddedFile {
        repo: "kubernetes/kubernetes",
        path: "staging/src/k8s.io/component-helpers/node/OWNERS",
        text: include_str!(
            "../data/default/checkouts/kubernetes/kubernetes/staging/src/k8s.io/component-helpers/node/OWNERS"
        ),
    },
    EmbeddedFile {
        repo: "kubernetes/steering",
        path: "OWNERS",
        text: include_str!("../data/default/checkouts/kubernetes/steering/OWNERS"),
    },
];

/// The embedded org config as a loaded [`OrgTree`] (display paths as in a
/// kubernetes/org checkout: `config/kubernetes/org.yaml`).
pub fn org_tree() -> OrgTree {
    let dir = format!("config/{ORG}");
    let org_file = format!("{dir}/org.yaml");
    let owners_file = format!("{dir}/OWNERS");
    let mut tree = OrgTree {
        config_prefix: "config/".to_string(),
        dirs: vec![OrgDir {
            name: ORG.to_string(),
            path: dir,
            has_org_yaml: true,
            has_owners: true,
        }],
        ..OrgTree::default()
    };
    // The embedded files are tested to decode; a failure would still be
    // reported, never hidden.
    match parse_org_file(ORG_YAML, &org_file) {
        Ok(parsed) => tree.orgs.push(Org::from_file(ORG, &org_file, parsed)),
        Err(e) => tree.diagnostics.push(e.to_diagnostic(&org_file)),
    }
    let scope = OwnersScope::Org {
        org: ORG.to_string(),
    };
    match parse_owners(ORG_OWNERS, &owners_file, scope, &Default::default()) {
        Ok(f) => tree.owners.push(f),
        Err(e) => tree.diagnostics.push(e.to_diagnostic(&owners_file)),
    }
    tree
}

/// The embedded role dates.
pub fn role_dates() -> Result<RoleDates, YamlError> {
    parse_role_dates(ROLE_DATES)
}

/// Settings of the synthetic activity sample of the embedded default (the
/// generator itself lives in bazaar-activity).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleSettings {
    /// The day after the sample's last day; also the embedded default's "now".
    pub end: Date,
    pub seed: u64,
    pub repos: Vec<String>,
    /// People in the sample who are not org members.
    pub contributors: Vec<String>,
    /// Level name (`idle`, `occasional`, `regular`, `core`) → logins whose
    /// level is set instead of drawn.
    pub levels: Vec<(String, Vec<String>)>,
    /// The lowest level a drawn level may be (a level name).
    pub floor: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSample {
    end: String,
    seed: u64,
    floor: String,
    repos: Vec<String>,
    contributors: Vec<String>,
    #[serde(default)]
    levels: std::collections::BTreeMap<String, Vec<String>>,
}

/// The embedded sample settings.
pub fn sample_settings() -> Result<SampleSettings, YamlError> {
    let raw: RawSample = yaml::from_str(ACTIVITY)?;
    let end = raw.end.parse().map_err(|_| YamlError {
        rule: &bazaar_core::rule::core_rules::YAML_WRONG_TYPE,
        line: 0,
        col: 0,
        message: format!("`end` is not a date: `{}`", raw.end),
    })?;
    Ok(SampleSettings {
        end,
        seed: raw.seed,
        repos: raw.repos,
        contributors: raw.contributors,
        levels: raw.levels.into_iter().collect(),
        floor: raw.floor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{CheckOptions, check};

    #[test]
    fn the_embedded_org_passes_every_check() {
        let tree = org_tree();
        assert!(tree.diagnostics.is_empty(), "{:?}", tree.diagnostics);
        let org = tree.org(ORG).expect("the org");
        assert!(org.members.len() > 100, "{}", org.members.len());
        let errors: Vec<_> = check(&tree, &CheckOptions::default())
            .into_iter()
            .filter(|d| d.severity == bazaar_core::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    #[test]
    fn every_embedded_file_decodes() {
        assert!(role_dates().expect("role dates").len() > 100);
        let s = sample_settings().expect("sample settings");
        assert_eq!(s.end, jiff::civil::date(2026, 12, 1));
        assert!(!s.repos.is_empty() && !s.contributors.is_empty());
        let names = ["idle", "occasional", "regular", "core"];
        for (level, _) in &s.levels {
            assert!(names.contains(&level.as_str()), "{level}");
        }
        assert!(names.contains(&s.floor.as_str()), "{}", s.floor);
        for f in CHECKOUTS {
            if f.path.ends_with("OWNERS") {
                let parsed = parse_owners(f.text, f.path, OwnersScope::Other, &Default::default());
                assert!(parsed.is_ok(), "{}/{}: {parsed:?}", f.repo, f.path);
            }
        }
        let mut sorted = CHECKOUTS.to_vec();
        sorted.sort_by_key(|f| (f.repo, f.path));
        assert_eq!(sorted, CHECKOUTS, "sorted by repository and path");
    }
}
