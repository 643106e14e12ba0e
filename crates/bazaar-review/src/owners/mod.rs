//! The OWNERS tree of a checkout, with Prow's `repoowners` semantics.
//!
//! [`OwnersTree::build`] takes the files of a checkout (already read, see
//! [`crate::load`]) and returns the tree Prow would build: four role maps
//! `directory → [(filter, members)]` plus per-directory options. The query
//! methods ([`OwnersTree::approvers`], [`OwnersTree::leaf_approvers`],
//! [`OwnersTree::approver_owners_dir`], ...) are Prow's `RepoOwners` methods.
//!
//! The tree also keeps every parsed file ([`OwnersTree::files`]) and the
//! aliases ([`OwnersTree::aliases`]) for the audit and the contributor ladder.

pub mod node;
pub mod parse;

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use rustc_hash::FxHashMap;

use bazaar_core::Diagnostic;
use regex::Regex;

use crate::goregex;
use crate::path;
pub use node::Pos;
pub use parse::{
    AliasDef, AliasesFile, Config, DecodeError, DirOptions, Entry, FilterDoc, IgnoredKey,
    OwnersDoc, OwnersFile, ProwView, Section,
};

/// Prow's `github.NormLogin`: lower-case, then drop one leading `@`.
pub fn norm_login(s: &str) -> String {
    if !s.starts_with('@') && !s.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        return s.to_string();
    }
    let lower = s.to_lowercase();
    match lower.strip_prefix('@') {
        Some(rest) => rest.to_string(),
        None => lower,
    }
}

/// The four role maps of an OWNERS tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Approvers,
    Reviewers,
    RequiredReviewers,
    Labels,
}

/// Which paths an entry applies to.
#[derive(Clone, Debug)]
pub enum Matcher {
    /// The simple shape, or the filter `".*"` (never compiled by Prow).
    All,
    /// A filter: a Go regular expression searched in the path relative to the
    /// OWNERS directory.
    Regex { pattern: String, re: Regex },
}

impl Matcher {
    fn matches(&self, relative: &str) -> bool {
        match self {
            Matcher::All => true,
            Matcher::Regex { re, .. } => re.is_match(relative),
        }
    }
}

/// One stored entry: a matcher and its members (normalised, alias-expanded,
/// sorted, unique; labels keep their case).
#[derive(Clone, Debug)]
pub struct Rule {
    pub matcher: Matcher,
    pub members: Vec<String>,
    /// `members` as login ids of the tree ([`OwnersTree::login`]); empty for labels.
    pub ids: Vec<u32>,
}

/// Everything stored for one directory (or markdown file with mdYAML on).
#[derive(Clone, Debug, Default)]
pub struct DirOwners {
    pub approvers: Vec<Rule>,
    pub reviewers: Vec<Rule>,
    pub required_reviewers: Vec<Rule>,
    pub labels: Vec<Rule>,
    pub options: DirOptions,
    /// What a walk from this key up finds, for approvers and reviewers
    /// ([`OwnersTree::chain_summary`]); `None` when a filter on the way makes
    /// the answer depend on the file.
    chains: [Option<ChainSummary>; 2],
}

/// What Prow's walk up from a directory finds for one role, when no filter
/// on the way makes it depend on the file: every file whose deepest stored
/// key is that directory gets the same answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChainSummary {
    /// Every login id up the chain until Prow stops (`Approvers(path).Set()`),
    /// sorted, unique.
    pub all: Vec<u32>,
    /// The ids of the first level with any (`LeafApprovers(path)`), sorted, unique.
    pub leaf: Vec<u32>,
    /// That level's key (`FindApproverOwnersForFile(path)`): `""` for the
    /// root and for none.
    pub leaf_dir: String,
}

/// The summary of a chain that holds nothing.
static EMPTY_CHAIN: ChainSummary = ChainSummary {
    all: Vec::new(),
    leaf: Vec::new(),
    leaf_dir: String::new(),
};

/// Index of a role in [`DirOwners::chains`].
fn chain_index(role: Role) -> Option<usize> {
    match role {
        Role::Approvers => Some(0),
        Role::Reviewers => Some(1),
        _ => None,
    }
}

