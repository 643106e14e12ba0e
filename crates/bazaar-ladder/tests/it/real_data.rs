//! Conformance on the real kubernetes/org data set (`../shared/data/org`),
//! against the figures of the spec (org-kep-aiconf.md §1.6–§1.8).

use std::collections::BTreeMap;

use bazaar_core::{Diagnostic, Severity};
use bazaar_ladder::load::load_org_root;
use bazaar_ladder::org::{OrgTree, Privacy, RepoPermission};
use bazaar_ladder::rules::{CheckOptions, check};
use bazaar_testkit::shared_data;

fn load() -> Option<OrgTree> {
    let root = shared_data("org")?;
    Some(load_org_root(&root).expect("the real data loads"))
}

/// Per org: members, admins, teams.yaml files, teams in org.yaml, teams at
/// every depth, team member entries, maintainer entries, teams with
/// `previously` (spec §1.7).
const SIZES: &[(&str, [usize; 8])] = &[
    ("etcd-io", [48, 10, 1, 1, 15, 72, 6, 0]),
    ("kubernetes", [1266, 10, 30, 45, 284, 1617, 73, 18]),
    ("kubernetes-client", [41, 10, 0, 14, 14, 35, 0, 0]),
    ("kubernetes-csi", [84, 10, 0, 45, 45, 258, 0, 0]),
    ("kubernetes-incubator", [0, 10, 0, 0, 0, 0, 0, 0]),
    ("kubernetes-nightly", [6, 17, 1, 1, 3, 3, 20, 1]),
    ("kubernetes-retired", [0, 10, 0, 0, 0, 0, 0, 0]),
    ("kubernetes-sigs", [1134, 10, 32, 11, 405, 1497, 34, 21]),
];

#[test]
fn loads_every_org_with_the_spec_figures() {
    let Some(tree) = load() else { return };
    assert!(tree.diagnostics.is_empty(), "{:#?}", tree.diagnostics);
    let names: Vec<_> = tree.orgs.iter().map(|o| o.name.as_str()).collect();
    let expected: Vec<_> = SIZES.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, expected);
    for (name, want) in SIZES {
        let org = tree.org(name).expect("org present");
        let teams = org.all_teams();
        let in_org_yaml = org.teams.iter().filter(|t| t.file == org.file).count();
        let got = [
            org.members.len(),
            org.admins.len(),
            org.teams_files.len(),
            in_org_yaml,
            teams.len(),
            teams.iter().map(|t| t.members.len()).sum(),
            teams.iter().map(|t| t.maintainers.len()).sum(),
            teams.iter().filter(|t| !t.previously.is_empty()).count(),
        ];
        assert_eq!(
            &got, want,
            "{name}: members, admins, files, org.yaml teams, teams, member entries, maintainer entries, previously"
        );
    }
    let all: Vec<_> = tree.orgs.iter().flat_map(|o| o.all_teams()).collect();
    assert_eq!(all.len(), 766);
    assert!(
        all.iter().all(|t| t.privacy() == Some(Privacy::Closed)),
        "all teams are closed"
    );
    assert_eq!(all.iter().filter(|t| !t.children.is_empty()).count(), 19);
    // The spec counts 53 teams with a `maintainers` key; one of them is empty.
    assert_eq!(all.iter().filter(|t| !t.maintainers.is_empty()).count(), 52);
    // Permission frequencies (§1.3): admin 337, write 254, triage 20, maintain 13, read 7.
    let mut perms: BTreeMap<&str, usize> = BTreeMap::new();
    for t in &all {
        for r in &t.repos {
            *perms
                .entry(r.permission().map_or("?", RepoPermission::as_str))
                .or_default() += 1;
        }
    }
    assert_eq!(
        perms.into_iter().collect::<Vec<_>>(),
        [
            ("admin", 337),
            ("maintain", 13),
            ("read", 7),
            ("triage", 20),
            ("write", 254)
        ]
    );
    // Team names may contain `/` and `.`.
    let sigs = tree.org("kubernetes-sigs").expect("present");
    assert!(
        sigs.all_teams()
            .iter()
            .any(|t| t.name == "kubernetes/sig-apps-admins")
    );
    // 8 org OWNERS + 64 team-directory OWNERS; every org lists the same 7 approvers.
    assert_eq!(tree.owners.len(), 72);
    let restrictions = tree.restrictions.as_ref().expect("restrictions.yaml");
    assert_eq!(restrictions.entries.len(), 55);
}

#[test]
fn the_real_data_passes_every_upstream_check() {
    let Some(tree) = load() else { return };
    let d = check(&tree, &CheckOptions::default());
    let errors: Vec<&Diagnostic> = d.iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The warnings are bazaar's own checks, which upstream does not run.
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for x in &d {
        *by_rule.entry(x.rule).or_default() += 1;
    }
    assert_eq!(
        by_rule.into_iter().collect::<Vec<_>>(),
        [
            ("org/login-case-mismatch", 51),
            ("org/restricted-repo-nested", 16),
            ("org/restriction-unused", 1),
            ("org/team-owners-not-org-member", 32),
        ]
    );
    let unused = d
        .iter()
        .find(|x| x.rule == "org/restriction-unused")
        .expect("one");
    assert!(
        unused
            .message
            .contains("kubernetes-sigs/sig-usability/teams.yaml"),
        "{unused}"
    );
    // Output is deterministic.
    assert_eq!(d, check(&tree, &CheckOptions::default()));
}

#[test]
fn the_config_dir_itself_is_a_root_too() {
    let Some(root) = shared_data("org") else {
        return;
    };
    let tree = load_org_root(&root.join("config")).expect("loads");
    assert_eq!(tree.config_prefix, "");
    assert_eq!(tree.orgs[0].file, "etcd-io/org.yaml");
    assert_eq!(tree.owners.len(), 72, "OWNERS_ALIASES found one level up");
    let d = check(&tree, &CheckOptions::default());
    assert!(d.iter().all(|d| d.severity != Severity::Error));
}
