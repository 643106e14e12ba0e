//! Prow's reviewer selection (`pkg/reviewer` as used by the blunderbuss plugin).
//!
//! For each changed file's reviewers OWNERS (once per OWNERS), one leaf
//! reviewer is drawn; then more from the unused leaf reviewers, then from
//! every level, until `request_count` people are found. Required reviewers
//! are added on top (uncapped). Prow draws with `rand.Intn` of Go's *global*
//! source, which is randomly seeded since Go 1.20, so its picks cannot be
//! reproduced; bazaar draws from Go's generator seeded with the PR number, so
//! the same PR always gets the same suggestion (see SHORTCOMINGS.md).

use std::collections::BTreeSet;

use crate::gorand::GoRand;
use crate::owners::{OwnersTree, Role, norm_login};

/// Blunderbuss options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlunderbussConfig {
    /// How many reviewers to request (Prow's default: 2).
    pub request_count: usize,
    /// Cap after selection (0: none); required reviewers are not capped.
    pub max_request_count: usize,
    /// Do not fall back to approvers when reviewers are too few.
    pub exclude_approvers: bool,
}

impl Default for BlunderbussConfig {
    fn default() -> Self {
        BlunderbussConfig {
            request_count: 2,
            max_request_count: 0,
            exclude_approvers: false,
        }
    }
}

/// Reviewers to request, in the order they were picked, and the required reviewers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewerPick {
    pub reviewers: Vec<String>,
    pub required: Vec<String>,
}

impl ReviewerPick {
    /// Everyone to request: the capped pick, then the required reviewers.
    pub fn all(&self) -> Vec<String> {
        let mut v = self.reviewers.clone();
        for r in &self.required {
            if !v.contains(r) {
                v.push(r.clone());
            }
        }
        v
    }
}

/// Prow's `layeredsets.String` over tree login ids: disjoint layers.
#[derive(Default)]
struct Layers(Vec<BTreeSet<u32>>);

impl Layers {
    fn contains(&self, id: u32) -> bool {
        self.0.iter().any(|l| l.contains(&id))
    }
    fn insert(&mut self, layer: usize, ids: impl IntoIterator<Item = u32>) {
        while self.0.len() <= layer {
            self.0.push(BTreeSet::new());
        }
        for id in ids {
            if !self.contains(id) {
                self.0[layer].insert(id);
            }
        }
    }
    fn remove(&mut self, id: u32) {
        for l in &mut self.0 {
            l.remove(&id);
        }
    }
    /// `PopRandom`: a random item of the first non-empty layer, sorted by
    /// login, removed.
    fn pop_random(&mut self, tree: &OwnersTree, rng: &mut GoRand) -> Option<u32> {
        let layer = self.0.iter().find(|l| !l.is_empty())?;
        let mut list: Vec<u32> = layer.iter().copied().collect();
        list.sort_by(|a, b| tree.login(*a).cmp(tree.login(*b)));
        let pick = *list.get(rng.intn(list.len())?)?;
        self.remove(pick);
        Some(pick)
    }
}

/// Prow's `getReviewers` for one role (reviewers, or approvers as fallback).
fn select(
    tree: &OwnersTree,
    role: Role,
    author: &str,
    files: &[String],
    min: usize,
    rng: &mut GoRand,
) -> (Vec<String>, BTreeSet<String>) {
    let author = tree.login_id(&norm_login(author));
    let mut chosen: Vec<u32> = Vec::new();
    let mut chosen_set: rustc_hash::FxHashSet<u32> = rustc_hash::FxHashSet::default();
    let mut required: BTreeSet<u32> = BTreeSet::new();
    let mut leaf_pool = Layers::default();
    let mut seen: rustc_hash::FxHashSet<std::borrow::Cow<'_, str>> =
        rustc_hash::FxHashSet::default();
    let ids = |f: &str, role: Role, leaf: bool| -> Vec<u32> {
        let mut v = Vec::new();
        tree.walk(f, role, leaf, |_, r| v.extend_from_slice(&r.ids));
        v
    };
    for f in files {
        let owners_dir = match role {
            Role::Approvers => tree.approver_owners_dir_ref(f),
            _ => tree.reviewer_owners_dir_ref(f),
        };
        if !seen.insert(owners_dir) {
            continue;
        }
        required.extend(ids(f, Role::RequiredReviewers, false));
        let cand: BTreeSet<u32> = ids(f, role, true)
            .into_iter()
            .filter(|c| Some(*c) != author && !chosen_set.contains(c))
            .collect();
        if cand.is_empty() {
            continue;
        }
        leaf_pool.insert(0, cand.iter().copied());
        let mut pool = Layers::default();
        pool.insert(0, cand);
        if let Some(r) = pool.pop_random(tree, rng) {
            leaf_pool.remove(r);
            chosen_set.insert(r);
            chosen.push(r);
        }
    }
    while chosen.len() < min {
        match leaf_pool.pop_random(tree, rng) {
            Some(r) => chosen.push(r),
            None => break,
        }
    }
    for f in files {
        if chosen.len() >= min {
            break;
        }
        let mut pool = Layers::default();
        tree.walk(f, role, false, |layer, r| {
            pool.insert(layer, r.ids.iter().copied())
        });
        if let Some(a) = author {
            pool.remove(a);
        }
        for c in &chosen {
            pool.remove(*c);
        }
        while chosen.len() < min {
            match pool.pop_random(tree, rng) {
                Some(r) => chosen.push(r),
                None => break,
            }
        }
    }
    let names = chosen
        .into_iter()
        .map(|id| tree.login(id).to_string())
        .collect();
    let required = required
        .into_iter()
        .map(|id| tree.login(id).to_string())
        .collect();
    (names, required)
}

/// Blunderbuss's reviewer request for a PR, drawing from Go's generator
/// seeded with `seed` (the PR number).
pub fn pick_reviewers(
    tree: &OwnersTree,
    author: &str,
    files: &[String],
    config: &BlunderbussConfig,
    seed: i64,
) -> ReviewerPick {
    let mut rng = GoRand::new(seed);
    let min = config.request_count.max(1);
    let (mut reviewers, required) = select(tree, Role::Reviewers, author, files, min, &mut rng);
    if reviewers.len() < min && !config.exclude_approvers {
        let (extra, _) = select(tree, Role::Approvers, author, files, min, &mut rng);
        for e in extra {
            if reviewers.len() >= min {
                break;
            }
            if !reviewers.contains(&e) {
                reviewers.push(e);
            }
        }
    }
    if config.max_request_count > 0 {
        reviewers.truncate(config.max_request_count);
    }
    ReviewerPick {
        reviewers,
        required: required.into_iter().collect(),
    }
}
