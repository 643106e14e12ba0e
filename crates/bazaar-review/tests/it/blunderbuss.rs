//! Prow's blunderbuss tests (`pkg/plugins/blunderbuss/blunderbuss_test.go`)
//! through the public API, plus the same selection on real OWNERS trees.
//!
//! Prow's tests run `handle` against a fake owners client (answers per file
//! path); [`Fake`] is that client. Prow draws from Go's global source, which
//! is randomly seeded, so its tables accept any outcome of the draws: a set
//! (sorted, duplicates kept), sometimes with an alternative. bazaar seeds
//! Go's generator with the PR number; each case runs for many seeds and must
//! give one of the accepted sets every time.

use std::borrow::Cow;
use std::collections::HashMap;

use bazaar_review::blunderbuss::{
    self, BlunderbussConfig, PrAction, ReviewerPick, ReviewerSource, get_reviewers,
    handles_comment, handles_pull_request, pick_reviewers,
};
use bazaar_review::engine::{EngineOptions, evaluate};
use bazaar_review::gorand::GoRand;
use bazaar_review::owners::Role;
use bazaar_review::pr::PullRequest;

use crate::support::tree;

/// Prow's `fakeOwnersClient`: every answer looked up by file path; logins
/// are used as written (the fake does not normalise them).
#[derive(Default)]
struct Fake {
    owners: HashMap<String, String>,
    leaf: HashMap<(Role, String), Vec<u32>>,
    layered: HashMap<(Role, String), Vec<Vec<u32>>>,
    required: HashMap<String, Vec<u32>>,
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Fake {
    fn id(&mut self, login: &str) -> u32 {
        if let Some(id) = self.ids.get(login) {
            return *id;
        }
        let id = u32::try_from(self.names.len()).expect("few logins");
        self.names.push(login.to_string());
        self.ids.insert(login.to_string(), id);
        id
    }
    fn ids_of(&mut self, logins: &[&str]) -> Vec<u32> {
        logins.iter().map(|l| self.id(l)).collect()
    }
    fn owners(mut self, map: &[(&str, &str)]) -> Self {
        for (path, file) in map {
            self.owners.insert((*path).to_string(), (*file).to_string());
        }
        self
    }
    /// `leafReviewers` / `leafApprovers`.
    fn leaf(mut self, role: Role, map: &[(&str, &[&str])]) -> Self {
        for (path, logins) in map {
            let ids = self.ids_of(logins);
            self.leaf.insert((role, (*path).to_string()), ids);
        }
        self
    }
    /// `reviewers` / `approvers`: `layeredsets.NewStringFromSlices`.
    fn layered(mut self, role: Role, map: &[(&str, &[&[&str]])]) -> Self {
        for (path, layers) in map {
            let layers = layers.iter().map(|l| self.ids_of(l)).collect();
            self.layered.insert((role, (*path).to_string()), layers);
        }
        self
    }
    fn required(mut self, map: &[(&str, &[&str])]) -> Self {
        for (path, logins) in map {
            let ids = self.ids_of(logins);
            self.required.insert((*path).to_string(), ids);
        }
        self
    }
}

impl ReviewerSource for Fake {
    fn owners_and_leaf<'a>(
        &'a self,
        path: &'a str,
        role: Role,
        leaf: &mut Vec<u32>,
    ) -> Cow<'a, str> {
        if let Some(ids) = self.leaf.get(&(role, path.to_string())) {
            leaf.extend_from_slice(ids);
        }
        Cow::Borrowed(self.owners.get(path).map_or("", String::as_str))
    }
    fn required_reviewers(&self, path: &str, out: &mut Vec<u32>) {
        if let Some(ids) = self.required.get(path) {
            out.extend_from_slice(ids);
        }
    }
    fn layered(&self, path: &str, role: Role, visit: &mut dyn FnMut(usize, &[u32])) {
        for (layer, ids) in self
            .layered
            .get(&(role, path.to_string()))
            .into_iter()
            .flatten()
            .enumerate()
        {
            visit(layer, ids);
        }
    }
    fn login(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }
    fn login_id(&self, login: &str) -> Option<u32> {
        self.ids.get(login).copied()
    }
}

