//! SVG charts (hand-written SVG: two simple chart kinds do not need a
//! plotting crate): the top companies as horizontal bars, and contributions
//! per month stacked by event type with commits as a line.
//!
//! Pure: data in, SVG text out; deterministic bytes.

use std::fmt::Write as _;

use crate::stats::{CompanyRow, Timeline};

/// Okabe–Ito colours (readable by colour-blind people), one per event type.
const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];
const WIDTH: f64 = 960.0;
const FONT: &str = "font-family=\"Helvetica, Arial, sans-serif\"";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A "nice" axis maximum and tick step for `max`.
fn nice_scale(max: u64) -> (f64, f64) {
    let max = max.max(1) as f64;
    let raw = max / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    ((max / step).ceil() * step, step)
}

fn human(n: f64) -> String {
    if n >= 1e6 {
        format!("{:.1}M", n / 1e6).replace(".0M", "M")
    } else if n >= 1e4 {
        format!("{:.0}k", n / 1e3)
    } else if n >= 1e3 {
        format!("{:.1}k", n / 1e3).replace(".0k", "k")
    } else {
        format!("{n:.0}")
    }
}

/// The whole picture: a title, the company bars, the monthly chart.
pub fn render(title: &str, companies: &[CompanyRow], top: usize, timeline: &Timeline) -> String {
    let shown: Vec<&CompanyRow> = companies.iter().take(top).collect();
    let bars_h = 70.0 + 26.0 * shown.len().max(1) as f64;
    let time_h = 400.0;
    let height = 60.0 + bars_h + time_h;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" {FONT}>"
    );
    let _ = writeln!(s, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    let _ = writeln!(
        s,
        "<text x=\"24\" y=\"36\" font-size=\"22\" font-weight=\"bold\" fill=\"#222\">{}</text>",
        esc(title)
    );
    company_bars(&mut s, &shown, 60.0);
    monthly(&mut s, timeline, 60.0 + bars_h, time_h);
    s.push_str("</svg>\n");
    s
}

fn company_bars(s: &mut String, rows: &[&CompanyRow], y0: f64) {
    let _ = writeln!(
        s,
        "<text x=\"24\" y=\"{:.0}\" font-size=\"16\" font-weight=\"bold\" fill=\"#333\">Top companies: contributions (GitHub events) and commits</text>",
        y0 + 20.0
    );
    if rows.is_empty() {
        let _ = writeln!(
            s,
            "<text x=\"24\" y=\"{:.0}\" font-size=\"13\" fill=\"#777\">no data</text>",
            y0 + 50.0
        );
        return;
    }
    let label_w = 230.0;
    let x0 = 24.0 + label_w;
    let w = WIDTH - x0 - 110.0;
    let max = rows
        .iter()
        .map(|r| r.counts.total_contributions() + r.counts.commits)
        .max()
        .unwrap_or(1);
    let (axis_max, step) = nice_scale(max);
    let top = y0 + 40.0;
    let bottom = top + 26.0 * rows.len() as f64;
    let mut t = 0.0;
    while t <= axis_max + 1e-9 {
        let x = x0 + w * t / axis_max;
        let _ = writeln!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\" stroke=\"#e5e5e5\"/>"
        );
        let _ = writeln!(
            s,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#666\" text-anchor=\"middle\">{}</text>",
            bottom + 14.0,
            human(t)
        );
        t += step;
    }
    for (i, r) in rows.iter().enumerate() {
        let y = top + 26.0 * i as f64 + 4.0;
        let contrib = r.counts.total_contributions() as f64;
        let commits = r.counts.commits as f64;
        let wc = w * contrib / axis_max;
        let wk = w * commits / axis_max;
        let name = if r.company.chars().count() > 32 {
            format!("{}…", r.company.chars().take(31).collect::<String>())
        } else {
            r.company.clone()
        };
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#222\" text-anchor=\"end\">{}</text>",
            x0 - 8.0,
            y + 14.0,
            esc(&name)
        );
        let _ = writeln!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{wc:.1}\" height=\"18\" fill=\"{}\"><title>{}: {} contributions</title></rect>",
            PALETTE[0],
            esc(&r.company),
            contrib
        );
        let _ = writeln!(
            s,
            "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{wk:.1}\" height=\"18\" fill=\"{}\"><title>{}: {} commits</title></rect>",
            x0 + wc,
            PALETTE[1],
            esc(&r.company),
            commits
        );
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#444\">{} · {} people</text>",
            x0 + wc + wk + 6.0,
            y + 14.0,
            human(contrib + commits),
            r.contributors
        );
    }
    legend(
        s,
        &[("contributions", PALETTE[0]), ("commits", PALETTE[1])],
        x0,
        bottom + 34.0,
    );
}

fn legend(s: &mut String, items: &[(&str, &str)], x: f64, y: f64) {
    let (mut cx, mut cy) = (x, y);
    for (name, color) in items {
        let w = 34.0 + 7.5 * name.chars().count() as f64;
        if cx + w > WIDTH - 16.0 && cx > x {
            cx = x;
            cy += 18.0;
        }
        let _ = writeln!(
            s,
            "<rect x=\"{cx:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{color}\"/>",
            cy - 10.0
        );
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{cy:.1}\" font-size=\"12\" fill=\"#333\">{}</text>",
            cx + 16.0,
            esc(name)
        );
        cx += w;
    }
}

