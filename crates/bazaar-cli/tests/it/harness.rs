//! A small harness for running the `bazaar` binary.

#![allow(dead_code, unused_imports)]

use std::path::Path;
use std::process::Command;

pub use bazaar_testkit::{Dir, shared_data, workspace_root};

/// What a run of `bazaar` produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Assert the exit code, showing both streams when it differs.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "unexpected exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Parse stdout as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!("stdout is not JSON ({e}):\n{}", self.stdout);
        })
    }
}

/// Run `bazaar ARGS...` in `cwd` (the workspace root when `None`).
pub fn bazaar_in(cwd: Option<&Path>, args: &[&str]) -> Run {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("bazaar"));
    cmd.args(args)
        .current_dir(cwd.map_or_else(workspace_root, Path::to_path_buf))
        .env_remove("RUST_LOG");
    let out = cmd.output().expect("the bazaar binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Run `bazaar ARGS...` from the workspace root.
pub fn bazaar(args: &[&str]) -> Run {
    bazaar_in(None, args)
}
