//! Prow's approve plugin: who approved, which OWNERS directories a change
//! needs, which are still unapproved, and whom to suggest.
//!
//! [`collect_approvals`] replays the timeline into the approval map
//! (`approve.go` `addApprovers`). [`ApprovalReport::compute`] is
//! `approvers.Approvers` + `approvers.Owners`: required directories
//! (`GetOwnersSet` with `removeSubdirs` and auto-approval), unapproved ones,
//! the no-issue rule and the suggested approvers (`GetCCs`, a greedy set
//! cover over candidates shuffled with Go's `math/rand` seeded by the PR
//! number).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::commands;
use crate::gorand::GoRand;
use crate::owners::{OwnersTree, Role};
use crate::path;
use crate::pr::{Event, EventKind, PullRequest, ReviewState};

/// How an approval was given (the notification's `title`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    Approved,
    Lgtm,
    AuthorSelfApproved,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Approved => "Approved",
            How::Lgtm => "LGTM",
            How::AuthorSelfApproved => "Author self-approved",
        }
    }
}

/// One current approval.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Approval {
    /// As GitHub spells it.
    pub login: String,
    pub how: How,
    /// Link to where it was given.
    pub reference: String,
    /// `/approve no-issue`.
    pub no_issue: bool,
}

/// The approval map, keyed by lower-cased login.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Approvals {
    map: BTreeMap<String, Approval>,
}

impl Approvals {
    /// Prow's `Add*`: the new approval replaces the old one, unless the old
    /// one is no-issue and the new one is not (`shouldNotOverrideApproval`).
    pub fn add(&mut self, login: &str, how: How, reference: &str, no_issue: bool) {
        let key = login.to_lowercase();
        if self.map.get(&key).is_some_and(|a| a.no_issue && !no_issue) {
            return;
        }
        self.map.insert(
            key,
            Approval {
                login: login.to_string(),
                how,
                reference: reference.to_string(),
                no_issue,
            },
        );
    }

    /// Prow's `RemoveApprover`.
    pub fn remove(&mut self, login: &str) {
        self.map.remove(&login.to_lowercase());
    }

    /// Lower-cased logins, sorted.
    pub fn logins(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }

    /// Approvals sorted by lower-cased login (`ListApprovals`).
    pub fn list(&self) -> impl Iterator<Item = &Approval> {
        self.map.values()
    }

    pub fn get(&self, lower_login: &str) -> Option<&Approval> {
        self.map.get(lower_login)
    }

