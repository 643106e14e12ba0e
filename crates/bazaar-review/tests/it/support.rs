//! Small builders shared by the tests.

use bazaar_review::owners::{OwnersConfig, OwnersTree, SourceFile, SourceKind};

/// A tree from `(path, text)` pairs; `*.md` paths are markdown sources.
pub fn tree(files: &[(&str, &str)], aliases: Option<&str>, md_yaml: bool) -> OwnersTree {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(p, t)| SourceFile {
            path: (*p).to_string(),
            kind: if p.ends_with(".md") {
                SourceKind::Markdown
            } else {
                SourceKind::Owners
            },
            text: (*t).to_string(),
        })
        .collect();
    let config = OwnersConfig {
        md_yaml,
        ..OwnersConfig::default()
    };
    let (tree, diags) = OwnersTree::build(&sources, aliases, &config);
    assert!(diags.is_empty(), "{diags:?}");
    tree
}

/// Prow's `createFakeRepo` fixture of the approvers tests (spec §5.1).
pub fn fake_repo() -> OwnersTree {
    tree(
        &[
            ("OWNERS", "approvers: [Alice, Bob]\n"),
            ("a/OWNERS", "approvers: [Art, Anne]\n"),
            ("b/OWNERS", "approvers: [Bill, Ben, Barbara]\n"),
            ("c/OWNERS", "approvers: [Chris, Carol]\n"),
            ("a/d/OWNERS", "approvers: [David, Dan, Debbie]\n"),
            (
                "a/combo/OWNERS",
                "approvers: [Eve, Erin, David, Dan, Debbie, Chris, Carol]\n",
            ),
        ],
        None,
        false,
    )
}
