//! A generator of realistic synthetic GH Archive hour files, for tests and
//! benchmarks. Deterministic: the same seed and hour give the same bytes.
//!
//! Events have the GH Archive envelope (`id` as a string, `type`, `actor`,
//! `repo`, `payload`, `public`, `created_at`, `org` for organisation repos)
//! and payloads shaped like the Events API's: full `pull_request` objects
//! with `head`/`base` repositories, `review`, `comment` and `issue` objects
//! with user objects, bodies of a few hundred bytes, URL fields. The type mix
//! follows GH Archive's (about half pushes, then creates, watches, PRs and
//! comments); a share of actors are bots (`k8s-ci-robot`, `dependabot[bot]`);
//! PushEvents after 2025-10-07 carry no `commits`, as upstream; a few events
//! repeat the previous hour's ids, as GH Archive sometimes does.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::date::{Day, format_timestamp};

/// What to generate.
#[derive(Clone, Debug)]
pub struct SynthConfig {
    pub seed: u64,
    /// Events per hour file.
    pub events_per_hour: usize,
    /// Organisations whose repositories get most events (the rest go to
    /// unrelated repositories, to exercise filters).
    pub orgs: Vec<String>,
    /// Number of distinct human logins.
    pub people: usize,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig {
            seed: 42,
            events_per_hour: 2000,
            orgs: vec!["kubernetes".into(), "kubernetes-sigs".into()],
            people: 400,
        }
    }
}

/// splitmix64: small, fast and good enough for test data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    /// Skewed towards 0 (a few people do most of the work).
    pub fn skewed(&mut self, n: u64) -> u64 {
        let a = self.below(n);
        let b = self.below(n);
        let c = self.below(n);
        a.min(b).min(c)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const WORDS: &[&str] = &[
    "the",
    "kubelet",
    "should",
    "not",
    "retry",
    "when",
    "pod",
    "sandbox",
    "creation",
    "fails",
    "this",
    "change",
    "adds",
    "a",
    "test",
    "for",
    "scheduler",
    "queue",
    "and",
    "fixes",
    "flaky",
    "e2e",
    "node",
    "controller",
    "api",
    "server",
    "validation",
    "of",
    "field",
    "selector",
    "/lgtm",
    "/approve",
    "LGTM",
    "thanks!",
    "please",
    "rebase",
    "nit:",
    "rename",
    "variable",
    "docs",
    "update",
    "KEP",
    "beta",
    "graduation",
    "feature",
    "gate",
];

const TYPES: &[(&str, u64)] = &[
    ("PushEvent", 45),
    ("CreateEvent", 9),
    ("WatchEvent", 7),
    ("PullRequestEvent", 8),
    ("IssueCommentEvent", 9),
    ("PullRequestReviewEvent", 4),
    ("PullRequestReviewCommentEvent", 5),
    ("IssuesEvent", 3),
    ("ForkEvent", 2),
    ("DeleteEvent", 3),
    ("CommitCommentEvent", 1),
    ("ReleaseEvent", 1),
    ("GollumEvent", 1),
    ("MemberEvent", 1),
    ("PublicEvent", 1),
];

const BOTS: &[&str] = &[
    "k8s-ci-robot",
    "dependabot[bot]",
    "k8s-triage-robot",
    "github-actions[bot]",
];

/// The date after which PushEvents lose `commits`, `size`, `distinct_size`.
fn push_trimmed_since() -> i64 {
    Day::parse("2025-10-07").map_or(i64::MAX, Day::unix)
}

struct Gen<'c> {
    cfg: &'c SynthConfig,
    rng: Rng,
    hour_start: i64,
}