    pub fn contains(&self, lower_login: &str) -> bool {
        self.map.contains_key(lower_login)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Whether an event is one the approve plugin reacts to (`isApprovalCommand`
/// or a considered review state), and so is applied.
fn is_approval_event(e: &Event, pr: &PullRequest) -> bool {
    if e.kind == EventKind::Push || e.state == Some(ReviewState::Pending) {
        return false;
    }
    let considered = !pr.config.ignore_review_state;
    if considered
        && matches!(
            e.state,
            Some(ReviewState::Approved | ReviewState::ChangesRequested | ReviewState::Dismissed)
        )
    {
        return true;
    }
    commands::approve_commands(&e.body).iter().any(|c| {
        c.name == "APPROVE"
            || c.name == "REMOVE-APPROVE"
            || (c.name == "LGTM" && pr.config.lgtm_acts_as_approve)
    })
}

/// Replay the timeline (already in time order) into the approval map.
pub fn collect_approvals(pr: &PullRequest, events: &[&Event]) -> Approvals {
    let mut ap = Approvals::default();
    if !pr.config.require_self_approval {
        let reference = format!("{}#", pr.repo.html_url);
        ap.add(&pr.author, How::AuthorSelfApproved, &reference, false);
    }
    let considered = !pr.config.ignore_review_state;
    for e in events {
        if !is_approval_event(e, pr) {
            continue;
        }
        if considered && e.state == Some(ReviewState::Approved) {
            ap.add(&e.login, How::Approved, &e.url, false);
        }
        if considered && e.state == Some(ReviewState::ChangesRequested) {
            ap.remove(&e.login);
        }
        for c in commands::approve_commands(&e.body) {
            if c.name == "REMOVE-APPROVE" {
                ap.remove(&e.login);
                continue;
            }
            if c.name != "APPROVE" && c.name != "LGTM" {
                continue;
            }
            if c.args.contains("cancel") {
                ap.remove(&e.login);
                continue;
            }
            let no_issue = c.args == "no-issue";
            if e.login.eq_ignore_ascii_case(&pr.author) {
                ap.add(&e.login, How::AuthorSelfApproved, &e.url, no_issue);
            }
            let how = if c.name == "APPROVE" {
                How::Approved
            } else {
                How::Lgtm
            };
            ap.add(&e.login, how, &e.url, no_issue);
        }
    }
    ap
}

/// Per changed file, what the approvers computation needs (computed once;
/// borrowed from the tree's precomputed chains where the walk allows).
struct FileView<'a> {
    /// `FindApproverOwnersForFile(f)`.
    owners_dir: Cow<'a, str>,
    /// Index of `owners_dir` in the required set, if it is required.
    dir: Option<usize>,
    /// `Approvers(f).Set()`, as tree login ids, sorted.
    approvers: Cow<'a, [u32]>,
    /// `LeafApprovers(f)`, as tree login ids, sorted.
    leaf: Cow<'a, [u32]>,
}

impl<'a> FileView<'a> {
    fn new(tree: &'a OwnersTree, f: &str) -> Self {
        if let Some(s) = tree.chain_summary(f, Role::Approvers) {
            return FileView {
                owners_dir: Cow::Borrowed(&s.leaf_dir),
                dir: None,
                approvers: Cow::Borrowed(&s.all),
                leaf: Cow::Borrowed(&s.leaf),
            };
        }
        // One walk: the leaf approvers are the entries of the first level
        // with any (where `LeafApprovers` stops), and that level is
        // `FindApproverOwnersForFile` (which never returns the root).
        let mut full = Vec::new();
        let mut leaf = Vec::new();
        let mut leaf_layer = None;
        let mut owners_dir = String::new();
        tree.walk_dirs(f, Role::Approvers, false, |layer, d, r| {
            full.extend_from_slice(&r.ids);
            if !r.ids.is_empty() && leaf_layer.is_none() {
                leaf_layer = Some(layer);
                owners_dir = d.to_string();
            }
            if leaf_layer == Some(layer) {
                leaf.extend_from_slice(&r.ids);
            }
        });
        if leaf_layer.is_none() {
            // No approver on the chain Prow walks; `FindApproverOwnersForFile`
            // ignores `no_parent_owners`, so look further up.
            owners_dir = tree.approver_owners_dir(f);
        }
        full.sort_unstable();
        full.dedup();
        leaf.sort_unstable();
        leaf.dedup();
        FileView {
            owners_dir: Cow::Owned(owners_dir),
            dir: None,
            approvers: Cow::Owned(full),
            leaf: Cow::Owned(leaf),
        }
    }
}

/// Login ids: the tree's, extended with people the tree does not know
/// (approvals and assignees from outside OWNERS).
struct Ids<'t> {
    tree: &'t OwnersTree,
    extra: Vec<String>,
    extra_ids: FxHashMap<String, u32>,
}

impl<'t> Ids<'t> {
    fn new(tree: &'t OwnersTree) -> Self {
        Ids {
            tree,
            extra: Vec::new(),
            extra_ids: FxHashMap::default(),
        }
    }
    fn id(&mut self, lower: &str) -> u32 {
        if let Some(id) = self.tree.login_id(lower) {
            return id;
        }
        if let Some(&id) = self.extra_ids.get(lower) {
            return id;
        }
        let id = u32::try_from(self.tree.login_count() + self.extra.len()).unwrap_or(u32::MAX);
        self.extra.push(lower.to_string());
        self.extra_ids.insert(lower.to_string(), id);
        id
    }
    fn name(&self, id: u32) -> &str {
        let n = self.tree.login_count();
        match (id as usize).checked_sub(n) {
            None => self.tree.login(id),
            Some(i) => self.extra.get(i).map_or("", String::as_str),
        }
    }
}

/// Prow's `approvers.Owners` for one PR: the changed files against the tree.
pub struct PrOwners<'a> {
    tree: &'a OwnersTree,
    files: Vec<FileView<'a>>,
    /// `GetOwnersSet()`, sorted; other structures refer to it by index.
    dirs: Vec<String>,
    /// `(dir index, file index)` of the files to check, one per distinct
    /// approvers list: files of a required directory with the same approvers
    /// are decided together.
    groups: Vec<(usize, usize)>,
    /// `GetApprovers()` / `GetLeafApprovers()` per dir index, sorted, unique.
    dir_full: Vec<Vec<u32>>,
    dir_leaf: Vec<Vec<u32>>,
    seed: i64,
}

