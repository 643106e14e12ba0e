//! Git's rename detection (`git diff -M`), reproduced so that per-file line
//! counts match `git log --numstat -M`.
//!
//! This follows git's `diffcore-rename.c` and `diffcore-delta.c` (git 2.33+):
//!
//! 1. exact renames: a destination takes the first unused source with the
//!    same blob (and compatible mode), preferring one with the same basename;
//! 2. basename matches: a source and a destination whose basenames are each
//!    unique among the remaining sources and destinations pair up when their
//!    similarity is at least 75% (halfway between the 50% minimum and 100%);
//! 3. inexact renames, unless `sources x destinations` exceeds the rename
//!    limit squared (1000, git's `diff.renameLimit` default): each
//!    destination keeps its 4 best-scoring sources, all candidates are sorted
//!    by score (then same basename), and pairs are taken greedily, each source
//!    and destination once, while the score is at least 50%.
//!
//! Similarity is git's estimate, not a line diff: both blobs are cut into
//! chunks ending at a newline or after 64 bytes, each chunk is hashed, and
//! the score is `bytes of source chunks also found in the destination *
//! MAX_SCORE / max(size)`.

use std::collections::HashMap;

/// git's `MAX_SCORE` (100%).
pub const MAX_SCORE: u64 = 60_000;
/// git's default `-M` minimum score (50%).
pub const MIN_SCORE: u64 = 30_000;
/// git's default `diff.renameLimit`.
pub const RENAME_LIMIT: usize = 1000;
const CANDIDATES_PER_DST: usize = 4;
const HASHBASE: u32 = 107_927;

/// One side of a possible rename: a deleted (source) or added (destination) file.
#[derive(Clone, Debug)]
pub struct Side<'a> {
    pub path: &'a [u8],
    /// Git file mode (`0o100644`, `0o100755`, `0o120000`, `0o160000`).
    pub mode: u32,
    /// Blob id bytes (any length; compared for equality only).
    pub oid: &'a [u8],
}

fn is_regular(mode: u32) -> bool {
    mode & 0o170000 == 0o100000
}

/// The similarity fingerprint of a blob (git's `spanhash` table), with its size.
#[derive(Clone, Debug, Default)]
pub struct Fingerprint {
    /// hash → bytes, sorted by hash.
    spans: Vec<(u32, u32)>,
}

impl Fingerprint {
    /// git's `hash_chars`: chunks end at `\n` or after 64 bytes; in text
    /// files a CR directly before LF is ignored.
    pub fn of(data: &[u8]) -> Fingerprint {
        let is_text = !is_binary(data);
        let mut map: HashMap<u32, u32> = HashMap::new();
        let (mut n, mut acc1, mut acc2) = (0u32, 0u32, 0u32);
        let mut i = 0;
        while i < data.len() {
            let c = u32::from(data[i]);
            i += 1;
            if is_text && c == u32::from(b'\r') && i < data.len() && data[i] == b'\n' {
                continue;
            }
            let old1 = acc1;
            acc1 = (acc1 << 7) ^ (acc2 >> 25);
            acc2 = (acc2 << 7) ^ (old1 >> 25);
            acc1 = acc1.wrapping_add(c);
            n += 1;
            if n < 64 && c != u32::from(b'\n') {
                continue;
            }
            let h = acc1.wrapping_add(acc2.wrapping_mul(0x61)) % HASHBASE;
            *map.entry(h).or_default() += n;
            n = 0;
            acc1 = 0;
            acc2 = 0;
        }
        if n > 0 {
            let h = acc1.wrapping_add(acc2.wrapping_mul(0x61)) % HASHBASE;
            *map.entry(h).or_default() += n;
        }
        let mut spans: Vec<(u32, u32)> = map.into_iter().collect();
        spans.sort_unstable();
        Fingerprint { spans }
    }

    /// Bytes of `self` (the source) also present in `dst` (git's `src_copied`).
    fn copied_into(&self, dst: &Fingerprint) -> u64 {
        let (mut i, mut j, mut sc) = (0, 0, 0u64);
        while i < self.spans.len() && j < dst.spans.len() {
            let (hs, cs) = self.spans[i];
            let (hd, cd) = dst.spans[j];
            if hs == hd {
                sc += u64::from(cs.min(cd));
                i += 1;
                j += 1;
            } else if hs < hd {
                i += 1;
            } else {
                j += 1;
            }
        }
        sc
    }
}

/// git's `buffer_is_binary`: a NUL byte in the first 8000 bytes.
pub fn is_binary(data: &[u8]) -> bool {
    let n = data.len().min(8000);
    memchr::memchr(0, &data[..n]).is_some()
}

