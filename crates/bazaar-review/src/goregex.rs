//! Go (RE2) regular expressions on top of the `regex` crate.
//!
//! OWNERS `filters` keys are Go regular expressions, compiled with Go's
//! `regexp.Compile` and matched with `MatchString` (an unanchored search).
//! The `regex` crate is RE2-like, but not identical. [`compile`] translates a
//! Go pattern into an equivalent `regex` pattern, so that a pattern means the
//! same thing, and fails where Go fails:
//!
//! | construct | Go | `regex` crate | here |
//! |---|---|---|---|
//! | `\d \w \s \b` | ASCII only (`\s` = `[\t\n\f\r ]`) | Unicode (`\s` also has `\v`) | ASCII, as Go |
//! | `\Q...\E` | literal text | unsupported | literal text |
//! | `\0`, `\012` (octal) | a character | unsupported | a character |
//! | `\<`, `\>` | the literals `<`, `>` | word boundaries | literals |
//! | `[a&&b]`, `[a--b]`, `[a~~b]`, `[[a]` in a class | literal `&`, `-`, `~`, `[` | set operations, nested class | literals |
//! | `a{` / `a{x}` (not a repeat) | literal `{` | error | literal |
//! | `{1001}` or more | error | accepted | error |
//! | `(?x)`, `(?u)`, `(?R)` flags | error | accepted | error |
//! | `\u0041`, `\e`, `\h` and other letter escapes | error | some accepted | error |
//!
//! | `\p{Alphabetic}` and other non-Go property names | error | accepted | error |
//! | `(?<name>re)` | accepted since Go 1.22 | accepted | accepted (Prow builds with a recent Go) |
//!
//! Unicode classes Go knows (general categories, scripts, `Any`) are passed
//! through. Checked against Go's own `regexp` on 78 patterns × 48 inputs
//! (`tests/fixtures/upstream/go-regexp`).

use std::fmt::Write;

use regex::Regex;

/// A Go pattern that does not compile (in Go, or after translation).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct GoRegexError {
    pub message: String,
}

fn err<T>(message: impl Into<String>) -> Result<T, GoRegexError> {
    Err(GoRegexError {
        message: message.into(),
    })
}

/// Compile a Go regular expression; the result matches what Go's would.
pub fn compile(pattern: &str) -> Result<Regex, GoRegexError> {
    let translated = translate(pattern)?;
    Regex::new(&translated).map_err(|e| GoRegexError {
        message: format!("{e}"),
    })
}