/// Per required directory, the union of its files' lists (a list the tree
/// shares between files is added once), sorted, unique.
fn per_dir(views: &[FileView<'_>], dirs: usize, leaf: bool) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); dirs];
    let mut added: FxHashSet<(usize, *const u32)> = FxHashSet::default();
    for v in views {
        let Some(i) = v.dir else { continue };
        let ids: &[u32] = if leaf { &v.leaf } else { &v.approvers };
        if let Some(list) = out.get_mut(i)
            && added.insert((i, ids.as_ptr()))
        {
            list.extend_from_slice(ids);
        }
    }
    for list in &mut out {
        list.sort_unstable();
        list.dedup();
    }
    out
}

impl<'a> PrOwners<'a> {
    pub fn new(tree: &'a OwnersTree, files: &[String], seed: i64) -> Self {
        let mut views: Vec<FileView<'a>> = files.iter().map(|f| FileView::new(tree, f)).collect();
        let dirs: Vec<String> = owners_set(tree, files, &views).into_iter().collect();
        let index: rustc_hash::FxHashMap<&str, usize> = dirs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.as_str(), i))
            .collect();
        for v in &mut views {
            v.dir = index.get(v.owners_dir.as_ref()).copied();
        }
        let mut pairs: Vec<(usize, &[u32], usize)> = views
            .iter()
            .enumerate()
            .filter_map(|(fi, v)| v.dir.map(|d| (d, v.approvers.as_ref(), fi)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        let groups: Vec<(usize, usize)> = pairs.into_iter().map(|(d, _, fi)| (d, fi)).collect();
        let dir_full = per_dir(&views, dirs.len(), false);
        let dir_leaf = per_dir(&views, dirs.len(), true);
        PrOwners {
            tree,
            files: views,
            dirs,
            groups,
            dir_full,
            dir_leaf,
            seed,
        }
    }

    /// The approvers of one group.
    fn group_approvers(&self, file: usize) -> &[u32] {
        self.files.get(file).map_or(&[], |f| f.approvers.as_ref())
    }

    /// `GetOwnersSet()`: the required OWNERS directories, sorted.
    pub fn owners_set(&self) -> &[String] {
        &self.dirs
    }

    fn ids_of<'b>(&self, lower_logins: impl IntoIterator<Item = &'b str>) -> BTreeSet<u32> {
        lower_logins
            .into_iter()
            .filter_map(|l| self.tree.login_id(&l.to_lowercase()))
            .collect()
    }

    /// `UnapprovedFiles()` for a set of approver ids, per dir index.
    fn unapproved(&self, current: &BTreeSet<u32>) -> Vec<bool> {
        let mut hit = vec![false; self.dirs.len()];
        for (i, file) in &self.groups {
            if !hit[*i]
                && !self
                    .group_approvers(*file)
                    .iter()
                    .any(|id| current.contains(id))
            {
                hit[*i] = true;
            }
        }
        hit
    }

    /// `GetApprovers()` (full) or `GetLeafApprovers()`, per dir index
    /// (each sorted, unique).
    fn dir_approvers(&self, leaf: bool) -> &[Vec<u32>] {
        if leaf { &self.dir_leaf } else { &self.dir_full }
    }

    /// `GetShuffledApprovers()`: potential (leaf) approvers, duplicates kept,
    /// sorted, then permuted by Go's `rand.New(rand.NewSource(seed)).Perm`.
    pub fn shuffled_approvers(&self) -> Vec<String> {
        self.shuffled_ids()
            .into_iter()
            .map(|id| self.tree.login(id).to_string())
            .collect()
    }

    fn shuffled_ids(&self) -> Vec<u32> {
        let mut all: Vec<u32> = self
            .dir_approvers(true)
            .iter()
            .flat_map(|s| s.iter().copied())
            .collect();
        all.sort_unstable_by(|a, b| self.tree.cmp_logins(*a, *b));
        let order = GoRand::new(self.seed).perm(all.len());
        order.into_iter().map(|i| all[i]).collect()
    }

    /// `GetSuggestedApprovers(reverseMap, potential)`: greedy cover.
    fn suggested(&self, reverse: &FxHashMap<u32, Vec<usize>>, potential: &[u32]) -> BTreeSet<u32> {
        // A candidate's later duplicates can never be picked (the bar only
        // rises, to at least their coverage): keep first occurrences.
        let mut seen = BTreeSet::new();
        let potential: Vec<(u32, &Vec<usize>)> = potential
            .iter()
            .copied()
            .filter(|a| seen.insert(*a))
            .filter_map(|a| reverse.get(&a).map(|c| (a, c)))
            .collect();
        let mut potential = potential;
        // `UnapprovedFiles()` kept up to date as approvers are added: a group
        // is satisfied once one of its approvers is in; a directory is
        // approved once all its groups are.
        let mut groups_of: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        let mut open = vec![0usize; self.dirs.len()];
        for (g, (dir, file)) in self.groups.iter().enumerate() {
            open[*dir] += 1;
            for a in self.group_approvers(*file) {
                groups_of.entry(*a).or_default().push(g);
            }
        }
        let mut satisfied = vec![false; self.groups.len()];
        let mut unapproved: Vec<bool> = open.iter().map(|n| *n > 0).collect();
        let mut remaining = unapproved.iter().filter(|u| **u).count();
        let mut current = BTreeSet::new();
        while self.files.is_empty() || remaining > 0 {
            // `findMostCoveringApprover`, with Prow's quirk: the bar rises to
            // the candidate's total coverage, not the part still unapproved.
            let mut max_covered = 0usize;
            let mut best = None;
            // Candidates covering nothing now never will (the unapproved set
            // only shrinks): drop them as they are met.
            potential.retain(|(a, can)| {
                let useful = can.iter().filter(|i| unapproved[**i]).count();
                if useful > max_covered && !current.contains(a) {
                    max_covered = can.len();
                    best = Some(*a);
                }
                useful > 0 && !current.contains(a)
            });
            let Some(a) = best else { break };
            current.insert(a);
            potential.retain(|(c, _)| *c != a);
            for g in groups_of.get(&a).into_iter().flatten() {
                if !satisfied[*g] {
                    satisfied[*g] = true;
                    let dir = self.groups[*g].0;
                    open[dir] -= 1;
                    if open[dir] == 0 {
                        unapproved[dir] = false;
                        remaining -= 1;
                    }
                }
            }
        }
        current
    }

    /// `KeepCoveringApprovers(reverseMap, known, potential)`.
    fn keep_covering(
        &self,
        reverse: &FxHashMap<u32, Vec<usize>>,
        known: &BTreeSet<u32>,
        potential: &[u32],
    ) -> BTreeSet<u32> {
        let unapproved = self.unapproved(known);
        self.suggested(reverse, potential)
            .into_iter()
            .filter(|a| {
                reverse
                    .get(a)
                    .is_some_and(|dirs| dirs.iter().any(|i| unapproved[*i]))
            })
            .collect()
    }

    /// `GetCCs()`: the suggested approvers (lower-case, sorted).
    pub fn ccs(&self, approvals: &Approvals, assignees: &[String]) -> Vec<String> {
        if self.dirs.is_empty() {
            return Vec::new();
        }
        let mut ids = Ids::new(self.tree);
        let current: BTreeSet<u32> = approvals.logins().map(|l| ids.id(l)).collect();
        let assignees: BTreeSet<u32> = assignees
            .iter()
            .map(|a| ids.id(&a.to_lowercase()))
            .collect();
        let randomized = self.shuffled_ids();
        let leaf_reverse = reverse(self.dir_approvers(true));
        let full_reverse = reverse(self.dir_approvers(false));
        let approvers_and_assignees: BTreeSet<u32> = current.union(&assignees).copied().collect();
        let suggested = self.keep_covering(&leaf_reverse, &approvers_and_assignees, &randomized);
        let approvers_and_suggested: BTreeSet<u32> = current.union(&suggested).copied().collect();
        // `sets.List(everyone)`: sorted by name.
        let mut everyone: Vec<u32> = approvers_and_suggested.union(&assignees).copied().collect();
        everyone.sort_by(|a, b| ids.name(*a).cmp(ids.name(*b)));
        let keep = self.keep_covering(&full_reverse, &approvers_and_suggested, &everyone);
        let mut out: Vec<String> = suggested
            .union(&keep)
            .map(|id| ids.name(*id).to_string())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Every changed file's approvers (full chains); a list the tree
    /// shares between files comes once.
    pub(crate) fn approver_lists(&self) -> Vec<&[u32]> {
        let mut seen: rustc_hash::FxHashSet<*const u32> = rustc_hash::FxHashSet::default();
        self.files
            .iter()
            .map(|f| f.approvers.as_ref())
            .filter(|l| !l.is_empty() && seen.insert(l.as_ptr()))
            .collect()
    }
}

/// `GetReverseMap`: person → the directories (indices) they can approve.
fn reverse(m: &[Vec<u32>]) -> FxHashMap<u32, Vec<usize>> {
    let mut r: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (dir, ids) in m.iter().enumerate() {
        for id in ids {
            r.entry(*id).or_default().push(dir);
        }
    }
    r
}

/// `GetOwnersSet()`: owners dirs of the files, minus auto-approved files,
/// then `removeSubdirs`.
fn owners_set(tree: &OwnersTree, files: &[String], views: &[FileView]) -> BTreeSet<String> {
    let mut set: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for (file, view) in files.iter().zip(views) {
        let of: &str = &view.owners_dir;
        // Prow: `strings.Contains(filepath.Dir(filepath.Dir(f)), ownersFile)`,
        // a substring test (and `""` is contained in everything).
        if tree.is_auto_approve_unowned_subfolders(of) && path::dir(&path::dir(file)).contains(of) {
            continue;
        }
        set.insert(of);
    }
    remove_subdirs_in(tree, &mut set);
    set.into_iter().map(str::to_string).collect()
}

/// Prow's `removeSubdirs`: drop a directory when an ancestor is also
/// required, unless it or a directory on the way up sets `no_parent_owners`.
pub fn remove_subdirs(tree: &OwnersTree, dirs: &mut BTreeSet<String>) {
    let mut set: rustc_hash::FxHashSet<&str> = dirs.iter().map(String::as_str).collect();
    remove_subdirs_in(tree, &mut set);
    let keep: BTreeSet<String> = set.into_iter().map(str::to_string).collect();
    *dirs = keep;
}

fn remove_subdirs_in(tree: &OwnersTree, dirs: &mut rustc_hash::FxHashSet<&str>) {
    // Sorted order, removals taking effect at once, as Prow iterates `sets.List`.
    let mut snapshot: Vec<&str> = dirs.iter().copied().collect();
    snapshot.sort_unstable();
    for dir in snapshot {
        if path::is_plain(dir) {
            // Every ancestor is a prefix: `filepath.Dir` cuts at the last `/`
            // (`"."`, which canonicalises to `""`, above a single name).
            let mut p = dir;
            while !p.is_empty() && !tree.is_no_parent_owners(p) {
                p = p.get(..path::last_slash(p).unwrap_or(0)).unwrap_or("");
                if dirs.contains(p) {
                    dirs.remove(dir);
                    break;
                }
            }
            continue;
        }
        let mut p: Cow<'_, str> = Cow::Borrowed(dir);
        // (`p != "/"` guards against a loop Go would not leave; keys are relative.)
        while !tree.is_no_parent_owners(&p) && p != "." && !p.is_empty() && p != "/" {
            p = match p {
                Cow::Borrowed(s) => path::dir(s),
                Cow::Owned(s) => Cow::Owned(path::dir(&s).into_owned()),
            };
            let canon: &str = if p == "." { "" } else { &p };
            if dirs.contains(canon) {
                dirs.remove(dir);
                break;
            }
        }
    }
}

/// The full computation for one PR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApprovalReport {
    /// `RequirementsMet()`.
    pub approved: bool,
    /// `AreFilesApproved()`.
    pub files_approved: bool,
    /// Required OWNERS directories, sorted.
    pub required: Vec<RequiredDir>,
    /// The required directories still unapproved, sorted.
    pub unapproved_dirs: Vec<String>,
    /// Current approvals, sorted by lower-cased login.
    pub approvals: Vec<Approval>,
    /// Associated issue number, or 0.
    pub issue: u64,
    pub require_issue: bool,
    /// Approvals with `no-issue` from people who can approve a required directory.
    pub no_issue_approvals: Vec<Approval>,
    /// `GetCCs()`.
    pub ccs: Vec<String>,
    /// `AssignedCCs()` / `SuggestedCCs()`.
    pub assigned_ccs: Vec<String>,
    pub suggested_ccs: Vec<String>,
}

