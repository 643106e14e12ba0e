//! Strict, located YAML decoding shared by every loader.
//!
//! Built on `serde-saphyr`: panic-free on malformed input, duplicate keys
//! rejected, alias expansion bounded, and string fields receive the raw text
//! of any scalar (`time: 9:00` → `"9:00"`, `day: 5` → `"5"`), as Go's yaml.v3
//! does. Structs opt into strictness with `#[serde(deny_unknown_fields)]`.
//! Errors carry line, column and the rule id that classifies them.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::rule::core_rules;
use crate::{Diagnostic, RuleMeta};

/// A document that could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{col}: {message}")]
pub struct YamlError {
    /// Which core rule classifies the failure (`yaml/syntax`, `yaml/unknown-key`, ...).
    pub rule: &'static RuleMeta,
    /// 1-based; 0 when the decoder could not tell.
    pub line: u32,
    pub col: u32,
    pub message: String,
}

impl YamlError {
    /// The error as a diagnostic located in `file`.
    pub fn to_diagnostic(&self, file: &str) -> Diagnostic {
        Diagnostic::error(self.rule.id, self.message.clone())
            .at(file, self.line, self.col)
            .with_help(help_for(self.rule.id))
    }
}

fn help_for(rule: &str) -> &'static str {
    match rule {
        "yaml/unknown-key" => "remove the key or fix its spelling",
        "yaml/duplicate-key" => "keep only one entry for this key",
        "yaml/wrong-type" => "write the value in the form the message names",
        "yaml/missing-field" => "add the missing key",
        _ => "fix the YAML syntax at this position",
    }
}

/// Decode one YAML document into `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str::<T>(text).map_err(|e| convert(&e))
}

/// Decode with explicit parser options, for loaders that must reproduce a
/// more lenient upstream decoder (e.g. Go's yaml.v2, where a repeated key
/// keeps its last value: `duplicate_keys = DuplicateKeyPolicy::PassThrough`).
/// Errors are located and classified as in [`from_str`].
pub fn from_str_with_options<T: DeserializeOwned>(
    text: &str,
    options: serde_saphyr::Options,
) -> Result<T, YamlError> {
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|e| convert(&e))
}

fn convert(err: &serde_saphyr::Error) -> YamlError {
    let (line, col) = err
        .location()
        .map_or((0, 0), |l| (clamp(l.line()), clamp(l.column())));
    let message = plain_message(&err.without_snippet().to_string());
    let rule = classify(err.without_snippet(), &message);
    YamlError {
        rule,
        line,
        col,
        message,
    }
}

fn clamp(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// `serde-saphyr` renders `error: line L column C: message`; keep the message.
fn plain_message(rendered: &str) -> String {
    let first = rendered.lines().next().unwrap_or(rendered);
    let rest = first.strip_prefix("error: ").unwrap_or(first);
    let rest = match rest.strip_prefix("line ") {
        Some(after_line) => after_line.split_once(": ").map_or(rest, |(_, msg)| msg),
        None => rest,
    };
    let msg = strip_location_suffix(rest.trim());
    // serde-saphyr's advice to programs using it is not for people.
    let msg = msg.split(", set DuplicateKeyPolicy").next().unwrap_or(msg);
    msg.to_string()
}

/// Some messages repeat the location at the end (`... at line 4, column 2`);
/// it is reported separately.
fn strip_location_suffix(msg: &str) -> &str {
    if let Some(i) = msg.rfind(" at line ")
        && let Some((line, col)) = msg[i + " at line ".len()..].split_once(", column ")
        && !line.is_empty()
        && !col.is_empty()
        && line.bytes().chain(col.bytes()).all(|b| b.is_ascii_digit())
    {
        return &msg[..i];
    }
    msg
}

fn classify(err: &serde_saphyr::Error, message: &str) -> &'static RuleMeta {
    use serde_saphyr::Error as E;
    if message.starts_with("unknown field") || message.starts_with("unknown variant") {
        &core_rules::YAML_UNKNOWN_KEY
    } else if message.starts_with("duplicate mapping key") || message.contains("duplicate field") {
        &core_rules::YAML_DUPLICATE_KEY
    } else if message.starts_with("missing field") {
        &core_rules::YAML_MISSING_FIELD
    } else if matches!(
        err,
        E::Unexpected { .. }
            | E::NullIntoString { .. }
            | E::TaggedScalarCannotDeserializeIntoString { .. }
            | E::InvalidBooleanStrict { .. }
            | E::UnexpectedValueForUnit { .. }
    ) || message.starts_with("invalid type")
        || message.starts_with("invalid value")
        || message.starts_with("invalid length")
        || message.starts_with("expected")
        || message.starts_with("cannot deserialize")
    {
        &core_rules::YAML_WRONG_TYPE
    } else {
        &core_rules::YAML_SYNTAX
    }
}

