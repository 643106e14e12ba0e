//! Glue shared by the community commands: choosing the root and loading the
//! registry from it.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use bazaar_community::{Community, Source};
use bazaar_core::Diagnostic;

/// `--root DIR`, shared by every community command.
#[derive(Debug, Clone, clap::Args)]
pub struct RootArg {
    /// A community directory holding `sigs.yaml` (a kubernetes/community
    /// checkout). Without it, the default community compiled into bazaar.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

impl RootArg {
    pub fn path(&self) -> Option<&Path> {
        self.root.as_deref()
    }
}

/// Read the root (exit 2 when it cannot be read).
pub fn open(root: Option<&Path>) -> anyhow::Result<Source> {
    Source::open(root).with_context(|| match root {
        Some(r) => format!("reading the community at `{}`", r.display()),
        None => "reading the embedded default community".to_string(),
    })
}

/// Read and decode the registry; decoding problems are returned as
/// diagnostics for the caller to print (exit 1).
pub fn load(root: Option<&Path>) -> anyhow::Result<Result<Community, Vec<Diagnostic>>> {
    Ok(open(root)?.decode())
}

/// Print decoding problems on stderr (the browse commands' stdout is for
/// their own output).
pub fn report_undecodable(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
    eprintln!("the registry could not be read; run `bazaar check` for details");
}