fn monthly(s: &mut String, t: &Timeline, y0: f64, h: f64) {
    let _ = writeln!(
        s,
        "<text x=\"24\" y=\"{:.0}\" font-size=\"16\" font-weight=\"bold\" fill=\"#333\">Contributions per month by type, and commits</text>",
        y0 + 20.0
    );
    let n = t.months.len();
    if n == 0 {
        let _ = writeln!(
            s,
            "<text x=\"24\" y=\"{:.0}\" font-size=\"13\" fill=\"#777\">no data</text>",
            y0 + 50.0
        );
        return;
    }
    let (x0, x1) = (80.0, WIDTH - 60.0);
    let (top, bottom) = (y0 + 56.0, y0 + h - 90.0);
    let stack: Vec<u64> = (0..n)
        .map(|i| t.contributions.values().map(|v| v[i]).sum())
        .collect();
    let max = stack.iter().copied().max().unwrap_or(1);
    let (axis_max, step) = nice_scale(max);
    // Commits get their own scale (right axis): they are far fewer than events.
    let (c_max, c_step) = nice_scale(t.commits.iter().copied().max().unwrap_or(1));
    let yv = |v: f64| bottom - (bottom - top) * v / axis_max;
    let mut v = 0.0;
    while v <= axis_max + 1e-9 {
        let y = yv(v);
        let _ = writeln!(
            s,
            "<line x1=\"{x0:.1}\" y1=\"{y:.1}\" x2=\"{x1:.1}\" y2=\"{y:.1}\" stroke=\"#e5e5e5\"/>"
        );
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#666\" text-anchor=\"end\">{}</text>",
            x0 - 6.0,
            y + 4.0,
            human(v)
        );
        v += step;
    }
    let has_commits = t.commits.iter().any(|&c| c > 0);
    if has_commits {
        let mut c = 0.0;
        while c <= c_max + 1e-9 {
            let y = bottom - (bottom - top) * c / c_max;
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#000\">{}</text>",
                x1 + 4.0,
                y + 4.0,
                human(c)
            );
            c += c_step;
        }
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#000\" text-anchor=\"end\">commits</text>",
            x1 + 40.0,
            top - 12.0
        );
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#666\">contributions</text>",
            x0 - 40.0,
            top - 12.0
        );
    }
    let slot = (x1 - x0) / n as f64;
    let bar = (slot * 0.8).max(1.0);
    let label_every = (n as f64 / 12.0).ceil().max(1.0) as usize;
    for (i, m) in t.months.iter().enumerate() {
        let x = x0 + slot * i as f64 + (slot - bar) / 2.0;
        let mut acc = 0.0;
        for (k, (kind, vals)) in t.contributions.iter().enumerate() {
            let val = vals[i] as f64;
            if val == 0.0 {
                continue;
            }
            let (ya, yb) = (yv(acc), yv(acc + val));
            let _ = writeln!(
                s,
                "<rect x=\"{x:.1}\" y=\"{yb:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{} {}: {}</title></rect>",
                (ya - yb).max(0.0),
                PALETTE[k % PALETTE.len()],
                &m.to_string()[..7],
                kind,
                vals[i]
            );
            acc += val;
        }
        if i % label_every == 0 {
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#666\" text-anchor=\"middle\">{}</text>",
                x + bar / 2.0,
                bottom + 16.0,
                &m.to_string()[..7]
            );
        }
    }
    if t.commits.iter().any(|&c| c > 0) {
        let pts: Vec<String> = t
            .commits
            .iter()
            .enumerate()
            .map(|(i, c)| {
                format!(
                    "{:.1},{:.1}",
                    x0 + slot * i as f64 + slot / 2.0,
                    bottom - (bottom - top) * (*c as f64) / c_max
                )
            })
            .collect();
        let _ = writeln!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/>",
            pts.join(" ")
        );
    }
    let _ = writeln!(
        s,
        "<line x1=\"{x0:.1}\" y1=\"{bottom:.1}\" x2=\"{x1:.1}\" y2=\"{bottom:.1}\" stroke=\"#999\"/>"
    );
    let mut items: Vec<(&str, &str)> = t
        .contributions
        .keys()
        .enumerate()
        .map(|(k, kind)| (kind.trim_end_matches("Event"), PALETTE[k % PALETTE.len()]))
        .collect();
    if has_commits {
        items.push(("commits (line, right axis)", "#000"));
    }
    legend(s, &items, x0, bottom + 44.0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Day;
    use crate::stats::Counts;

    #[test]
    fn renders_well_formed_deterministic_svg() {
        let mut counts = Counts {
            commits: 5,
            ..Default::default()
        };
        counts.contributions.insert("PushEvent", 12);
        let rows = vec![CompanyRow {
            company: "A & B <Co>".into(),
            counts,
            contributors: 3,
            authors: 1,
        }];
        let mut t = Timeline {
            months: vec![Day(19_723), Day(19_754)],
            commits: vec![1, 4],
            ..Default::default()
        };
        t.contributions.insert("PushEvent", vec![3, 9]);
        let svg = render("Activity", &rows, 10, &t);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        assert!(svg.contains("A &amp; B &lt;Co&gt;"));
        assert_eq!(svg, render("Activity", &rows, 10, &t));
        assert_eq!(nice_scale(17), (20.0, 5.0));
    }
}
