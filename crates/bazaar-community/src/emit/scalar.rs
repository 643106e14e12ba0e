//! Scalar style selection and writing, as yaml.v3 v3.0.1 does it (spec §1.12):
//! `encode.go` `stringv` picks a style, then libyaml's `analyze_scalar` and
//! `select_scalar_style` (ported to Go in `emitterc.go`) may override it. All
//! decisions are made on bytes, as the Go code does.

use std::sync::LazyLock;

use regex::Regex;

/// The style a scalar is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// What libyaml's `analyze_scalar` concludes (block context only).
#[derive(Clone, Copy, Debug)]
struct Analysis {
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

fn is_space(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&b' ')
}

fn is_tab(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&b'\t')
}

fn is_blank(b: &[u8], i: usize) -> bool {
    is_space(b, i) || is_tab(b, i)
}

/// `\r`, `\n`, NEL (U+0085), LS (U+2028), PS (U+2029).
pub(crate) fn is_break(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(b'\r' | b'\n') => true,
        Some(0xC2) => b.get(i + 1) == Some(&0x85),
        Some(0xE2) => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)),
        _ => false,
    }
}

fn is_blankz(b: &[u8], i: usize) -> bool {
    is_blank(b, i) || is_break(b, i) || i >= b.len() || b[i] == 0
}

/// Byte width of the UTF-8 sequence starting with `lead`.
pub(crate) fn width(lead: u8) -> usize {
    match lead {
        b if b & 0x80 == 0x00 => 1,
        b if b & 0xE0 == 0xC0 => 2,
        b if b & 0xF0 == 0xE0 => 3,
        b if b & 0xF8 == 0xF0 => 4,
        _ => 1,
    }
}

/// libyaml's `is_printable`, byte for byte. Note that tab is not printable,
/// and neither is anything outside the Basic Multilingual Plane (4-byte
/// sequences), so emoji end up escaped in double quotes, as upstream does.
pub(crate) fn is_printable(b: &[u8], i: usize) -> bool {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    let c = at(0);
    c == 0x0A
        || (0x20..=0x7E).contains(&c)
        || (c == 0xC2 && at(1) >= 0xA0)
        || (c > 0xC2 && c < 0xED)
        || (c == 0xED && at(1) < 0xA0)
        || c == 0xEE
        || (c == 0xEF
            && !(at(1) == 0xBB && at(2) == 0xBF)
            && !(at(1) == 0xBF && (at(2) == 0xBE || at(2) == 0xBF)))
}

