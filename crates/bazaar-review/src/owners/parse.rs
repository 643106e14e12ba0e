//! Reading one OWNERS file, one OWNERS_ALIASES file, or markdown front matter.
//!
//! Each file is read twice over the same located tree ([`Node`]):
//! - as **Prow reads it** ([`ProwView`]): the simple shape first, the filters
//!   shape when that fails or is empty, with `encoding/json`'s rules;
//! - as **the document says it** ([`OwnersDoc`]): every list, in both shapes,
//!   including `emeritus_approvers`, with line and column, and the keys Prow
//!   ignores. The audit and the ladder read this view.

use std::collections::BTreeMap;

use bazaar_core::yaml::{self, YamlError};
use serde_saphyr::{DuplicateKeyPolicy, Options};

use super::node::{Node, Pos, go_format_float32};

/// `options:` of an OWNERS file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DirOptions {
    pub no_parent_owners: bool,
    pub auto_approve_unowned_subfolders: bool,
}

impl DirOptions {
    pub fn is_default(&self) -> bool {
        *self == DirOptions::default()
    }
}

/// The four lists Prow reads from a section (Prow's `Config`), as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub approvers: Vec<String>,
    pub reviewers: Vec<String>,
    pub required_reviewers: Vec<String>,
    pub labels: Vec<String>,
}

impl Config {
    /// Prow's `Empty()`: no list has an entry.
    pub fn is_empty(&self) -> bool {
        self.approvers.is_empty()
            && self.reviewers.is_empty()
            && self.required_reviewers.is_empty()
            && self.labels.is_empty()
    }
}

/// What Prow takes from an OWNERS file.
#[derive(Clone, Debug, PartialEq)]
pub enum ProwView {
    /// The simple shape: one config for every path under the directory.
    Simple { config: Config, options: DirOptions },
    /// The filters shape: `(pattern, config)` in file order.
    Filters {
        filters: Vec<(String, Config)>,
        options: DirOptions,
        /// Why the simple shape was not used: `None` when it was empty,
        /// otherwise the decoding error (its top-level lists are ignored).
        simple_error: Option<DecodeError>,
    },
    /// Neither shape decodes: Prow logs and skips the file.
    Skipped(DecodeError),
}

/// A decoding failure, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub pos: Pos,
    pub message: String,
    /// The YAML itself did not parse (as opposed to a value of the wrong type).
    pub syntax: bool,
}

impl From<YamlError> for DecodeError {
    fn from(e: YamlError) -> Self {
        DecodeError {
            pos: Pos {
                line: e.line,
                col: e.col,
            },
            message: e.message,
            syntax: true,
        }
    }
}

/// One list entry as written, with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub pos: Pos,
    pub value: String,
}

/// Every list of one section (the top level, or one filter), as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Section {
    pub approvers: Vec<Entry>,
    pub reviewers: Vec<Entry>,
    pub required_reviewers: Vec<Entry>,
    pub labels: Vec<Entry>,
    /// Not read by Prow: documentation of former approvers.
    pub emeritus_approvers: Vec<Entry>,
    /// Not read by Prow.
    pub emeritus_reviewers: Vec<Entry>,
}

/// One filter of the filters shape, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterDoc {
    pub pos: Pos,
    pub pattern: String,
    pub section: Section,
}

/// A key Prow does not read, with where it is (`emeritus_approvers`,
/// `filters.".*".emeritus_approvers`, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredKey {
    pub pos: Pos,
    /// Dotted path of the key.
    pub path: String,
    /// The key's own name.
    pub key: String,
}

/// Everything an OWNERS file says, whether or not Prow reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnersDoc {
    pub options: DirOptions,
    pub top: Section,
    pub filters: Vec<FilterDoc>,
    /// Where the `filters:` key is, if there is one.
    pub filters_pos: Option<Pos>,
    /// Keys Prow ignores (unknown to its schema), `emeritus_*` included.
    pub ignored_keys: Vec<IgnoredKey>,
}

/// A parsed OWNERS file: Prow's reading and the full document.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnersFile {
    pub prow: ProwView,
    /// `None` when the YAML itself does not parse.
    pub doc: Option<OwnersDoc>,
}