/// One required OWNERS directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredDir {
    /// `""` for the root (or a markdown file path with mdYAML).
    pub dir: String,
    /// Everyone who can approve it (`GetApprovers()[dir]`), lower-case, sorted.
    pub approvers: Vec<String>,
    /// Its closest approvers (`GetLeafApprovers()[dir]`).
    pub leaf_approvers: Vec<String>,
    /// Current approvers among them, as GitHub spells them, sorted.
    pub approved_by: Vec<String>,
    pub status: DirStatus,
}

/// Approval state of one required directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirStatus {
    Approved,
    /// Some files approved, others not (filters give them different approvers).
    Partial,
    Unapproved,
}

impl ApprovalReport {
    /// Compute everything from the tree, the PR and its approvals.
    pub fn compute(tree: &OwnersTree, pr: &PullRequest, approvals: &Approvals) -> Self {
        Self::compute_with_assignees(tree, pr, approvals, &pr.assignees)
    }

    /// [`Self::compute`] with the assignees given apart (after `/assign`s).
    pub fn compute_with_assignees(
        tree: &OwnersTree,
        pr: &PullRequest,
        approvals: &Approvals,
        assignees: &[String],
    ) -> Self {
        let owners = PrOwners::new(tree, &pr.files, pr.number);
        Self::from_owners(&owners, pr, approvals, assignees)
    }