/// The shared fixture of `TestHandleWithExcludeApproversOnlyReviewers` and
/// `TestHandleWithoutExcludeApproversNoReviewers`: the same answers given as
/// reviewers (`role` = reviewers) or as approvers only.
fn shared_fixture(role: Role) -> Fake {
    Fake::default()
        .owners(&[
            ("a.go", "1"),
            ("b.go", "2"),
            ("bb.go", "3"),
            ("c.go", "4"),
            ("e.go", "5"),
            ("ee.go", "5"),
        ])
        .layered(
            role,
            &[
                ("a.go", &[&["al"]]),
                ("b.go", &[&["al"]]),
                // ben is top level, charles is lower
                ("c.go", &[&["charles"], &["ben"]]),
                ("e.go", &[&["erick", "evan"]]),
                ("ee.go", &[&["erick", "evan"]]),
                ("f.go", &[&["author", "non-author"]]),
            ],
        )
        .required(&[("a.go", &["ben"]), ("ee.go", &["chris", "charles"])])
        .leaf(
            role,
            &[
                ("a.go", &["alice"]),
                ("b.go", &["bob"]),
                ("bb.go", &["bob", "ben"]),
                ("c.go", &["cole", "carl", "chad"]),
                ("e.go", &["erick", "ellen"]),
                ("ee.go", &["erick", "ellen"]),
                ("f.go", &["author"]),
            ],
        )
}

/// One row of Prow's `handle` tables.
struct Case {
    name: &'static str,
    files: &'static [&'static str],
    count: usize,
    max: usize,
    expected: &'static [&'static str],
    alternate: &'static [&'static str],
}

const fn case(
    name: &'static str,
    files: &'static [&'static str],
    count: usize,
    max: usize,
    expected: &'static [&'static str],
) -> Case {
    Case {
        name,
        files,
        count,
        max,
        expected,
        alternate: &[],
    }
}

/// The `testcases` table shared by the two tests.
const SHARED_CASES: &[Case] = &[
    case(
        "one file, 3 leaf reviewers, 1 parent reviewer, 1 top level reviewer, request 3",
        &["c.go"],
        3,
        0,
        &["cole", "carl", "chad"],
    ),
    case(
        "one file, 3 leaf reviewers, 1 parent reviewer, 1 top level reviewer, request 4",
        &["c.go"],
        4,
        0,
        &["cole", "carl", "chad", "charles"],
    ),
    case(
        "one file, 3 leaf reviewers, 1 parent reviewer, 1 top level reviewer, request 5",
        &["c.go"],
        5,
        0,
        // last resort we take the top level reviewer
        &["cole", "carl", "chad", "charles", "ben"],
    ),
    case(
        "two files, 2 leaf reviewers, 1 common parent, request 2",
        &["a.go", "b.go"],
        2,
        0,
        &["alice", "ben", "bob"],
    ),
    case(
        "two files, 2 leaf reviewers, 1 common parent, request 3",
        &["a.go", "b.go"],
        3,
        0,
        &["alice", "ben", "bob", "al"],
    ),
    case(
        "one files, 1 leaf reviewers, request 1",
        &["a.go"],
        1,
        1,
        &["alice", "ben"],
    ),
    case(
        "one file, 2 leaf reviewer, 2 parent reviewers (1 dup), request 3",
        &["e.go"],
        3,
        0,
        &["erick", "ellen", "evan"],
    ),
    Case {
        alternate: &["ellen"],
        ..case(
            "two files, 2 leaf reviewer, 2 parent reviewers (1 dup), request 1",
            &["e.go"],
            1,
            0,
            &["erick"],
        )
    },
    case(
        "two files, 1 common leaf reviewer, one additional leaf, one parent, request 1",
        &["b.go", "bb.go"],
        1,
        0,
        &["bob", "ben"],
    ),
    case(
        "two files, 2 leaf reviewers, 1 common parent, request 1",
        &["a.go", "b.go"],
        1,
        0,
        &["alice", "ben", "bob"],
    ),
    Case {
        alternate: &["ben", "bob"],
        ..case(
            "two files, 2 leaf reviewers, 1 common parent, request 1, limit 2",
            &["a.go", "b.go"],
            1,
            1,
            &["alice", "ben"],
        )
    },
    case("exclude author", &["f.go"], 1, 0, &["non-author"]),
    case("reviewerCount==0", &["f.go"], 0, 0, &[]),
];