fn yaml_options() -> Options {
    let mut o = Options::default();
    // yaml.v2 (under sigs.k8s.io/yaml) keeps the last of two equal keys.
    o.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    // yaml.v2 is YAML 1.1: `010` is octal.
    o.legacy_octal_numbers = true;
    o.with_snippet = false;
    o
}

/// Read YAML text into the located tree. An empty document is `Null`.
pub fn read_node(text: &str) -> Result<Node, DecodeError> {
    if text.trim().is_empty() {
        return Ok(Node::Null);
    }
    let node: Option<Node> = yaml::from_str_with_options(text, yaml_options())?;
    Ok(node.unwrap_or(Node::Null))
}

/// Parse the text of an OWNERS file.
pub fn parse_owners(text: &str) -> OwnersFile {
    match read_node(text) {
        Ok(node) => OwnersFile {
            prow: prow_view(&node),
            doc: Some(document(&node)),
        },
        Err(e) => OwnersFile {
            prow: ProwView::Skipped(e),
            doc: None,
        },
    }
}

/// Parse the YAML front matter of a markdown file (Prow's `mdYAML`): the text
/// between a first line `---` and the last line starting with `---`, read in
/// the simple shape. `None` when there is no front matter or it fails to
/// decode (Prow logs and skips it).
pub fn parse_md_front_matter(text: &str) -> Option<(Config, DirOptions)> {
    // Prow: `^---\n(.|\n)*\n---` (greedy: up to the last "\n---").
    let rest = text.strip_prefix("---\n")?;
    let end = rest.rfind("\n---")?;
    // Inner text; yaml.v2 reads only the first document of a stream.
    let body = &rest[..end];
    let first_doc = body
        .split_inclusive('\n')
        .take_while(|l| !l.starts_with("---"))
        .collect::<String>();
    let node = read_node(&first_doc).ok()?;
    let (config, options) = decode_simple(&node).ok()?;
    Some((config, options))
}

/// Field names are matched as `encoding/json` does: exact or ASCII
/// case-insensitive. Entries are visited in byte order of the key (how the
/// YAML→JSON→struct round trip orders them), so the last one wins.
fn sorted_entries(entries: &[(Pos, String, Node)]) -> Vec<&(Pos, String, Node)> {
    // Last occurrence of each exact key wins (yaml.v2), then byte order.
    let mut last: BTreeMap<&str, &(Pos, String, Node)> = BTreeMap::new();
    for e in entries {
        last.insert(e.1.as_str(), e);
    }
    last.into_values().collect()
}

fn field_is(key: &str, name: &str) -> bool {
    key.eq_ignore_ascii_case(name)
}

fn type_error(pos: Pos, got: &Node, field: &str, want: &str) -> DecodeError {
    DecodeError {
        pos,
        message: format!(
            "cannot unmarshal {} into field `{field}` of type {want}",
            got.type_name()
        ),
        syntax: false,
    }
}

/// A `[]string` value. Errors are collected (the first one is reported);
/// decoding carries on as `encoding/json` does.
fn decode_strings(pos: Pos, node: &Node, field: &str, errs: &mut Vec<DecodeError>) -> Vec<String> {
    match node {
        Node::Null => Vec::new(),
        Node::Seq(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (p, item) in items {
                match item {
                    Node::Str(s) => out.push(s.clone()),
                    Node::Int(i) => out.push(i.to_string()),
                    Node::Float(f) => out.push(go_format_float32(*f)),
                    // JSON null into a Go string leaves "".
                    Node::Null => out.push(String::new()),
                    other => {
                        errs.push(type_error(*p, other, field, "string"));
                        out.push(String::new());
                    }
                }
            }
            out
        }
        other => {
            errs.push(type_error(pos, other, field, "[]string"));
            Vec::new()
        }
    }
}

fn decode_bool(pos: Pos, node: &Node, field: &str, errs: &mut Vec<DecodeError>) -> bool {
    match node {
        Node::Bool(b) => *b,
        Node::Null => false,
        other => {
            errs.push(type_error(pos, other, field, "bool"));
            false
        }
    }
}

