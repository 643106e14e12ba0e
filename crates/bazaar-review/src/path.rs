//! Repository paths, handled exactly as Prow handles them.
//!
//! Prow walks OWNERS with Go's `path/filepath` (`Clean`, `Dir`, `Rel`) and its
//! own `canonicalize`; the queries' results depend on those functions' edge
//! cases (`"."`, `"./x"`, `""`, trailing slashes), so they are reproduced here
//! byte for byte rather than approximated with `std::path`.
//!
//! Directories are written without leading or trailing `/`; the repository
//! root is `""`.

use std::borrow::Cow;

/// Go's `filepath.Clean` (Unix): the shortest lexically equivalent path.
pub fn clean(path: &str) -> Cow<'_, str> {
    if is_clean(path) {
        return Cow::Borrowed(path);
    }
    if path.is_empty() {
        return Cow::Borrowed(".");
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    Cow::Owned(match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    })
}

/// True when `clean(path) == path` (fast path for the usual repository paths).
fn is_clean(path: &str) -> bool {
    if path.is_empty() {
        return false;
    }
    if path == "/" || path == "." {
        return true;
    }
    if path.ends_with('/') {
        return false;
    }
    let body = path.strip_prefix('/').unwrap_or(path).as_bytes();
    // Every `/`-separated part is non-empty and neither `.` nor `..`.
    body.split(|b| *b == b'/')
        .all(|p| !p.is_empty() && p != b"." && p != b"..")
}

/// Byte index of the last `/` in `path`.
pub fn last_slash(path: &str) -> Option<usize> {
    path.as_bytes().iter().rposition(|b| *b == b'/')
}

/// A clean, relative path other than `"."` (the usual repository path):
/// every directory Prow visits for it is one of its prefixes.
pub fn is_plain(path: &str) -> bool {
    !path.starts_with('/') && path != "." && (path.is_empty() || is_clean(path))
}

/// Go's `filepath.Dir`: everything before the last `/`, cleaned; `"."` when
/// there is no `/`.
pub fn dir(path: &str) -> Cow<'_, str> {
    match last_slash(path) {
        None => Cow::Borrowed("."),
        Some(0) => Cow::Borrowed("/"),
        // `clean("a/b/")` is `"a/b"`: borrow it when `"a/b"` is already clean.
        Some(i) if is_clean(&path[..i]) => Cow::Borrowed(&path[..i]),
        Some(i) => Cow::Owned(clean(&path[..=i]).into_owned()),
    }
}

/// Prow's `canonicalize`: `"."` becomes `""`; otherwise one trailing `/` is removed.
pub fn canonicalize(path: &str) -> &str {
    if path == "." {
        ""
    } else {
        path.strip_suffix('/').unwrap_or(path)
    }
}

/// `canonicalize(dir(path))`: the next directory up, `""` at the top.
pub fn parent(path: &str) -> Cow<'_, str> {
    match dir(path) {
        Cow::Borrowed(d) => Cow::Borrowed(canonicalize(d)),
        Cow::Owned(d) => Cow::Owned(canonicalize(&d).to_string()),
    }
}

/// Go's `filepath.Rel(base, target)` (Unix). `None` where Go returns an error.
pub fn rel<'a>(base: &str, target: &'a str) -> Option<Cow<'a, str>> {
    // Fast path: the usual clean, relative inputs.
    if is_clean(target) && !target.starts_with('/') && target != "." {
        if base.is_empty() || base == "." {
            return Some(Cow::Borrowed(target));
        }
        if base == target {
            return Some(Cow::Borrowed("."));
        }
        if is_clean(base)
            && !base.starts_with('/')
            && let Some(rest) = target.strip_prefix(base)
            && let Some(rest) = rest.strip_prefix('/')
        {
            return Some(Cow::Borrowed(rest));
        }
    }
    rel_slow(base, target).map(Cow::Owned)
}

