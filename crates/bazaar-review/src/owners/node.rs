//! A located, untyped YAML tree.
//!
//! Prow reads OWNERS with `sigs.k8s.io/yaml` (YAML → JSON → `encoding/json`),
//! whose rules (case-insensitive keys, numbers accepted where strings are
//! expected, the last of two equal keys wins, unknown keys ignored) do not fit
//! serde's derive. So files are first read into this small tree, with the
//! line and column of every key and list item, and then decoded by hand in
//! `parse.rs` following those rules. The same tree feeds the audit.

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// 1-based line and column (0 when unknown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    fn of<T>(s: &Spanned<T>) -> Pos {
        let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        Pos {
            line: clamp(s.referenced.line()),
            col: clamp(s.referenced.column()),
        }
    }
}

/// A YAML value.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<(Pos, Node)>),
    /// Entries in file order (a repeated key appears twice).
    Map(Vec<(Pos, String, Node)>),
}

impl Node {
    /// The Go/JSON type name used in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "bool",
            Node::Int(_) | Node::Float(_) => "number",
            Node::Str(_) => "string",
            Node::Seq(_) => "array",
            Node::Map(_) => "object",
        }
    }
}

/// One located value: what `Spanned<Node>` gives, flattened.
struct Located(Pos, Node);

impl<'de> Deserialize<'de> for Located {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<Node>::deserialize(d)?;
        Ok(Located(Pos::of(&s), s.value))
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(i128::from(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Int(i128::from(v)))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        Ok(Node::Int(i128::try_from(v).unwrap_or(i128::MAX)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Node, E> {
        Ok(Node::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(Located(pos, node)) = seq.next_element::<Located>()? {
            items.push((pos, node));
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
            let pos = Pos::of(&key);
            let Located(_, value) = map.next_value::<Located>()?;
            entries.push((pos, key.value.0, value));
        }
        Ok(Node::Map(entries))
    }
}

/// A mapping key as text: yaml.v2 turns scalar keys (`1`, `true`) into
/// strings; other keys (lists, maps) make Prow's conversion fail.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Node::deserialize(d)? {
            Node::Str(s) => Ok(KeyText(s)),
            Node::Int(i) => Ok(KeyText(i.to_string())),
            Node::Float(f) => Ok(KeyText(go_format_float32(f))),
            Node::Bool(b) => Ok(KeyText(b.to_string())),
            Node::Null => Ok(KeyText("null".to_string())),
            other => Err(de::Error::custom(format!(
                "unsupported map key of type {}",
                other.type_name()
            ))),
        }
    }
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 32)`, which sigs.k8s.io/yaml uses to
/// turn a YAML float into a string where a string is expected.
pub fn go_format_float32(f: f64) -> String {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "Go formats the value as a float32, exactly this conversion"
    )]
    let f = f as f32;
    if f.is_nan() {
        return "NaN".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf" } else { "-Inf" }.to_string();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.to_string();
    }
    // Shortest round-trip digits and exponent, from Rust's `{:e}`.
    let sci = format!("{:e}", f.abs());
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let nd = i32::try_from(digits.len()).unwrap_or(1);
    let neg = if f < 0.0 { "-" } else { "" };
    if !(-4..6).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{neg}{first}{frac}e{sign}{:02}", exp.abs());
    }
    // Fixed notation with max(nd - (exp+1), 0) decimals.
    let dp = exp + 1;
    let s = if dp <= 0 {
        format!(
            "0.{}{}",
            "0".repeat(usize::try_from(-dp).unwrap_or(0)),
            digits
        )
    } else if dp >= nd {
        format!(
            "{}{}",
            digits,
            "0".repeat(usize::try_from(dp - nd).unwrap_or(0))
        )
    } else {
        let (int, frac) = digits.split_at(usize::try_from(dp).unwrap_or(0));
        format!("{int}.{frac}")
    };
    format!("{neg}{s}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_float_format() {
        for (f, want) in [
            (1000.0, "1000"),
            (1.5, "1.5"),
            (1e6, "1e+06"),
            (1.5e7, "1.5e+07"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (123456.0, "123456"),
            (-2.5, "-2.5"),
        ] {
            assert_eq!(go_format_float32(f), want, "{f}");
        }
    }
}
