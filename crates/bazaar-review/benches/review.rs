//! Kubernetes-scale benchmark of the OWNERS loader and the review engine.
//!
//! Run with `cargo bench -p bazaar-review`. It generates (deterministically,
//! in a temporary directory) a repository with 1,500 OWNERS files over 25,000
//! paths and 40 aliases, then at 2x and 4x that size, and prints:
//! - the time to walk, read and build the OWNERS tree (target: < 50 ms at 1x);
//! - the time to evaluate a 1,000-file PR with 30 timeline events (< 2 ms),
//!   without and with blunderbuss's reviewer suggestion (what a bot runs on
//!   each event, and on the PR's opening);
//! - the peak memory of a process doing both (< 100 MB), measured in a child
//!   process (this binary re-run with `BAZAAR_BENCH_CHILD`) from `VmHWM`.
//!
//! Times are medians of several runs; ratios are against the targets and
//! against the 1x figures.

use bazaar_testkit::Rng;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use bazaar_review::engine::{EngineOptions, evaluate};
use bazaar_review::owners::OwnersConfig;
use bazaar_review::pr::{PullRequest, ReviewState};

const TARGET_LOAD_MS: f64 = 50.0;
const TARGET_EVAL_MS: f64 = 2.0;
const TARGET_PEAK_MB: f64 = 100.0;

/// Every path of the generated repository.
struct Repo {
    paths: Vec<String>,
}

fn login(i: usize) -> String {
    format!("user{i:04}")
}

/// Generate the repository under `root` at `scale` (1 = 1,500 OWNERS, 25,000 paths).
fn generate(root: &Path, scale: usize) {
    let mut rng = Rng(0x5EED_0000 + scale as u64);
    let owners_target = 1_500 * scale;
    let paths_target = 25_000 * scale;
    let people = 2_000 * scale;
    // Directories: 21*scale top-level, 8 children each, the rest one level deeper.
    let mut dirs: Vec<String> = vec![String::new()];
    let tops = 21 * scale;
    for t in 0..tops {
        let top = format!("pkg{t:03}");
        dirs.push(top.clone());
        for c in 0..8 {
            let child = format!("{top}/mod{c}");
            dirs.push(child.clone());
            for g in 0..8 {
                dirs.push(format!("{child}/part{g}"));
            }
        }
    }
    // 40 aliases (independent of scale, as in kubernetes/kubernetes).
    let mut aliases = String::from("aliases:\n");
    for a in 0..40 {
        let _ = writeln!(aliases, "  sig-{a:02}-leads:");
        for _ in 0..5 {
            let _ = writeln!(aliases, "  - {}", login(rng.below(people)));
        }
    }
    std::fs::write(root.join("OWNERS_ALIASES"), aliases).expect("write aliases");
    // OWNERS in the first `owners_target` directories (all of them when fewer).
    let mut paths = Vec::new();
    for (i, d) in dirs.iter().enumerate() {
        let dir = root.join(d);
        std::fs::create_dir_all(&dir).expect("mkdir");
        if i >= owners_target {
            continue;
        }
        let mut text = String::new();
        if rng.below(30) == 0 {
            text.push_str("options:\n  no_parent_owners: true\n");
        }
        let mut list = |key: &str, n: usize, rng: &mut Rng| {
            let _ = writeln!(text, "{key}:");
            for _ in 0..n {
                if rng.below(3) == 0 {
                    let _ = writeln!(text, "- sig-{:02}-leads", rng.below(40));
                } else {
                    let _ = writeln!(text, "- {}", login(rng.below(people)));
                }
            }
        };
        if rng.below(20) == 0 {
            text.push_str("filters:\n  \".*\":\n    approvers:\n    - sig-00-leads\n  \"\\\\.md$\":\n    labels:\n    - area/docs\n");
        } else {
            list("approvers", 2 + rng.below(3), &mut rng);
            list("reviewers", 2 + rng.below(4), &mut rng);
            if rng.below(4) == 0 {
                list("emeritus_approvers", 1, &mut rng);
            }
            let _ = writeln!(text, "labels:\n- sig/s{:02}", rng.below(40));
        }
        std::fs::write(dir.join("OWNERS"), text).expect("write OWNERS");
        paths.push(join(d, "OWNERS"));
    }
    // Other files until the path count is reached, spread over all directories.
    let mut n = 0;
    while paths.len() < paths_target {
        let d = &dirs[rng.below(dirs.len())];
        let ext = ["go", "md", "yaml", "sh"][rng.below(4)];
        let name = format!("file{n:06}.{ext}");
        std::fs::write(root.join(d).join(&name), "x").expect("write file");
        paths.push(join(d, &name));
        n += 1;
    }
}