/// The seeds each case runs with: Prow's PR number 5, then many more.
fn seeds() -> impl Iterator<Item = i64> {
    std::iter::once(5).chain(1..=200)
}

fn files(f: &[&str]) -> Vec<String> {
    f.iter().map(|s| (*s).to_string()).collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn strings(v: &[&str]) -> Vec<String> {
    sorted(v.iter().map(|s| (*s).to_string()).collect())
}

/// Prow's `handle(..., reviewerCount, maxReviewerCount, excludeApprovers,
/// useStatusAvailability, ...)` on the fake, for every seed.
fn check_table(fake: &Fake, cases: &[Case], config: &BlunderbussConfig) {
    for tc in cases {
        let config = BlunderbussConfig {
            request_count: tc.count,
            max_request_count: tc.max,
            ..config.clone()
        };
        for seed in seeds() {
            let pick = pick_reviewers(fake, "author", &files(tc.files), &config, seed);
            let got = sorted(pick.requested());
            assert!(
                got == strings(tc.expected)
                    || (!tc.alternate.is_empty() && got == strings(tc.alternate)),
                "[{}] seed {seed}: expected {:?} (or {:?}), got {got:?}",
                tc.name,
                tc.expected,
                tc.alternate
            );
        }
    }
}

/// `TestHandleWithExcludeApproversOnlyReviewers`.
#[test]
fn handle_with_exclude_approvers_only_reviewers() {
    let config = BlunderbussConfig {
        exclude_approvers: true,
        ..BlunderbussConfig::default()
    };
    check_table(&shared_fixture(Role::Reviewers), SHARED_CASES, &config);
}

/// `TestHandleWithoutExcludeApproversNoReviewers`: only approvers in the
/// OWNERS files, the same results through the fallback.
#[test]
fn handle_without_exclude_approvers_no_reviewers() {
    check_table(
        &shared_fixture(Role::Approvers),
        SHARED_CASES,
        &BlunderbussConfig::default(),
    );
}

/// `TestHandleWithoutExcludeApproversMixed`.
#[test]
fn handle_without_exclude_approvers_mixed() {
    let fake = Fake::default()
        .owners(&[
            ("a.go", "1"),
            ("b.go", "2"),
            ("bb.go", "3"),
            ("c.go", "4"),
            ("e.go", "5"),
            ("ee.go", "5"),
            ("f.go", "6"),
            ("g.go", "7"),
        ])
        .layered(
            Role::Approvers,
            &[
                ("a.go", &[&["al"]]),
                ("b.go", &[&["jeff"]]),
                ("c.go", &[&["jeff"]]),
                ("e.go", &[]),
                ("ee.go", &[&["larry"]]),
                ("f.go", &[&["approver1"]]),
                ("g.go", &[&["Approver1"]]),
            ],
        )
        .leaf(
            Role::Approvers,
            &[
                ("a.go", &["alice"]),
                ("b.go", &["brad"]),
                ("c.go", &["evan"]),
                ("e.go", &["erick", "evan"]),
                ("ee.go", &["erick", "evan"]),
                ("f.go", &["leafApprover1", "leafApprover2"]),
                ("g.go", &["leafApprover1", "leafApprover2"]),
            ],
        )
        .layered(
            Role::Reviewers,
            &[
                ("a.go", &[&["al"]]),
                ("b.go", &[]),
                ("c.go", &[&["charles"]]),
                ("e.go", &[&["erick", "evan"]]),
                ("ee.go", &[&["erick", "evan"]]),
            ],
        )
        .leaf(
            Role::Reviewers,
            &[
                ("a.go", &["alice"]),
                ("b.go", &["bob"]),
                ("bb.go", &["bob", "ben"]),
                ("c.go", &["cole", "carl", "chad"]),
                ("e.go", &["erick", "ellen"]),
                ("ee.go", &["erick", "ellen"]),
            ],
        );
    let cases = [
        case(
            "1 file, 1 leaf reviewer, 1 leaf approver, 1 approver, request 3",
            &["b.go"],
            3,
            0,
            &["bob", "brad", "jeff"],
        ),
        case(
            "1 file, 1 leaf reviewer, 1 leaf approver, 1 approver, request 1, limit 1",
            &["b.go"],
            1,
            0,
            &["bob"],
        ),
        case(
            "2 file, 2 leaf reviewers, 1 parent reviewers, 1 leaf approver, 1 approver, request 5",
            &["a.go", "b.go"],
            5,
            0,
            &["alice", "bob", "al", "brad", "jeff"],
        ),
        case(
            "1 file, 1 leaf reviewer+approver, 1 reviewer+approver, request 3",
            &["a.go"],
            3,
            0,
            &["alice", "al"],
        ),
        case(
            "1 file, 2 leaf reviewers, request 2",
            &["e.go"],
            2,
            0,
            &["erick", "ellen"],
        ),
        case(
            "2 files, 2 leaf+parent reviewers, 1 parent reviewer, 1 parent approver, request 4",
            &["e.go", "ee.go"],
            4,
            0,
            &["erick", "ellen", "evan", "larry"],
        ),
        case(
            "1 file, 2 leaf approvers, 1 approver, request 3, max 2",
            &["f.go"],
            3,
            2,
            &["leafApprover1", "leafApprover2"],
        ),
        case(
            "1 file, 2 leaf approvers, 1 approver (capitalized), request 3, max 2",
            &["g.go"],
            3,
            2,
            &["leafApprover1", "leafApprover2"],
        ),
        case("reviewerCount==0", &["g.go"], 0, 0, &[]),
    ];
    check_table(&fake, &cases, &BlunderbussConfig::default());
}

/// `TestPopActiveReviewer`: with `use_status_availability`, a busy user is
/// never requested, however the draws fall.
#[test]
fn pop_active_reviewer() {
    let per_file: &[(&str, &[&str])] = &[
        ("a.go", &["alice"]),
        ("b.go", &["brad"]),
        ("c.go", &["busy-user"]),
    ];
    let layers: &[(&str, &[&[&str]])] = &[
        ("a.go", &[&["alice"]]),
        ("b.go", &[&["brad"]]),
        ("c.go", &[&["busy-user"]]),
    ];
    let fake = Fake::default()
        .owners(&[("a.go", "1"), ("b.go", "2"), ("bb.go", "3"), ("c.go", "4")])
        .layered(Role::Approvers, layers)
        .leaf(Role::Approvers, per_file)
        .layered(Role::Reviewers, layers)
        .leaf(Role::Reviewers, per_file);
    let config = BlunderbussConfig {
        use_status_availability: true,
        unavailable: vec!["busy-user".to_string()],
        ..BlunderbussConfig::default()
    };
    let cases = [case(
        "request three reviewers, only receive two, never get the busy user",
        &["a.go", "b.go", "c.go"],
        3,
        0,
        &["alice", "brad"],
    )];
    check_table(&fake, &cases, &config);
    // Without the option the busy user is requested.
    let off = BlunderbussConfig {
        use_status_availability: false,
        ..config
    };
    check_table(
        &fake,
        &[case(
            "option off",
            &["a.go", "b.go", "c.go"],
            3,
            0,
            &["alice", "brad", "busy-user"],
        )],
        &off,
    );
}

/// The one-reviewer fixture of the event tests (`a.go` → `al`).
fn event_fixture() -> Fake {
    Fake::default()
        .owners(&[("a.go", "1")])
        .leaf(Role::Reviewers, &[("a.go", &["al"])])
}

/// `TestHandlePullRequest`: which PR events request reviews.
#[test]
fn handle_pull_request() {
    let fake = event_fixture();
    // (name, action, body, count, expected, draft, ignore_drafts, ignore_authors)
    type Row = (
        &'static str,
        PrAction,
        &'static str,
        usize,
        &'static [&'static str],
        bool,
        bool,
        &'static [&'static str],
    );
    let cases: [Row; 7] = [
        (
            "PR opened",
            PrAction::Opened,
            "/auto-cc",
            1,
            &["al"],
            false,
            false,
            &[],
        ),
        (
            "PR opened with /cc command",
            PrAction::Opened,
            "/cc",
            1,
            &[],
            false,
            false,
            &[],
        ),
        (
            "PR closed",
            PrAction::Other,
            "/auto-cc",
            1,
            &[],
            false,
            false,
            &[],
        ),
        (
            "draft pr opened, ignoreDrafts true, do not assign review to PR",
            PrAction::Opened,
            "",
            0,
            &[],
            true,
            true,
            &[],
        ),
        (
            "non-draft pr opened, ignoreDrafts true, assign review to PR",
            PrAction::Opened,
            "",
            1,
            &["al"],
            false,
            true,
            &[],
        ),
        (
            "draft is ready for review, ignoreDrafts true, assign review to PR",
            PrAction::ReadyForReview,
            "",
            1,
            &["al"],
            false,
            false,
            &[],
        ),
        (
            "PR opened by ignored author, do not assign review to PR",
            PrAction::Opened,
            "",
            0,
            &[],
            false,
            false,
            &["author"],
        ),
    ];
    for (name, action, body, count, expected, draft, ignore_drafts, ignore_authors) in cases {
        let config = BlunderbussConfig {
            request_count: count,
            ignore_drafts,
            ignore_authors: ignore_authors.iter().map(|s| (*s).to_string()).collect(),
            ..BlunderbussConfig::default()
        };
        let requested = if handles_pull_request(&config, action, body, draft, "author") {
            pick_reviewers(&fake, "author", &files(&["a.go"]), &config, 5).requested()
        } else {
            Vec::new()
        };
        assert_eq!(sorted(requested), strings(expected), "{name}");
    }
    // The filters themselves, each alone (the table above sets the count
    // to 0 in two rows, which would request nobody anyway).
    let c = BlunderbussConfig {
        ignore_drafts: true,
        ignore_authors: vec!["author".to_string()],
        ..BlunderbussConfig::default()
    };
    assert!(!handles_pull_request(
        &c,
        PrAction::Opened,
        "",
        true,
        "someone"
    ));
    assert!(!handles_pull_request(
        &c,
        PrAction::Opened,
        "",
        false,
        "author"
    ));
    // `ignore_authors` compares as written.
    assert!(handles_pull_request(
        &c,
        PrAction::Opened,
        "",
        false,
        "Author"
    ));
    assert!(handles_pull_request(
        &c,
        PrAction::ReadyForReview,
        "text\n/auto-cc",
        false,
        "x"
    ));
    assert!(!handles_pull_request(
        &c,
        PrAction::Opened,
        "Thanks!\n/cc @bob",
        false,
        "x"
    ));
}

