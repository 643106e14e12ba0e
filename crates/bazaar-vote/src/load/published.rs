//! Published results: `RESULTS.md` (CIVS era), `results.md` (Elekto era) and
//! `ranking.md`, read back as data so results can be compared with a count.
//!
//! The files are free text written by the election officers; the layouts
//! that occur are:
//! - 2017–2020: bullets or lines `Number of seats open: 3 (2 year term)`,
//!   `Number of eligible voters`, `Number of votes cast`; a numbered full
//!   ranking under `## Results`; winners under `## Winners` (numbered, per term).
//! - 2021: winners only (display names); the full ranking in `ranking.md`.
//! - 2022: winners as `[Name](https://github.com/login)`, then "The rest of
//!   the candidates were placed as follows:" continuing the numbering.
//! - CoC 2023: winners as a bulleted list of display names.

/// One entry of a published list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The number written before it (`4.`), if any.
    pub place: Option<u32>,
    /// The display text (link text for links).
    pub name: String,
    /// The login of a `https://github.com/<login>` link.
    pub login: Option<String>,
}

/// What a results file says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Published {
    /// Total seats (`3 (2 year term), 3 (1 year term)` → 6).
    pub seats_open: Option<u32>,
    pub eligible_voters: Option<u32>,
    pub votes_cast: Option<u32>,
    /// The full ranking when one is published (best first).
    pub ranking: Vec<Entry>,
    /// The winners, in the order listed.
    pub winners: Vec<Entry>,
    /// The file states the representation (employer) limit was not invoked.
    pub cap_not_invoked: bool,
}

fn numbers(s: &str) -> Vec<u32> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .filter_map(|t| t.parse().ok())
        .collect()
}

fn entry(text: &str, place: Option<u32>) -> Entry {
    let t = text.trim();
    let name = super::candidates::link_text(t);
    let login = t
        .find("](https://github.com/")
        .map(|i| &t[i + "](https://github.com/".len()..])
        .and_then(|r| r.split([')', '/']).next())
        .map(str::to_string);
    Entry { place, name, login }
}

/// A numbered (`4. x`) or bulleted (`- x`) list item.
fn list_item(line: &str) -> Option<Entry> {
    let t = line.trim();
    if let Some(r) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
        return Some(entry(r, None));
    }
    let (num, rest) = t.split_once(". ")?;
    let place = num.parse().ok()?;
    Some(entry(rest, Some(place)))
}

/// Parse a results file.
pub fn parse(text: &str) -> Published {
    #[derive(PartialEq)]
    enum Section {
        Head,
        Results,
        Winners,
        Rest,
    }
    let mut p = Published::default();
    let mut section = Section::Head;
    let mut rest = Vec::new();
    for line in text.lines() {
        let t = line.trim().trim_start_matches("- ").trim();
        let lower = t.to_lowercase();
        if lower.starts_with("number of seats open") {
            // `3 (2 year term), 3 (1 year term)`: the first number of each part.
            let after = lower.split_once(':').map_or("", |(_, r)| r);
            p.seats_open = Some(
                after
                    .split(',')
                    .filter_map(|part| numbers(part).first().copied())
                    .sum(),
            );
            continue;
        }
        if lower.starts_with("number of eligible voters") {
            p.eligible_voters = numbers(t).first().copied();
            continue;
        }
        if lower.starts_with("number of votes cast") {
            p.votes_cast = numbers(t).first().copied();
            continue;
        }
        if lower.contains("representation limits were not invoked") {
            p.cap_not_invoked = true;
        }
        if let Some(h) = line.trim().strip_prefix("## ") {
            section = match h.trim().to_lowercase().as_str() {
                "results" => Section::Results,
                "winners" => Section::Winners,
                _ => section,
            };
            continue;
        }
        if lower.starts_with("the rest of the candidates") {
            section = Section::Rest;
            continue;
        }
        let Some(item) = list_item(line) else {
            continue;
        };
        match section {
            Section::Results => p.ranking.push(item),
            Section::Winners => p.winners.push(item),
            Section::Rest => rest.push(item),
            // A bare numbered list with no heading (ranking.md).
            Section::Head if item.place.is_some() => p.ranking.push(item),
            Section::Head => {}
        }
    }
    if p.ranking.is_empty() && !rest.is_empty() {
        p.ranking = p.winners.iter().cloned().chain(rest).collect();
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civs_layout() {
        let p = parse(
            "Number of seats open: 3 (2 year term), 3 (1 year term)\n\nNumber of eligible voters: 392\n\
             Number of votes cast: 309\n## Results\n\n1. Derek Carr\n2. Michelle Noorali \n\n## Winners\n\n\
             Two year term:\n1. Derek Carr\n\nOne year term:\n1. Timothy St. Clair\n",
        );
        assert_eq!(
            (p.seats_open, p.eligible_voters, p.votes_cast),
            (Some(6), Some(392), Some(309))
        );
        assert_eq!(p.ranking.len(), 2);
        assert_eq!(p.ranking[1].name, "Michelle Noorali");
        assert_eq!(p.winners.len(), 2);
    }

    #[test]
    fn elekto_layout_with_links_and_rest() {
        let p = parse(
            "- Number of seats open: 3 (2 year term)\n- Number of votes cast: 219\n## Winners\n\n\
             1. [Bob Killen](https://github.com/mrbobbytables)\n\nThe rest of the candidates were placed as follows:\n\
             2. [Cici Huang](https://github.com/cici37)\n\nProportional representation limits were not invoked for this election.\n",
        );
        assert_eq!(p.seats_open, Some(3));
        assert_eq!(p.winners[0].login.as_deref(), Some("mrbobbytables"));
        assert_eq!(p.ranking.len(), 2);
        assert_eq!(p.ranking[1].place, Some(2));
        assert!(p.cap_not_invoked);
    }

    #[test]
    fn ranking_md() {
        let p =
            parse("Complete candidate preference ranking:\n\n1. parispittman\n2. justaugustus\n");
        assert_eq!(p.ranking.len(), 2);
    }
}