/// Translate Go regexp syntax into `regex` crate syntax.
pub fn translate(pattern: &str) -> Result<String, GoRegexError> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut i = 0;
    // Whether the previous item was a repetition operator (Go rejects `a**`).
    let mut last_repeat: Option<String> = None;
    let mut depth = 0usize;
    while i < chars.len() {
        let c = chars[i];
        let mut this_repeat = None;
        match c {
            '\\' => {
                i += 1;
                let Some(&e) = chars.get(i) else {
                    return err("trailing backslash at end of expression");
                };
                match e {
                    'Q' => {
                        i += 1;
                        let mut lit = String::new();
                        while i < chars.len() {
                            if chars[i] == '\\' && chars.get(i + 1) == Some(&'E') {
                                i += 1;
                                break;
                            }
                            if chars[i] == '\\' && i + 1 == chars.len() {
                                // Go drops a trailing `\` inside \Q.
                                break;
                            }
                            lit.push(chars[i]);
                            i += 1;
                        }
                        out.push_str(&regex::escape(&lit));
                    }
                    'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                        out.push('[');
                        if e.is_ascii_uppercase() {
                            out.push('^');
                        }
                        out.push_str(perl_class_body(e.to_ascii_lowercase()));
                        out.push(']');
                    }
                    'b' => out.push_str("(?-u:\\b)"),
                    'B' => out.push_str("(?-u:\\B)"),
                    'A' => out.push_str("\\A"),
                    'z' => out.push_str("\\z"),
                    'p' | 'P' => {
                        let start = i - 1;
                        i = unicode_class_end(&chars, i)?;
                        out.extend(&chars[start..i]);
                        continue_after(&mut last_repeat, None);
                        continue;
                    }
                    _ => {
                        let (ch, next) = parse_escape(&chars, i)?;
                        i = next;
                        push_literal(&mut out, ch);
                        continue_after(&mut last_repeat, None);
                        continue;
                    }
                }
                i += 1;
            }
            '[' => {
                let (class, next) = parse_class(&chars, i)?;
                out.push_str(&class);
                i = next;
            }
            '(' => {
                if chars.get(i + 1) == Some(&'?') {
                    let (text, next) = parse_group_flags(&chars, i)?;
                    out.push_str(&text);
                    if !text.ends_with(')') {
                        depth += 1;
                    }
                    i = next;
                } else {
                    depth += 1;
                    out.push('(');
                    i += 1;
                }
            }
            ')' => {
                if depth == 0 {
                    return err(format!("unexpected ): `{pattern}`"));
                }
                depth -= 1;
                out.push(')');
                i += 1;
            }
            '*' | '+' | '?' => {
                let mut op = c.to_string();
                i += 1;
                if chars.get(i) == Some(&'?') {
                    op.push('?');
                    i += 1;
                }
                if let Some(prev) = &last_repeat {
                    return err(format!("invalid nested repetition operator: `{prev}{op}`"));
                }
                out.push_str(&op);
                this_repeat = Some(op);
            }
            '{' => match parse_repeat(&chars, i) {
                Some((min, max, next)) => {
                    if min > 1000 || max.is_some_and(|m| m > 1000 || m < min) {
                        return err(format!(
                            "invalid repeat count: `{}`",
                            chars[i..next].iter().collect::<String>()
                        ));
                    }
                    let mut op: String = chars[i..next].iter().collect();
                    let mut next = next;
                    if chars.get(next) == Some(&'?') {
                        op.push('?');
                        next += 1;
                    }
                    if let Some(prev) = &last_repeat {
                        return err(format!("invalid nested repetition operator: `{prev}{op}`"));
                    }
                    out.push_str(&op);
                    this_repeat = Some(op);
                    i = next;
                }
                None => {
                    out.push_str("\\{");
                    i += 1;
                }
            },
            _ => {
                push_literal_raw(&mut out, c);
                i += 1;
            }
        }
        last_repeat = this_repeat;
    }
    if depth != 0 {
        return err(format!("missing closing ): `{pattern}`"));
    }
    Ok(out)
}

fn continue_after(last: &mut Option<String>, v: Option<String>) {
    *last = v;
}

/// The ASCII set behind Go's Perl classes, as the inside of a `regex` class.
fn perl_class_body(c: char) -> &'static str {
    match c {
        'd' => "0-9",
        'w' => "0-9A-Za-z_",
        _ => "\\t\\n\\x0C\\r ",
    }
}

/// Ranges (inclusive) of Go's Perl classes.
fn perl_ranges(c: char) -> &'static [(u32, u32)] {
    match c {
        'd' => &[(0x30, 0x39)],
        'w' => &[(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
        _ => &[(0x09, 0x0A), (0x0C, 0x0D), (0x20, 0x20)],
    }
}

/// A literal character, escaped if the `regex` crate gives it meaning.
fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii() {
        out.push(c);
    } else if c.is_ascii_graphic() {
        out.push_str(&regex::escape(&c.to_string()));
        // `regex::escape` leaves characters it does not consider special
        // (e.g. `<`, `!`) alone, which is exactly a literal.
    } else {
        let _ = write!(out, "\\x{{{:X}}}", c as u32);
    }
}

/// A character outside any escape or class, copied as Go reads it.
fn push_literal_raw(out: &mut String, c: char) {
    match c {
        '.' | '^' | '$' | '|' => out.push(c),
        // Meaningful only inside classes or in verbose mode for `regex`.
        '#' | '&' | '-' | '~' | ']' | '}' => {
            out.push('\\');
            out.push(c);
        }
        _ => out.push(c),
    }
}