/// `TestHandleGenericComment`: `/auto-cc` on an open PR.
#[test]
fn handle_generic_comment() {
    let fake = event_fixture();
    // (name, created, open, is_pr, body, files, expected)
    type Row = (
        &'static str,
        bool,
        bool,
        bool,
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
    );
    let cases: [Row; 5] = [
        (
            "comment with a valid command in an open PR triggers auto-assignment",
            true,
            true,
            true,
            "/auto-cc",
            &["a.go"],
            &["al"],
        ),
        (
            "comment with an invalid command in an open PR will not trigger auto-assignment",
            true,
            true,
            true,
            "/automatic-review",
            &["a.go"],
            &[],
        ),
        (
            "comment with a valid command in a closed PR will not trigger auto-assignment",
            true,
            false,
            true,
            "/auto-cc",
            &["a.go"],
            &[],
        ),
        (
            "comment deleted from an open PR will not trigger auto-assignment",
            false,
            true,
            true,
            "/auto-cc",
            &["a.go"],
            &[],
        ),
        (
            "comment with valid command in an open issue will not trigger auto-assignment",
            true,
            true,
            false,
            "/auto-cc",
            &[],
            &[],
        ),
    ];
    let config = BlunderbussConfig {
        request_count: 1,
        ..BlunderbussConfig::default()
    };
    for (name, created, open, is_pr, body, changed, expected) in cases {
        let requested = if handles_comment(created, is_pr, open, body) {
            pick_reviewers(&fake, "author", &files(changed), &config, 5).requested()
        } else {
            Vec::new()
        };
        assert_eq!(sorted(requested), strings(expected), "{name}");
    }
}

