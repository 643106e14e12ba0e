//! `vote/candidate-file-mismatch`: a candidate file is not named `candidate-<ID>.md`.

use crate::load::ElectionDir;
use bazaar_core::Diagnostic;
use bazaar_core::{RuleMeta, RuleStatus, Severity};

/// The registry entry.
pub const META: RuleMeta = RuleMeta {
    id: "vote/candidate-file-mismatch",
    severity: Severity::Warning,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "a candidate file is not named `candidate-<ID>.md`",
    doc: "## What it checks\nThat the file of a candidate is named after its `ID`.\n\n## Why it matters\nElekto opens a candidate's page by file name (`candidate-{ID}.md`), so a mismatch gives a 404 there even though voting still works; Kubernetes CI rejects it.\n\n## Example\n```text\ncandidate-robert.md with ID: bob\n```\n\n## How to fix\nRename the file to `candidate-<ID>.md` or fix the `ID`.",
    origin: "Elekto candidate page; k/community `verify-steering-election-tool.go`",
};

/// File name and `ID` disagree.
pub fn check(e: &ElectionDir) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for c in &e.candidates {
        let name = std::path::Path::new(&c.file)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(stem) = name
            .strip_prefix("candidate-")
            .and_then(|s| s.strip_suffix(".md"))
        else {
            continue;
        };
        if stem != c.id {
            out.push(
                Diagnostic::warning(
                    META.id,
                    format!("file is named for `{stem}` but its `ID` is `{}`", c.id),
                )
                .at(&c.file, c.line, 1)
                .with_help(format!("rename the file to `candidate-{}.md`", c.id)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::rules::testing::{check_with, of};

    #[test]
    fn fires_on_a_renamed_file() {
        let bob = include_str!("../../tests/fixtures/election-ok/candidate-bob.md");
        let d = check_with(&[
            ("candidate-bob.md", None),
            ("candidate-robert.md", Some(bob)),
        ]);
        assert_eq!(
            of(&d, META.id),
            ["candidate-robert.md:3: file is named for `robert` but its `ID` is `bob`"]
        );
    }
}