/// Go's `parseEscape` for single characters (not classes): returns the
/// character and the index after the escape. `i` points after the backslash.
fn parse_escape(chars: &[char], i: usize) -> Result<(char, usize), GoRegexError> {
    let c = chars[i];
    match c {
        '1'..='7' if !chars.get(i + 1).is_some_and(|d| ('0'..='7').contains(d)) => {
            err(format!("invalid escape sequence: `\\{c}`"))
        }
        '0'..='7' => {
            // Up to three octal digits in all.
            let mut v = 0u32;
            let mut j = i;
            while j < chars.len() && j < i + 3 && ('0'..='7').contains(&chars[j]) {
                v = v * 8 + (chars[j] as u32 - '0' as u32);
                j += 1;
            }
            Ok((char::from_u32(v).unwrap_or('\0'), j))
        }
        'x' => {
            if chars.get(i + 1) == Some(&'{') {
                let mut j = i + 2;
                let mut v: u32 = 0;
                let mut n = 0;
                while let Some(&h) = chars.get(j) {
                    if h == '}' {
                        break;
                    }
                    let Some(d) = h.to_digit(16) else {
                        return err("invalid escape sequence: `\\x{`");
                    };
                    v = v.saturating_mul(16).saturating_add(d);
                    if v > 0x10FFFF {
                        return err("invalid escape sequence: `\\x{` (out of range)");
                    }
                    n += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'}') || n == 0 {
                    return err("invalid escape sequence: `\\x{`");
                }
                let ch = char::from_u32(v).ok_or_else(|| GoRegexError {
                    message: "invalid escape sequence: surrogate in `\\x{}`".into(),
                })?;
                Ok((ch, j + 1))
            } else {
                let h1 = chars.get(i + 1).and_then(|h| h.to_digit(16));
                let h2 = chars.get(i + 2).and_then(|h| h.to_digit(16));
                match (h1, h2) {
                    (Some(a), Some(b)) => Ok((char::from_u32(a * 16 + b).unwrap_or('\0'), i + 3)),
                    _ => err("invalid escape sequence: `\\x`"),
                }
            }
        }
        'a' => Ok(('\u{7}', i + 1)),
        'f' => Ok(('\u{C}', i + 1)),
        'n' => Ok(('\n', i + 1)),
        'r' => Ok(('\r', i + 1)),
        't' => Ok(('\t', i + 1)),
        'v' => Ok(('\u{B}', i + 1)),
        c if c.is_ascii() && !c.is_ascii_alphanumeric() => Ok((c, i + 1)),
        c => err(format!("invalid escape sequence: `\\{c}`")),
    }
}

/// End index of `\pX` / `\p{Name}` / `\p{^Name}` starting at `i` (the `p`).
/// Only the names Go knows (`unicode.Categories`, `unicode.Scripts`, `Any`).
fn unicode_class_end(chars: &[char], i: usize) -> Result<usize, GoRegexError> {
    let (name, end): (String, usize) = match chars.get(i + 1) {
        None => return err("invalid character class range: `\\p`"),
        Some('{') => {
            let mut j = i + 2;
            while j < chars.len() && chars[j] != '}' {
                j += 1;
            }
            if j >= chars.len() {
                return err("invalid character class range: missing `}`");
            }
            (chars[i + 2..j].iter().collect(), j + 1)
        }
        Some(c) => (c.to_string(), i + 2),
    };
    let name = name.strip_prefix('^').unwrap_or(&name);
    if name == "Any" || GO_CATEGORIES.contains(&name) || GO_SCRIPTS.binary_search(&name).is_ok() {
        Ok(end)
    } else {
        err(format!("invalid character class range: `\\p{{{name}}}`"))
    }
}

/// Go's `unicode.Categories` keys.
const GO_CATEGORIES: &[&str] = &[
    "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N",
    "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So",
    "Z", "Zl", "Zp", "Zs",
];