/// `TestHandleGenericCommentShardedConfig`, the counts only: bazaar takes
/// one [`BlunderbussConfig`] (no per-org / per-repo merging), so the
/// resolved `request_count` / `max_request_count` are given directly.
#[test]
fn handle_generic_comment_counts() {
    let fake = Fake::default()
        .owners(&[("a.go", "1"), ("b.go", "2")])
        .leaf(
            Role::Reviewers,
            &[
                ("a.go", &["al"]),
                ("b.go", &["bob"]),
                ("c.go", &["sarah"]),
                ("d.go", &["busy-user"]),
            ],
        );
    let changed = files(&["a.go", "b.go", "c.go", "d.go"]);
    for (count, want) in [(2, 2), (3, 3)] {
        let config = BlunderbussConfig {
            request_count: count,
            max_request_count: count,
            ..BlunderbussConfig::default()
        };
        for seed in seeds() {
            let pick = pick_reviewers(&fake, "author", &changed, &config, seed);
            assert_eq!(pick.requested().len(), want, "count {count}, seed {seed}");
        }
    }
}

/// `getReviewers` answers in `layeredsets` order: each layer sorted, layer
/// by layer (one leaf per OWNERS file, then other leaves, then the chain).
#[test]
fn get_reviewers_lists_layer_by_layer() {
    let fake = shared_fixture(Role::Reviewers);
    let config = BlunderbussConfig::default();
    for seed in seeds() {
        let mut rng = GoRand::new(seed);
        let (got, required) = get_reviewers(
            &fake,
            Role::Reviewers,
            "author",
            &files(&["c.go"]),
            5,
            &config,
            &mut rng,
        );
        assert!(required.is_empty());
        assert_eq!(got.len(), 5, "seed {seed}");
        // Layer 0: one leaf; layer 1: the two others, sorted; layer 2: the
        // chain's people, sorted (charles was drawn first, ben after).
        let mut leaves = got[..3].to_vec();
        assert!(got[1] < got[2], "seed {seed}: {got:?}");
        leaves.sort();
        assert_eq!(leaves, ["carl", "chad", "cole"], "seed {seed}");
        assert_eq!(got[3..], ["ben", "charles"], "seed {seed}");
    }
    // Required reviewers are those of each OWNERS file seen first, sorted.
    let mut rng = GoRand::new(5);
    let (_, required) = get_reviewers(
        &fake,
        Role::Reviewers,
        "author",
        &files(&["ee.go", "a.go", "e.go"]),
        1,
        &config,
        &mut rng,
    );
    assert_eq!(required, ["ben", "charles", "chris"]);
    // `e.go` shares OWNERS file 5 with `ee.go`: its required reviewers (none
    // in the fixture, but they would be skipped) are not asked for.
    let mut rng = GoRand::new(5);
    let (_, required) = get_reviewers(
        &fake,
        Role::Reviewers,
        "author",
        &files(&["e.go", "ee.go"]),
        1,
        &config,
        &mut rng,
    );
    assert!(required.is_empty(), "{required:?}");
}

