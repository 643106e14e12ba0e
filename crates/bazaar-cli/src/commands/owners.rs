//! `bazaar owners --repo DIR PATH...`: who reviews and approves these paths
//! (Prow's `repoowners` queries), and `bazaar owners audit`: what Prow
//! silently ignores in an OWNERS tree.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use bazaar_core::{Diagnostic, OutputFormat};
use bazaar_review::owners::{OwnersConfig, OwnersTree};
use serde::Serialize;

use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// The checkout (base branch) whose OWNERS files are read.
    #[arg(long, value_name = "DIR")]
    pub repo: Option<PathBuf>,
    /// Also read owners from `*.md` front matter (Prow's `mdyamlrepos`; off by default).
    #[arg(long)]
    pub md_yaml: bool,
    /// Repository-relative paths to look up (`""` and `.` mean the root).
    /// A path literally named `audit` must be written `./audit`.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Report what Prow would silently ignore in an OWNERS tree
    Audit(AuditArgs),
}

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// The checkout whose OWNERS files are audited.
    #[arg(long, value_name = "DIR")]
    pub repo: PathBuf,
    /// A peribolos `config/<org>/org.yaml`: approvers must be members of it.
    #[arg(long, value_name = "ORG_CONFIG")]
    pub org: Option<PathBuf>,
    /// Also read owners from `*.md` front matter.
    #[arg(long)]
    pub md_yaml: bool,
}

/// One path of the `owners` JSON output (contract 1 of prow-cases).
#[derive(Serialize)]
struct FileDto {
    path: String,
    approvers: Vec<String>,
    leaf_approvers: Vec<String>,
    reviewers: Vec<String>,
    leaf_reviewers: Vec<String>,
    required_reviewers: Vec<String>,
    approver_owners_dir: String,
    labels: Vec<String>,
}

#[derive(Serialize)]
struct OwnersDto {
    files: Vec<FileDto>,
}

fn list(set: BTreeSet<String>) -> Vec<String> {
    set.into_iter().collect()
}

pub fn run(args: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    if let Some(Action::Audit(a)) = args.action {
        return super::owners_audit::run(a, g);
    }
    super::require_format(g, &[OutputFormat::Table, OutputFormat::Json])?;
    let Some(repo) = args.repo else {
        anyhow::bail!(
            "`bazaar owners` needs `--repo DIR` (the checkout to read OWNERS files from)"
        );
    };
    let config = OwnersConfig {
        md_yaml: args.md_yaml,
        ..OwnersConfig::default()
    };
    let (tree, diags) = load(&repo, &config)?;
    warn(g, &diags);
    let files: Vec<FileDto> = args.paths.iter().map(|p| file_dto(&tree, p)).collect();
    let mut out = std::io::stdout().lock();
    match g.format {
        OutputFormat::Json => render::json(&mut out, &OwnersDto { files })?,
        _ => {
            for (i, f) in files.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                let rows = vec![
                    vec!["path".to_string(), show_path(&f.path)],
                    vec!["owners dir".to_string(), show_dir(&f.approver_owners_dir)],
                    vec!["leaf approvers".to_string(), f.leaf_approvers.join(", ")],
                    vec!["approvers".to_string(), f.approvers.join(", ")],
                    vec!["leaf reviewers".to_string(), f.leaf_reviewers.join(", ")],
                    vec!["reviewers".to_string(), f.reviewers.join(", ")],
                    vec![
                        "required reviewers".to_string(),
                        f.required_reviewers.join(", "),
                    ],
                    vec!["labels".to_string(), f.labels.join(", ")],
                ];
                out.write_all(render::table(&["field", "value"], rows).as_bytes())?;
            }
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(ExitStatus::Clean)
}

fn file_dto(tree: &OwnersTree, p: &str) -> FileDto {
    FileDto {
        path: p.to_string(),
        approvers: list(tree.approvers(p)),
        leaf_approvers: list(tree.leaf_approvers(p)),
        reviewers: list(tree.reviewers(p)),
        leaf_reviewers: list(tree.leaf_reviewers(p)),
        required_reviewers: list(tree.required_reviewers(p)),
        approver_owners_dir: tree.approver_owners_dir(p),
        labels: list(tree.labels(p)),
    }
}

fn show_path(p: &str) -> String {
    if p.is_empty() {
        "\"\"".to_string()
    } else {
        p.to_string()
    }
}

/// The root is shown as `(root)` in tables (JSON keeps `""`).
pub fn show_dir(d: &str) -> String {
    if d.is_empty() {
        "(root)".to_string()
    } else {
        d.to_string()
    }
}

/// Load the tree, with a clear error for unreadable input.
pub fn load(
    repo: &std::path::Path,
    config: &OwnersConfig,
) -> anyhow::Result<(OwnersTree, Vec<Diagnostic>)> {
    bazaar_review::load::load_tree(repo, config)
        .with_context(|| format!("reading the OWNERS tree of `{}`", repo.display()))
}

/// What Prow would only log goes to stderr, each finding with its severity
/// (not with `--quiet`); the command goes on, as Prow does.
pub fn warn(g: &GlobalArgs, diags: &[Diagnostic]) {
    if g.quiet {
        return;
    }
    for d in diags {
        eprintln!("{}", render::finding(d));
    }
}
