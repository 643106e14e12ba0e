//! The canonical `sigs.yaml` writer: byte-identical to what upstream's
//! generator writes with yaml.v3 v3.0.1 (`yaml.NewEncoder` + `SetIndent(2)`),
//! spec §1.12. Hand-written because no Rust serializer reproduces yaml.v3's
//! choices (field order, `omitempty`, `key: []`, scalar styles, the folded-style
//! double-newline quirk).

mod scalar;

pub use scalar::Style;

use crate::model::{Community, Contact, Group, Meeting, Person, Subproject};

/// `sigs.yaml` in canonical form. The community should be sorted (as loaded
/// communities are) for the output to match upstream's.
pub fn to_yaml(c: &Community) -> String {
    let mut w = Writer::default();
    w.groups(0, "sigs", &c.sigs);
    w.groups(0, "workinggroups", &c.working_groups);
    w.groups(0, "usergroups", &c.user_groups);
    w.groups(0, "committees", &c.committees);
    if !c.gb_rep.is_empty() {
        w.key(0, "gb_rep");
        w.person(2, &c.gb_rep);
    }
    w.out
}

/// The style yaml.v3 uses for an ordinary string value.
pub fn string_style(value: &str) -> Style {
    scalar::string_style(value)
}

/// Writes block YAML. Every method starts at the beginning of a line, except
/// that the first key of a sequence item follows its `- ` (tracked by `pending_dash`).
#[derive(Default)]
struct Writer {
    out: String,
    /// Set after `- `: the next key goes on the same line.
    pending_dash: bool,
}

impl Writer {
    fn indent(&mut self, n: usize) {
        if self.pending_dash {
            self.pending_dash = false;
        } else {
            self.out.extend(std::iter::repeat_n(' ', n));
        }
    }

    /// `key:` with nothing after it yet (a nested block follows).
    fn key(&mut self, indent: usize, key: &str) {
        self.indent(indent);
        self.out.push_str(key);
        self.out.push_str(":\n");
    }

    fn raw(&mut self, indent: usize, key: &str, value: &str) {
        self.indent(indent);
        self.out.push_str(key);
        self.out.push_str(": ");
        self.out.push_str(value);
        self.out.push('\n');
    }

    /// `key: value` with yaml.v3's style for a Go string.
    fn string(&mut self, indent: usize, key: &str, value: &str) {
        self.indent(indent);
        self.out.push_str(key);
        self.out.push(':');
        scalar::write(
            &mut self.out,
            value,
            scalar::string_style(value),
            indent + 2,
        );
    }

    fn string_omitempty(&mut self, indent: usize, key: &str, value: &str) {
        if !value.is_empty() {
            self.string(indent, key, value);
        }
    }

    /// A `FoldedString` (upstream's `mission_statement`), omitted when empty.
    fn folded_omitempty(&mut self, indent: usize, key: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        self.indent(indent);
        self.out.push_str(key);
        self.out.push(':');
        scalar::write(
            &mut self.out,
            value,
            scalar::folded_style(value),
            indent + 2,
        );
    }

    /// A block sequence of items under `key` (`key: []` when empty).
    fn seq<T>(
        &mut self,
        indent: usize,
        key: &str,
        items: &[T],
        mut item: impl FnMut(&mut Self, usize, &T),
    ) {
        if items.is_empty() {
            self.raw(indent, key, "[]");
            return;
        }
        self.key(indent, key);
        for it in items {
            self.indent(indent + 2);
            self.out.push_str("- ");
            self.pending_dash = true;
            item(self, indent + 4, it);
            self.pending_dash = false;
        }
    }

    fn seq_omitempty<T>(
        &mut self,
        indent: usize,
        key: &str,
        items: &[T],
        item: impl FnMut(&mut Self, usize, &T),
    ) {
        if !items.is_empty() {
            self.seq(indent, key, items, item);
        }
    }

    /// A sequence of strings: `- value`, each in its string style.
    fn strings(&mut self, indent: usize, key: &str, items: &[String]) {
        if items.is_empty() {
            self.raw(indent, key, "[]");
            return;
        }
        self.key(indent, key);
        for s in items {
            self.indent(indent + 2);
            self.out.push('-');
            scalar::write(&mut self.out, s, scalar::string_style(s), indent + 4);
        }
    }

    fn groups(&mut self, indent: usize, key: &str, groups: &[Group]) {
        self.seq(indent, key, groups, |w, ind, g| w.group(ind, g));
    }