/// The draws are Go's `math/rand` seeded with the PR number: the same PR
/// always gets the same reviewers, and the picks follow the seed.
#[test]
fn picks_follow_the_seed() {
    let fake = shared_fixture(Role::Reviewers);
    let config = BlunderbussConfig {
        request_count: 1,
        ..BlunderbussConfig::default()
    };
    let c = files(&["c.go"]);
    let mut seen = std::collections::BTreeSet::new();
    for seed in 1..=50 {
        let a = pick_reviewers(&fake, "author", &c, &config, seed);
        assert_eq!(a, pick_reviewers(&fake, "author", &c, &config, seed));
        seen.insert(a.reviewers.clone());
    }
    // Every leaf gets drawn for some PR.
    assert_eq!(seen.len(), 3, "{seen:?}");
    // The draw is `sorted[Intn(3)]` of `[carl, chad, cole]` on Go's source.
    for seed in [1_i64, 5, 42] {
        let mut rng = GoRand::new(seed);
        let i = rng.intn(3).expect("n > 0");
        let want = ["carl", "chad", "cole"][i];
        let got = pick_reviewers(&fake, "author", &c, &config, seed);
        assert_eq!(got.reviewers, [want], "seed {seed}");
    }
}

/// The same selection on a real OWNERS tree (Prow's `RepoOwners` answers).
#[test]
fn selection_on_an_owners_tree() {
    let t = tree(
        &[
            ("OWNERS", "approvers: [top]\nreviewers: [ben]\n"),
            ("c/OWNERS", "reviewers: [charles]\n"),
            (
                "c/d/OWNERS",
                "reviewers: [Cole, carl, chad]\nrequired_reviewers: [rita]\n",
            ),
            (
                "e/OWNERS",
                "options: {no_parent_owners: true}\nreviewers: [erick]\n",
            ),
            (
                "f/OWNERS",
                "filters:\n  \"\\\\.go$\":\n    reviewers: [gopher]\n  \".*\":\n    approvers: [fay]\n",
            ),
        ],
        None,
        false,
    );
    let pick = |author: &str, changed: &[&str], count: usize, max: usize| -> ReviewerPick {
        let config = BlunderbussConfig {
            request_count: count,
            max_request_count: max,
            ..BlunderbussConfig::default()
        };
        pick_reviewers(&t, author, &files(changed), &config, 5)
    };
    // Leaves, then the parent, then the top level; required on top.
    let p = pick("author", &["c/d/x.go"], 5, 0);
    assert_eq!(
        sorted(p.reviewers.clone()),
        ["ben", "carl", "chad", "charles", "cole"]
    );
    assert_eq!(p.required, ["rita"]);
    assert_eq!(&p.reviewers[3..], ["ben", "charles"]);
    // One more than there are reviewers: the approvers stand in.
    let p = pick("author", &["c/d/x.go"], 6, 0);
    assert_eq!(p.reviewers.len(), 6);
    assert_eq!(p.reviewers.last().map(String::as_str), Some("top"));
    // The author (any case) is never picked.
    let p = pick("COLE", &["c/d/x.go"], 5, 0);
    assert!(!p.reviewers.contains(&"cole".to_string()), "{p:?}");
    assert_eq!(p.reviewers.len(), 5, "{p:?}"); // ... `top` fills the gap
    // `no_parent_owners` stops the chain: erick, then the approver fallback
    // (the root's `top`, since `e/` has no approvers).
    let p = pick("author", &["e/x.go"], 2, 0);
    assert_eq!(p.reviewers, ["erick", "top"]);
    // Filters: `gopher` reviews `.go` files only.
    assert_eq!(pick("author", &["f/x.go"], 1, 0).reviewers, ["gopher"]);
    assert_eq!(pick("author", &["f/x.md"], 1, 0).reviewers, ["ben"]);
    // `max_request_count` cuts the pick, never the required reviewers.
    let p = pick("author", &["c/d/x.go"], 5, 2);
    assert_eq!(p.reviewers.len(), 2);
    assert_eq!(p.required, ["rita"]);
    // `request_count: 0` requests nobody (Prow's `getReviewers` returns at once).
    assert_eq!(pick("author", &["c/d/x.go"], 0, 0), ReviewerPick::default());
}