impl DirOwners {
    fn rules(&self, role: Role) -> &[Rule] {
        match role {
            Role::Approvers => &self.approvers,
            Role::Reviewers => &self.reviewers,
            Role::RequiredReviewers => &self.required_reviewers,
            Role::Labels => &self.labels,
        }
    }
    fn rules_mut(&mut self, role: Role) -> &mut Vec<Rule> {
        match role {
            Role::Approvers => &mut self.approvers,
            Role::Reviewers => &mut self.reviewers,
            Role::RequiredReviewers => &mut self.required_reviewers,
            Role::Labels => &mut self.labels,
        }
    }
}

/// What kind of source file a [`SourceFile`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A file named `OWNERS`.
    Owners,
    /// A `*.md` file whose front matter may name owners (mdYAML).
    Markdown,
}

/// One file of the checkout, already read.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Repository-relative path with `/` separators.
    pub path: String,
    pub kind: SourceKind,
    pub text: String,
}

/// Loading options (Prow's `owners` plugin and core config).
#[derive(Clone, Debug)]
pub struct OwnersConfig {
    /// Read owners from `*.md` front matter (`owners.mdyamlrepos`); off by default.
    pub md_yaml: bool,
    /// Directory denylist patterns (Go regexps, searched in the repository-relative
    /// directory path, `"."` for the root).
    pub dir_denylist: Vec<String>,
}

/// Prow's preconfigured denylist (`owners_dir_denylist` defaults).
pub const DEFAULT_DIR_DENYLIST: &[&str] = &["\\.git$", "_output$", "vendor/.*/.*"];

impl Default for OwnersConfig {
    fn default() -> Self {
        OwnersConfig {
            md_yaml: false,
            dir_denylist: DEFAULT_DIR_DENYLIST
                .iter()
                .map(|s| (*s).to_string())
                .collect(),
        }
    }
}

/// The compiled directory denylist.
#[derive(Clone, Debug, Default)]
pub struct DirDenylist {
    patterns: Vec<Regex>,
}

impl DirDenylist {
    /// Compile the patterns; one that does not compile is skipped (as Prow
    /// logs and skips it) and returned as an error message.
    pub fn new(patterns: &[String]) -> (Self, Vec<String>) {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for p in patterns {
            match goregex::compile(p) {
                Ok(re) => out.push(re),
                Err(e) => errors.push(format!("denylist pattern `{p}`: {e}")),
            }
        }
        (DirDenylist { patterns: out }, errors)
    }

    /// Whether the walk skips this directory (repository-relative, `"."` for the root).
    pub fn skips(&self, rel_dir: &str) -> bool {
        self.patterns.iter().any(|re| re.is_match(rel_dir))
    }
}

/// One loaded OWNERS (or markdown) file.
#[derive(Clone, Debug)]
pub struct LoadedFile {
    /// Repository-relative path of the file.
    pub path: String,
    /// The key its entries are stored under: its directory (`""` for the
    /// root), or the file path itself for markdown front matter.
    pub key: String,
    pub kind: SourceKind,
    pub parsed: OwnersFile,
    /// Filters whose pattern did not compile: `(pattern, position, error)`.
    pub bad_filters: Vec<(String, Pos, String)>,
}

/// The alias table (OWNERS_ALIASES) as Prow uses it.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    /// `None` when there is no usable OWNERS_ALIASES: names are then never expanded.
    map: Option<FxHashMap<String, Vec<String>>>,
    /// The parsed file, when there is one.
    pub file: Option<AliasesFile>,
}

impl Aliases {
    /// Build from the parsed file (or its absence).
    pub fn new(file: Option<AliasesFile>) -> Self {
        let map = file.as_ref().filter(|f| f.error.is_none()).map(|f| {
            f.aliases
                .iter()
                .map(|d| {
                    let mut members: Vec<String> =
                        d.members.iter().map(|m| norm_login(&m.value)).collect();
                    members.sort();
                    members.dedup();
                    (d.name.clone(), members)
                })
                .collect()
        });
        Aliases { map, file }
    }

