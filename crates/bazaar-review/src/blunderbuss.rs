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
use crate::owners::{LayeredSet, OwnersTree, Role, norm_login};

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

/// `PopRandom`: a random item of the first non-empty layer (sorted), removed.
fn pop_random(set: &mut LayeredSet, rng: &mut GoRand) -> Option<String> {
    let layer = set.layers().iter().find(|l| !l.is_empty())?;
    let list: Vec<&String> = layer.iter().collect();
    let pick = list.get(rng.intn(list.len())?)?.to_string();
    set.remove(&pick);
    Some(pick)
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
    let author = norm_login(author);
    let mut chosen: Vec<String> = Vec::new();
    let mut chosen_set: BTreeSet<String> = BTreeSet::new();
    let mut required = BTreeSet::new();
    let mut leaf_pool = LayeredSet::default();
    let mut seen = BTreeSet::new();
    for f in files {
        let owners_dir = match role {
            Role::Approvers => tree.approver_owners_dir(f),
            _ => tree.reviewer_owners_dir(f),
        };
        if !seen.insert(owners_dir) {
            continue;
        }
        required.extend(tree.required_reviewers(f));
        let mut cand = LayeredSet::default();
        let leaf: Vec<String> = tree
            .layered(f, role, true)
            .set()
            .into_iter()
            .filter(|c| *c != author && !chosen_set.contains(c))
            .collect();
        if leaf.is_empty() {
            continue;
        }
        leaf_pool.insert(0, &leaf);
        cand.insert(0, &leaf);
        if let Some(r) = pop_random(&mut cand, rng) {
            leaf_pool.remove(&r);
            take(r, &mut chosen, &mut chosen_set);
        }
    }
    while chosen.len() < min {
        match pop_random(&mut leaf_pool, rng) {
            Some(r) => take(r, &mut chosen, &mut chosen_set),
            None => break,
        }
    }
    for f in files {
        if chosen.len() >= min {
            break;
        }
        let mut pool = tree.layered(f, role, false);
        pool.remove(&author);
        for c in &chosen {
            pool.remove(c);
        }
        while chosen.len() < min {
            match pop_random(&mut pool, rng) {
                Some(r) => take(r, &mut chosen, &mut chosen_set),
                None => break,
            }
        }
    }
    (chosen, required)
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

fn take(r: String, chosen: &mut Vec<String>, set: &mut BTreeSet<String>) {
    if set.insert(r.clone()) {
        chosen.push(r);
    }
}