/// `owners_dir_and_leaf` is `FindReviewersOwnersForFile` + `LeafReviewers`
/// (and the approvers' pair) on every kind of path.
#[test]
fn owners_dir_and_leaf_matches_the_two_queries() {
    let t = tree(
        &[
            ("OWNERS", "approvers: [root]\nreviewers: [rr]\n"),
            ("a/OWNERS", "approvers: [ann]\n"),
            (
                "a/b/OWNERS",
                "reviewers: [bea]\nrequired_reviewers: [req]\n",
            ),
            (
                "f/OWNERS",
                "options: {no_parent_owners: true}\nfilters:\n  \"\\\\.go$\":\n    reviewers: [gopher]\n    approvers: [gapp]\n",
            ),
        ],
        None,
        false,
    );
    let paths = [
        "x.go",
        "a/x.go",
        "a/b/x.go",
        "a/b/c/d.go",
        "f/x.go",
        "f/x.md",
        "f/sub/x.go",
        "./a/x.go",
        "a//b/x.go",
        "a/b/",
        "/a/x.go",
        ".",
        "",
        "a/../f/x.go",
    ];
    for p in paths {
        for role in [Role::Reviewers, Role::Approvers] {
            let mut leaf = Vec::new();
            let dir = t.owners_dir_and_leaf(p, role, &mut leaf);
            let mut names: Vec<String> = leaf.iter().map(|id| t.login(*id).to_string()).collect();
            names.sort();
            names.dedup();
            let (want_dir, want_leaf) = match role {
                Role::Reviewers => (t.reviewer_owners_dir(p), t.leaf_reviewers(p)),
                _ => (t.approver_owners_dir(p), t.leaf_approvers(p)),
            };
            assert_eq!(dir, want_dir, "{p:?} {role:?}");
            assert_eq!(
                names,
                want_leaf.into_iter().collect::<Vec<_>>(),
                "{p:?} {role:?}"
            );
        }
    }
}