/// Go's `unicode.Scripts` keys (Unicode 13, Go 1.19), sorted.
const GO_SCRIPTS: &[&str] = &[
    "Adlam",
    "Ahom",
    "Anatolian_Hieroglyphs",
    "Arabic",
    "Armenian",
    "Avestan",
    "Balinese",
    "Bamum",
    "Bassa_Vah",
    "Batak",
    "Bengali",
    "Bhaiksuki",
    "Bopomofo",
    "Brahmi",
    "Braille",
    "Buginese",
    "Buhid",
    "Canadian_Aboriginal",
    "Carian",
    "Caucasian_Albanian",
    "Chakma",
    "Cham",
    "Cherokee",
    "Chorasmian",
    "Common",
    "Coptic",
    "Cuneiform",
    "Cypriot",
    "Cyrillic",
    "Deseret",
    "Devanagari",
    "Dives_Akuru",
    "Dogra",
    "Duployan",
    "Egyptian_Hieroglyphs",
    "Elbasan",
    "Elymaic",
    "Ethiopic",
    "Georgian",
    "Glagolitic",
    "Gothic",
    "Grantha",
    "Greek",
    "Gujarati",
    "Gunjala_Gondi",
    "Gurmukhi",
    "Han",
    "Hangul",
    "Hanifi_Rohingya",
    "Hanunoo",
    "Hatran",
    "Hebrew",
    "Hiragana",
    "Imperial_Aramaic",
    "Inherited",
    "Inscriptional_Pahlavi",
    "Inscriptional_Parthian",
    "Javanese",
    "Kaithi",
    "Kannada",
    "Katakana",
    "Kayah_Li",
    "Kharoshthi",
    "Khitan_Small_Script",
    "Khmer",
    "Khojki",
    "Khudawadi",
    "Lao",
    "Latin",
    "Lepcha",
    "Limbu",
    "Linear_A",
    "Linear_B",
    "Lisu",
    "Lycian",
    "Lydian",
    "Mahajani",
    "Makasar",
    "Malayalam",
    "Mandaic",
    "Manichaean",
    "Marchen",
    "Masaram_Gondi",
    "Medefaidrin",
    "Meetei_Mayek",
    "Mende_Kikakui",
    "Meroitic_Cursive",
    "Meroitic_Hieroglyphs",
    "Miao",
    "Modi",
    "Mongolian",
    "Mro",
    "Multani",
    "Myanmar",
    "Nabataean",
    "Nandinagari",
    "New_Tai_Lue",
    "Newa",
    "Nko",
    "Nushu",
    "Nyiakeng_Puachue_Hmong",
    "Ogham",
    "Ol_Chiki",
    "Old_Hungarian",
    "Old_Italic",
    "Old_North_Arabian",
    "Old_Permic",
    "Old_Persian",
    "Old_Sogdian",
    "Old_South_Arabian",
    "Old_Turkic",
    "Oriya",
    "Osage",
    "Osmanya",
    "Pahawh_Hmong",
    "Palmyrene",
    "Pau_Cin_Hau",
    "Phags_Pa",
    "Phoenician",
    "Psalter_Pahlavi",
    "Rejang",
    "Runic",
    "Samaritan",
    "Saurashtra",
    "Sharada",
    "Shavian",
    "Siddham",
    "SignWriting",
    "Sinhala",
    "Sogdian",
    "Sora_Sompeng",
    "Soyombo",
    "Sundanese",
    "Syloti_Nagri",
    "Syriac",
    "Tagalog",
    "Tagbanwa",
    "Tai_Le",
    "Tai_Tham",
    "Tai_Viet",
    "Takri",
    "Tamil",
    "Tangut",
    "Telugu",
    "Thaana",
    "Thai",
    "Tibetan",
    "Tifinagh",
    "Tirhuta",
    "Ugaritic",
    "Vai",
    "Wancho",
    "Warang_Citi",
    "Yezidi",
    "Yi",
    "Zanabazar_Square",
];

/// Go's `{n}`, `{n,}`, `{n,m}`; `None` when the text is not a repeat (Go then
/// reads `{` literally).
fn parse_repeat(chars: &[char], i: usize) -> Option<(u32, Option<u32>, usize)> {
    let mut j = i + 1;
    let num = |j: &mut usize| -> Option<u32> {
        let start = *j;
        while *j < chars.len() && chars[*j].is_ascii_digit() {
            *j += 1;
        }
        if *j == start {
            return None;
        }
        // Go rejects leading zeros in counts other than "0" itself... it
        // reads them; values above 1000 are refused by the caller.
        let s: String = chars[start..*j].iter().collect();
        Some(s.parse::<u32>().unwrap_or(u32::MAX))
    };
    let min = num(&mut j)?;
    let max = if chars.get(j) == Some(&',') {
        j += 1;
        if chars.get(j) == Some(&'}') {
            None
        } else {
            Some(num(&mut j)?)
        }
    } else {
        Some(min)
    };
    if chars.get(j) != Some(&'}') {
        return None;
    }
    Some((min, max, j + 1))
}