/// Blob sizes and fingerprints, fetched lazily by the caller's closure.
pub trait Blobs {
    /// Size of the blob of source `i` (`src == true`) or destination `i`.
    fn size(&mut self, src: bool, i: usize) -> u64;
    /// Fingerprint of that blob.
    fn fingerprint(&mut self, src: bool, i: usize) -> &Fingerprint;
}

/// git's `estimate_similarity` between source `s` and destination `d`.
fn estimate(
    srcs: &[Side],
    dsts: &[Side],
    s: usize,
    d: usize,
    blobs: &mut impl Blobs,
    min_score: u64,
) -> u64 {
    if !is_regular(srcs[s].mode) || !is_regular(dsts[d].mode) {
        return 0;
    }
    let (ss, ds) = (blobs.size(true, s), blobs.size(false, d));
    let max_size = ss.max(ds);
    let base_size = ss.min(ds);
    let delta_size = max_size - base_size;
    if max_size * (MAX_SCORE - min_score) < delta_size * MAX_SCORE {
        return 0;
    }
    if ds == 0 {
        return 0;
    }
    let sf = blobs.fingerprint(true, s).clone();
    let copied = sf.copied_into(blobs.fingerprint(false, d));
    copied * MAX_SCORE / max_size
}

fn basename(p: &[u8]) -> &[u8] {
    match memchr::memrchr(b'/', p) {
        Some(i) => &p[i + 1..],
        None => p,
    }
}

/// git's `basename_same`.
fn basename_same(a: &[u8], b: &[u8]) -> bool {
    basename(a) == basename(b)
}