/// The engine suggests reviewers only where blunderbuss would run.
#[test]
fn engine_suggests_only_when_blunderbuss_runs() {
    let t = tree(
        &[("OWNERS", "approvers: [amy]\nreviewers: [bob, cat]\n")],
        None,
        false,
    );
    let pr = PullRequest::new(3, "dan", &["x.go"]);
    let ev = evaluate(&t, &pr, &EngineOptions::default());
    assert_eq!(sorted(ev.suggested_reviewers.all()), ["bob", "cat"]);
    // A `/cc` in the body: the assign plugin requests, blunderbuss does not.
    let mut cc = pr.clone();
    cc.body = "Please review.\n/cc @amy".to_string();
    let ev = evaluate(&t, &cc, &EngineOptions::default());
    assert_eq!(ev.suggested_reviewers, ReviewerPick::default());
    // An ignored draft.
    let mut draft = pr.clone();
    draft.draft = true;
    let options = EngineOptions {
        blunderbuss: BlunderbussConfig {
            ignore_drafts: true,
            ..BlunderbussConfig::default()
        },
        ..EngineOptions::default()
    };
    assert!(
        evaluate(&t, &draft, &options)
            .suggested_reviewers
            .reviewers
            .is_empty()
    );
    assert!(
        !evaluate(&t, &pr, &options)
            .suggested_reviewers
            .reviewers
            .is_empty()
    );
    // Same PR, same suggestion.
    let again = evaluate(&t, &pr, &EngineOptions::default());
    assert_eq!(
        again.suggested_reviewers,
        blunderbuss::pick_reviewers(&t, "dan", &pr.files, &BlunderbussConfig::default(), 3)
    );
}