/// libyaml's `analyze_scalar` for a block-context value (unicode output on).
fn analyze(value: &[u8]) -> Analysis {
    if value.is_empty() {
        return Analysis {
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    }
    let mut block_indicators = value.starts_with(b"---") || value.starts_with(b"...");
    let mut line_breaks = false;
    let mut special_characters = false;
    let mut tab_characters = false;
    let (mut leading_space, mut leading_break) = (false, false);
    let (mut trailing_space, mut trailing_break) = (false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut previous_space, mut previous_break) = (false, false);
    let mut preceded_by_whitespace = true;

    let mut i = 0;
    while i < value.len() {
        let w = width(value[i]);
        let followed_by_whitespace = i + w >= value.len() || is_blank(value, i + w);
        if i == 0 {
            match value[i] {
                b'#' | b',' | b'[' | b']' | b'{' | b'}' | b'&' | b'*' | b'!' | b'|' | b'>'
                | b'\'' | b'"' | b'%' | b'@' | b'`' => block_indicators = true,
                b'?' | b':' | b'-' if followed_by_whitespace => block_indicators = true,
                _ => {}
            }
        } else {
            match value[i] {
                b':' if followed_by_whitespace => block_indicators = true,
                b'#' if preceded_by_whitespace => block_indicators = true,
                _ => {}
            }
        }
        if value[i] == b'\t' {
            tab_characters = true;
        } else if !is_printable(value, i) {
            special_characters = true;
        }
        if is_space(value, i) {
            if i == 0 {
                leading_space = true;
            }
            if i + w == value.len() {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(value, i) {
            line_breaks = true;
            if i == 0 {
                leading_break = true;
            }
            if i + w == value.len() {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_blankz(value, i);
        i += w;
    }

    let mut a = Analysis {
        block_plain_allowed: true,
        single_quoted_allowed: true,
        block_allowed: true,
    };
    if leading_space || leading_break || trailing_space || trailing_break {
        a.block_plain_allowed = false;
    }
    if trailing_space {
        a.block_allowed = false;
    }
    if break_space {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
    }
    if space_break || tab_characters || special_characters {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
    }
    if space_break || special_characters {
        a.block_allowed = false;
    }
    if line_breaks || block_indicators {
        a.block_plain_allowed = false;
    }
    a
}

/// Line breaks other than `\n` take libyaml paths (indentation inside quoted
/// scalars) bazaar does not reproduce; such values are written double-quoted,
/// which reads back identically (see SHORTCOMINGS.md).
fn has_exotic_break(value: &[u8]) -> bool {
    (0..value.len()).any(|i| is_break(value, i) && value[i] != b'\n')
}

/// libyaml's `select_scalar_style` for a block-context, non-key value.
fn refine(requested: Style, value: &str) -> Style {
    let a = analyze(value.as_bytes());
    let mut style = requested;
    if style == Style::Plain && !a.block_plain_allowed {
        style = Style::SingleQuoted;
    }
    if style == Style::SingleQuoted && !a.single_quoted_allowed {
        style = Style::DoubleQuoted;
    }
    if matches!(style, Style::Literal | Style::Folded) && !a.block_allowed {
        style = Style::DoubleQuoted;
    }
    if style != Style::DoubleQuoted && has_exotic_break(value.as_bytes()) {
        style = Style::DoubleQuoted;
    }
    style
}

/// The style yaml.v3 gives an ordinary Go string (`encode.go` `stringv`).
pub fn string_style(value: &str) -> Style {
    let can_use_plain =
        !resolves_to_non_string(value) && !is_base60_float(value) && !is_old_bool(value);
    let requested = if value.contains('\n') {
        Style::Literal
    } else if can_use_plain {
        Style::Plain
    } else {
        Style::DoubleQuoted
    };
    refine(requested, value)
}

/// The style of upstream's `FoldedString` (a `yaml.Node` with `FoldedStyle`).
pub fn folded_style(value: &str) -> Style {
    refine(Style::Folded, value)
}

/// YAML 1.1 booleans yaml.v3 still quotes on output (`isOldBool`).
fn is_old_bool(s: &str) -> bool {
    matches!(
        s,
        "y" | "Y"
            | "yes"
            | "Yes"
            | "YES"
            | "on"
            | "On"
            | "ON"
            | "n"
            | "N"
            | "no"
            | "No"
            | "NO"
            | "off"
            | "Off"
            | "OFF"
    )
}

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static BASE60: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$").expect("valid pattern")
});

#[expect(clippy::expect_used, reason = "constant patterns, covered by tests")]
static YAML_FLOAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$").expect("valid pattern")
});

/// yaml.v3 `isBase60Float`: `9:00` must be quoted for YAML 1.1 readers.
fn is_base60_float(s: &str) -> bool {
    let Some(&c) = s.as_bytes().first() else {
        return false;
    };
    if !(c == b'+' || c == b'-' || c.is_ascii_digit()) || !s.contains(':') {
        return false;
    }
    BASE60.is_match(s)
}

/// yaml.v3 `resolve("", s)` gives a tag other than `!!str`.
fn resolves_to_non_string(s: &str) -> bool {
    let hint = match s.as_bytes().first() {
        None => return true, // "" is null
        Some(b'+' | b'-') => 'S',
        Some(b'0'..=b'9') => 'D',
        Some(b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~') => 'M',
        Some(b'.') => '.',
        Some(_) => return false,
    };
    if matches!(
        s,
        "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | "~"
            | "null"
            | "Null"
            | "NULL"
            | ".nan"
            | ".NaN"
            | ".NAN"
            | ".inf"
            | ".Inf"
            | ".INF"
            | "+.inf"
            | "+.Inf"
            | "+.INF"
            | "-.inf"
            | "-.Inf"
            | "-.INF"
    ) {
        return true;
    }
    match hint {
        '.' => go_parse_float(s),
        'D' | 'S' => {
            if is_timestamp(s) {
                return true;
            }
            let plain = s.replace('_', "");
            go_parse_int(&plain, true)
                || go_parse_int(&plain, false)
                || (YAML_FLOAT.is_match(&plain) && go_parse_float(&plain))
                || parse_prefixed(&plain, "0b", 2)
                || parse_prefixed(&plain, "-0b", 2)
                || parse_prefixed(&plain, "0o", 8)
                || parse_prefixed(&plain, "-0o", 8)
        }
        _ => false,
    }
}

/// `strconv.ParseFloat(s, 64)` succeeds: Go's float syntax with a finite result.
fn go_parse_float(s: &str) -> bool {
    // Go accepts what Rust accepts for decimal floats, plus hex floats and
    // underscores (never reached here), and rejects out-of-range values.
    let lower = s.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if matches!(body, "inf" | "infinity" | "nan") {
        return true;
    }
    s.parse::<f64>().is_ok_and(f64::is_finite)
}

/// `strconv.ParseInt(s, 0, 64)` (signed) or `ParseUint(s, 0, 64)` succeeds.
fn go_parse_int(s: &str, signed: bool) -> bool {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') if signed => (false, &s[1..]),
        Some(b'-') if signed => (true, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits) =
        if let Some(d) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
            (16, d)
        } else if let Some(d) = body.strip_prefix("0o").or_else(|| body.strip_prefix("0O")) {
            (8, d)
        } else if let Some(d) = body.strip_prefix("0b").or_else(|| body.strip_prefix("0B")) {
            (2, d)
        } else if body.len() > 1 && body.starts_with('0') {
            (8, &body[1..])
        } else {
            (10, body)
        };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return false;
    }
    let Ok(v) = u64::from_str_radix(digits, radix) else {
        return false;
    };
    if !signed {
        return true;
    }
    if neg { v <= 1 << 63 } else { v < 1 << 63 }
}

