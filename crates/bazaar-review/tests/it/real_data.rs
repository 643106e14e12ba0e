//! The real OWNERS trees of kubernetes/community, org and enhancements.

use bazaar_review::owners::OwnersConfig;

fn load(
    name: &str,
) -> Option<(
    bazaar_review::owners::OwnersTree,
    Vec<bazaar_core::Diagnostic>,
)> {
    let dir = bazaar_testkit::shared_data(name)?;
    Some(
        bazaar_review::load::load_tree(&dir, &OwnersConfig::default())
            .expect("the checkout is readable"),
    )
}

#[test]
fn community_loads_without_error() {
    let Some((tree, diags)) = load("community") else {
        return;
    };
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(tree.files().len(), 114);
    assert_eq!(
        tree.aliases().file.as_ref().map(|f| f.aliases.len()),
        Some(44)
    );
    // The root OWNERS uses filters: `(?i)charter.md` adds steering to charters at any depth.
    let req = tree.required_reviewers("sig-node/CHARTER.md");
    assert!(req.contains("kubernetes/steering-committee"), "{req:?}");
    assert!(
        tree.labels("sig-node/charter.md")
            .contains("committee/steering")
    );
    // committee-steering is no_parent_owners.
    assert!(tree.is_no_parent_owners("committee-steering"));
    let doc = tree
        .files()
        .iter()
        .find(|f| f.path == "OWNERS")
        .and_then(|f| f.parsed.doc.clone())
        .expect("root doc");
    assert!(
        doc.filters
            .iter()
            .any(|f| !f.section.emeritus_approvers.is_empty()),
        "emeritus inside filters"
    );
}

#[test]
fn org_and_enhancements_load_without_error() {
    for (name, files, aliases) in [("org", 73, 44), ("enhancements", 81, 47)] {
        let Some((tree, diags)) = load(name) else {
            return;
        };
        assert!(diags.is_empty(), "{name}: {diags:#?}");
        assert_eq!(tree.files().len(), files, "{name}");
        assert_eq!(
            tree.aliases().file.as_ref().map(|f| f.aliases.len()),
            Some(aliases),
            "{name}"
        );
    }
}

#[test]
fn audit_reports_what_prow_ignores() {
    let Some((tree, _)) = load("community") else {
        return;
    };
    let findings = bazaar_review::audit::audit(&tree, None);
    let counts = bazaar_review::audit::counts(&findings);
    let get = |r: &str| {
        counts
            .iter()
            .find(|(id, _)| *id == r)
            .map_or(0, |(_, n)| *n)
    };
    // 15 files carry emeritus_approvers; the root OWNERS has them inside a filter too.
    assert!(get("review/owners-ignored-key") >= 15, "{counts:?}");
    assert_eq!(get("review/owners-unparsable"), 0);
    assert_eq!(get("review/filter-regex-invalid"), 0);
}
