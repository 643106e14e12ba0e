//! The `bazaar` binary: parse → run → exit code.
//!
//! This crate only parses arguments, calls the capability crates and renders
//! their results (see ARCHITECTURE.md). Each subcommand lives in one file
//! under `commands/`; exit codes are decided in one place, [`exit`].

mod cli;
mod commands;
mod exit;
mod render;
mod rules;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print to stdout and succeed; usage errors exit 2.
            let _ = e.print();
            return if e.use_stderr() {
                exit::ExitStatus::Error.into()
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    init_tracing(cli.global.verbose, cli.global.quiet);
    render::set_quiet(cli.global.quiet);
    exit::finish(commands::run(cli))
}

/// Logs go to stderr; `-v` raises the level, `--quiet` silences warnings,
/// `RUST_LOG` overrides both.
fn init_tracing(verbose: u8, quiet: bool) {
    use tracing_subscriber::EnvFilter;
    let level = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, 2) => "debug",
        _ => "trace",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .try_init();
}