/// Pair deleted files (`srcs`) with added files (`dsts`), both in git's path
/// order. Returns `(src, dst)` index pairs.
pub fn detect(srcs: &[Side], dsts: &[Side], blobs: &mut impl Blobs) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    if srcs.is_empty() || dsts.is_empty() {
        return pairs;
    }
    let mut src_used = vec![false; srcs.len()];
    let mut dst_done = vec![false; dsts.len()];

    // 1. Exact renames.
    let mut by_oid: HashMap<&[u8], Vec<usize>> = HashMap::new();
    for (i, s) in srcs.iter().enumerate() {
        by_oid.entry(s.oid).or_default().push(i);
    }
    for (d, dst) in dsts.iter().enumerate() {
        let Some(cands) = by_oid.get(dst.oid) else {
            continue;
        };
        let mut best: Option<(usize, u32)> = None;
        for &s in cands.iter().take(100) {
            let src = &srcs[s];
            if (!is_regular(src.mode) || !is_regular(dst.mode)) && src.mode != dst.mode {
                continue;
            }
            if src_used[s] {
                continue; // renames (not copies) use a source once
            }
            let score = 1 + u32::from(basename_same(src.path, dst.path));
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((s, score));
                if score == 2 {
                    break;
                }
            }
        }
        if let Some((s, _)) = best {
            src_used[s] = true;
            dst_done[d] = true;
            pairs.push((s, d));
        }
    }

    // 2. Basename matches among what is left.
    let remaining_src: Vec<usize> = (0..srcs.len()).filter(|&s| !src_used[s]).collect();
    if remaining_src.is_empty() || dst_done.iter().all(|&x| x) {
        return pairs;
    }
    let min_basename = MIN_SCORE + (MAX_SCORE - MIN_SCORE) / 2;
    let mut src_names: HashMap<&[u8], Option<usize>> = HashMap::new();
    for &s in &remaining_src {
        src_names
            .entry(basename(srcs[s].path))
            .and_modify(|v| *v = None)
            .or_insert(Some(s));
    }
    let mut dst_names: HashMap<&[u8], Option<usize>> = HashMap::new();
    for (d, dst) in dsts.iter().enumerate() {
        if dst_done[d] {
            continue;
        }
        dst_names
            .entry(basename(dst.path))
            .and_modify(|v| *v = None)
            .or_insert(Some(d));
    }
    for &s in &remaining_src {
        let base = basename(srcs[s].path);
        let (Some(Some(si)), Some(Some(d))) = (src_names.get(base), dst_names.get(base)) else {
            continue;
        };
        if *si != s || dst_done[*d] {
            continue;
        }
        let score = estimate(srcs, dsts, s, *d, blobs, MIN_SCORE);
        if score < min_basename {
            continue;
        }
        src_used[s] = true;
        dst_done[*d] = true;
        pairs.push((s, *d));
    }

    // 3. Inexact renames.
    let src_left: Vec<usize> = (0..srcs.len()).filter(|&s| !src_used[s]).collect();
    let dst_left: Vec<usize> = (0..dsts.len()).filter(|&d| !dst_done[d]).collect();
    if src_left.is_empty() || dst_left.is_empty() {
        return pairs;
    }
    if (src_left.len() as u128) * (dst_left.len() as u128) > (RENAME_LIMIT as u128).pow(2) {
        return pairs;
    }
    #[derive(Clone, Copy)]
    struct Cand {
        dst: usize,
        src: usize,
        score: u64,
        name: bool,
        valid: bool,
    }
    // score_compare: valid first, higher score first, same basename first.
    fn worse(a: &Cand, b: &Cand) -> bool {
        // true when `a` sorts after `b`
        match (a.valid, b.valid) {
            (false, true) => true,
            (true, false) | (false, false) => false,
            (true, true) => a.score < b.score || (a.score == b.score && !a.name && b.name),
        }
    }
    let empty = Cand {
        dst: 0,
        src: 0,
        score: 0,
        name: false,
        valid: false,
    };
    let mut mx: Vec<Cand> = Vec::with_capacity(dst_left.len() * CANDIDATES_PER_DST);
    for &d in &dst_left {
        let mut m = [empty; CANDIDATES_PER_DST];
        for &s in &src_left {
            let c = Cand {
                dst: d,
                src: s,
                score: estimate(srcs, dsts, s, d, blobs, MIN_SCORE),
                name: basename_same(srcs[s].path, dsts[d].path),
                valid: true,
            };
            // record_if_better: replace the worst when strictly better.
            let mut worst = 0;
            for k in 1..CANDIDATES_PER_DST {
                if worse(&m[k], &m[worst]) {
                    worst = k;
                }
            }
            if worse(&m[worst], &c) {
                m[worst] = c;
            }
        }
        mx.extend_from_slice(&m);
    }
    // STABLE_QSORT by score_compare.
    mx.sort_by(|a, b| {
        if worse(a, b) {
            std::cmp::Ordering::Greater
        } else if worse(b, a) {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Equal
        }
    });
    for c in mx {
        if !c.valid || c.score < MIN_SCORE {
            break;
        }
        if dst_done[c.dst] || src_used[c.src] {
            continue;
        }
        dst_done[c.dst] = true;
        src_used[c.src] = true;
        pairs.push((c.src, c.dst));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Mem<'a> {
        src: Vec<&'a [u8]>,
        dst: Vec<&'a [u8]>,
        fp: HashMap<(bool, usize), Fingerprint>,
    }
    impl Blobs for Mem<'_> {
        fn size(&mut self, src: bool, i: usize) -> u64 {
            (if src { self.src[i] } else { self.dst[i] }).len() as u64
        }
        fn fingerprint(&mut self, src: bool, i: usize) -> &Fingerprint {
            let data = if src { self.src[i] } else { self.dst[i] };
            self.fp
                .entry((src, i))
                .or_insert_with(|| Fingerprint::of(data))
        }
    }

    fn side<'a>(path: &'a str, oid: &'a str) -> Side<'a> {
        Side {
            path: path.as_bytes(),
            mode: 0o100644,
            oid: oid.as_bytes(),
        }
    }

    #[test]
    fn exact_inexact_and_too_different() {
        let body: String = (0..40).map(|i| format!("line number {i}\n")).collect();
        let edited = body.replace("line number 3\n", "line three\n");
        let other: String = (0..40).map(|i| format!("something else {i}\n")).collect();
        let srcs = [
            side("a/x.md", "1"),
            side("b/y.md", "2"),
            side("c/z.md", "3"),
        ];
        let dsts = [
            side("d/x.md", "1"),
            side("e/w.md", "4"),
            side("f/v.md", "5"),
        ];
        let mut blobs = Mem {
            src: vec![body.as_bytes(), body.as_bytes(), other.as_bytes()],
            dst: vec![body.as_bytes(), edited.as_bytes(), b"tiny\n"],
            fp: HashMap::new(),
        };
        let mut pairs = detect(&srcs, &dsts, &mut blobs);
        pairs.sort();
        // x.md exact; y.md → w.md inexact (one line changed); z.md too different from v.md.
        assert_eq!(pairs, vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn binary_detection() {
        assert!(is_binary(b"ab\0c"));
        assert!(!is_binary(b"abc"));
        let mut late = vec![b'a'; 9000];
        late[8500] = 0;
        assert!(!is_binary(&late));
    }
}