    /// [`Self::compute`] over an already built [`PrOwners`].
    pub fn from_owners(
        owners: &PrOwners<'_>,
        pr: &PullRequest,
        approvals: &Approvals,
        assignees: &[String],
    ) -> Self {
        let tree = owners.tree;
        let current = owners.ids_of(approvals.logins());
        let unapproved_at = owners.unapproved(&current);
        let unapproved: Vec<String> = unapproved_at
            .iter()
            .zip(&owners.dirs)
            .filter(|(u, _)| **u)
            .map(|(_, d)| d.clone())
            .collect();
        let files_approved = !pr.files.is_empty() && unapproved.is_empty();
        let full = owners.dir_approvers(false);
        let leaf = owners.dir_approvers(true);
        // Sorted by login: ids in the tree's login order, then their names.
        let names = |ids: &[u32]| -> Vec<String> {
            let mut ids = ids.to_vec();
            ids.sort_unstable_by(|a, b| tree.cmp_logins(*a, *b));
            ids.iter().map(|id| tree.login(*id).to_string()).collect()
        };
        // Each approval's tree id (by lower-cased login), looked up once.
        let approval_ids: Vec<(Option<u32>, &Approval)> = approvals
            .list()
            .map(|a| (tree.login_id(&a.login.to_lowercase()), a))
            .collect();
        let required: Vec<RequiredDir> = owners
            .owners_set()
            .iter()
            .enumerate()
            .map(|(i, dir)| {
                let can = full.get(i).map_or(&[][..], Vec::as_slice);
                let mut approved_by: Vec<String> = approval_ids
                    .iter()
                    .filter(|(id, _)| id.is_some_and(|id| can.binary_search(&id).is_ok()))
                    .map(|(_, a)| a.login.clone())
                    .collect();
                approved_by.sort();
                let status = if !unapproved_at.get(i).copied().unwrap_or(false) {
                    DirStatus::Approved
                } else if approved_by.is_empty() {
                    DirStatus::Unapproved
                } else {
                    DirStatus::Partial
                };
                RequiredDir {
                    dir: dir.clone(),
                    leaf_approvers: names(leaf.get(i).map_or(&[][..], Vec::as_slice)),
                    approvers: names(can),
                    approved_by,
                    status,
                }
            })
            .collect();
        // `NoIssueApprovers()`: can approve at least one required directory.
        let no_issue_approvals: Vec<Approval> = if approvals.list().any(|a| a.no_issue) {
            let can_approve: FxHashSet<u32> = full.iter().flatten().copied().collect();
            approval_ids
                .iter()
                .filter(|(id, a)| a.no_issue && id.is_some_and(|id| can_approve.contains(&id)))
                .map(|(_, a)| (*a).clone())
                .collect()
        } else {
            Vec::new()
        };
        let issue = commands::associated_issue(&pr.body);
        let require_issue = pr.config.issue_required;
        let approved =
            files_approved && (!require_issue || issue != 0 || !no_issue_approvals.is_empty());
        let ccs = owners.ccs(approvals, assignees);
        let assignees: BTreeSet<String> = assignees.iter().map(|a| a.to_lowercase()).collect();
        let (assigned_ccs, suggested_ccs) =
            ccs.iter().cloned().partition(|c| assignees.contains(c));
        ApprovalReport {
            approved,
            files_approved,
            required,
            unapproved_dirs: unapproved,
            approvals: approvals.list().cloned().collect(),
            issue,
            require_issue,
            no_issue_approvals,
            ccs,
            assigned_ccs,
            suggested_ccs,
        }
    }

    /// Nothing required, nothing approved (issues).
    pub fn empty() -> Self {
        ApprovalReport {
            approved: false,
            files_approved: false,
            required: Vec::new(),
            unapproved_dirs: Vec::new(),
            approvals: Vec::new(),
            issue: 0,
            require_issue: false,
            no_issue_approvals: Vec::new(),
            ccs: Vec::new(),
            assigned_ccs: Vec::new(),
            suggested_ccs: Vec::new(),
        }
    }

    /// Required directories, sorted.
    pub fn required_dirs(&self) -> Vec<&str> {
        self.required.iter().map(|r| r.dir.as_str()).collect()
    }
}
