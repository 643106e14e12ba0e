//! `review/owners-unreadable`: an OWNERS file (or a directory on the way to
//! one) that cannot be read as text, so Prow skips it.

use bazaar_core::{Diagnostic, RuleMeta, RuleStatus, Severity};

use crate::owners::{OwnersTree, Unreadable, UnreadableReason};

pub const RULE: RuleMeta = RuleMeta {
    id: "review/owners-unreadable",
    severity: Severity::Error,
    status: RuleStatus::Stable,
    since: "0.1.0",
    summary: "an OWNERS file cannot be read as UTF-8 text, so Prow skips it",
    doc: "## What it checks\nThat every `OWNERS` file of the checkout (and every directory on the \
          way to one) can be read, and that its bytes are UTF-8 text. A file that is not UTF-8 is \
          reported at its first invalid byte.\n\n\
          ## Why it matters\nProw's walk logs the read or decode error and goes on without the \
          file (a directory it cannot list is skipped with everything below it): the directory \
          silently falls back to its parents' owners, and nobody is told.\n\n\
          ## Example\nAn `OWNERS` saved in Latin-1:\n```yaml\napprovers:\n- jos\\xe9   # the byte 0xE9, not UTF-8\n```\n\
          or a file the checkout's user may not read (`chmod 000 OWNERS`).\n\n\
          ## How to fix\nRe-save the file as UTF-8 (`iconv -f latin1 -t utf-8`), or fix its \
          permissions.",
    origin: "kubernetes-sigs/prow pkg/repoowners walkFunc (read or decode error: file skipped)",
};

/// The finding for one entry the loader could not read.
fn finding(u: &Unreadable) -> Diagnostic {
    let (message, help) = match &u.reason {
        UnreadableReason::NotUtf8 { byte } => (
            format!("Prow skips this file: it is not UTF-8 text (byte 0x{byte:02X} here)"),
            "re-save it as UTF-8; until then the directory inherits its parents' owners",
        ),
        UnreadableReason::Io(e) => (
            format!("Prow skips this file: it cannot be read: {e}"),
            "fix its permissions; until then the directory inherits its parents' owners",
        ),
        UnreadableReason::Dir(e) => (
            format!("Prow skips this directory and everything below it: it cannot be read: {e}"),
            "fix its permissions; until then its OWNERS files are not read",
        ),
    };
    Diagnostic::new(RULE.id, RULE.severity, message)
        .at(&u.path, u.pos.line, u.pos.col)
        .with_help(help)
}

/// Entries the loader could not read (recorded on the tree by
/// [`crate::load::load_tree`]).
pub fn check(tree: &OwnersTree) -> Vec<Diagnostic> {
    tree.unreadable().iter().map(finding).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::owners::OwnersConfig;
    use crate::rules::testing::{fixture, only};

    #[test]
    fn fails_on_fixture() {
        // `latin1/OWNERS` is `approvers:\n- jos\xe9\n` (Latin-1).
        let d = check(&fixture(RULE.id, "fail"));
        let d = only(&d, RULE.id);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].file, "latin1/OWNERS");
        assert_eq!((d[0].line, d[0].col), (2, 6));
        assert!(d[0].message.contains("not UTF-8"), "{}", d[0].message);
        assert!(d[0].message.contains("0xE9"), "{}", d[0].message);
    }

    #[test]
    fn passes_on_good_file() {
        assert!(check(&fixture(RULE.id, "pass")).is_empty());
    }

    /// A file the user may not read. Skipped when the permission bits do
    /// not stop us (running as root).
    #[cfg(unix)]
    #[test]
    fn reports_a_file_that_cannot_be_read() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("OWNERS"), "approvers: [a, b]\n").expect("write");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        let locked = dir.path().join("sub/OWNERS");
        std::fs::write(&locked, "approvers: [c]\n").expect("write");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        if std::fs::read(&locked).is_ok() {
            eprintln!("skipped: permission bits do not deny reads here (root)");
            return;
        }
        // And a directory that cannot be listed, with an OWNERS inside.
        let closed = dir.path().join("closed");
        std::fs::create_dir(&closed).expect("mkdir");
        std::fs::write(closed.join("OWNERS"), "approvers: [d]\n").expect("write");
        std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        let loaded = crate::load::load_tree(dir.path(), &OwnersConfig::default());
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let (tree, diags) = loaded.expect("load");
        let d = check(&tree);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].file, "closed");
        assert!(d[0].message.contains("this directory"), "{}", d[0].message);
        assert_eq!(d[1].file, "sub/OWNERS");
        assert!(d[1].message.contains("cannot be read"), "{}", d[1].message);
        assert_eq!(only(&diags, RULE.id).len(), 2, "{diags:?}");
        // Prow goes on without it: `sub/` falls back to the root's approvers.
        assert_eq!(tree.approver_owners_dir("sub/x.go"), "");
    }
}