    /// Members of an alias (normalised name), if it is one.
    pub fn get(&self, name: &str) -> Option<&[String]> {
        self.map.as_ref()?.get(name).map(Vec::as_slice)
    }

    /// Whether aliases are in effect (a readable OWNERS_ALIASES exists).
    pub fn is_active(&self) -> bool {
        self.map.is_some()
    }

    /// Prow's `ExpandAliases(NormLogins(names))`: sorted, unique, one level deep.
    pub fn expand<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let mut out = Vec::new();
        for n in names {
            let n = norm_login(n);
            match self.get(&n) {
                Some(members) => out.extend(members.iter().cloned()),
                None => out.push(n),
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The OWNERS tree of a checkout (Prow's `RepoOwners`).
#[derive(Clone, Debug, Default)]
pub struct OwnersTree {
    dirs: FxHashMap<String, DirOwners>,
    md_yaml: bool,
    aliases: Aliases,
    files: Vec<LoadedFile>,
    /// Every login stored in a role map, by id (engines work on ids).
    logins: Vec<String>,
    login_ids: FxHashMap<String, u32>,
    /// Each login id's place in the sorted list of logins (byte order).
    login_rank: Vec<u32>,
    /// Whether any entry names required reviewers.
    any_required: bool,
    /// What the loader could not read (Prow skips it).
    unreadable: Vec<Unreadable>,
}

/// An OWNERS file (or a directory) of the checkout that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// Repository-relative path.
    pub path: String,
    /// Where the problem is (the first invalid byte), or 0:0.
    pub pos: Pos,
    pub reason: UnreadableReason,
}

/// Why an entry could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnreadableReason {
    /// The file's bytes are not UTF-8; `byte` is the first invalid one.
    NotUtf8 { byte: u8 },
    /// Reading the file failed (the I/O error's text).
    Io(String),
    /// Listing the directory failed: Prow skips everything below it.
    Dir(String),
}

impl OwnersTree {
    /// Build the tree from already-read files (those the walk kept: named
    /// `OWNERS`, or `*.md` when `config.md_yaml`) and the root OWNERS_ALIASES
    /// text. Returns the findings Prow would only log: unparsable files,
    /// filters that do not compile, an unreadable OWNERS_ALIASES
    /// ([`crate::rules::load_findings`]).
    pub fn build(
        sources: &[SourceFile],
        aliases_text: Option<&str>,
        config: &OwnersConfig,
    ) -> (OwnersTree, Vec<Diagnostic>) {
        let aliases_file = aliases_text.map(parse::parse_aliases);
        let aliases = Aliases::new(aliases_file);
        let mut tree = OwnersTree {
            md_yaml: config.md_yaml,
            aliases,
            files: Vec::with_capacity(sources.len()),
            ..OwnersTree::default()
        };
        let mut sorted: Vec<&SourceFile> = sources.iter().collect();
        sorted.sort_by(|a, b| a.path.cmp(&b.path));
        // Parsing is independent per file: spread it over the available cores.
        let parsed = parse_all(&sorted);
        let mut regexes: HashMap<String, Result<Regex, String>> = HashMap::new();
        for (src, parsed) in sorted.into_iter().zip(parsed) {
            let loaded = tree.add_source(src, parsed, &mut regexes);
            tree.files.push(loaded);
        }
        tree.summarize_chains();
        tree.rank_logins();
        let diags = crate::rules::load_findings(&tree);
        (tree, diags)
    }

    /// Number the logins in sorted order ([`Self::cmp_logins`]).
    fn rank_logins(&mut self) {
        let mut order: Vec<u32> =
            (0..u32::try_from(self.logins.len()).unwrap_or(u32::MAX)).collect();
        order.sort_unstable_by(|a, b| self.login(*a).cmp(self.login(*b)));
        let mut rank = vec![0u32; order.len()];
        for (place, id) in order.into_iter().enumerate() {
            if let Some(r) = rank.get_mut(id as usize) {
                *r = u32::try_from(place).unwrap_or(u32::MAX);
            }
        }
        self.login_rank = rank;
    }

    /// Compare two login ids as their logins compare (byte order), without
    /// looking at the strings.
    pub fn cmp_logins(&self, a: u32, b: u32) -> std::cmp::Ordering {
        match (
            self.login_rank.get(a as usize),
            self.login_rank.get(b as usize),
        ) {
            (Some(x), Some(y)) => x.cmp(y),
            _ => self.login(a).cmp(self.login(b)),
        }
    }

    /// Compute every key's [`ChainSummary`] for approvers and reviewers.
    fn summarize_chains(&mut self) {
        let computed: Vec<(String, [Option<ChainSummary>; 2])> = self
            .dirs
            .keys()
            .map(|k| {
                let chains = [
                    self.summary_by_walk(k, Role::Approvers),
                    self.summary_by_walk(k, Role::Reviewers),
                ];
                (k.clone(), chains)
            })
            .collect();
        for (k, chains) in computed {
            if let Some(d) = self.dirs.get_mut(&k) {
                d.chains = chains;
            }
        }
    }

    /// The walk up from `key` as a file would make it, or `None` when a
    /// filter on the way (any level, conservatively) makes it file-dependent.
    fn summary_by_walk(&self, key: &str, role: Role) -> Option<ChainSummary> {
        if !path::is_plain(key) {
            return None;
        }
        let mut end = key.len();
        loop {
            let d = key.get(..end)?;
            if self.dirs.get(d).is_some_and(|o| {
                o.rules(role)
                    .iter()
                    .any(|r| matches!(r.matcher, Matcher::Regex { .. }))
            }) {
                return None;
            }
            if end == 0 {
                break;
            }
            end = path::last_slash(d).unwrap_or(0);
        }
        let mut s = ChainSummary::default();
        let mut leaf_layer = None;
        self.walk_dirs(key, role, false, |layer, d, r| {
            s.all.extend_from_slice(&r.ids);
            if leaf_layer.is_none() && !r.ids.is_empty() {
                leaf_layer = Some(layer);
                s.leaf_dir = d.to_string();
            }
            if leaf_layer == Some(layer) {
                s.leaf.extend_from_slice(&r.ids);
            }
        });
        s.all.sort_unstable();
        s.all.dedup();
        s.leaf.sort_unstable();
        s.leaf.dedup();
        Some(s)
    }

    /// What Prow's walk for `role` (approvers or reviewers) finds for
    /// `file`, precomputed: `None` when it must be walked (a filter on the
    /// way, a path that is not plain, another role).
    pub fn chain_summary(&self, file: &str, role: Role) -> Option<&ChainSummary> {
        let i = chain_index(role)?;
        if !path::is_plain(file) {
            return None;
        }
        // Levels below the deepest stored key hold nothing: the walk from
        // that key finds the same.
        let mut end = file.len();
        loop {
            let d = file.get(..end)?;
            if let Some(o) = self.dirs.get(d) {
                return o.chains[i].as_ref();
            }
            if end == 0 {
                return Some(&EMPTY_CHAIN);
            }
            end = path::last_slash(d).unwrap_or(0);
        }
    }

    fn add_source(
        &mut self,
        src: &SourceFile,
        parsed: Parsed,
        regexes: &mut HashMap<String, Result<Regex, String>>,
    ) -> LoadedFile {
        match (src.kind, parsed) {
            (SourceKind::Markdown, Parsed::Markdown(front))
            | (SourceKind::Owners, Parsed::Markdown(front)) => {
                let key = src.path.clone();
                let parsed = match front {
                    Some((config, options)) => {
                        self.apply(&key, &Matcher::All, &config);
                        self.apply_options(&key, options);
                        OwnersFile {
                            prow: ProwView::Simple { config, options },
                            doc: None,
                        }
                    }
                    None => OwnersFile {
                        prow: ProwView::Filters {
                            filters: Vec::new(),
                            options: DirOptions::default(),
                            simple_error: None,
                        },
                        doc: None,
                    },
                };
                LoadedFile {
                    path: src.path.clone(),
                    key,
                    kind: SourceKind::Markdown,
                    parsed,
                    bad_filters: Vec::new(),
                }
            }
            (_, Parsed::Owners(parsed)) => {
                let key = path::canonicalize(&path::dir(&src.path)).to_string();
                let mut bad_filters = Vec::new();
                match &parsed.prow {
                    ProwView::Simple { config, options } => {
                        self.apply(&key, &Matcher::All, config);
                        self.apply_options(&key, *options);
                    }
                    ProwView::Filters {
                        filters, options, ..
                    } => {
                        for (pattern, config) in filters {
                            let matcher = if pattern == ".*" {
                                Matcher::All
                            } else {
                                let compiled = regexes
                                    .entry(pattern.clone())
                                    .or_insert_with(|| {
                                        goregex::compile(pattern).map_err(|e| e.message)
                                    })
                                    .clone();
                                match compiled {
                                    Ok(re) => Matcher::Regex {
                                        pattern: pattern.clone(),
                                        re,
                                    },
                                    Err(message) => {
                                        let pos = filter_pos(&parsed, pattern);
                                        bad_filters.push((pattern.clone(), pos, message));
                                        continue;
                                    }
                                }
                            };
                            self.apply(&key, &matcher, config);
                        }
                        self.apply_options(&key, *options);
                    }
                    ProwView::Skipped(_) => {}
                }
                LoadedFile {
                    path: src.path.clone(),
                    key,
                    kind: SourceKind::Owners,
                    parsed,
                    bad_filters,
                }
            }
        }
    }

    /// Prow's `applyConfigToPath`: each non-empty list is stored.
    fn apply(&mut self, key: &str, matcher: &Matcher, config: &Config) {
        let lists = [
            (Role::Approvers, &config.approvers),
            (Role::Reviewers, &config.reviewers),
            (Role::RequiredReviewers, &config.required_reviewers),
            (Role::Labels, &config.labels),
        ];
        for (role, list) in lists {
            if list.is_empty() {
                continue;
            }
            let (members, ids) = if role == Role::Labels {
                let set: BTreeSet<String> = list.iter().cloned().collect();
                (set.into_iter().collect(), Vec::new())
            } else {
                let members = self.aliases.expand(list.iter().map(String::as_str));
                let ids = members.iter().map(|m| self.intern(m)).collect();
                if role == Role::RequiredReviewers {
                    self.any_required = true;
                }
                (members, ids)
            };
            self.dirs
                .entry(key.to_string())
                .or_default()
                .rules_mut(role)
                .push(Rule {
                    matcher: matcher.clone(),
                    members,
                    ids,
                });
        }
    }

    fn intern(&mut self, login: &str) -> u32 {
        if let Some(&id) = self.login_ids.get(login) {
            return id;
        }
        let id = u32::try_from(self.logins.len()).unwrap_or(u32::MAX);
        self.logins.push(login.to_string());
        self.login_ids.insert(login.to_string(), id);
        id
    }

    /// The id of a (normalised) login stored in the role maps.
    pub fn login_id(&self, login: &str) -> Option<u32> {
        self.login_ids.get(login).copied()
    }

    /// The login with this id (`""` for an unknown id).
    pub fn login(&self, id: u32) -> &str {
        self.logins.get(id as usize).map_or("", String::as_str)
    }

    /// How many distinct logins the role maps hold (ids are `0..count`).
    pub fn login_count(&self) -> usize {
        self.logins.len()
    }

    /// Prow's `applyOptionsToPath`: only non-default options are stored.
    fn apply_options(&mut self, key: &str, options: DirOptions) {
        if !options.is_default() {
            self.dirs.entry(key.to_string()).or_default().options = options;
        }
    }

    /// Every loaded OWNERS (and markdown) file, sorted by path.
    pub fn files(&self) -> &[LoadedFile] {
        &self.files
    }

    /// The aliases in effect.
    pub fn aliases(&self) -> &Aliases {
        &self.aliases
    }

    /// What is stored for a directory (or markdown file) key.
    pub fn dir(&self, key: &str) -> Option<&DirOwners> {
        self.dirs.get(key)
    }

    /// Options of a directory (defaults when none are stored).
    pub fn options(&self, dir: &str) -> DirOptions {
        self.dirs.get(dir).map(|d| d.options).unwrap_or_default()
    }

    /// Prow's `IsNoParentOwners`.
    pub fn is_no_parent_owners(&self, dir: &str) -> bool {
        self.options(dir).no_parent_owners
    }

    /// Prow's `IsAutoApproveUnownedSubfolders`.
    pub fn is_auto_approve_unowned_subfolders(&self, dir: &str) -> bool {
        self.options(dir).auto_approve_unowned_subfolders
    }

    /// Whether the stored key is a markdown file (mdYAML), not a directory.
    pub fn is_md_key(&self, key: &str) -> bool {
        self.md_yaml && key.ends_with(".md")
    }

    /// Prow's `entriesForFile`: calls `visit(layer, members)` for each
    /// matching entry, deepest level first, stopping as Prow stops.
    pub fn visit_entries(
        &self,
        file: &str,
        role: Role,
        leaf_only: bool,
        mut visit: impl FnMut(usize, &[String]),
    ) {
        self.walk(file, role, leaf_only, |layer, rule| {
            visit(layer, &rule.members)
        });
    }

    /// [`Self::visit_entries`] with the matching [`Rule`]s themselves.
    pub fn walk(
        &self,
        file: &str,
        role: Role,
        leaf_only: bool,
        mut visit: impl FnMut(usize, &Rule),
    ) {
        self.walk_dirs(file, role, leaf_only, |layer, _, rule| visit(layer, rule));
    }

    /// [`Self::walk`], also telling which directory (or md file) key each
    /// rule is stored under.
    pub fn walk_dirs(
        &self,
        file: &str,
        role: Role,
        leaf_only: bool,
        mut visit: impl FnMut(usize, &str, &Rule),
    ) {
        let mut layer = 0;
        let mut collected = false;
        // One level: returns true when Prow stops climbing here.
        let mut level = |d: &str, relative: &str, layer: usize| -> bool {
            let owners = self.dirs.get(d);
            if let Some(owners) = owners {
                for rule in owners.rules(role) {
                    if rule.matcher.matches(relative) {
                        if !rule.members.is_empty() {
                            collected = true;
                        }
                        visit(layer, d, rule);
                    }
                }
            }
            (leaf_only && collected)
                || d.is_empty()
                || (owners.is_some_and(|o| o.options.no_parent_owners) && collected)
        };
        if path::is_plain(file) {
            // Fast path: a clean relative path; every level is a prefix of it.
            let mut end = file.len();
            loop {
                let d = &file[..end];
                let relative = if end == file.len() {
                    "."
                } else if end == 0 {
                    file
                } else {
                    &file[end + 1..]
                };
                if level(d, relative, layer) {
                    return;
                }
                end = path::last_slash(d).unwrap_or(0);
                layer += 1;
            }
        }
        let start: Cow<'_, str> = if self.md_yaml && file.ends_with(".md") {
            Cow::Borrowed(file)
        } else {
            Cow::Borrowed(path::canonicalize(file))
        };
        let mut d = start;
        loop {
            let Some(relative) = path::rel(&d, file) else {
                return;
            };
            if level(&d, &relative, layer) {
                return;
            }
            d = match d {
                Cow::Borrowed(s) => path::parent(s),
                Cow::Owned(s) => Cow::Owned(path::parent(&s).into_owned()),
            };
            layer += 1;
        }
    }

    /// Prow's `entriesForFile(...)` as a layered set (closest layer first,
    /// each layer sorted, an item only in the first layer it appears in).
    pub fn layered(&self, file: &str, role: Role, leaf_only: bool) -> LayeredSet {
        let mut set = LayeredSet::default();
        self.visit_entries(file, role, leaf_only, |layer, members| {
            set.insert(layer, members);
        });
        set
    }

    fn flat(&self, file: &str, role: Role, leaf_only: bool) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        self.visit_entries(file, role, leaf_only, |_, members| {
            out.extend(members.iter().cloned());
        });
        out
    }