fn decode_options(pos: Pos, node: &Node, errs: &mut Vec<DecodeError>) -> DirOptions {
    let mut o = DirOptions::default();
    match node {
        Node::Null => {}
        Node::Map(entries) => {
            for (p, k, v) in sorted_entries(entries) {
                if field_is(k, "no_parent_owners") {
                    o.no_parent_owners = decode_bool(*p, v, "no_parent_owners", errs);
                } else if field_is(k, "auto_approve_unowned_subfolders") {
                    o.auto_approve_unowned_subfolders =
                        decode_bool(*p, v, "auto_approve_unowned_subfolders", errs);
                }
            }
        }
        other => errs.push(type_error(pos, other, "options", "object")),
    }
    o
}

/// Fill the list fields of `Config` from a mapping; other keys are ignored.
fn decode_config_fields(entries: &[(Pos, String, Node)], errs: &mut Vec<DecodeError>) -> Config {
    let mut c = Config::default();
    for (p, k, v) in sorted_entries(entries) {
        if field_is(k, "approvers") {
            c.approvers = decode_strings(*p, v, "approvers", errs);
        } else if field_is(k, "reviewers") {
            c.reviewers = decode_strings(*p, v, "reviewers", errs);
        } else if field_is(k, "required_reviewers") {
            c.required_reviewers = decode_strings(*p, v, "required_reviewers", errs);
        } else if field_is(k, "labels") {
            c.labels = decode_strings(*p, v, "labels", errs);
        }
    }
    c
}

fn not_an_object(node: &Node) -> DecodeError {
    DecodeError {
        pos: Pos { line: 1, col: 1 },
        message: format!(
            "cannot unmarshal {} into an OWNERS file (expected a mapping)",
            node.type_name()
        ),
        syntax: false,
    }
}

/// Prow's `SimpleConfig`.
fn decode_simple(node: &Node) -> Result<(Config, DirOptions), DecodeError> {
    let mut errs = Vec::new();
    let (config, options) = match node {
        Node::Null => (Config::default(), DirOptions::default()),
        Node::Map(entries) => {
            let config = decode_config_fields(entries, &mut errs);
            let mut options = DirOptions::default();
            for (p, k, v) in sorted_entries(entries) {
                if field_is(k, "options") {
                    options = decode_options(*p, v, &mut errs);
                }
            }
            (config, options)
        }
        other => return Err(not_an_object(other)),
    };
    first_error(errs).map_or(Ok((config, options)), Err)
}

/// Prow's `FullConfig`.
fn decode_full(node: &Node) -> Result<(Vec<(String, Config)>, DirOptions), DecodeError> {
    let mut errs = Vec::new();
    let mut filters = Vec::new();
    let mut options = DirOptions::default();
    match node {
        Node::Null => {}
        Node::Map(entries) => {
            for (p, k, v) in sorted_entries(entries) {
                if field_is(k, "options") {
                    options = decode_options(*p, v, &mut errs);
                } else if field_is(k, "filters") {
                    filters.clear();
                    match v {
                        Node::Null => {}
                        Node::Map(fs) => {
                            for (fp, pattern, fv) in sorted_entries(fs) {
                                let config = match fv {
                                    Node::Null => Config::default(),
                                    Node::Map(fe) => decode_config_fields(fe, &mut errs),
                                    other => {
                                        errs.push(type_error(*fp, other, pattern, "object"));
                                        Config::default()
                                    }
                                };
                                filters.push((pattern.clone(), config));
                            }
                        }
                        other => errs.push(type_error(*p, other, "filters", "object")),
                    }
                }
            }
        }
        other => return Err(not_an_object(other)),
    }
    first_error(errs).map_or(Ok((filters, options)), Err)
}

fn first_error(mut errs: Vec<DecodeError>) -> Option<DecodeError> {
    errs.sort_by_key(|e| e.pos);
    errs.into_iter().next()
}