impl Gen<'_> {
    fn login(&mut self) -> String {
        if self.rng.chance(6) {
            return BOTS[self.rng.below(BOTS.len() as u64) as usize].to_string();
        }
        let i = self.rng.skewed(self.cfg.people as u64);
        format!("dev{i:04}")
    }

    /// The author of a pull request: a function of the PR (every event about
    /// it names the same author, as on GitHub), skewed like [`Self::login`].
    fn pr_author(&self, repo: &str, number: u64) -> String {
        let mut r = Rng::new(
            self.cfg.seed ^ Self::user_id(repo) ^ number.wrapping_mul(0x2545_F491_4F6C_DD1D),
        );
        let i = r.skewed(self.cfg.people as u64);
        format!("dev{i:04}")
    }

    fn user_id(login: &str) -> u64 {
        // Stable per login.
        login.bytes().fold(1_469_598_103u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(1_099_511_628_211)
        }) % 90_000_000
            + 1000
    }

    fn user(login: &str) -> Value {
        let id = Self::user_id(login);
        let bot = login.ends_with("[bot]");
        json!({
            "login": login, "id": id, "node_id": format!("MDQ6VXNlcj{id}"),
            "avatar_url": format!("https://avatars.githubusercontent.com/u/{id}?v=4"), "gravatar_id": "",
            "url": format!("https://api.github.com/users/{login}"), "html_url": format!("https://github.com/{login}"),
            "followers_url": format!("https://api.github.com/users/{login}/followers"),
            "following_url": format!("https://api.github.com/users/{login}/following{{/other_user}}"),
            "gists_url": format!("https://api.github.com/users/{login}/gists{{/gist_id}}"),
            "starred_url": format!("https://api.github.com/users/{login}/starred{{/owner}}{{/repo}}"),
            "subscriptions_url": format!("https://api.github.com/users/{login}/subscriptions"),
            "organizations_url": format!("https://api.github.com/users/{login}/orgs"),
            "repos_url": format!("https://api.github.com/users/{login}/repos"),
            "events_url": format!("https://api.github.com/users/{login}/events{{/privacy}}"),
            "received_events_url": format!("https://api.github.com/users/{login}/received_events"),
            "type": if bot { "Bot" } else { "User" }, "site_admin": false
        })
    }

    fn repo_name(&mut self) -> String {
        if !self.cfg.orgs.is_empty() && self.rng.chance(70) {
            let org = &self.cfg.orgs[self.rng.below(self.cfg.orgs.len() as u64) as usize];
            let names = [
                "kubernetes",
                "enhancements",
                "community",
                "test-infra",
                "website",
                "kind",
                "kustomize",
                "cluster-api",
            ];
            format!(
                "{org}/{}",
                names[self.rng.skewed(names.len() as u64) as usize]
            )
        } else {
            format!(
                "someone{}/project{}",
                self.rng.below(500),
                self.rng.below(5)
            )
        }
    }

    fn text(&mut self, words: u64) -> String {
        let n = 3 + self.rng.below(words);
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(if self.rng.chance(8) { '\n' } else { ' ' });
            }
            s.push_str(WORDS[self.rng.below(WORDS.len() as u64) as usize]);
        }
        s
    }

    fn sha(&mut self) -> String {
        format!(
            "{:016x}{:016x}{:08x}",
            self.rng.next_u64(),
            self.rng.next_u64(),
            self.rng.next_u64() as u32
        )
    }

    fn ts(&mut self, back_days: u64) -> String {
        let t = self.hour_start - (self.rng.below(back_days.max(1) * 86_400) as i64);
        format_timestamp(t)
    }

    fn repo_obj(&mut self, repo: &str) -> Value {
        let id = Self::user_id(repo);
        let owner = repo.split('/').next().unwrap_or("o").to_string();
        json!({
            "id": id, "node_id": format!("MDEwOlJlcG9zaXRvcnk{id}"), "name": repo.split('/').nth(1).unwrap_or(repo),
            "full_name": repo, "private": false, "owner": Self::user(&owner),
            "html_url": format!("https://github.com/{repo}"), "description": self.text(10), "fork": false,
            "url": format!("https://api.github.com/repos/{repo}"),
            "created_at": self.ts(3000), "updated_at": self.ts(30), "pushed_at": self.ts(2),
            "git_url": format!("git://github.com/{repo}.git"), "clone_url": format!("https://github.com/{repo}.git"),
            "size": self.rng.below(500_000), "stargazers_count": self.rng.below(100_000),
            "language": "Go", "has_issues": true, "forks_count": self.rng.below(40_000), "open_issues_count": self.rng.below(3000),
            "default_branch": "master"
        })
    }

    fn pull_request(
        &mut self,
        repo: &str,
        number: u64,
        author: &str,
        merged: Option<&str>,
    ) -> Value {
        let created = self.ts(20);
        let merged_at =
            merged.map(|_| format_timestamp(self.hour_start + self.rng.below(3600) as i64));
        let (head_sha, base_sha) = (self.sha(), self.sha());
        let head_repo = self.repo_obj(repo);
        let base_repo = head_repo.clone();
        json!({
            "url": format!("https://api.github.com/repos/{repo}/pulls/{number}"), "id": self.rng.below(2_000_000_000),
            "node_id": format!("PR_kwDO{}", self.rng.below(1_000_000_000)),
            "html_url": format!("https://github.com/{repo}/pull/{number}"),
            "diff_url": format!("https://github.com/{repo}/pull/{number}.diff"),
            "number": number, "state": if merged.is_some() { "closed" } else { "open" }, "locked": false,
            "title": self.text(8), "user": Self::user(author), "body": self.text(120),
            "created_at": created, "updated_at": format_timestamp(self.hour_start),
            "closed_at": merged_at, "merged_at": merged_at,
            "merge_commit_sha": self.sha(), "assignee": null, "assignees": [], "requested_reviewers": [],
            "labels": [{"name": "cncf-cla: yes"}, {"name": "size/M"}], "milestone": null, "draft": false,
            "head": {"label": format!("{author}:topic"), "ref": "topic", "sha": head_sha, "user": Self::user(author), "repo": head_repo},
            "base": {"label": "master", "ref": "master", "sha": base_sha, "user": Self::user(repo.split('/').next().unwrap_or("o")), "repo": base_repo},
            "author_association": "MEMBER", "merged": merged.is_some(),
            "merged_by": merged.map(Self::user),
            "comments": self.rng.below(30), "review_comments": self.rng.below(30), "commits": 1 + self.rng.below(5),
            "additions": self.rng.below(800), "deletions": self.rng.below(300), "changed_files": 1 + self.rng.below(20)
        })
    }

    fn event(&mut self, id: u64, created_at: i64) -> Value {
        let mut pick = self.rng.below(TYPES.iter().map(|t| t.1).sum());
        let mut kind = TYPES[0].0;
        for (t, w) in TYPES {
            if pick < *w {
                kind = t;
                break;
            }
            pick -= w;
        }
        let mut actor = self.login();
        let repo = self.repo_name();
        let number = 1 + self.rng.skewed(4000);
        let payload = match kind {
            "PushEvent" => {
                let mut p = json!({"repository_id": Self::user_id(&repo), "push_id": self.rng.below(1 << 40),
                    "ref": "refs/heads/master", "head": self.sha(), "before": self.sha()});
                if created_at < push_trimmed_since() {
                    let n = 1 + self.rng.below(3);
                    let commits: Vec<Value> = (0..n)
                        .map(|_| json!({"sha": self.sha(), "author": {"email": format!("{actor}@example.com"), "name": actor},
                            "message": self.text(20), "distinct": true, "url": format!("https://api.github.com/repos/{repo}/commits/x")}))
                        .collect();
                    p["size"] = json!(n);
                    p["distinct_size"] = json!(n);
                    p["commits"] = Value::Array(commits);
                }
                p
            }
            "PullRequestEvent" => {
                let closing = self.rng.chance(35);
                let merged = closing && self.rng.chance(80);
                let author = self.pr_author(&repo, number);
                if !closing {
                    actor = author.clone();
                }
                let action = if closing {
                    "closed"
                } else if self.rng.chance(80) {
                    "opened"
                } else {
                    "reopened"
                };
                let merger = if merged { Some(actor.as_str()) } else { None };
                json!({"action": action, "number": number, "pull_request": self.pull_request(&repo, number, &author, merger)})
            }
            "PullRequestReviewEvent" => {
                let author = self.pr_author(&repo, number);
                let states = ["approved", "commented", "changes_requested"];
                let state = states[self.rng.below(3) as usize];
                json!({"action": "created", "review": {"id": self.rng.below(3_000_000_000), "node_id": "PRR_x", "user": Self::user(&actor),
                    "body": self.text(30), "commit_id": self.sha(), "submitted_at": format_timestamp(created_at), "state": state,
                    "html_url": format!("https://github.com/{repo}/pull/{number}#pullrequestreview"), "author_association": "MEMBER"},
                    "pull_request": self.pull_request(&repo, number, &author, None)})
            }
            "PullRequestReviewCommentEvent" => {
                let author = self.pr_author(&repo, number);
                json!({"action": "created", "comment": {"id": self.rng.below(3_000_000_000), "pull_request_review_id": self.rng.below(3_000_000_000),
                    "diff_hunk": "@@ -10,6 +10,8 @@ func main() {", "path": "pkg/kubelet/kubelet.go", "position": self.rng.below(50),
                    "commit_id": self.sha(), "original_commit_id": self.sha(), "user": Self::user(&actor), "body": self.text(40),
                    "created_at": format_timestamp(created_at), "updated_at": format_timestamp(created_at), "author_association": "MEMBER",
                    "html_url": format!("https://github.com/{repo}/pull/{number}#discussion_r1")},
                    "pull_request": self.pull_request(&repo, number, &author, None)})
            }
            "IssuesEvent" | "IssueCommentEvent" => {
                let author = self.login();
                let is_pr = self.rng.chance(40);
                let mut issue = json!({"url": format!("https://api.github.com/repos/{repo}/issues/{number}"), "id": self.rng.below(3_000_000_000),
                    "number": number, "title": self.text(8), "user": Self::user(&author), "labels": [], "state": "open", "locked": false,
                    "assignee": null, "assignees": [], "milestone": null, "comments": self.rng.below(40), "created_at": self.ts(60),
                    "updated_at": format_timestamp(created_at), "closed_at": null, "author_association": "CONTRIBUTOR", "body": self.text(80)});
                if is_pr {
                    issue["pull_request"] = json!({"url": format!("https://api.github.com/repos/{repo}/pulls/{number}")});
                }
                if kind == "IssuesEvent" {
                    json!({"action": if self.rng.chance(60) { "opened" } else { "closed" }, "issue": issue})
                } else {
                    json!({"action": "created", "issue": issue, "comment": {"id": self.rng.below(3_000_000_000), "user": Self::user(&actor),
                        "created_at": format_timestamp(created_at), "updated_at": format_timestamp(created_at), "author_association": "MEMBER",
                        "body": self.text(60), "html_url": format!("https://github.com/{repo}/issues/{number}#issuecomment-1")}})
                }
            }
            "CommitCommentEvent" => {
                json!({"comment": {"id": self.rng.below(3_000_000_000), "commit_id": self.sha(), "path": null,
                "line": null, "user": Self::user(&actor), "body": self.text(30), "created_at": format_timestamp(created_at)}})
            }
            "CreateEvent" => {
                json!({"ref": "topic", "ref_type": "branch", "master_branch": "master", "description": self.text(8), "pusher_type": "user"})
            }
            "DeleteEvent" => json!({"ref": "topic", "ref_type": "branch", "pusher_type": "user"}),
            "WatchEvent" => json!({"action": "started"}),
            "ForkEvent" => json!({"forkee": self.repo_obj(&format!("{actor}/fork"))}),
            "ReleaseEvent" => {
                json!({"action": "published", "release": {"tag_name": "v1.0.0", "name": self.text(4), "body": self.text(100)}})
            }
            "GollumEvent" => {
                json!({"pages": [{"page_name": "Home", "title": "Home", "action": "edited", "sha": self.sha()}]})
            }
            "MemberEvent" => json!({"action": "added", "member": Self::user(&self.login())}),
            _ => json!({}),
        };
        let mut ev = json!({
            "id": id.to_string(), "type": kind,
            "actor": {"id": Self::user_id(&actor), "login": actor, "display_login": actor, "gravatar_id": "",
                      "url": format!("https://api.github.com/users/{actor}"),
                      "avatar_url": format!("https://avatars.githubusercontent.com/u/{}?", Self::user_id(&actor))},
            "repo": {"id": Self::user_id(&repo), "name": repo, "url": format!("https://api.github.com/repos/{repo}")},
            "payload": payload, "public": true, "created_at": format_timestamp(created_at),
        });
        if let Some(org) = repo
            .split('/')
            .next()
            .filter(|o| self.cfg.orgs.iter().any(|x| x == o))
        {
            ev["org"] = json!({"id": Self::user_id(org), "login": org, "gravatar_id": "",
                "url": format!("https://api.github.com/orgs/{org}"), "avatar_url": format!("https://avatars.githubusercontent.com/u/{}?", Self::user_id(org))});
        }
        ev
    }
}