/// `(?flags)`, `(?flags:`, `(?P<name>`, `(?<name>`. Returns the text to emit
/// and the index after it.
fn parse_group_flags(chars: &[char], i: usize) -> Result<(String, usize), GoRegexError> {
    let mut j = i + 2;
    let named = match (chars.get(j), chars.get(j + 1)) {
        (Some('P'), Some('<')) => Some(j + 2),
        (Some('<'), _) => Some(j + 1),
        _ => None,
    };
    if let Some(start) = named {
        let mut k = start;
        while k < chars.len() && chars[k] != '>' {
            k += 1;
        }
        if k >= chars.len() {
            return err("invalid named capture");
        }
        let name: String = chars[start..k].iter().collect();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return err(format!("invalid named capture: `{name}`"));
        }
        return Ok((format!("(?P<{name}>"), k + 1));
    }
    let mut text = String::from("(?");
    let mut seen_minus = false;
    let mut any = false;
    while let Some(&c) = chars.get(j) {
        match c {
            'i' | 'm' | 's' | 'U' => {
                text.push(c);
                any = true;
            }
            '-' if !seen_minus => {
                seen_minus = true;
                any = false;
                text.push(c);
            }
            ':' | ')' => {
                if seen_minus && !any {
                    return err("missing argument to flag negation");
                }
                text.push(c);
                return Ok((text, j + 1));
            }
            _ => return err(format!("invalid or unsupported Perl syntax: `(?{c}`")),
        }
        j += 1;
    }
    err("missing closing ) in flags")
}

/// One element of a Go character class.
enum ClassItem {
    Range(char, char),
    /// `[:alpha:]` text, copied (both engines read POSIX classes as ASCII).
    Posix(String),
    /// `\pL`, `\p{Greek}` text, copied.
    Unicode(String),
    /// Inclusive code point ranges (Perl classes, possibly negated).
    Ranges(Vec<(u32, u32)>),
}

/// Go's `parseClass`, emitted in `regex` syntax with every literal escaped.
fn parse_class(chars: &[char], start: usize) -> Result<(String, usize), GoRegexError> {
    let mut i = start + 1;
    let mut negated = false;
    if chars.get(i) == Some(&'^') {
        negated = true;
        i += 1;
    }
    let mut items = Vec::new();
    let mut first = true;
    loop {
        let Some(&c) = chars.get(i) else {
            return err("missing closing ]");
        };
        if c == ']' && !first {
            i += 1;
            break;
        }
        first = false;
        if c == '[' && chars.get(i + 1) == Some(&':') {
            // A POSIX class, if it is a known name.
            if let Some(end) = find_posix_end(chars, i) {
                let text: String = chars[i..end].iter().collect();
                let name = text
                    .trim_start_matches("[:")
                    .trim_end_matches(":]")
                    .trim_start_matches('^');
                if !POSIX_NAMES.contains(&name) {
                    return err(format!("invalid character class range: `{text}`"));
                }
                items.push(ClassItem::Posix(text));
                i = end;
                continue;
            }
        }
        if c == '\\' {
            match chars.get(i + 1) {
                Some('p' | 'P') => {
                    let end = unicode_class_end(chars, i + 1)?;
                    items.push(ClassItem::Unicode(chars[i..end].iter().collect()));
                    i = end;
                    continue;
                }
                Some(&p @ ('d' | 'D' | 'w' | 'W' | 's' | 'S')) => {
                    let base = perl_ranges(p.to_ascii_lowercase()).to_vec();
                    let ranges = if p.is_ascii_uppercase() {
                        complement(&base)
                    } else {
                        base
                    };
                    items.push(ClassItem::Ranges(ranges));
                    i += 2;
                    continue;
                }
                _ => {}
            }
        }
        let (lo, next) = class_char(chars, i)?;
        i = next;
        let mut hi = lo;
        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|c| *c != ']') {
            let (h, next) = class_char(chars, i + 1)?;
            if h < lo {
                return err(format!("invalid character class range: `{lo}-{h}`"));
            }
            hi = h;
            i = next;
        }
        items.push(ClassItem::Range(lo, hi));
    }
    let mut out = String::from("[");
    if negated {
        out.push('^');
    }
    if items.is_empty() {
        // Unreachable in Go (the first `]` is literal); keep it well-formed.
        out.push_str("\\x{0}");
    }
    for item in items {
        match item {
            ClassItem::Range(lo, hi) if lo == hi => {
                let _ = write!(out, "\\x{{{:X}}}", lo as u32);
            }
            ClassItem::Range(lo, hi) => {
                let _ = write!(out, "\\x{{{:X}}}-\\x{{{:X}}}", lo as u32, hi as u32);
            }
            ClassItem::Posix(t) | ClassItem::Unicode(t) => out.push_str(&t),
            ClassItem::Ranges(r) => {
                for (lo, hi) in r {
                    let _ = write!(out, "\\x{{{lo:X}}}-\\x{{{hi:X}}}");
                }
            }
        }
    }
    out.push(']');
    Ok((out, i))
}