fn join(d: &str, name: &str) -> String {
    if d.is_empty() {
        name.to_string()
    } else {
        format!("{d}/{name}")
    }
}

/// A 1,000-file PR with 30 events from the people of the touched OWNERS.
fn pull_request(repo: &Repo, tree: &bazaar_review::owners::OwnersTree) -> PullRequest {
    let mut rng = Rng(7);
    let files: Vec<&str> = (0..1_000)
        .map(|_| repo.paths[rng.below(repo.paths.len())].as_str())
        .collect();
    let mut pr = PullRequest::new(4242, "author0", &files);
    pr.body = "Fixes #1".to_string();
    let bodies = [
        "/approve",
        "/lgtm",
        "/hold",
        "/hold cancel",
        "/assign",
        "/cc @user0001",
        "/kind bug",
        "looks good",
    ];
    for i in 0..30 {
        let f = files[rng.below(files.len())];
        let approvers: Vec<String> = tree.approvers(f).into_iter().collect();
        let who = approvers
            .get(rng.below(approvers.len()))
            .cloned()
            .unwrap_or_else(|| login(i));
        let at = format!("2024-03-01T12:{:02}:00Z", i);
        pr = if i % 7 == 6 {
            pr.review(&who, ReviewState::Approved, "", &at)
        } else {
            pr.comment(&who, bodies[rng.below(bodies.len())], &at)
        };
    }
    pr
}

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

/// Load and evaluate once, then print peak RSS (MB) from /proc.
fn child(root: &Path) {
    let (tree, _) = bazaar_review::load::load_tree(root, &OwnersConfig::default()).expect("load");
    let repo = Repo {
        paths: read_paths(root),
    };
    let pr = pull_request(&repo, &tree);
    let ev = evaluate(&tree, &pr, &EngineOptions::default());
    std::hint::black_box(ev);
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(f64::NAN);
    println!("{}", kb / 1024.0);
}

/// The repository's paths, in a stable order (for the child process).
fn read_paths(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(root).unwrap_or(e.path());
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out
}

struct Figures {
    owners: usize,
    paths: usize,
    load_ms: f64,
    eval_ms: f64,
    eval_full_ms: f64,
    peak_mb: f64,
}

fn measure(scale: usize) -> Figures {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    generate(root, scale);
    // Use the paths as read back, so parent and child build the same PR.
    let repo = Repo {
        paths: read_paths(root),
    };
    let config = OwnersConfig::default();
    let (tree, _) = bazaar_review::load::load_tree(root, &config).expect("load");
    let owners = tree.files().len();
    let mut loads = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let r = bazaar_review::load::load_tree(root, &config).expect("load");
        loads.push(t.elapsed());
        std::hint::black_box(r);
    }
    let pr = pull_request(&repo, &tree);
    let full = EngineOptions::default();
    let per_event = EngineOptions {
        suggest_reviewers: false,
        ..EngineOptions::default()
    };
    let mut evals = Vec::new();
    let mut evals_full = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        std::hint::black_box(evaluate(&tree, &pr, &per_event));
        evals.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(evaluate(&tree, &pr, &full));
        evals_full.push(t.elapsed());
    }
    let exe = std::env::current_exe().expect("own path");
    let out = std::process::Command::new(exe)
        .env("BAZAAR_BENCH_CHILD", root)
        .output()
        .expect("child runs");
    let peak_mb: f64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(f64::NAN);
    Figures {
        owners,
        paths: repo.paths.len(),
        load_ms: median(loads),
        eval_ms: median(evals),
        eval_full_ms: median(evals_full),
        peak_mb,
    }
}