/// The first event id of an hour (ids grow over time, as GitHub's do).
fn first_id(hour_start: i64, events_per_hour: usize) -> u64 {
    20_000_000_000 + (hour_start.max(0) as u64 / 3600) * (events_per_hour as u64 + 1)
}

/// One hour of events as NDJSON text. `hour_start` is the hour's Unix time.
pub fn hour_ndjson(cfg: &SynthConfig, hour_start: i64) -> String {
    let mut g = Gen {
        cfg,
        rng: Rng::new(cfg.seed ^ (hour_start as u64).wrapping_mul(0x2545_F491_4F6C_DD1D)),
        hour_start,
    };
    let id0 = first_id(hour_start, cfg.events_per_hour);
    let mut out = String::with_capacity(cfg.events_per_hour * 3000);
    // GH Archive sometimes repeats a few of the previous hour's events.
    let repeats = (cfg.events_per_hour / 1000).min(5);
    if repeats > 0 && hour_start >= 3600 {
        let prev = hour_start - 3600;
        let mut pg = Gen {
            cfg,
            rng: Rng::new(cfg.seed ^ (prev as u64).wrapping_mul(0x2545_F491_4F6C_DD1D)),
            hour_start: prev,
        };
        let pid0 = first_id(prev, cfg.events_per_hour);
        for i in 0..repeats as u64 {
            let t = prev + (i as i64 * 3600 / cfg.events_per_hour as i64);
            let ev = pg.event(pid0 + i, t);
            let _ = writeln!(out, "{ev}");
        }
    }
    for i in 0..cfg.events_per_hour as u64 {
        let t = hour_start + (i as i64 * 3600 / cfg.events_per_hour.max(1) as i64);
        let ev = g.event(id0 + i, t);
        let _ = writeln!(out, "{ev}");
    }
    out
}