/// Prow's `walkFunc` decision between the two shapes.
fn prow_view(node: &Node) -> ProwView {
    let simple = decode_simple(node);
    match simple {
        Ok((config, options)) if !config.is_empty() => ProwView::Simple { config, options },
        other => {
            let simple_error = other.err();
            match decode_full(node) {
                Ok((filters, options)) => ProwView::Filters {
                    filters,
                    options,
                    simple_error,
                },
                Err(e) => ProwView::Skipped(e),
            }
        }
    }
}

/// The list keys Prow reads in a section.
const PROW_LIST_KEYS: &[&str] = &["approvers", "reviewers", "required_reviewers", "labels"];

/// The lenient, complete reading: every list in both shapes.
fn document(node: &Node) -> OwnersDoc {
    let mut doc = OwnersDoc::default();
    let Node::Map(entries) = node else {
        return doc;
    };
    for (p, k, v) in entries {
        let lower = k.to_ascii_lowercase();
        if lower == "options" {
            let mut errs = Vec::new();
            doc.options = decode_options(*p, v, &mut errs);
            if let Node::Map(opts) = v {
                for (op, ok, _) in opts {
                    let l = ok.to_ascii_lowercase();
                    if l != "no_parent_owners" && l != "auto_approve_unowned_subfolders" {
                        doc.ignored_keys.push(IgnoredKey {
                            pos: *op,
                            path: format!("options.{ok}"),
                            key: ok.clone(),
                        });
                    }
                }
            }
        } else if lower == "filters" {
            doc.filters_pos = Some(*p);
            if let Node::Map(fs) = v {
                for (fp, pattern, fv) in fs {
                    let mut section = Section::default();
                    if let Node::Map(fe) = fv {
                        let prefix = format!("filters.{pattern:?}");
                        fill_section(&mut section, fe, &prefix, &mut doc.ignored_keys, true);
                    }
                    doc.filters.push(FilterDoc {
                        pos: *fp,
                        pattern: pattern.clone(),
                        section,
                    });
                }
            }
        } else if !PROW_LIST_KEYS.contains(&lower.as_str()) {
            doc.ignored_keys.push(IgnoredKey {
                pos: *p,
                path: k.clone(),
                key: k.clone(),
            });
        }
    }
    let mut ignored = Vec::new();
    fill_section(&mut doc.top, entries, "", &mut ignored, false);
    doc.ignored_keys.extend(ignored);
    doc.ignored_keys.sort_by_key(|k| k.pos);
    doc
}

fn fill_section(
    section: &mut Section,
    entries: &[(Pos, String, Node)],
    prefix: &str,
    ignored: &mut Vec<IgnoredKey>,
    report_unknown: bool,
) {
    for (p, k, v) in entries {
        let list = match k.to_ascii_lowercase().as_str() {
            "approvers" => &mut section.approvers,
            "reviewers" => &mut section.reviewers,
            "required_reviewers" => &mut section.required_reviewers,
            "labels" => &mut section.labels,
            "emeritus_approvers" => &mut section.emeritus_approvers,
            "emeritus_reviewers" => &mut section.emeritus_reviewers,
            _ => {
                if report_unknown {
                    ignored.push(IgnoredKey {
                        pos: *p,
                        path: format!("{prefix}.{k}"),
                        key: k.clone(),
                    });
                }
                continue;
            }
        };
        let lower = k.to_ascii_lowercase();
        if report_unknown && lower.starts_with("emeritus_") {
            ignored.push(IgnoredKey {
                pos: *p,
                path: format!("{prefix}.{k}"),
                key: k.clone(),
            });
        }
        list.clear();
        if let Node::Seq(items) = v {
            for (ip, item) in items {
                let value = match item {
                    Node::Str(s) => s.clone(),
                    Node::Int(i) => i.to_string(),
                    Node::Float(f) => go_format_float32(*f),
                    _ => continue,
                };
                list.push(Entry { pos: *ip, value });
            }
        }
    }
}