    fn group(&mut self, i: usize, g: &Group) {
        self.string(i, "dir", &g.dir);
        self.string_omitempty(i, "prefix", &g.prefix);
        self.string(i, "name", &g.name);
        self.folded_omitempty(i, "mission_statement", &g.mission_statement);
        self.string_omitempty(i, "charter_link", &g.charter_link);
        if !g.stakeholder_sigs.is_empty() {
            self.strings(i, "stakeholder_sigs", &g.stakeholder_sigs);
        }
        self.string(i, "label", &g.label);
        self.key(i, "leadership");
        self.seq(i + 2, "chairs", &g.leadership.chairs, |w, ind, p| {
            w.person(ind, p)
        });
        self.seq_omitempty(
            i + 2,
            "tech_leads",
            &g.leadership.tech_leads,
            |w, ind, p| w.person(ind, p),
        );
        self.seq_omitempty(
            i + 2,
            "emeritus_leads",
            &g.leadership.emeritus_leads,
            |w, ind, p| {
                w.person(ind, p);
            },
        );
        self.seq(i, "meetings", &g.meetings, |w, ind, m| w.meeting(ind, m));
        self.contact(i, &g.contact);
        self.seq_omitempty(i, "subprojects", &g.subprojects, |w, ind, s| {
            w.subproject(ind, s)
        });
    }

    fn person(&mut self, i: usize, p: &Person) {
        self.string(i, "github", &p.github);
        self.string(i, "name", &p.name);
        self.string_omitempty(i, "company", &p.company);
        self.string_omitempty(i, "email", &p.email);
    }

    fn meeting(&mut self, i: usize, m: &Meeting) {
        self.string(i, "description", &m.description);
        self.string(i, "day", &m.day);
        self.string(i, "time", &m.time);
        self.string(i, "tz", &m.tz);
        self.string(i, "frequency", &m.frequency);
        self.string_omitempty(i, "url", &m.url);
        self.string_omitempty(i, "archive_url", &m.archive_url);
        self.string_omitempty(i, "recordings_url", &m.recordings_url);
        self.string_omitempty(i, "calendar_url", &m.calendar_url);
    }

    /// `contact:` (written as `contact: {}` when empty).
    fn contact(&mut self, i: usize, c: &Contact) {
        if c.is_empty() {
            self.raw(i, "contact", "{}");
            return;
        }
        self.key(i, "contact");
        let i = i + 2;
        self.string_omitempty(i, "slack", &c.slack);
        self.string_omitempty(i, "mailing_list", &c.mailing_list);
        self.string_omitempty(i, "private_mailing_list", &c.private_mailing_list);
        self.seq_omitempty(i, "teams", &c.teams, |w, ind, t| {
            w.string(ind, "name", &t.name);
            w.string_omitempty(ind, "description", &t.description);
        });
        if !c.liaison.is_empty() {
            self.key(i, "liaison");
            self.person(i + 2, &c.liaison);
        }
    }

    fn subproject(&mut self, i: usize, s: &Subproject) {
        self.string(i, "name", &s.name);
        self.string_omitempty(i, "description", &s.description);
        if let Some(c) = &s.contact {
            self.contact(i, c);
        }
        self.strings(i, "owners", &s.owners);
        self.seq_omitempty(i, "leads", &s.leads, |w, ind, p| w.person(ind, p));
        self.seq_omitempty(i, "meetings", &s.meetings, |w, ind, m| w.meeting(ind, m));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;

    #[track_caller]
    fn round_trip(text: &str) {
        let c = parse(text, None).expect("decodes");
        assert_eq!(to_yaml(&c), text);
    }

    #[test]
    fn empty_lists_and_structs_use_flow_forms() {
        round_trip("sigs: []\nworkinggroups: []\nusergroups: []\ncommittees: []\n");
        round_trip(
            "sigs:\n  - dir: sig-a\n    name: A\n    label: a\n    leadership:\n      chairs: []\n    meetings: []\n    contact: {}\n    subprojects:\n      - name: s\n        contact: {}\n        owners: []\nworkinggroups: []\nusergroups: []\ncommittees: []\n",
        );
    }

    #[test]
    fn omitempty_fields_are_dropped_and_order_is_go_field_order() {
        let c = parse(
            "committees: []\nsigs:\n  - label: a\n    name: A\n    dir: sig-a\n    charter_link: ''\n    contact:\n      liaison:\n        name: L\n        github: l\n      slack: a\ngb_rep:\n  email: e\n  github: g\n  name: Nina\n  company: C\n",
            None,
        )
        .expect("decodes");
        assert_eq!(
            to_yaml(&c),
            "sigs:\n  - dir: sig-a\n    name: A\n    label: a\n    leadership:\n      chairs: []\n    meetings: []\n    contact:\n      slack: a\n      liaison:\n        github: l\n        name: L\nworkinggroups: []\nusergroups: []\ncommittees: []\ngb_rep:\n  github: g\n  name: Nina\n  company: C\n  email: e\n"
        );
    }

    #[test]
    fn styles_inside_sequences() {
        round_trip(
            "sigs:\n  - dir: sig-a\n    name: A\n    mission_statement: >\n      Covers X.\n\n    stakeholder_sigs:\n      - 'a: b'\n      - \"true\"\n    label: a\n    leadership:\n      chairs:\n        - github: \"123\"\n          name: \"\"\n    meetings:\n      - description: |\n          multi\n          line\n        day: Monday\n        time: \"9:00\"\n        tz: UTC\n        frequency: 'monthly 2020 start date: Jan. 7th'\n    contact: {}\nworkinggroups: []\nusergroups: []\ncommittees: []\n",
        );
    }
}
