//! The closed set of `--format` values.

use std::fmt;
use std::str::FromStr;

/// How a command renders its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// Aligned text for people (the default).
    #[default]
    Table,
    /// Stable JSON for scripts, and nothing else on stdout.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// Markdown (where a command publishes a document, e.g. election results).
    Md,
}

impl OutputFormat {
    /// Headers, footers and colour only make sense for people.
    pub fn is_human_readable(self) -> bool {
        matches!(self, OutputFormat::Table)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Json => "json",
            OutputFormat::Csv => "csv",
            OutputFormat::Md => "md",
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown `--format` value.
#[derive(Debug, thiserror::Error)]
#[error("unknown format `{0}` (expected table, json, csv or md)")]
pub struct UnknownFormat(String);

impl FromStr for OutputFormat {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "table" | "text" => Ok(OutputFormat::Table),
            "json" => Ok(OutputFormat::Json),
            "csv" => Ok(OutputFormat::Csv),
            "md" | "markdown" => Ok(OutputFormat::Md),
            other => Err(UnknownFormat(other.to_string())),
        }
    }
}
