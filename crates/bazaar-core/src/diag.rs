//! Diagnostics: findings in the data, each located and tagged with a rule id.
//!
//! A problem *in* the data is a [`Diagnostic`] (the command exits 1 when any has
//! [`Severity::Error`]); being unable to read the data at all is an error type
//! of the crate doing the reading (the command exits 2).

use std::cmp::Ordering;
use std::fmt;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The data is wrong; `check`-style commands exit 1.
    Error,
    /// Suspicious or upstream-tolerated; reported, exit code unaffected.
    Warning,
    /// Informational (e.g. "this rule was skipped because an input is missing").
    Info,
}

impl Severity {
    /// The lowercase name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding, located at `file:line:col` (1-based; 0 means "not known").
///
/// Messages follow clippy's style: a plain statement, no capital letter, no
/// trailing full stop, identifiers in backticks.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Registered rule id, `<capability>/<what-is-wrong>`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Path as the user should see it (relative to the root they gave, when possible).
    pub file: String,
    pub line: u32,
    pub col: u32,
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A new finding with the given severity and no location yet.
    pub fn new(rule: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity,
            file: String::new(),
            line: 0,
            col: 0,
            message: message.into(),
            help: None,
        }
    }

    /// An error-level finding.
    pub fn error(rule: &'static str, message: impl Into<String>) -> Self {
        Self::new(rule, Severity::Error, message)
    }

    /// A warning-level finding.
    pub fn warning(rule: &'static str, message: impl Into<String>) -> Self {
        Self::new(rule, Severity::Warning, message)
    }

    /// An informational finding.
    pub fn info(rule: &'static str, message: impl Into<String>) -> Self {
        Self::new(rule, Severity::Info, message)
    }

    /// Locate the finding.
    pub fn at(mut self, file: impl Into<String>, line: u32, col: u32) -> Self {
        self.file = file.into();
        self.line = line;
        self.col = col;
        self
    }

    /// Attach the file only (line and column unknown).
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = file.into();
        self
    }

    /// Say what to do about it.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `file:line:col`, leaving out the parts that are unknown.
    pub fn location(&self) -> String {
        match (self.file.is_empty(), self.line, self.col) {
            (true, _, _) => String::new(),
            (false, 0, _) => self.file.clone(),
            (false, l, 0) => format!("{}:{l}", self.file),
            (false, l, c) => format!("{}:{l}:{c}", self.file),
        }
    }

    fn sort_key(&self) -> (&str, u32, u32, &str, &str) {
        (&self.file, self.line, self.col, self.rule, &self.message)
    }
}

impl PartialOrd for Diagnostic {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Diagnostic {
    /// Output order: `(file, line, col, rule, message)`, so output is stable.
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key()
            .cmp(&other.sort_key())
            .then_with(|| self.severity.cmp(&other.severity))
            .then_with(|| self.help.cmp(&other.help))
    }
}

impl fmt::Display for Diagnostic {
    /// The concise one-finding-per-line form:
    /// `file:line:col: rule message` and an optional indented `help:` line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loc = self.location();
        if !loc.is_empty() {
            write!(f, "{loc}: ")?;
        }
        if self.severity == Severity::Error {
            write!(f, "{} {}", self.rule, self.message)?;
        } else {
            write!(f, "{} {}: {}", self.rule, self.severity, self.message)?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// True when any finding is an error (the command should exit 1).
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// Sort findings into output order and drop exact duplicates.
pub fn normalize(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort();
    diagnostics.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_concise_forms() {
        let d = Diagnostic::warning("x/y", "something odd").at("a.yaml", 3, 0);
        assert_eq!(d.to_string(), "a.yaml:3: x/y warning: something odd");
        let d = Diagnostic::error("x/y", "broken");
        assert_eq!(d.to_string(), "x/y broken");
    }

    #[test]
    fn sorted_by_location_then_rule() {
        let mut v = vec![
            Diagnostic::error("b/rule", "m").at("b.yaml", 1, 1),
            Diagnostic::error("a/rule", "m").at("a.yaml", 10, 1),
            Diagnostic::error("a/rule", "m").at("a.yaml", 2, 1),
            Diagnostic::error("a/rule", "m").at("a.yaml", 2, 1),
        ];
        normalize(&mut v);
        let locs: Vec<_> = v.iter().map(Diagnostic::location).collect();
        assert_eq!(locs, ["a.yaml:2:1", "a.yaml:10:1", "b.yaml:1:1"]);
        assert!(has_errors(&v));
        assert!(!has_errors(&[Diagnostic::info("i/x", "fyi")]));
    }
}