    /// Prow's `Approvers(path).Set()`.
    pub fn approvers(&self, file: &str) -> BTreeSet<String> {
        self.flat(file, Role::Approvers, false)
    }
    /// Prow's `LeafApprovers(path)`.
    pub fn leaf_approvers(&self, file: &str) -> BTreeSet<String> {
        self.flat(file, Role::Approvers, true)
    }
    /// Prow's `Reviewers(path).Set()`.
    pub fn reviewers(&self, file: &str) -> BTreeSet<String> {
        self.flat(file, Role::Reviewers, false)
    }
    /// Prow's `LeafReviewers(path)`.
    pub fn leaf_reviewers(&self, file: &str) -> BTreeSet<String> {
        self.flat(file, Role::Reviewers, true)
    }
    /// Prow's `RequiredReviewers(path)`.
    pub fn required_reviewers(&self, file: &str) -> BTreeSet<String> {
        self.flat(file, Role::RequiredReviewers, false)
    }
    /// Prow's `FindLabelsForFile(path)` (labels keep their case).
    pub fn labels(&self, file: &str) -> BTreeSet<String> {
        self.flat(file, Role::Labels, false)
    }
    /// Prow's `TopLevelApprovers()`.
    pub fn top_level_approvers(&self) -> BTreeSet<String> {
        self.flat(".", Role::Approvers, true)
    }

