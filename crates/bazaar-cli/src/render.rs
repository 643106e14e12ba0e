//! Shared output helpers: tables for people, JSON for scripts, and the
//! rendering of diagnostics in every format.
//!
//! JSON shapes are DTOs defined here (model types are not `Serialize`); they
//! are documented field by field in `docs/json.md`.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use bazaar_core::diag::has_errors;
use bazaar_core::{Diagnostic, OutputFormat, Severity};
use serde::Serialize;

static QUIET: AtomicBool = AtomicBool::new(false);

/// Record `--quiet` once at start-up: human summaries on stderr are then left out.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// True under `--quiet`.
pub fn is_quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// A plain, borderless, left-aligned table (two spaces between columns).
pub fn table<S: AsRef<str>>(headers: &[&str], rows: impl IntoIterator<Item = Vec<S>>) -> String {
    use comfy_table::{ContentArrangement, Table, presets};
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers.iter().map(|h| h.to_uppercase()));
    for row in rows {
        t.add_row(row.iter().map(AsRef::as_ref).collect::<Vec<&str>>());
    }
    // comfy-table pads the first column with one space and every cell on the
    // right; trim those so the output is easy to diff.
    let mut out = String::new();
    for line in t.to_string().lines() {
        out.push_str(line.strip_prefix(' ').unwrap_or(line).trim_end());
        out.push('\n');
    }
    out
}

/// Write `value` as pretty JSON followed by a newline.
pub fn json<T: Serialize>(out: &mut impl Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// A diagnostic as it appears in JSON output.
#[derive(Serialize)]
pub struct DiagnosticDto<'a> {
    pub rule: &'a str,
    pub severity: &'a str,
    pub file: &'a str,
    pub line: u32,
    pub col: u32,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for DiagnosticDto<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        DiagnosticDto {
            rule: d.rule,
            severity: d.severity.as_str(),
            file: &d.file,
            line: d.line,
            col: d.col,
            message: &d.message,
            help: d.help.as_deref(),
        }
    }
}

/// Counts by severity.
#[derive(Serialize, Default)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(diags: &[Diagnostic]) -> Self {
        let mut s = Summary::default();
        for d in diags {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}

/// Print findings (already sorted) in `format`. Table: one finding per
/// line plus a one-line summary on stderr; JSON: `{"diagnostics": [...],
/// "summary": {...}}`. Returns whether any finding is an error.
pub fn diagnostics(
    out: &mut impl Write,
    format: OutputFormat,
    diags: &[Diagnostic],
) -> anyhow::Result<bool> {
    match format {
        OutputFormat::Json => {
            #[derive(Serialize)]
            struct Report<'a> {
                diagnostics: Vec<DiagnosticDto<'a>>,
                summary: Summary,
            }
            json(
                out,
                &Report {
                    diagnostics: diags.iter().map(DiagnosticDto::from).collect(),
                    summary: Summary::of(diags),
                },
            )?;
        }
        OutputFormat::Csv => {
            writeln!(out, "file,line,col,rule,severity,message")?;
            for d in diags {
                writeln!(
                    out,
                    "{},{},{},{},{},{}",
                    csv_field(&d.file),
                    d.line,
                    d.col,
                    d.rule,
                    d.severity,
                    csv_field(&d.message)
                )?;
            }
        }
        OutputFormat::Table | OutputFormat::Md => {
            for d in diags {
                writeln!(out, "{d}")?;
            }
            let s = Summary::of(diags);
            if s.errors + s.warnings > 0 && !is_quiet() {
                eprintln!("found {} error(s), {} warning(s)", s.errors, s.warnings);
            }
        }
    }
    Ok(has_errors(diags))
}

/// One finding as a line for stderr, its severity said once:
/// `file:line:col: rule severity: message`, then an indented `help:` line.
/// (`Diagnostic`'s own `Display`, used on stdout, leaves the word out for
/// errors; a prefix such as `warning: ` in front of it would repeat it.)
pub fn finding(d: &Diagnostic) -> String {
    let mut s = String::new();
    let loc = d.location();
    if !loc.is_empty() {
        s.push_str(&loc);
        s.push_str(": ");
    }
    s.push_str(&format!("{} {}: {}", d.rule, d.severity, d.message));
    if let Some(help) = &d.help {
        s.push_str("\n  help: ");
        s.push_str(help);
    }
    s
}

/// Quote a CSV field when needed (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_aligned_and_trimmed() {
        let t = table(
            &["name", "kind"],
            [vec!["sig-apps", "sig"], vec!["wg-batch", "wg"]],
        );
        assert_eq!(t, "NAME      KIND\nsig-apps  sig\nwg-batch  wg\n");
    }

    #[test]
    fn a_finding_on_stderr_says_its_severity_once() {
        let e = Diagnostic::error("review/owners-unparsable", "Prow skips this OWNERS file")
            .at("a/OWNERS", 3, 6)
            .with_help("fix the YAML");
        assert_eq!(
            finding(&e),
            "a/OWNERS:3:6: review/owners-unparsable error: Prow skips this OWNERS file\n  help: fix the YAML"
        );
        let w = Diagnostic::warning("review/alias-unused", "alias `x` is never used").at(
            "OWNERS_ALIASES",
            2,
            3,
        );
        assert_eq!(
            finding(&w),
            "OWNERS_ALIASES:2:3: review/alias-unused warning: alias `x` is never used"
        );
        let i = Diagnostic::info("vote/ballots-missing", "no ballots");
        assert_eq!(finding(&i), "vote/ballots-missing info: no ballots");
        for d in [&e, &w, &i] {
            let word = d.severity.as_str();
            assert_eq!(finding(d).matches(word).count(), 1, "{}", finding(d));
        }
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("a"), "a");
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}