fn parse_prefixed(s: &str, prefix: &str, radix: u32) -> bool {
    s.strip_prefix(prefix).is_some_and(|d| {
        !d.is_empty()
            && d.chars().all(|c| c.is_digit(radix))
            && u64::from_str_radix(d, radix).is_ok()
    })
}

/// yaml.v3 `parseTimestamp`: `YYYY-M-D`, optionally with a time of day, as
/// Go's `time.Parse` accepts it with the layouts `2006-1-2T15:4:5.999999999Z07:00`,
/// `2006-1-2t15:4:5.999999999Z07:00`, `2006-1-2 15:4:5.999999999` and `2006-1-2`.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    let mut p = Cursor { b, i: 5 };
    let year: u32 = s[..4].parse().unwrap_or(0);
    let Some(month) = p.num(2) else { return false };
    if !p.eat(b'-') {
        return false;
    }
    let Some(day) = p.num(2) else { return false };
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return false;
    }
    if p.done() {
        return true;
    }
    let zoned = match p.peek() {
        Some(b'T' | b't') => true,
        Some(b' ') => false,
        _ => return false,
    };
    p.i += 1;
    let Some(h) = p.num(2) else { return false };
    if !p.eat(b':') {
        return false;
    }
    let Some(m) = p.num(2) else { return false };
    if !p.eat(b':') {
        return false;
    }
    let Some(sec) = p.num(2) else { return false };
    if h > 23 || m > 59 || sec > 59 {
        return false;
    }
    if p.peek() == Some(b'.') {
        p.i += 1;
        let start = p.i;
        while p.peek().is_some_and(|c| c.is_ascii_digit()) {
            p.i += 1;
        }
        if p.i == start {
            return false;
        }
    }
    if !zoned {
        return p.done();
    }
    match p.peek() {
        Some(b'Z') => {
            p.i += 1;
            p.done()
        }
        Some(b'+' | b'-') => {
            p.i += 1;
            let ok = p.fixed(2) && p.eat(b':') && p.fixed(2);
            ok && p.done()
        }
        _ => false,
    }
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn done(&self) -> bool {
        self.i >= self.b.len()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    /// One to `max` digits.
    fn num(&mut self, max: usize) -> Option<u32> {
        let start = self.i;
        while self.i - start < max && self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        if self.i == start {
            return None;
        }
        std::str::from_utf8(&self.b[start..self.i])
            .ok()?
            .parse()
            .ok()
    }
    /// Exactly `n` digits.
    fn fixed(&mut self, n: usize) -> bool {
        let start = self.i;
        while self.i - start < n && self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        self.i - start == n
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// ---------------------------------------------------------------------------
// Writers. `indent` is the column of block-scalar content (key column + 2).

/// Write `value` in `style` right after `key:` (the caller wrote `key:`).
pub fn write(out: &mut String, value: &str, style: Style, indent: usize) {
    match style {
        Style::Plain => {
            out.push(' ');
            out.push_str(value);
            out.push('\n');
        }
        Style::SingleQuoted => {
            out.push_str(" '");
            out.push_str(&value.replace('\'', "''"));
            out.push_str("'\n");
        }
        Style::DoubleQuoted => {
            out.push(' ');
            write_double_quoted(out, value);
            out.push('\n');
        }
        Style::Literal => write_block(out, value, '|', indent, false),
        Style::Folded => write_block(out, value, '>', indent, true),
    }
}

fn write_double_quoted(out: &mut String, value: &str) {
    out.push('"');
    let b = value.as_bytes();
    for (i, ch) in value.char_indices() {
        let escape =
            !is_printable(b, i) || ch == '\u{FEFF}' || is_break(b, i) || ch == '"' || ch == '\\';
        if !escape {
            out.push(ch);
            continue;
        }
        out.push('\\');
        match ch {
            '\0' => out.push('0'),
            '\u{7}' => out.push('a'),
            '\u{8}' => out.push('b'),
            '\t' => out.push('t'),
            '\n' => out.push('n'),
            '\u{b}' => out.push('v'),
            '\u{c}' => out.push('f'),
            '\r' => out.push('r'),
            '\u{1b}' => out.push('e'),
            '"' => out.push('"'),
            '\\' => out.push('\\'),
            '\u{85}' => out.push('N'),
            '\u{a0}' => out.push('_'),
            '\u{2028}' => out.push('L'),
            '\u{2029}' => out.push('P'),
            c => {
                let v = u32::from(c);
                if v <= 0xFF {
                    out.push_str(&format!("x{v:02X}"));
                } else if v <= 0xFFFF {
                    out.push_str(&format!("u{v:04X}"));
                } else {
                    out.push_str(&format!("U{v:08X}"));
                }
            }
        }
    }
    out.push('"');
}

/// The block-scalar header hints: indentation indicator, then chomping.
fn block_hints(value: &[u8]) -> String {
    let mut h = String::new();
    if is_space(value, 0) || is_break(value, 0) {
        h.push('2');
    }
    if value.is_empty() {
        h.push('-');
        return h;
    }
    let mut i = value.len() - 1;
    while i > 0 && value[i] & 0xC0 == 0x80 {
        i -= 1;
    }
    if !is_break(value, i) {
        h.push('-');
    } else if i == 0 {
        h.push('+');
    } else {
        let mut j = i - 1;
        while j > 0 && value[j] & 0xC0 == 0x80 {
            j -= 1;
        }
        if is_break(value, j) {
            h.push('+');
        }
    }
    h
}

/// Literal (`|`) and folded (`>`) scalars. The folded writer reproduces
/// yaml.v3's look-ahead bug (`k := 0` instead of `k := i`): when the value
/// does not start with a blank, the break ending every non-empty line that
/// does not start with a blank is written twice (spec §1.12 rule 5).
fn write_block(out: &mut String, value: &str, indicator: char, indent: usize, folded: bool) {
    let b = value.as_bytes();
    out.push(' ');
    out.push(indicator);
    out.push_str(&block_hints(b));
    out.push('\n');
    // The buggy look-ahead starts at 0: it skips the value's leading breaks
    // and doubles every break when the first character after them is not blank.
    let mut k = 0;
    while is_break(b, k) {
        k += width(b[k]);
    }
    let doubles_breaks = folded && !is_blankz(b, k);
    let mut breaks = true;
    let mut leading_spaces = true;
    let mut i = 0;
    while i < b.len() {
        if is_break(b, i) {
            if folded && !breaks && !leading_spaces && b[i] == b'\n' && doubles_breaks {
                out.push('\n');
            }
            out.push('\n');
            i += 1;
            breaks = true;
        } else {
            if breaks {
                out.extend(std::iter::repeat_n(' ', indent));
                leading_spaces = is_blank(b, i);
            }
            let w = width(b[i]).min(b.len() - i);
            out.push_str(&value[i..i + w]);
            i += w;
            breaks = false;
        }
    }
    if !breaks {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(value: &str, expected: &str) {
        let mut out = String::from("k:");
        write(&mut out, value, string_style(value), 2);
        assert_eq!(out, expected, "value {value:?}");
    }

    #[test]
    fn plain_when_it_reads_back_as_a_string() {
        check("Kubebuilder Meeting", "k: Kubebuilder Meeting\n");
        check("2PM", "k: 2PM\n");
        check("Paco Xu 徐俊杰", "k: Paco Xu 徐俊杰\n");
        check("a#b", "k: a#b\n");
        check("a:b", "k: a:b\n");
        check("https://x.y/#!forum/z", "k: https://x.y/#!forum/z\n");
        check("-x", "k: -x\n");
    }

    #[test]
    fn double_quoted_when_plain_would_change_type() {
        for v in [
            "9:00",
            "11:30",
            "",
            "true",
            "False",
            "null",
            "~",
            "yes",
            "off",
            "Y",
            "123",
            "0x1F",
            "0o17",
            "0b101",
            "1e5",
            "1_000",
            ".5",
            ".inf",
            "-.Inf",
            "09",
            "2024-01-15",
            "2001-12-14t21:59:43.10-05:00",
            "2001-12-14 21:59:43.10",
            "+1",
        ] {
            check(v, &format!("k: \"{v}\"\n"));
        }
        // Not resolvable: plain.
        for v in [
            "2024-13-01",
            "1.2.3",
            "0x",
            "12:61",
            "v1.2",
            "+",
            "1e",
            ".",
            "08:00:00x",
        ] {
            check(v, &format!("k: {v}\n"));
        }
    }

    #[test]
    fn single_quoted_when_plain_is_not_allowed() {
        check(
            "[Described below](#code-organization-1)",
            "k: '[Described below](#code-organization-1)'\n",
        );
        check(
            "monthly 2020 start date: Jan. 7th",
            "k: 'monthly 2020 start date: Jan. 7th'\n",
        );
        check("ends with:", "k: 'ends with:'\n");
        check("a #comment", "k: 'a #comment'\n");
        check(" lead", "k: ' lead'\n");
        check("trail ", "k: 'trail '\n");
        check("- item", "k: '- item'\n");
        check("it's *bold*", "k: it's *bold*\n");
        check("*bold* it's", "k: '*bold* it''s'\n");
        check("---", "k: '---'\n");
        check("\"quoted\" start", "k: '\"quoted\" start'\n");
    }

    #[test]
    fn double_quoted_escapes_specials() {
        check("a\tb", "k: \"a\\tb\"\n");
        check("smile 😀", "k: \"smile \\U0001F600\"\n");
        check("nbsp\u{a0}x", "k: nbsp\u{a0}x\n");
        check("bell\u{7}", "k: \"bell\\a\"\n");
        check("cr\rx", "k: \"cr\\rx\"\n");
    }

    #[test]
    fn literal_for_multiline_with_chomping() {
        check("Line one.\n", "k: |\n  Line one.\n");
        check("a\nb", "k: |-\n  a\n  b\n");
        check("a\n\nb\n\n", "k: |+\n  a\n\n  b\n\n");
        check("\n", "k: |2+\n\n");
        check("  indented\nx\n", "k: |2\n    indented\n  x\n");
        // A space before a break forbids block style.
        check("a \nb\n", "k: \"a \\nb\\n\"\n");
    }

    #[test]
    fn folded_doubles_breaks_like_yaml_v3() {
        let fold = |v: &str| {
            let mut out = String::from("m:");
            write(&mut out, v, folded_style(v), 2);
            out
        };
        assert_eq!(fold("Covers X.\n"), "m: >\n  Covers X.\n\n");
        assert_eq!(fold("P1\nP2\n"), "m: >\n  P1\n\n  P2\n\n");
        assert_eq!(fold("P1\n\nP2\n"), "m: >\n  P1\n\n\n  P2\n\n");
        assert_eq!(fold("no newline"), "m: >-\n  no newline\n");
        assert_eq!(fold("P1\n  code\nP2\n"), "m: >\n  P1\n\n    code\n  P2\n\n");
        // A leading blank disables the doubling altogether.
        assert_eq!(fold(" lead\nP2\n"), "m: >2\n   lead\n  P2\n");
        assert_eq!(fold("trailing \n"), "m: \"trailing \\n\"\n");
    }
}
