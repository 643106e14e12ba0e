//! Prow's blunderbuss plugin: which reviewers to request when a PR opens.
//!
//! [`pick_reviewers`] is `handle` of `pkg/plugins/blunderbuss/blunderbuss.go`:
//! [`get_reviewers`] over the reviewers (`getReviewers`), then, when fewer than
//! `request_count` were found and approvers are not excluded, the same over
//! the approvers (Prow's `fallbackReviewersClient`) with every new name
//! appended; the list is cut to `max_request_count` and the required
//! reviewers follow, uncapped.
//!
//! `getReviewers` takes one leaf reviewer from each OWNERS file the PR
//! touches (layer 0), then more unused leaf reviewers (layer 1), then anyone
//! on the files' OWNERS chains, closest first (layer 2), until `request_count`
//! people are found; the answer is each layer sorted, in layer order
//! (`layeredsets.String.List`). Every draw is `PopRandom`: the first
//! non-empty layer of the pool, sorted, indexed by `rand.Intn`.
//!
//! Prow draws from Go's *global* source, randomly seeded since Go 1.20, so
//! its picks cannot be reproduced; bazaar draws from Go's generator seeded
//! with the PR number, so the same PR always gets the same suggestion (see
//! SHORTCOMINGS.md). The OWNERS queries go through [`ReviewerSource`], the
//! counterpart of Prow's `ownersClient`, so Prow's tests (which use a fake
//! client) can be run as they are written.

use std::borrow::Cow;
use std::collections::BTreeSet;

use rustc_hash::FxHashSet;

use crate::commands;
use crate::gorand::GoRand;
use crate::owners::{OwnersTree, Role, norm_login};

/// Blunderbuss options (`blunderbuss:` in Prow's plugins.yaml).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlunderbussConfig {
    /// `request_count`: how many reviewers to request (Prow's default: 2;
    /// Prow's config check refuses 0, and `handle` then requests nobody).
    pub request_count: usize,
    /// `max_request_count`: cap after selection (0: none); required
    /// reviewers are not capped.
    pub max_request_count: usize,
    /// `exclude_approvers`: do not fall back to approvers when reviewers are
    /// too few.
    pub exclude_approvers: bool,
    /// `use_status_availability`: skip people whose GitHub status says they
    /// are busy ([`Self::unavailable`]).
    pub use_status_availability: bool,
    /// The answers Prow gets from GitHub for `use_status_availability`: the
    /// logins whose status `indicatesLimitedAvailability` (the engine does
    /// no I/O, so they arrive as data).
    pub unavailable: Vec<String>,
    /// `ignore_drafts`: no request when a draft PR opens.
    pub ignore_drafts: bool,
    /// `ignore_authors`: no request for PRs by these logins (compared as
    /// written, as Prow's `slices.Contains`).
    pub ignore_authors: Vec<String>,
}

impl Default for BlunderbussConfig {
    fn default() -> Self {
        BlunderbussConfig {
            request_count: 2,
            max_request_count: 0,
            exclude_approvers: false,
            use_status_availability: false,
            unavailable: Vec::new(),
            ignore_drafts: false,
            ignore_authors: Vec::new(),
        }
    }
}

/// Reviewers to request, in Prow's order, and the required reviewers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewerPick {
    /// The selection after `max_request_count`: `getReviewers`' list (each
    /// layer sorted), then the approvers the fallback added.
    pub reviewers: Vec<String>,
    /// `RequiredReviewers` of the files, sorted.
    pub required: Vec<String>,
}

impl ReviewerPick {
    /// What Prow passes to `RequestReview`: the pick, then the required
    /// reviewers (a login in both appears twice, as in Prow).
    pub fn requested(&self) -> Vec<String> {
        let mut v = self.reviewers.clone();
        v.extend(self.required.iter().cloned());
        v
    }

    /// Everyone to request, each once: the pick, then the required reviewers.
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

/// The PR events blunderbuss looks at (`github.PullRequestEventAction`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrAction {
    Opened,
    ReadyForReview,
    /// Any other action (`closed`, `synchronize`, ...).
    Other,
}