/// OWNERS_ALIASES, as Prow's `ParseAliasesConfig` reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AliasesFile {
    /// Normalised alias name → normalised members, in file order.
    pub aliases: Vec<AliasDef>,
    /// Set when Prow's parser stops with an error. Prow then keeps whatever
    /// it had parsed in Go's random map order; bazaar keeps no alias at all
    /// (the deterministic reading the conformance cases allow).
    pub error: Option<DecodeError>,
}

/// One alias definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasDef {
    pub pos: Pos,
    /// As written.
    pub raw_name: String,
    /// Normalised (`github.NormLogin`).
    pub name: String,
    /// Members as written, with positions.
    pub members: Vec<Entry>,
}

/// Parse OWNERS_ALIASES text.
pub fn parse_aliases(text: &str) -> AliasesFile {
    let node = match read_node(text) {
        Ok(n) => n,
        Err(e) => {
            return AliasesFile {
                aliases: Vec::new(),
                error: Some(e),
            };
        }
    };
    let mut out = AliasesFile::default();
    let fail = |out: &mut AliasesFile, e: DecodeError| {
        out.aliases.clear();
        out.error = Some(e);
    };
    let groups = match &node {
        Node::Null => return out,
        Node::Map(entries) => sorted_entries(entries)
            .into_iter()
            .rev()
            .find(|(_, k, _)| field_is(k, "aliases"))
            .map(|(p, _, v)| (*p, v)),
        other => {
            fail(&mut out, not_an_object(other));
            return out;
        }
    };
    let Some((gpos, groups)) = groups else {
        return out;
    };
    let entries = match groups {
        Node::Null => return out,
        Node::Map(e) => e,
        other => {
            fail(&mut out, type_error(gpos, other, "aliases", "object"));
            return out;
        }
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (p, name, value) in entries {
        let mut members = Vec::new();
        match value {
            Node::Null => {}
            Node::Seq(items) => {
                for (ip, item) in items {
                    match item {
                        Node::Str(s) => members.push(Entry {
                            pos: *ip,
                            value: s.clone(),
                        }),
                        other => {
                            fail(
                                &mut out,
                                DecodeError {
                                    pos: *ip,
                                    message: format!(
                                        "unexpected type for alias group member: {}",
                                        other.type_name()
                                    ),
                                    syntax: false,
                                },
                            );
                            return out;
                        }
                    }
                }
            }
            // `{alice, bob}`: a mapping with null values; its keys are the members.
            Node::Map(m) => {
                for (mp, k, _) in m {
                    members.push(Entry {
                        pos: *mp,
                        value: k.clone(),
                    });
                }
            }
            Node::Str(_) => {
                fail(
                    &mut out,
                    DecodeError {
                        pos: *p,
                        message: format!("alias group '{name}' must contain a list of members"),
                        syntax: false,
                    },
                );
                return out;
            }
            other => {
                fail(
                    &mut out,
                    DecodeError {
                        pos: *p,
                        message: format!("unexpected type for alias group: {}", other.type_name()),
                        syntax: false,
                    },
                );
                return out;
            }
        }
        let def = AliasDef {
            pos: *p,
            raw_name: name.clone(),
            name: super::norm_login(name),
            members,
        };
        // A later definition of the same (normalised) name replaces the earlier.
        if let Some(&i) = seen.get(&def.name) {
            out.aliases[i] = def;
        } else {
            seen.insert(def.name.clone(), out.aliases.len());
            out.aliases.push(def);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn simple(text: &str) -> Config {
        match parse_owners(text).prow {
            ProwView::Simple { config, .. } => config,
            other => panic!("expected the simple shape, got {other:?}"),
        }
    }

    #[test]
    fn simple_shape_and_ignored_keys() {
        let f = parse_owners("approvers:\n- Alice\nemeritus_approvers:\n- old\nfoo: 1\n");
        assert!(matches!(f.prow, ProwView::Simple { .. }));
        let doc = f.doc.expect("doc");
        assert_eq!(doc.top.emeritus_approvers[0].value, "old");
        let keys: Vec<_> = doc.ignored_keys.iter().map(|k| k.path.as_str()).collect();
        assert_eq!(keys, ["emeritus_approvers", "foo"]);
        assert_eq!(doc.ignored_keys[0].pos.line, 3);
    }

    #[test]
    fn json_rules_for_keys_and_scalars() {
        // Case-insensitive keys; numbers become strings; null items are "".
        let c = simple("Approvers:\n- 1234\n- 1.5\n- ~\n");
        assert_eq!(c.approvers, ["1234", "1.5", ""]);
        // The later of two equal keys wins.
        let c = simple("approvers: [a]\napprovers: [b]\n");
        assert_eq!(c.approvers, ["b"]);
    }

    #[test]
    fn yaml_1_1_scalars_as_go_yaml_v2_reads_them() {
        // `y`, `yes`, `on`, `no`... are booleans in YAML 1.1: a login spelt so
        // makes the list fail to decode, as in Prow.
        let f = parse_owners("approvers: [y, bob]\n");
        assert!(
            matches!(
                f.prow,
                ProwView::Filters {
                    simple_error: Some(_),
                    ..
                }
            ),
            "{:?}",
            f.prow
        );
        // Numbers become their decimal text; `010` is octal.
        assert_eq!(
            simple("approvers: [0x1F, 010, 1e3, 1_000]\n").approvers,
            ["31", "8", "1000", "1000"]
        );
    }

    #[test]
    fn simple_wins_over_filters() {
        let f = parse_owners("approvers: [a]\nfilters:\n  '.*':\n    approvers: [b]\n");
        assert!(matches!(f.prow, ProwView::Simple { .. }));
    }

    #[test]
    fn options_only_is_filters_shape() {
        let f = parse_owners("options:\n  no_parent_owners: true\n");
        match f.prow {
            ProwView::Filters {
                filters,
                options,
                simple_error,
            } => {
                assert!(filters.is_empty() && options.no_parent_owners && simple_error.is_none());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn type_error_falls_back_then_skips() {
        // A string where a list belongs: the simple read fails; the filters
        // read ignores `approvers` and succeeds with nothing.
        let f = parse_owners("approvers: alice\n");
        match f.prow {
            ProwView::Filters {
                filters,
                simple_error: Some(e),
                ..
            } => {
                assert!(filters.is_empty());
                assert!(e.message.contains("[]string"), "{}", e.message);
                assert_eq!(e.pos.line, 1);
            }
            other => panic!("{other:?}"),
        }
        // A wrong type under options fails both reads.
        let f = parse_owners("options:\n  no_parent_owners: yes please\napprovers: [a]\n");
        assert!(matches!(f.prow, ProwView::Skipped(_)), "{:?}", f.prow);
        // Bad YAML.
        let f = parse_owners("approvers:\n- a\n  - b: [\n");
        match f.prow {
            ProwView::Skipped(e) => assert!(e.syntax && e.pos.line > 0, "{e:?}"),
            other => panic!("{other:?}"),
        }
        assert!(f.doc.is_none());
    }

    #[test]
    fn aliases_shapes() {
        let a = parse_aliases("aliases:\n  Team1: {alice, Bob}\n  empty:\n  e2: []\n  e3: {}\n");
        assert!(a.error.is_none());
        let names: Vec<_> = a.aliases.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["team1", "empty", "e2", "e3"]);
        assert_eq!(a.aliases[0].members.len(), 2);
        let a = parse_aliases("aliases:\n  g: \"\"\n");
        assert!(
            a.error
                .expect("error")
                .message
                .contains("must contain a list of members")
        );
        let a = parse_aliases("aliases:\n  g:\n  - 1\n");
        assert!(a.error.is_some() && a.aliases.is_empty());
        let a = parse_aliases("\naliases:\n  g1:\n    - u1\n    g2:\n    - u2\n");
        assert!(a.error.is_some() && a.aliases.is_empty());
    }

    #[test]
    fn md_front_matter() {
        let (c, _) = parse_md_front_matter("---\napprovers:\n- ALICE\n\nlabels:\n- docs\n---")
            .expect("front matter");
        assert_eq!(c.approvers, ["ALICE"]);
        assert_eq!(c.labels, ["docs"]);
        assert!(parse_md_front_matter("# title\n").is_none());
    }
}
