//! `bazaar check [--root DIR]`: run every checker over one root and print
//! their findings together.
//!
//! A checker is a name and a function from the [`Input`] to findings. Each
//! capability appends its checkers to [`CHECKERS`] under its marker;
//! cross-checks between data sets are checkers too, and share what others
//! loaded through [`Input`] instead of reading it again.

use std::path::PathBuf;
use std::sync::OnceLock;

use bazaar_community::Checked;
use bazaar_core::{Diagnostic, diag};

use super::community::{RootArg, open};
use crate::cli::GlobalArgs;
use crate::exit::ExitStatus;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub root: RootArg,
}

/// What the checkers look at: one root (or the embedded default) and the
/// data sets loaded from it, each loaded at most once.
pub struct Input {
    pub root: Option<PathBuf>,
    community: OnceLock<Checked>,
}

impl Input {
    fn new(root: Option<PathBuf>) -> Input {
        Input {
            root,
            community: OnceLock::new(),
        }
    }

    /// The community registry, decoded and validated (read on first use).
    pub fn community(&self) -> anyhow::Result<&Checked> {
        if let Some(c) = self.community.get() {
            return Ok(c);
        }
        let src = open(self.root.as_deref())?;
        Ok(self.community.get_or_init(|| bazaar_community::check(&src)))
    }
}

/// One checker: a name (for logs) and its run function. An `Err` means its
/// input could not be read at all (exit 2).
pub struct Checker {
    pub name: &'static str,
    pub run: fn(&Input) -> anyhow::Result<Vec<Diagnostic>>,
}

/// Every checker `bazaar check` runs, in order.
pub const CHECKERS: &[Checker] = &[
    // community
    Checker {
        name: "community registry (sigs.yaml)",
        run: community,
    },
    // review

    // vote

    // activity

    // ladder
];

fn community(input: &Input) -> anyhow::Result<Vec<Diagnostic>> {
    Ok(input.community()?.diagnostics.clone())
}

pub fn run(args: Args, g: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    let input = Input::new(args.root.root);
    let mut all = Vec::new();
    for checker in CHECKERS {
        tracing::info!("checking {}", checker.name);
        all.extend((checker.run)(&input)?);
    }
    diag::normalize(&mut all);
    if g.quiet {
        all.retain(|d| d.severity == bazaar_core::Severity::Error);
    }
    let mut out = std::io::stdout().lock();
    let errors = render::diagnostics(&mut out, g.format, &all)?;
    Ok(ExitStatus::findings_if(errors))
}