/// `handlePullRequest`'s filter: whether a PR event makes blunderbuss
/// request reviews. Not for other actions, not when the body holds a `/cc`
/// (the assign plugin handles it), not for drafts with `ignore_drafts`, not
/// for authors in `ignore_authors`. (`wait_for_status` is not modelled: with
/// it, Prow waits for a status event instead.)
pub fn handles_pull_request(
    config: &BlunderbussConfig,
    action: PrAction,
    body: &str,
    draft: bool,
    author: &str,
) -> bool {
    if action == PrAction::Other || commands::CC.is_match(body) {
        return false;
    }
    if draft && config.ignore_drafts {
        return false;
    }
    !config.ignore_authors.iter().any(|a| a == author)
}

/// `handleGenericComment`'s filter: a newly created comment on an open PR
/// that says `/auto-cc` makes blunderbuss request reviews.
pub fn handles_comment(created: bool, is_pr: bool, open: bool, body: &str) -> bool {
    created && is_pr && open && commands::AUTO_CC.is_match(body)
}

/// The OWNERS queries blunderbuss makes (Prow's `ownersClient`), with logins
/// as ids. `role` is [`Role::Reviewers`], or [`Role::Approvers`] for the
/// fallback (Prow's `fallbackReviewersClient`).
pub trait ReviewerSource {
    /// `FindReviewersOwnersForFile(path)` (`FindApproverOwnersForFile` for
    /// approvers): which OWNERS file decides `path`. Also appends
    /// `LeafReviewers(path)` (`LeafApprovers`) to `leaf`, in any order.
    fn owners_and_leaf<'a>(
        &'a self,
        path: &'a str,
        role: Role,
        leaf: &mut Vec<u32>,
    ) -> Cow<'a, str>;
    /// Appends `RequiredReviewers(path)` to `out`, in any order.
    fn required_reviewers(&self, path: &str, out: &mut Vec<u32>);
    /// `Reviewers(path)` (`Approvers`): calls `visit(layer, ids)` for each
    /// layer's entries, closest layer first.
    fn layered(&self, path: &str, role: Role, visit: &mut dyn FnMut(usize, &[u32]));
    /// The login with this id.
    fn login(&self, id: u32) -> &str;
    /// The id of a normalised login, if the source knows it.
    fn login_id(&self, login: &str) -> Option<u32>;
    /// Order two ids as their logins sort (Go's `sort.Strings`).
    fn cmp_logins(&self, a: u32, b: u32) -> std::cmp::Ordering {
        self.login(a).cmp(self.login(b))
    }
}

impl ReviewerSource for OwnersTree {
    fn owners_and_leaf<'a>(
        &'a self,
        path: &'a str,
        role: Role,
        leaf: &mut Vec<u32>,
    ) -> Cow<'a, str> {
        self.owners_dir_and_leaf(path, role, leaf)
    }

    fn required_reviewers(&self, path: &str, out: &mut Vec<u32>) {
        if self.has_required_reviewers() {
            self.walk(path, Role::RequiredReviewers, false, |_, r| {
                out.extend_from_slice(&r.ids)
            });
        }
    }

    fn layered(&self, path: &str, role: Role, visit: &mut dyn FnMut(usize, &[u32])) {
        self.walk(path, role, false, |layer, r| visit(layer, &r.ids));
    }

    fn login(&self, id: u32) -> &str {
        OwnersTree::login(self, id)
    }

    fn login_id(&self, login: &str) -> Option<u32> {
        OwnersTree::login_id(self, login)
    }

    fn cmp_logins(&self, a: u32, b: u32) -> std::cmp::Ordering {
        OwnersTree::cmp_logins(self, a, b)
    }
}

/// Prow's `layeredsets.String` over login ids: disjoint layers, an id only
/// in the first layer it was inserted into.
#[derive(Default)]
struct Layered {
    layers: Vec<Vec<u32>>,
    members: FxHashSet<u32>,
}

impl Layered {
    fn len(&self) -> usize {
        self.members.len()
    }

    fn has(&self, id: u32) -> bool {
        self.members.contains(&id)
    }