/// `deserialize_with` helper: a string field that is null or empty in the
/// file reads as `""`, as yaml.v3 decodes null into Go's zero value.
pub fn string_or_null<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// `deserialize_with` helper: a list that is null (`key:`) reads as empty.
pub fn vec_or_null<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Meeting {
        time: String,
        day: String,
        #[serde(default, deserialize_with = "string_or_null")]
        url: String,
        #[serde(default, deserialize_with = "vec_or_null")]
        tags: Vec<String>,
    }

    #[test]
    fn raw_scalars_stay_text() {
        let m: Meeting = from_str("time: 9:00\nday: 5\nurl:\ntags:\n").expect("valid");
        assert_eq!(
            (m.time.as_str(), m.day.as_str(), m.url.as_str()),
            ("9:00", "5", "")
        );
        assert!(m.tags.is_empty());
        let m: Meeting = from_str("time: 9\nday: x\ntags: [a, 0x1F]\n").expect("valid");
        assert_eq!(m.tags, ["a", "0x1F"]);
    }

    fn err(src: &str) -> YamlError {
        match from_str::<Meeting>(src) {
            Ok(m) => panic!("expected an error, got {m:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn errors_are_classified_and_located() {
        let e = err("time: a\nday: b\nbogus: 1\n");
        assert_eq!((e.rule.id, e.line, e.col), ("yaml/unknown-key", 3, 1));
        assert!(
            e.message.starts_with("unknown field `bogus`"),
            "{}",
            e.message
        );

        let e = err("time: a\nday: b\ntime: c\n");
        assert_eq!((e.rule.id, e.line), ("yaml/duplicate-key", 3));

        let e = err("time: [a]\nday: b\n");
        assert_eq!((e.rule.id, e.line, e.col), ("yaml/wrong-type", 1, 7));

        let e = err("time: a\n");
        assert_eq!(e.rule.id, "yaml/missing-field");
        assert!(e.message.contains("`day`"), "{}", e.message);

        let e = err("time: a\n  day: b\n");
        assert_eq!((e.rule.id, e.line), ("yaml/syntax", 2));
        assert!(
            !e.message.contains("at line"),
            "location not repeated: {}",
            e.message
        );

        let e = err("time: a\nday: b\nday: c\n");
        assert_eq!(e.message, "duplicate mapping key: day");

        let d = err("time: a\nday: b\nbogus: 1\n").to_diagnostic("x.yaml");
        assert_eq!(d.location(), "x.yaml:3:1");
    }

    #[test]
    fn messages_carry_no_decoder_noise() {
        assert_eq!(
            plain_message(
                "error: line 3 column 3: duplicate mapping key: a, set DuplicateKeyPolicy in Options if acceptable at line 3, column 3"
            ),
            "duplicate mapping key: a"
        );
        assert_eq!(
            plain_message("unknown field `x`, expected one of a, b at line 3, column 5"),
            "unknown field `x`, expected one of a, b"
        );
        assert_eq!(plain_message("plain"), "plain");
        let e = err("time: a\nday: b\ntime: c\n");
        assert_eq!(e.message, "duplicate mapping key: time");
    }

    #[test]
    fn never_panics_on_garbage() {
        for src in [
            "",
            ":",
            "- [",
            "{a: *b}",
            "&a [*a]",
            "\u{0}",
            "a: !!binary x",
            "? ? ?",
        ] {
            let _ = from_str::<Meeting>(src);
        }
    }
}