/// GH Archive's file name for an hour: `YYYY-MM-DD-H.json.gz`, `H` unpadded.
pub fn hour_file_name(hour_start: i64) -> String {
    let day = Day::from_unix(hour_start);
    format!("{day}-{}.json.gz", hour_start.rem_euclid(86_400) / 3600)
}

/// Gzip `text` (level 6: the benchmark's input generation should be quick;
/// GH Archive itself uses level 9, which decompresses at the same speed).
pub fn gzip(text: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(text.len() / 6),
        flate2::Compression::new(6),
    );
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(text);
    enc.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gharchive::parse_line;

    #[test]
    fn deterministic_and_parseable() {
        let cfg = SynthConfig {
            events_per_hour: 300,
            ..Default::default()
        };
        let t = Day::parse("2024-03-01").map(Day::unix).unwrap_or(0) + 5 * 3600;
        let a = hour_ndjson(&cfg, t);
        assert_eq!(a, hour_ndjson(&cfg, t));
        let mut kinds = std::collections::BTreeSet::new();
        for line in a.lines() {
            if let Some(ev) = parse_line(line.as_bytes()).expect("synthetic lines are well-formed")
            {
                kinds.insert(ev.kind);
            }
        }
        assert_eq!(kinds.len(), 7, "{kinds:?}");
        assert_eq!(hour_file_name(t), "2024-03-01-5.json.gz");
    }
}