fn rel_slow(base: &str, target: &str) -> Option<String> {
    let base = clean(base);
    let targ = clean(target);
    if base == targ {
        return Some(".".to_string());
    }
    let base: &str = if base == "." { "" } else { &base };
    let targ: &str = &targ;
    if base.starts_with('/') != targ.starts_with('/') {
        return None;
    }
    let (bb, tb) = (base.as_bytes(), targ.as_bytes());
    let (bl, tl) = (bb.len(), tb.len());
    let (mut b0, mut bi, mut t0, mut ti) = (0, 0, 0, 0);
    loop {
        while bi < bl && bb[bi] != b'/' {
            bi += 1;
        }
        while ti < tl && tb[ti] != b'/' {
            ti += 1;
        }
        if targ[t0..ti] != base[b0..bi] {
            break;
        }
        if bi < bl {
            bi += 1;
        }
        if ti < tl {
            ti += 1;
        }
        b0 = bi;
        t0 = ti;
    }
    if &base[b0..bi] == ".." {
        return None;
    }
    if b0 != bl {
        let seps = base[b0..bl].matches('/').count();
        let mut out = String::from("..");
        for _ in 0..seps {
            out.push_str("/..");
        }
        if t0 != tl {
            out.push('/');
            out.push_str(&targ[t0..]);
        }
        return Some(out);
    }
    Some(targ[t0..].to_string())
}

/// The directories Prow visits for `path`, deepest first: `path` itself
/// (canonicalised), then each parent up to and including `""`.
pub fn climb(path: &str) -> Climb<'_> {
    Climb {
        next: Some(Cow::Borrowed(canonicalize(path))),
    }
}

/// Iterator returned by [`climb`].
pub struct Climb<'a> {
    next: Option<Cow<'a, str>>,
}

impl<'a> Iterator for Climb<'a> {
    type Item = Cow<'a, str>;
    fn next(&mut self) -> Option<Self::Item> {
        let cur = self.next.take()?;
        if !cur.is_empty() {
            self.next = Some(match &cur {
                Cow::Borrowed(s) => parent(s),
                Cow::Owned(s) => Cow::Owned(parent(s).into_owned()),
            });
        }
        Some(cur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_matches_go() {
        for (input, want) in [
            ("", "."),
            (".", "."),
            ("a/b", "a/b"),
            ("a//b", "a/b"),
            ("a/b/", "a/b"),
            ("./a", "a"),
            ("a/../b", "b"),
            ("../a", "../a"),
            ("/../a", "/a"),
            ("/", "/"),
            ("a/./b/.", "a/b"),
            ("a/..", "."),
        ] {
            assert_eq!(clean(input), want, "clean({input:?})");
        }
    }

    #[test]
    fn dir_matches_go() {
        for (input, want) in [
            ("a/b/c.go", "a/b"),
            ("a", "."),
            ("", "."),
            ("/a", "/"),
            ("/", "/"),
            ("./foo.txt", "."),
            ("a//b", "a"),
            ("a/b/", "a/b"),
        ] {
            assert_eq!(dir(input), want, "dir({input:?})");
        }
    }

    #[test]
    fn parent_and_canonicalize() {
        assert_eq!(parent("a/b/c.go"), "a/b");
        assert_eq!(parent("a"), "");
        assert_eq!(canonicalize("."), "");
        assert_eq!(canonicalize("/a/b/"), "/a/b");
        assert_eq!(parent("/a"), "");
    }

    #[test]
    fn rel_matches_go() {
        for (base, targ, want) in [
            ("a", "a/b/x.md", Some("b/x.md")),
            ("", "a/b", Some("a/b")),
            ("a/b", "a/b", Some(".")),
            ("", "", Some(".")),
            ("", "./foo.txt", Some("foo.txt")),
            ("./foo.txt", "./foo.txt", Some(".")),
            ("a", "b/c", Some("../b/c")),
            ("", "/abs", None),
            ("a/b", "a", Some("..")),
        ] {
            assert_eq!(rel(base, targ).as_deref(), want, "rel({base:?}, {targ:?})");
        }
    }

    #[test]
    fn climb_visits_every_level() {
        let v: Vec<_> = climb("a/b/c.go").collect();
        assert_eq!(v, ["a/b/c.go", "a/b", "a", ""]);
        let v: Vec<_> = climb("").collect();
        assert_eq!(v, [""]);
        let v: Vec<_> = climb(".").collect();
        assert_eq!(v, [""]);
        let v: Vec<_> = climb("./x").collect();
        assert_eq!(v, ["./x", ""]);
    }
}