    /// Prow's `FindApproverOwnersForFile(path)`: the deepest directory (or
    /// md file) with a matching, non-empty approvers entry; `""` for the root
    /// and for none. Ignores `no_parent_owners`.
    pub fn approver_owners_dir(&self, file: &str) -> String {
        self.owners_dir(file, Role::Approvers)
    }

    /// Prow's `FindReviewersOwnersForFile(path)`.
    pub fn reviewer_owners_dir(&self, file: &str) -> String {
        self.owners_dir(file, Role::Reviewers)
    }

    fn owners_dir(&self, file: &str, role: Role) -> String {
        self.owners_dir_ref(file, role).into_owned()
    }

    /// [`Self::reviewer_owners_dir`] without allocating on the usual paths.
    pub fn reviewer_owners_dir_ref<'a>(&self, file: &'a str) -> Cow<'a, str> {
        self.owners_dir_ref(file, Role::Reviewers)
    }

    /// [`Self::approver_owners_dir`] without allocating on the usual paths.
    pub fn approver_owners_dir_ref<'a>(&self, file: &'a str) -> Cow<'a, str> {
        self.owners_dir_ref(file, Role::Approvers)
    }

    fn owners_dir_ref<'a>(&self, file: &'a str, role: Role) -> Cow<'a, str> {
        let has = |d: &str, relative: &str| {
            self.dirs.get(d).is_some_and(|o| {
                o.rules(role)
                    .iter()
                    .any(|r| !r.members.is_empty() && r.matcher.matches(relative))
            })
        };
        if path::is_plain(file) {
            let mut end = file.len();
            while end > 0 {
                let d = &file[..end];
                let relative = if end == file.len() {
                    "."
                } else {
                    &file[end + 1..]
                };
                if has(d, relative) {
                    return Cow::Borrowed(d);
                }
                end = path::last_slash(d).unwrap_or(0);
            }
            return Cow::Borrowed("");
        }
        self.owners_dir_slow(file, role).into()
    }

    fn owners_dir_slow(&self, file: &str, role: Role) -> String {
        let mut d: Cow<'_, str> = Cow::Borrowed(file);
        while !d.is_empty() {
            let Some(relative) = path::rel(&d, file) else {
                return String::new();
            };
            if let Some(owners) = self.dirs.get(d.as_ref())
                && owners
                    .rules(role)
                    .iter()
                    .any(|r| r.matcher.matches(&relative) && !r.members.is_empty())
            {
                return d.into_owned();
            }
            d = match d {
                Cow::Borrowed(s) => path::parent(s),
                Cow::Owned(s) => Cow::Owned(path::parent(&s).into_owned()),
            };
        }
        String::new()
    }

    /// `Find{Reviewers,Approver}OwnersForFile(path)` and
    /// `Leaf{Reviewers,Approvers}(path)` (appended to `leaf`) in one walk:
    /// the leaf entries are those of the first level with any, and that
    /// level is the owners directory (`""` for the root and for none).
    pub fn owners_dir_and_leaf<'a>(
        &'a self,
        file: &'a str,
        role: Role,
        leaf: &mut Vec<u32>,
    ) -> Cow<'a, str> {
        if let Some(s) = self.chain_summary(file, role) {
            leaf.extend_from_slice(&s.leaf);
            return Cow::Borrowed(&s.leaf_dir);
        }
        if !path::is_plain(file) {
            self.walk(file, role, true, |_, r| leaf.extend_from_slice(&r.ids));
            return self.owners_dir_ref(file, role);
        }
        // On a plain path every level is a prefix of it.
        let mut level: Option<usize> = None;
        self.walk_dirs(file, role, true, |_, d, r| {
            if level.is_none() && !r.ids.is_empty() {
                level = Some(d.len());
            }
            leaf.extend_from_slice(&r.ids);
        });
        Cow::Borrowed(level.and_then(|len| file.get(..len)).unwrap_or(""))
    }

    /// What the loader could not read, sorted by path (`review/owners-unreadable`).
    pub fn unreadable(&self) -> &[Unreadable] {
        &self.unreadable
    }

    /// Record what the loader could not read.
    pub(crate) fn set_unreadable(&mut self, mut unreadable: Vec<Unreadable>) {
        unreadable.sort_by(|a, b| a.path.cmp(&b.path));
        self.unreadable = unreadable;
    }

    /// Whether any OWNERS entry names required reviewers.
    pub fn has_required_reviewers(&self) -> bool {
        self.any_required
    }

    /// Every stored directory key, sorted.
    pub fn dir_keys(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.dirs.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }
}

