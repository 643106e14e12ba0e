//! Upstream's template functions (spec §2.6) and the custom-content block
//! (spec §2.7).

/// Go's `url.QueryEscape` (also the template built-in `urlquery`): only
/// `[A-Za-z0-9-_.~]` stay as they are, space becomes `+`, every other byte
/// becomes `%XX` (uppercase hex).
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Upstream's `tzUrlEncode`: `QueryEscape` with every `+` turned into `%20`.
pub fn tz_url_encode(s: &str) -> String {
    query_escape(s).replace('+', "%20")
}

/// Go's `strings.TrimSpace`: strips leading and trailing Unicode white space.
pub fn trim_space(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace())
}

/// How a generated file keeps its hand-written part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomMarkers {
    /// `<!-- BEGIN CUSTOM CONTENT -->` … `<!-- END CUSTOM CONTENT -->`
    Markdown,
    /// `## BEGIN CUSTOM CONTENT` … `## END CUSTOM CONTENT` (OWNERS_ALIASES)
    Yaml,
}

impl CustomMarkers {
    fn begin(self) -> &'static [u8] {
        match self {
            CustomMarkers::Markdown => b"<!-- BEGIN CUSTOM CONTENT -->",
            CustomMarkers::Yaml => b"## BEGIN CUSTOM CONTENT",
        }
    }

    fn end(self) -> &'static [u8] {
        match self {
            CustomMarkers::Markdown => b"<!-- END CUSTOM CONTENT -->",
            CustomMarkers::Yaml => b"## END CUSTOM CONTENT",
        }
    }
}

fn contains(line: &[u8], needle: &[u8]) -> bool {
    line.windows(needle.len()).any(|w| w == needle)
}

/// Upstream `getExistingContent`: the lines between the markers, joined with
/// `\n`. Works on bytes so any content survives unchanged. A line that
/// *contains* the end marker stops capturing; a line that contains the begin
/// marker starts it; marker lines are never captured; several blocks are
/// concatenated.
pub fn existing_custom_content(old: &[u8], markers: CustomMarkers) -> Vec<u8> {
    let mut captured: Vec<&[u8]> = Vec::new();
    let mut capturing = false;
    for line in old.split(|&b| b == b'\n') {
        if contains(line, markers.end()) {
            capturing = false;
        }
        if capturing {
            captured.push(line);
        }
        if contains(line, markers.begin()) {
            capturing = true;
        }
    }
    captured.join(&b'\n')
}

/// The generated text followed by the custom block, as upstream writes it:
/// `BEGIN\n` + captured + `\n` + `END\n`.
pub fn with_custom_content(generated: &str, custom: &[u8], markers: CustomMarkers) -> Vec<u8> {
    let mut out = Vec::with_capacity(generated.len() + custom.len() + 64);
    out.extend_from_slice(generated.as_bytes());
    out.extend_from_slice(markers.begin());
    out.push(b'\n');
    out.extend_from_slice(custom);
    out.push(b'\n');
    out.extend_from_slice(markers.end());
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_escaping_matches_go() {
        assert_eq!(query_escape("9:00"), "9%3A00");
        assert_eq!(query_escape("a b*~é"), "a+b%2A~%C3%A9");
        assert_eq!(
            tz_url_encode("PT (Pacific Time)"),
            "PT%20%28Pacific%20Time%29"
        );
    }

    #[test]
    fn trim_space_is_unicode_aware() {
        assert_eq!(trim_space("\n  x y \u{a0}\n"), "x y");
    }

    // The cases of upstream's TestGetExistingData and TestWriteTemplate.
    #[test]
    fn custom_content_round_trips() {
        let md = CustomMarkers::Markdown;
        let old = b"Hello!\n<!-- BEGIN CUSTOM CONTENT -->\nExample\ncustom\ncontent!\n\n<!-- END CUSTOM CONTENT -->\n";
        let custom = existing_custom_content(old, md);
        assert_eq!(custom, b"Example\ncustom\ncontent!\n");
        assert_eq!(with_custom_content("Hello!\n", &custom, md), old.to_vec());
        assert_eq!(
            existing_custom_content(
                b"<!-- BEGIN CUSTOM CONTENT -->\nFOO BAR BAZ\n<!-- END CUSTOM CONTENT -->\n",
                md
            ),
            b"FOO BAR BAZ"
        );
        assert_eq!(existing_custom_content(b"no markers\n", md), b"");
        assert_eq!(
            with_custom_content("x\n", b"", md),
            b"x\n<!-- BEGIN CUSTOM CONTENT -->\n\n<!-- END CUSTOM CONTENT -->\n".to_vec()
        );
    }

    #[test]
    fn several_blocks_concatenate_and_outside_text_is_dropped() {
        let old = b"## BEGIN CUSTOM CONTENT\na\n## END CUSTOM CONTENT\nlost\n  ## BEGIN CUSTOM CONTENT x\nb\n## END CUSTOM CONTENT";
        assert_eq!(existing_custom_content(old, CustomMarkers::Yaml), b"a\nb");
    }
}