    fn insert(&mut self, layer: usize, id: u32) {
        if self.members.insert(id) {
            while self.layers.len() <= layer {
                self.layers.push(Vec::new());
            }
            self.layers[layer].push(id);
        }
    }

    /// `PopRandom`: the first non-empty layer, sorted by login, indexed by
    /// `rand.Intn`; the pick leaves the set.
    fn pop_random<S: ReviewerSource + ?Sized>(
        &mut self,
        source: &S,
        rng: &mut GoRand,
    ) -> Option<u32> {
        let layer = self.layers.iter_mut().find(|l| !l.is_empty())?;
        let pick = pop_sorted(layer, source, rng)?;
        self.members.remove(&pick);
        Some(pick)
    }

    /// `List()`: each layer sorted by login, in layer order.
    fn list<S: ReviewerSource + ?Sized>(mut self, source: &S) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.len());
        for l in &mut self.layers {
            l.sort_unstable_by(|a, b| source.cmp_logins(*a, *b));
            out.extend_from_slice(l);
        }
        out
    }
}

/// Sort one layer by login and remove the item at `rand.Intn(len)`.
fn pop_sorted<S: ReviewerSource + ?Sized>(
    items: &mut Vec<u32>,
    source: &S,
    rng: &mut GoRand,
) -> Option<u32> {
    items.sort_unstable_by(|a, b| source.cmp_logins(*a, *b));
    let i = rng.intn(items.len())?;
    (i < items.len()).then(|| items.remove(i))
}

/// Who the draws skip: `findReviewer` with `use_status_availability`.
struct Busy {
    ids: FxHashSet<u32>,
}

impl Busy {
    fn new<S: ReviewerSource + ?Sized>(source: &S, config: &BlunderbussConfig) -> Self {
        let ids = if config.use_status_availability {
            config
                .unavailable
                .iter()
                .filter_map(|l| source.login_id(&norm_login(l)))
                .collect()
        } else {
            FxHashSet::default()
        };
        Busy { ids }
    }
}

/// `findReviewer`: draw from `pool` until someone available comes out.
fn find_reviewer<S: ReviewerSource + ?Sized>(
    pool: &mut Layered,
    source: &S,
    busy: &Busy,
    rng: &mut GoRand,
) -> Option<u32> {
    while pool.len() > 0 {
        let candidate = pool.pop_random(source, rng)?;
        if !busy.ids.contains(&candidate) {
            return Some(candidate);
        }
    }
    None
}

/// [`find_reviewer`] over one plain (single-layer) pool.
fn find_in_list<S: ReviewerSource + ?Sized>(
    pool: &mut Vec<u32>,
    source: &S,
    busy: &Busy,
    rng: &mut GoRand,
) -> Option<u32> {
    while !pool.is_empty() {
        let candidate = pop_sorted(pool, source, rng)?;
        if !busy.ids.contains(&candidate) {
            return Some(candidate);
        }
    }
    None
}

