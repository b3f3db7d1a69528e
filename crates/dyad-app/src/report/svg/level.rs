//! The level chart (Figure 1 and Figure 6) and the chart of two dyads' levels (Figure 1b).

use super::*;
use crate::report::html::{esc, num, signed, text_width, wrap};
use std::fmt::Write;

#[derive(Debug, Clone, Copy)]
pub struct Fan {
    pub period: Month,
    pub level: f64,
    pub lo80: f64,
    pub hi80: f64,
    pub lo95: f64,
    pub hi95: f64,
}

/// An event that may be annotated on the level chart.
#[derive(Debug, Clone)]
pub struct Annotation {
    pub month: Month,
    pub level: f64,
    pub contribution: f64,
    /// First label line (the date).
    pub date: String,
    /// Second label line (what happened, short).
    pub label: String,
    /// The same label in the report's other language, or empty: a label is drawn only where
    /// both fit, so that the zh and en reports mark the same events.
    pub alt_label: String,
    pub href: String,
    /// Tooltip: the full description.
    pub title: String,
}

/// Everything the level chart draws.
pub struct LevelChart<'a> {
    pub m: &'a Catalogue,
    pub title: &'a str,
    pub months: &'a [(Month, f64)],
    /// Phases as (start, end, number in the whole series); boundaries are drawn between them and
    /// each is labelled with its number (a chart of the last years keeps the table's numbers).
    pub phases: &'a [(Month, Month, usize)],
    pub change_points: &'a [Month],
    pub forecast: &'a [Fan],
    /// Candidates in order of priority; as many as fit without overlapping are drawn.
    pub annotations: &'a [Annotation],
    pub max_labels: usize,
    /// The appendix anchor of a year, when it has events.
    pub year_href: &'a dyn Fn(i32) -> Option<String>,
    /// Height of the plot area in user units.
    pub height: f64,
    /// Reference periods (the literature's), drawn as a strip under the year axis.
    pub references: &'a [Reference],
}

/// A reference period on the level chart: months, a number, a name (shown when it fits) and
/// where it links.
#[derive(Debug, Clone)]
pub struct Reference {
    pub from: Month,
    pub to: Month,
    pub label: String,
    pub href: String,
}

/// The reference periods as alternately shaded boxes at height `y0`, each numbered and named
/// when the name fits inside (the full name is always its tooltip); clipped to `first..=last`.
fn reference_strip(
    out: &mut String,
    c: &LevelChart<'_>,
    left_of: &dyn Fn(Month) -> f64,
    y0: f64,
    (x_min, x_max): (f64, f64),
    first: Month,
    last: Month,
) {
    for (i, r) in c.references.iter().enumerate() {
        let (from, to) = (r.from.max(first), r.to.min(last));
        if to < from {
            continue;
        }
        let x0 = left_of(from).max(x_min);
        let x1 = left_of(to.succ()).min(x_max);
        let fill = if i % 2 == 0 { "#dfe6ee" } else { "#eef2f6" };
        open_link(out, &r.href, &r.label);
        rect(out, x0, y0, x1 - x0, 18.0, fill);
        let full = format!("{} {}", i + 1, r.label);
        let shown = if text_width(&full, 11.0) + 8.0 <= x1 - x0 {
            full
        } else {
            (i + 1).to_string()
        };
        text(out, (x0 + x1) / 2.0, y0 + 13.0, "middle", "ref", &shown);
        out.push_str("</a>");
    }
}

