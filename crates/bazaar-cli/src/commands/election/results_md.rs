//! `results.md` in the layout the Kubernetes community publishes (Elekto
//! era, 2022 onwards): title, seats / eligible voters / votes cast / turnout
//! bullets, the winners, the rest of the ranking with its numbering
//! continued, and the closing line on the employer cap. Unlike the
//! hand-written files, ties are marked explicitly and a tie that decides a
//! seat is stated.

use bazaar_vote::Tally;
use bazaar_vote::load::ElectionDir;
use bazaar_vote::seats::SeatOutcome;

/// Display name and GitHub login of a candidate id.
pub struct Names<'a>(pub Option<&'a ElectionDir>);

impl Names<'_> {
    fn display(&self, id: &str) -> String {
        let cand = self.0.and_then(|e| e.candidate_for(id));
        let name = cand.map_or(id, |c| c.name.as_str());
        match cand.and_then(|c| c.login.as_deref()) {
            Some(login) => format!("[{name}](https://github.com/{login})"),
            None => name.to_string(),
        }
    }
}

/// Turnout as published: two decimals, truncated (2022: 219/698 = "31.37%").
fn turnout(votes: usize, eligible: usize) -> String {
    let basis_points = (votes as u128 * 10_000) / eligible.max(1) as u128;
    format!("{}.{:02}%", basis_points / 100, basis_points % 100)
}

pub fn render(
    title: &str,
    t: &Tally,
    o: &SeatOutcome,
    eligible: Option<usize>,
    names: &Names<'_>,
) -> String {
    let mut s = format!("# Results of the {title}\n\n");
    s.push_str(&format!("- Number of seats open: {}\n", o.seats));
    if let Some(e) = eligible {
        s.push_str(&format!("- Number of eligible voters: {e}\n"));
    }
    s.push_str(&format!("- Number of votes cast: {}\n", t.ballots));
    if let Some(e) = eligible.filter(|&e| e > 0) {
        s.push_str(&format!("- Turnout: {}\n", turnout(t.ballots, e)));
    }
    s.push_str("\n## Winners\n\nThe winners of the open seats are as follows:\n\n");
    let mut place = 0usize;
    let mut shown = std::collections::BTreeSet::new();
    for &w in &o.winners {
        place += 1;
        s.push_str(&format!("{place}. {}\n", names.display(&t.candidates[w])));
        shown.insert(w);
    }
    if let Some(tie) = &o.tie {
        let ids: Vec<String> = tie
            .candidates
            .iter()
            .map(|&c| names.display(&t.candidates[c]))
            .collect();
        s.push_str(&format!(
            "\n**Tie:** {} are tied for the remaining {} seat(s); the tie must be broken as the election rules say (Kubernetes: a coin flip by a non-involved Steering Committee member).\n",
            ids.join(", "),
            tie.seats
        ));
    }
    s.push_str("\nThe rest of the candidates were placed as follows:\n\n");
    // Places follow the ranking; members of a tied group share the place.
    let mut next = 1usize;
    for group in &t.ranking {
        let here = next;
        next += group.len();
        for &c in group {
            if shown.contains(&c) {
                continue;
            }
            let tied = if group.len() > 1 { " (tied)" } else { "" };
            s.push_str(&format!(
                "{here}. {}{tied}\n",
                names.display(&t.candidates[c])
            ));
        }
    }
    s.push('\n');
    if o.excluded.is_empty() {
        s.push_str("Proportional representation limits were not invoked for this election.\n");
    } else {
        for x in &o.excluded {
            s.push_str(&format!(
                "According to the limits on company representation, {} would be over-represented with this result, so {} must be excluded.\n",
                x.employer,
                names.display(&t.candidates[x.candidate])
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn turnout_truncates() {
        assert_eq!(super::turnout(219, 698), "31.37%");
        assert_eq!(super::turnout(7, 7), "100.00%");
    }
}