/// One source file, parsed.
#[expect(
    clippy::large_enum_variant,
    reason = "short-lived: one per file between parsing and building"
)]
enum Parsed {
    Owners(OwnersFile),
    Markdown(Option<(Config, DirOptions)>),
}

fn parse_one(src: &SourceFile) -> Parsed {
    match src.kind {
        SourceKind::Owners => Parsed::Owners(parse::parse_owners(&src.text)),
        SourceKind::Markdown => Parsed::Markdown(parse::parse_md_front_matter(&src.text)),
    }
}

/// Parse every source, on as many threads as there are cores (in order).
fn parse_all(sources: &[&SourceFile]) -> Vec<Parsed> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8);
    if threads < 2 || sources.len() < 64 {
        return sources.iter().map(|s| parse_one(s)).collect();
    }
    let chunk = sources.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|s| parse_one(s)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                // A panic in a parser thread is a bug; re-raise it here.
                h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
            .collect()
    })
}

/// Position of a filter key in a parsed file (for diagnostics).
fn filter_pos(parsed: &OwnersFile, pattern: &str) -> Pos {
    parsed
        .doc
        .as_ref()
        .and_then(|d| d.filters.iter().rev().find(|f| f.pattern == pattern))
        .map(|f| f.pos)
        .unwrap_or_default()
}