/// The monthly level on −9..+9 with the bands shaded, phases, annotated events and the forecast
/// fan. Returns the SVG and the ids (hrefs) of the annotations drawn.
pub fn level_chart(c: &LevelChart<'_>) -> (String, Vec<String>) {
    let mut out = String::with_capacity(64 * 1024);
    let (Some(&(first, _)), Some(&(last_obs, last_level))) = (c.months.first(), c.months.last())
    else {
        return (String::new(), Vec::new());
    };
    let last = c.forecast.last().map(|p| p.period).unwrap_or(last_obs);
    let n = f64::from(first.until(last) + 1);
    let (w, left, right, top) = (1000.0, 44.0, 104.0, 14.0);
    let plot_h = c.height;
    let strip = if c.references.is_empty() { 0.0 } else { 24.0 };
    let h = top + plot_h + 40.0 + strip;
    let xs = Scale {
        d0: 0.0,
        d1: n,
        r0: left,
        r1: w - right,
    };
    let x = |m: Month| xs.at(f64::from(first.until(m)) + 0.5);
    let ys = Scale {
        d0: 9.0,
        d1: -9.0,
        r0: top,
        r1: top + plot_h,
    };
    let y = |l: f64| ys.at(l);
    open(&mut out, w, h, c.title, "level");
    reference_strip(
        &mut out,
        c,
        &|m| x(m) - xs.at(0.5) + xs.at(0.0),
        top + plot_h + 26.0,
        (left, w - right),
        first,
        last,
    );
    // Bands.
    for (i, b) in BANDS.iter().enumerate() {
        let (lo, hi) = b.range();
        rect(
            &mut out,
            left,
            y(hi),
            w - right - left,
            y(lo) - y(hi),
            BAND_FILL[i],
        );
        w!(
            out,
            r#"<text x="{}" y="{}" class="band" fill="{}">{}</text>"#,
            f(w - right + 6.0),
            f(y((lo + hi) / 2.0) + 4.0),
            BAND_INK[i],
            esc(&c.m.lang().band_title(*b))
        );
        if i > 0 {
            line(&mut out, left, y(lo), w - right, y(lo), "grid");
        }
    }
    // Level axis.
    for l in (-9..=9).step_by(3) {
        let l = f64::from(l);
        text(&mut out, left - 6.0, y(l) + 4.0, "end", "tick", &num(l, 0));
        line(&mut out, left - 3.0, y(l), left, y(l), "axis");
    }
    line(&mut out, left, y(0.0), w - right, y(0.0), "zero");
    // Years.
    let years = last.year() - first.year() + 1;
    let label_every = if years > 24 { 2 } else { 1 };
    for yr in first.year()..=last.year() {
        let m = Month::new(yr, 1);
        let xx = if m < first {
            x(first)
        } else {
            x(m) - xs.at(0.5) + xs.at(0.0)
        };
        line(&mut out, xx, top + plot_h, xx, top + plot_h + 4.0, "axis");
        if yr % 5 == 0 {
            line(&mut out, xx, top, xx, top + plot_h, "grid5");
        }
        if yr % label_every == 0 {
            let label_x = xx + (xs.at(6.0) - xs.at(0.0)).min(14.0);
            match (c.year_href)(yr) {
                Some(href) => {
                    open_link(&mut out, &href, &yr.to_string());
                    text(
                        &mut out,
                        label_x,
                        top + plot_h + 17.0,
                        "middle",
                        "tick",
                        &yr.to_string(),
                    );
                    out.push_str("</a>");
                }
                None => text(
                    &mut out,
                    label_x,
                    top + plot_h + 17.0,
                    "middle",
                    "tick",
                    &yr.to_string(),
                ),
            }
        }
    }
    // Change points (thin) and phase boundaries (dashed), with phase numbers.
    let boundaries: Vec<Month> = c.phases.iter().skip(1).map(|p| p.0).collect();
    for cp in c.change_points.iter().filter(|m| !boundaries.contains(m)) {
        let xx = x(*cp) - (xs.at(0.5) - xs.at(0.0));
        line(&mut out, xx, top, xx, top + plot_h, "cp");
    }
    for b in &boundaries {
        let xx = x(*b) - (xs.at(0.5) - xs.at(0.0));
        line(&mut out, xx, top, xx, top + plot_h, "phase");
    }
    // Phase numbers at the foot of the plot; one that would touch its left neighbour goes a line
    // up, and one that touches both lines is left out (its phase is in the table).
    let mut right_edge = [f64::NEG_INFINITY; 2];
    for &(s, e, n) in c.phases {
        let mid = (x(s) + x(e)) / 2.0;
        let label = format!("P{n}");
        let half = text_width(&label, 11.0) / 2.0 + 2.0;
        let Some(line_no) = (0..2).find(|&l| mid - half > right_edge[l]) else {
            continue;
        };
        right_edge[line_no] = mid + half;
        {
            w!(
                out,
                r##"<a href="#phase-{n}"><title>{}</title>"##,
                esc(&format!("{} {} ({s} – {e})", c.m.get("svg.phase"), n))
            );
            text(
                &mut out,
                mid,
                top + plot_h - 6.0 - 13.0 * line_no as f64,
                "middle",
                "phaseno",
                &label,
            );
            out.push_str("</a>");
        }
    }
    // Forecast fan.
    if !c.forecast.is_empty() {
        let mut p95 = format!("{},{}", f(x(last_obs)), f(y(last_level)));
        let mut p80 = p95.clone();
        for p in c.forecast {
            w!(p95, " {},{}", f(x(p.period)), f(y(p.hi95)));
            w!(p80, " {},{}", f(x(p.period)), f(y(p.hi80)));
        }
        for p in c.forecast.iter().rev() {
            w!(p95, " {},{}", f(x(p.period)), f(y(p.lo95)));
            w!(p80, " {},{}", f(x(p.period)), f(y(p.lo80)));
        }
        let fan_title = c.m.get("svg.fan");
        w!(
            out,
            r##"<a href="#forecast"><title>{}</title>"##,
            esc(fan_title)
        );
        w!(
            out,
            r#"<polygon points="{p95}" class="fan95"/><polygon points="{p80}" class="fan80"/>"#
        );
        let mut pts = format!("{},{}", f(x(last_obs)), f(y(last_level)));
        for p in c.forecast {
            w!(pts, " {},{}", f(x(p.period)), f(y(p.level)));
        }
        w!(out, r#"<polyline points="{pts}" class="fcline"/>"#);
        out.push_str("</a>");
    }
    // The level.
    let mut pts = String::with_capacity(c.months.len() * 12);
    for (m, l) in c.months {
        w!(pts, "{},{} ", f(x(*m)), f(y(*l)));
    }
    w!(
        out,
        r#"<polyline points="{}" class="levelline" stroke="{LINE}"/>"#,
        pts.trim_end()
    );
    // Annotations: labels in three rows near the top (rises) and three near the bottom (falls),
    // placed greedily by priority so that no two labels in a row overlap. A label is its event's
    // first clause whole, on one or two lines; an event whose clause does not fit is left for
    // the next one (its full text is in the appendix either way).
    let fs = 11.0;
    let row_h = 38.0;
    let gap = 10.0;
    let row_y = |r: usize| {
        if r < 3 {
            top + 4.0 + r as f64 * row_h
        } else {
            top + plot_h - 30.0 - row_h - (r - 3) as f64 * row_h
        }
    };
    let mut rows: Vec<Vec<(f64, f64)>> = vec![Vec::new(); 6];
    // (annotation, row, x0, width, lines)
    let mut placed: Vec<(usize, usize, f64, f64, Vec<String>)> = Vec::new();
    for (k, a) in c.annotations.iter().enumerate() {
        if placed.len() >= c.max_labels {
            break;
        }
        let Some(lines) = wrap(&a.label, 250.0, fs, 2) else {
            continue;
        };
        let alt = if a.alt_label.is_empty() {
            Vec::new()
        } else {
            let Some(alt) = wrap(&a.alt_label, 250.0, fs, 2) else {
                continue;
            };
            alt
        };
        let date_w = text_width(
            &format!("{} {}", a.date, signed(a.contribution, 2)),
            fs * 0.9,
        );
        // the box is as wide and as tall as the wider and taller of the two languages' labels
        let lw = lines
            .iter()
            .chain(&alt)
            .map(|l| text_width(l, fs))
            .fold(date_w, f64::max)
            + 8.0;
        let ax = x(a.month);
        let x0 = (ax - lw / 2.0).clamp(left + 2.0, w - right - lw - 2.0);
        let up = a.contribution >= 0.0;
        let candidates: [usize; 3] = if up { [0, 1, 2] } else { [3, 4, 5] };
        let lh = 13.0 + 11.0 * lines.len().max(alt.len()) as f64;
        for r in candidates {
            // The point itself must not sit under the label: skip rows the level crosses here.
            let (ry0, ry1) = (row_y(r), row_y(r) + lh);
            let py = y(a.level);
            if py > ry0 - 4.0 && py < ry1 + 4.0 {
                continue;
            }
            if rows[r]
                .iter()
                .all(|&(s, e)| x0 + lw + gap < s || x0 > e + gap)
            {
                rows[r].push((x0, x0 + lw));
                placed.push((k, r, x0, lw, lines));
                break;
            }
        }
    }
    let label_h = |n: usize| 13.0 + 11.0 * n as f64;
    for (k, r, x0, lw, lines) in &placed {
        let a = &c.annotations[*k];
        let (ax, ay) = (x(a.month), y(a.level));
        let ly = if *r < 3 {
            row_y(*r) + label_h(lines.len())
        } else {
            row_y(*r)
        };
        let lx = ax.clamp(x0 + 3.0, x0 + lw - 3.0);
        w!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" class="leader"/>"#,
            f(lx),
            f(ly),
            f(ax),
            f(ay)
        );
    }
    let mut hrefs = Vec::new();
    for (k, r, x0, lw, lines) in &placed {
        let a = &c.annotations[*k];
        let (ax, ay) = (x(a.month), y(a.level));
        let ry = row_y(*r);
        let color = if a.contribution >= 0.0 { COOP } else { CONF };
        open_link(&mut out, &a.href, &a.title);
        w!(
            out,
            r#"<circle cx="{}" cy="{}" r="3.6" fill="{color}" class="evdot"/>"#,
            f(ax),
            f(ay)
        );
        w!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="3" class="lab" stroke="{color}"/>"#,
            f(*x0),
            f(ry),
            f(*lw),
            f(label_h(lines.len()))
        );
        w!(
            out,
            r#"<text x="{}" y="{}" class="labdate">{} <tspan fill="{color}">{}</tspan></text>"#,
            f(x0 + 4.0),
            f(ry + 10.5),
            esc(&a.date),
            esc(&signed(a.contribution, 2))
        );
        for (i, l) in lines.iter().enumerate() {
            w!(
                out,
                r#"<text x="{}" y="{}" class="labtext">{}</text>"#,
                f(x0 + 4.0),
                f(ry + 21.5 + 11.0 * i as f64),
                esc(l)
            );
        }
        out.push_str("</a>");
        hrefs.push(a.href.clone());
    }
    out.push_str("</svg>");
    (out, hrefs)
}

