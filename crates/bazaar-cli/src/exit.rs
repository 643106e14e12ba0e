//! Exit codes, decided in one place.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success, nothing wrong found |
//! | 1 | the command ran and found problems (error-level diagnostics, files out of date, ...) |
//! | 2 | bad usage or input that could not be read |
//!
//! A broken pipe (`bazaar ... | head`) counts as success, as in ripgrep.

use std::process::ExitCode;

/// What a command reports when it ran to completion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing wrong found.
    Clean,
    /// The check found problems.
    Findings,
    /// Bad usage or unreadable input (also used for errors returned as `Err`).
    Error,
}

impl ExitStatus {
    /// `Findings` when `problems` is true, `Clean` otherwise.
    pub fn findings_if(problems: bool) -> Self {
        if problems {
            ExitStatus::Findings
        } else {
            ExitStatus::Clean
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> Self {
        match s {
            ExitStatus::Clean => ExitCode::SUCCESS,
            ExitStatus::Findings => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

/// Turn a command's result into the process exit code, printing the error
/// chain (`error: reading X: cause`) for failures.
pub fn finish(result: anyhow::Result<ExitStatus>) -> ExitCode {
    match result {
        Ok(status) => status.into(),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", chain_text(&err));
            ExitStatus::Error.into()
        }
    }
}

/// `context: cause: cause`, leaving out a cause whose text the message
/// already shows (library errors often print their source themselves).
fn chain_text(err: &anyhow::Error) -> String {
    let mut text = err.to_string();
    for cause in err.chain().skip(1) {
        let c = cause.to_string();
        if !text.contains(&c) {
            text.push_str(": ");
            text.push_str(&c);
        }
    }
    text
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_already_shown_are_not_repeated() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
        #[derive(Debug, thiserror::Error)]
        #[error("cannot read `x`: {source}")]
        struct Read {
            source: std::io::Error,
        }
        let err = anyhow::Error::new(Read { source: io }).context("loading the store");
        assert_eq!(
            chain_text(&err),
            "loading the store: cannot read `x`: No such file"
        );
        let plain = anyhow::anyhow!("inner").context("outer");
        assert_eq!(chain_text(&plain), "outer: inner");
    }
}