/// Prow's `getReviewers(rc, author, files, minReviewers)` for `role`
/// (reviewers, or approvers as Prow's fallback client answers): the picked
/// ids in `List()` order and the required reviewers' ids, sorted by login.
fn get_reviewer_ids<S: ReviewerSource + ?Sized>(
    source: &S,
    role: Role,
    author: &str,
    files: &[String],
    min: usize,
    busy: &Busy,
    rng: &mut GoRand,
) -> (Vec<u32>, Vec<u32>) {
    if min == 0 {
        return (Vec::new(), Vec::new());
    }
    let author = source.login_id(&norm_login(author));
    let mut reviewers = Layered::default();
    let mut required: Vec<u32> = Vec::new();
    // `leafReviewers`: every file's unused leaves, duplicates kept until needed.
    let mut leaf_pool: Vec<u32> = Vec::new();
    let mut seen: FxHashSet<Cow<'_, str>> = FxHashSet::default();
    let mut leaves: Vec<u32> = Vec::new();
    // First, one unique reviewer from each OWNERS file.
    for f in files {
        leaves.clear();
        let owners_file = source.owners_and_leaf(f, role, &mut leaves);
        if !seen.insert(owners_file) {
            continue;
        }
        source.required_reviewers(f, &mut required);
        // `fileUnusedLeaves`: the leaves minus those picked, minus the author.
        leaves.sort_unstable();
        leaves.dedup();
        leaves.retain(|id| Some(*id) != author && !reviewers.has(*id));
        if leaves.is_empty() {
            continue;
        }
        leaf_pool.extend_from_slice(&leaves);
        if let Some(r) = find_in_list(&mut leaves, source, busy, rng) {
            reviewers.insert(0, r);
        }
    }
    // Then at least `min`, favouring leaf reviewers.
    if reviewers.len() < min {
        leaf_pool.sort_unstable();
        leaf_pool.dedup();
        leaf_pool.retain(|id| !reviewers.has(*id));
        while reviewers.len() < min && !leaf_pool.is_empty() {
            if let Some(r) = find_in_list(&mut leaf_pool, source, busy, rng) {
                reviewers.insert(1, r);
            }
        }
    }
    // Last, anyone on the files' OWNERS chains, closest first.
    for f in files {
        if reviewers.len() >= min {
            break;
        }
        let mut pool = Layered::default();
        source.layered(f, role, &mut |layer, ids| {
            for id in ids {
                if Some(*id) != author {
                    pool.insert(layer, *id);
                }
            }
        });
        while reviewers.len() < min && pool.len() > 0 {
            // Already picked people can come out again here (Prow does not
            // remove them from the pool); inserting them changes nothing.
            if let Some(r) = find_reviewer(&mut pool, source, busy, rng) {
                reviewers.insert(2, r);
            }
        }
    }
    required.sort_unstable();
    required.dedup();
    required.sort_unstable_by(|a, b| source.cmp_logins(*a, *b));
    (reviewers.list(source), required)
}

/// Prow's `getReviewers` for `role` with Go's generator `rng`: the picked
/// logins (each layer sorted, in layer order) and the required reviewers
/// (sorted). For [`Role::Approvers`] this is the fallback client's answer.
pub fn get_reviewers<S: ReviewerSource + ?Sized>(
    source: &S,
    role: Role,
    author: &str,
    files: &[String],
    min: usize,
    config: &BlunderbussConfig,
    rng: &mut GoRand,
) -> (Vec<String>, Vec<String>) {
    let busy = Busy::new(source, config);
    let (ids, required) = get_reviewer_ids(source, role, author, files, min, &busy, rng);
    (names(source, &ids), names(source, &required))
}

fn names<S: ReviewerSource + ?Sized>(source: &S, ids: &[u32]) -> Vec<String> {
    ids.iter().map(|id| source.login(*id).to_string()).collect()
}

/// Blunderbuss's reviewer request for a PR (Prow's `handle`), drawing from
/// Go's generator seeded with `seed` (the PR number).
pub fn pick_reviewers<S: ReviewerSource + ?Sized>(
    source: &S,
    author: &str,
    files: &[String],
    config: &BlunderbussConfig,
    seed: i64,
) -> ReviewerPick {
    let mut rng = GoRand::new(seed);
    let busy = Busy::new(source, config);
    let count = config.request_count;
    let (mut picked, required) = get_reviewer_ids(
        source,
        Role::Reviewers,
        author,
        files,
        count,
        &busy,
        &mut rng,
    );
    if picked.len() < count && !config.exclude_approvers {
        // Prow asks for `request_count` again, not for the missing number:
        // people can be both reviewers and approvers.
        let (approvers, _) = get_reviewer_ids(
            source,
            Role::Approvers,
            author,
            files,
            count,
            &busy,
            &mut rng,
        );
        let mut combined: BTreeSet<u32> = picked.iter().copied().collect();
        for a in approvers {
            if combined.insert(a) {
                picked.push(a);
            }
        }
    }
    if config.max_request_count > 0 {
        picked.truncate(config.max_request_count);
    }
    ReviewerPick {
        reviewers: names(source, &picked),
        required: names(source, &required),
    }
}