/// Prow's `layeredsets.String`: disjoint layers, closest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LayeredSet {
    layers: Vec<BTreeSet<String>>,
}

impl LayeredSet {
    /// Insert items at `layer`, skipping items already present in any layer.
    pub fn insert(&mut self, layer: usize, items: &[String]) {
        while self.layers.len() <= layer {
            self.layers.push(BTreeSet::new());
        }
        for item in items {
            if !self.contains(item) {
                self.layers[layer].insert(item.clone());
            }
        }
    }

    pub fn contains(&self, item: &str) -> bool {
        self.layers.iter().any(|l| l.contains(item))
    }

    /// Number of items over all layers.
    pub fn len(&self) -> usize {
        self.layers.iter().map(BTreeSet::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every item (Prow's `Set()`).
    pub fn set(&self) -> BTreeSet<String> {
        self.layers.iter().flatten().cloned().collect()
    }

    /// Each layer sorted, concatenated (Prow's `List()`).
    pub fn list(&self) -> Vec<String> {
        self.layers.iter().flatten().cloned().collect()
    }

    /// The layers, closest first (empty layers included).
    pub fn layers(&self) -> &[BTreeSet<String>] {
        &self.layers
    }

    /// Remove an item from whichever layer holds it.
    pub fn remove(&mut self, item: &str) {
        for l in &mut self.layers {
            l.remove(item);
        }
    }
}