/// One dyad's line on the comparison chart.
pub struct CompareLine<'a> {
    pub name: String,
    pub months: &'a [(Month, f64)],
    pub color: &'a str,
    /// Dashed, for a line drawn from too little record to read a course from.
    pub dashed: bool,
}

/// Colours of the comparison chart's lines: the report's dyad, then the compared one.
pub const COMPARE_COLORS: [&str; 2] = [LINE, "#c2571a"];

/// The monthly levels of several dyads on one −9..+9 scale over the bands, with a legend.
/// A short line (few months) also gets a dot per month, so that a single month shows.
pub fn compare_chart(m: &Catalogue, title: &str, lines: &[CompareLine<'_>]) -> String {
    let mut out = String::new();
    let first = lines
        .iter()
        .filter_map(|l| l.months.first())
        .map(|p| p.0)
        .min();
    let last = lines
        .iter()
        .filter_map(|l| l.months.last())
        .map(|p| p.0)
        .max();
    let (Some(first), Some(last)) = (first, last) else {
        return out;
    };
    let n = f64::from(first.until(last) + 1);
    let (w, left, right, top, plot_h) = (1000.0, 44.0, 104.0, 34.0, 300.0);
    let h = top + plot_h + 30.0;
    let xs = Scale {
        d0: 0.0,
        d1: n,
        r0: left,
        r1: w - right,
    };
    let x = |m: Month| xs.at(f64::from(first.until(m)) + 0.5);
    let ys = Scale {
        d0: 9.0,
        d1: -9.0,
        r0: top,
        r1: top + plot_h,
    };
    open(&mut out, w, h, title, "compare");
    for (i, b) in BANDS.iter().enumerate() {
        let (lo, hi) = b.range();
        rect(
            &mut out,
            left,
            ys.at(hi),
            w - right - left,
            ys.at(lo) - ys.at(hi),
            BAND_FILL[i],
        );
        w!(
            out,
            r#"<text x="{}" y="{}" class="band" fill="{}">{}</text>"#,
            f(w - right + 6.0),
            f(ys.at((lo + hi) / 2.0) + 4.0),
            BAND_INK[i],
            esc(&m.lang().band_title(*b))
        );
    }
    for l in (-9..=9).step_by(3) {
        let l = f64::from(l);
        text(
            &mut out,
            left - 6.0,
            ys.at(l) + 4.0,
            "end",
            "tick",
            &num(l, 0),
        );
    }
    line(&mut out, left, ys.at(0.0), w - right, ys.at(0.0), "zero");
    // Years: a tick each, a label as often as they fit.
    let years = last.year() - first.year() + 1;
    let every = match years {
        0..=14 => 1,
        15..=28 => 2,
        _ => 5,
    };
    for yr in first.year()..=last.year() {
        let m = Month::new(yr, 1).max(first);
        let xx = x(m) - xs.at(0.5) + xs.at(0.0);
        line(&mut out, xx, top + plot_h, xx, top + plot_h + 4.0, "axis");
        if yr % every == 0 {
            let lx = (xx + (xs.at(6.0) - xs.at(0.0)).min(14.0)).min(w - right - 14.0);
            text(
                &mut out,
                lx,
                top + plot_h + 17.0,
                "middle",
                "tick",
                &yr.to_string(),
            );
        }
    }
    // Legend, then the lines.
    let mut lx = left;
    for l in lines {
        let dash = if l.dashed {
            r#" stroke-dasharray="5 3""#
        } else {
            ""
        };
        w!(
            out,
            r#"<line x1="{}" y1="16" x2="{}" y2="16" stroke="{}" stroke-width="2.5"{dash}/>"#,
            f(lx),
            f(lx + 22.0),
            l.color
        );
        text(&mut out, lx + 28.0, 20.0, "start", "name", &l.name);
        lx += 28.0 + text_width(&l.name, 13.0) + 24.0;
    }
    for l in lines {
        if l.months.is_empty() {
            continue;
        }
        let dash = if l.dashed {
            r#" stroke-dasharray="5 3""#
        } else {
            ""
        };
        let pts: Vec<String> = l
            .months
            .iter()
            .map(|(m, v)| format!("{},{}", f(x(*m)), f(ys.at(*v))))
            .collect();
        w!(
            out,
            r#"<polyline points="{}" class="levelline" stroke="{}"{dash}/>"#,
            pts.join(" "),
            l.color
        );
        if l.months.len() <= 36 {
            for (m, v) in l.months {
                w!(
                    out,
                    r#"<circle cx="{}" cy="{}" r="2.6" fill="{}"/>"#,
                    f(x(*m)),
                    f(ys.at(*v)),
                    l.color
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}