fn main() {
    if let Some(root) = std::env::var_os("BAZAAR_BENCH_CHILD") {
        child(Path::new(&root));
        return;
    }
    // Profiling aid: `BAZAAR_BENCH_PROFILE=load|eval|eval-event|prowners|blunderbuss`
    // repeats one phase `BAZAAR_BENCH_RUNS` times (at `BAZAAR_BENCH_SCALE`,
    // default 1x), e.g. under `perf record`; `parts` times the engine's parts.
    if let Ok(phase) = std::env::var("BAZAAR_BENCH_PROFILE") {
        let dir = tempfile::tempdir().expect("tempdir");
        let scale = std::env::var("BAZAAR_BENCH_SCALE")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1);
        generate(dir.path(), scale);
        let config = OwnersConfig::default();
        let (tree, _) = bazaar_review::load::load_tree(dir.path(), &config).expect("load");
        let pr = pull_request(
            &Repo {
                paths: read_paths(dir.path()),
            },
            &tree,
        );
        if phase == "parts" {
            let t = Instant::now();
            let co = bazaar_review::load::read_checkout(dir.path(), &config).expect("read");
            eprintln!("read_checkout {:?}", t.elapsed());
            let t = Instant::now();
            let _ = bazaar_review::owners::OwnersTree::build(
                &co.sources,
                co.aliases.as_deref(),
                &config,
            );
            eprintln!("build {:?}", t.elapsed());
            let t = Instant::now();
            for s in &co.sources {
                std::hint::black_box(bazaar_review::owners::parse::parse_owners(&s.text));
            }
            eprintln!("parse only {:?}", t.elapsed());
            // Engine parts: medians of 51 runs each.
            let time = |label: &str, f: &mut dyn FnMut()| {
                let mut v = Vec::new();
                for _ in 0..51 {
                    let t = Instant::now();
                    f();
                    v.push(t.elapsed());
                }
                eprintln!("{label:<28} {:>8.3} ms", median(v));
            };
            let owners = bazaar_review::approve::PrOwners::new(&tree, &pr.files, pr.number);
            eprintln!("({} required dirs)", owners.owners_set().len());
            time("PrOwners::new", &mut || {
                std::hint::black_box(bazaar_review::approve::PrOwners::new(
                    &tree, &pr.files, pr.number,
                ));
            });
            let ap = bazaar_review::approve::Approvals::default();
            time("ccs", &mut || {
                std::hint::black_box(owners.ccs(&ap, &[]));
            });
            time("ApprovalReport::compute", &mut || {
                std::hint::black_box(bazaar_review::approve::ApprovalReport::compute(
                    &tree, &pr, &ap,
                ));
            });
            time("blunderbuss", &mut || {
                std::hint::black_box(bazaar_review::blunderbuss::pick_reviewers(
                    &tree,
                    "x",
                    &pr.files,
                    &Default::default(),
                    1,
                ));
            });
            for role in [
                bazaar_review::owners::Role::Approvers,
                bazaar_review::owners::Role::Reviewers,
            ] {
                time(&format!("walk {role:?}"), &mut || {
                    let mut n = 0usize;
                    for f in &pr.files {
                        tree.walk(f, role, false, |_, r| n += r.ids.len());
                    }
                    std::hint::black_box(n);
                });
            }
            let per_event = EngineOptions {
                suggest_reviewers: false,
                ..EngineOptions::default()
            };
            time("evaluate", &mut || {
                std::hint::black_box(evaluate(&tree, &pr, &per_event));
            });
            time("evaluate +suggest", &mut || {
                std::hint::black_box(evaluate(&tree, &pr, &EngineOptions::default()));
            });
            return;
        }
        let runs = if phase == "none" {
            0
        } else {
            std::env::var("BAZAAR_BENCH_RUNS")
                .ok()
                .and_then(|r| r.parse().ok())
                .unwrap_or(200)
        };
        for _ in 0..runs {
            if phase == "load" {
                std::hint::black_box(
                    bazaar_review::load::load_tree(dir.path(), &config).expect("load"),
                );
            } else if phase == "prowners" {
                std::hint::black_box(bazaar_review::approve::PrOwners::new(
                    &tree, &pr.files, pr.number,
                ));
            } else if phase == "blunderbuss" {
                std::hint::black_box(bazaar_review::blunderbuss::pick_reviewers(
                    &tree,
                    &pr.author,
                    &pr.files,
                    &Default::default(),
                    pr.number,
                ));
            } else {
                let options = EngineOptions {
                    suggest_reviewers: phase != "eval-event",
                    ..EngineOptions::default()
                };
                std::hint::black_box(evaluate(&tree, &pr, &options));
            }
        }
        return;
    }
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing
    // useful either: run only when benchmarking.
    if !std::env::args().any(|a| a == "--bench") {
        println!("review bench: skipped (run `cargo bench -p bazaar-review`)");
        return;
    }
    // `BAZAAR_BENCH_SCALES=1` (comma-separated) measures fewer sizes.
    let scales: Vec<usize> = std::env::var("BAZAAR_BENCH_SCALES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![1, 2, 4]);
    let mut rows: Vec<(usize, Figures)> = Vec::new();
    for scale in scales {
        eprintln!("generating and measuring scale {scale}x ...");
        rows.push((scale, measure(scale)));
    }
    let base = &rows[0].1;
    println!("\nbazaar-review benchmark (medians; release build)\n");
    println!(
        "{:<6} {:>7} {:>8} {:>9} {:>6} {:>9} {:>6} {:>12} {:>6} {:>8} {:>6}",
        "scale",
        "OWNERS",
        "paths",
        "load ms",
        "x1x",
        "eval ms",
        "x1x",
        "+suggest ms",
        "x1x",
        "peak MB",
        "x1x"
    );
    for (scale, f) in &rows {
        println!(
            "{:<6} {:>7} {:>8} {:>9.2} {:>6.2} {:>9.3} {:>6.2} {:>12.3} {:>6.2} {:>8.1} {:>6.2}",
            format!("{scale}x"),
            f.owners,
            f.paths,
            f.load_ms,
            f.load_ms / base.load_ms,
            f.eval_ms,
            f.eval_ms / base.eval_ms,
            f.eval_full_ms,
            f.eval_full_ms / base.eval_full_ms,
            f.peak_mb,
            f.peak_mb / base.peak_mb
        );
    }
    println!(
        "\neval: approve, lgtm and the other plugins over the 30 events, the notification and\n\
         suggested approvers, without the reviewer suggestion; +suggest: the same with\n\
         blunderbuss's reviewer pick (run by Prow when the PR opens)."
    );
    println!(
        "\ntargets at 1x: load {:.2} ms / {TARGET_LOAD_MS} ms = {:.2}; eval {:.3} ms / {TARGET_EVAL_MS} ms = {:.2}, with suggestion {:.3} ms / {TARGET_EVAL_MS} ms = {:.2}; peak {:.1} MB / {TARGET_PEAK_MB} MB = {:.2}",
        base.load_ms,
        base.load_ms / TARGET_LOAD_MS,
        base.eval_ms,
        base.eval_ms / TARGET_EVAL_MS,
        base.eval_full_ms,
        base.eval_full_ms / TARGET_EVAL_MS,
        base.peak_mb,
        base.peak_mb / TARGET_PEAK_MB
    );
}