const POSIX_NAMES: &[&str] = &[
    "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct",
    "space", "upper", "word", "xdigit",
];

fn find_posix_end(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i + 2;
    while j + 1 < chars.len() {
        if chars[j] == ':' && chars[j + 1] == ']' {
            return Some(j + 2);
        }
        if chars[j] == ']' {
            return None;
        }
        j += 1;
    }
    None
}

/// One class character (possibly escaped).
fn class_char(chars: &[char], i: usize) -> Result<(char, usize), GoRegexError> {
    match chars.get(i) {
        None => err("missing closing ]"),
        Some('\\') => {
            if i + 1 >= chars.len() {
                return err("trailing backslash at end of expression");
            }
            parse_escape(chars, i + 1)
        }
        Some(&c) => Ok((c, i + 1)),
    }
}

/// Complement of sorted, disjoint inclusive ranges over all code points
/// (surrogates excluded, as the `regex` crate cannot name them).
fn complement(ranges: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut next = 0u32;
    for &(lo, hi) in ranges {
        if lo > next {
            out.push((next, lo - 1));
        }
        next = hi + 1;
    }
    if next <= 0x10FFFF {
        out.push((next, 0x10FFFF));
    }
    // Split around the surrogate block.
    let mut fixed = Vec::new();
    for (lo, hi) in out {
        if hi < 0xD800 || lo > 0xDFFF {
            fixed.push((lo, hi));
        } else {
            if lo < 0xD800 {
                fixed.push((lo, 0xD7FF));
            }
            if hi > 0xDFFF {
                fixed.push((0xE000, hi));
            }
        }
    }
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_match(p: &str, s: &str) -> bool {
        match compile(p) {
            Ok(re) => re.is_match(s),
            Err(e) => panic!("{p:?} does not compile: {e}"),
        }
    }

    #[test]
    fn common_owners_patterns() {
        assert!(is_match(".*", "anything"));
        assert!(is_match("\\.go$", "a/b.go"));
        assert!(!is_match("\\.go$", "a/b.gox"));
        assert!(is_match("(?i)charter.md", "sig-x/CHARTER.md"));
        assert!(is_match("annual-report-.*\\.md$", "annual-report-2024.md"));
    }

    #[test]
    fn perl_classes_are_ascii() {
        assert!(!is_match("^\\d$", "٣")); // Arabic-Indic digit three
        assert!(!is_match("^\\w$", "é"));
        assert!(!is_match("^\\s$", "\u{B}"));
        assert!(is_match("^[\\D]$", "٣"));
        assert!(is_match("^\\S$", "\u{B}"));
    }

    #[test]
    fn go_only_syntax() {
        assert!(is_match("\\Qa.b\\E$", "xa.b"));
        assert!(!is_match("\\Qa.b\\E", "axb"));
        assert!(is_match("^\\101$", "A"));
        assert!(is_match("^\\<$", "<"));
        assert!(is_match("^[a&&b]+$", "&ab"));
        assert!(is_match("^[[a]+$", "[a"));
        assert!(is_match("^a{$", "a{"));
        assert!(is_match("^a{x}$", "a{x}"));
    }

    #[test]
    fn go_rejects() {
        for p in [
            "a**",
            "a{1001}",
            "(?x)a",
            "\\1",
            "\\u0041",
            "(",
            ")",
            "[a",
            "\\",
            "[z-a]",
            "[[:bogus:]]",
        ] {
            assert!(compile(p).is_err(), "{p:?} should not compile");
        }
    }
}
