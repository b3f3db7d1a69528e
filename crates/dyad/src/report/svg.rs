//! The report's charts, written as SVG text. Every chart has a fixed `viewBox` and scales to its
//! container; marks that stand for events are links to the appendix.

use super::html::{esc, num, signed, text_width, wrap};
use super::i18n::Lang;
use dyad_analysis::prelude::*;
use std::fmt::Write;

macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}

/// Fill colours of the six bands, from confrontation to friendly.
pub const BAND_FILL: [&str; 6] = [
    "#f2c4bd", "#f8dcc8", "#fbefdc", "#eef2f6", "#d9ecdc", "#c3e3c9",
];
/// Text colours of the band labels.
pub const BAND_INK: [&str; 6] = [
    "#8f2318", "#9a4a12", "#7d6414", "#4a5a6a", "#2f6a3c", "#1f5a2c",
];
pub const BANDS: [Band; 6] = [
    Band::Confrontation,
    Band::Tense,
    Band::Discord,
    Band::Ordinary,
    Band::Good,
    Band::Friendly,
];

const COOP: &str = "#2f7d4a";
const COOP_LIGHT: &str = "#8cc59c";
const CONF: &str = "#b3322a";
const CONF_LIGHT: &str = "#ec9a8f";
const LINE: &str = "#1d3557";

/// A number for coordinates: two decimals at most, no trailing zeros.
fn f(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// A linear map from a domain to a range.
#[derive(Debug, Clone, Copy)]
struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    fn at(&self, x: f64) -> f64 {
        if (self.d1 - self.d0).abs() < f64::EPSILON {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (x - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// Opens an `<svg>` element with a title for screen readers.
fn open(out: &mut String, w: f64, h: f64, title: &str, class: &str) {
    w!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart {class}" viewBox="0 0 {} {}" role="img" aria-label="{}"><title>{}</title>"#,
        f(w),
        f(h),
        esc(title),
        esc(title)
    );
}

fn text(out: &mut String, x: f64, y: f64, anchor: &str, class: &str, s: &str) {
    w!(
        out,
        r#"<text x="{}" y="{}" text-anchor="{anchor}" class="{class}">{}</text>"#,
        f(x),
        f(y),
        esc(s)
    );
}

fn line(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
    w!(
        out,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" class="{class}"/>"#,
        f(x1),
        f(y1),
        f(x2),
        f(y2)
    );
}

fn rect(out: &mut String, x: f64, y: f64, w: f64, h: f64, fill: &str) {
    w!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
        f(x),
        f(y),
        f(w.max(0.0)),
        f(h.max(0.0))
    );
}

fn open_link(out: &mut String, href: &str, title: &str) {
    w!(
        out,
        r#"<a href="{}"><title>{}</title>"#,
        esc(href),
        esc(title)
    );
}

/// A point of the forecast fan.
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
    pub lang: Lang,
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
            esc(&c.lang.band_title(*b))
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
                esc(&format!("{} {} ({s} – {e})", c.lang.t("Phase", "阶段"), n))
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
        let fan_title = c.lang.t(
            "Forecast with 80% and 95% intervals",
            "预测及其80%与95%区间",
        );
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
pub fn compare_chart(lang: Lang, title: &str, lines: &[CompareLine<'_>]) -> String {
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
            esc(&lang.band_title(*b))
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

/// A year of the flow chart: events per QuadClass.
pub struct FlowYear {
    pub year: i32,
    pub quad: [u32; 4],
    pub href: Option<String>,
    pub title: String,
}

/// Stacked bars per year: cooperation (Q1, Q2) up, conflict (Q3, Q4) down.
pub fn flow_chart(lang: Lang, title: &str, years: &[FlowYear]) -> String {
    let mut out = String::new();
    if years.is_empty() {
        return out;
    }
    let (w, left, right, top, plot_h) = (1000.0, 44.0, 20.0, 30.0, 260.0);
    let h = top + plot_h + 30.0;
    let up_max = years
        .iter()
        .map(|y| y.quad[0] + y.quad[1])
        .max()
        .unwrap_or(0)
        .max(1);
    let down_max = years
        .iter()
        .map(|y| y.quad[2] + y.quad[3])
        .max()
        .unwrap_or(0)
        .max(1);
    let step = nice_step(f64::from(up_max.max(down_max)) / 3.0);
    let up_top = (f64::from(up_max) / step).ceil() * step;
    let down_bot = (f64::from(down_max) / step).ceil() * step;
    let ys = Scale {
        d0: up_top,
        d1: -down_bot,
        r0: top,
        r1: top + plot_h,
    };
    let slot = (w - left - right) / years.len() as f64;
    open(&mut out, w, h, title, "flow");
    // Legend.
    let legend = [
        (COOP, lang.t("material cooperation (Q2)", "物质合作（Q2）")),
        (
            COOP_LIGHT,
            lang.t("verbal cooperation (Q1)", "口头合作（Q1）"),
        ),
        (CONF_LIGHT, lang.t("verbal conflict (Q3)", "口头冲突（Q3）")),
        (CONF, lang.t("material conflict (Q4)", "物质冲突（Q4）")),
    ];
    let mut lx = left;
    for (color, name) in legend {
        rect(&mut out, lx, 8.0, 12.0, 12.0, color);
        text(&mut out, lx + 16.0, 18.5, "start", "tick", name);
        lx += 16.0 + text_width(name, 12.0) + 22.0;
    }
    let mut v = -down_bot;
    while v <= up_top + 1e-9 {
        line(
            &mut out,
            left,
            ys.at(v),
            w - right,
            ys.at(v),
            if v == 0.0 { "zero" } else { "grid" },
        );
        text(
            &mut out,
            left - 6.0,
            ys.at(v) + 4.0,
            "end",
            "tick",
            &num(v, 0),
        );
        v += step;
    }
    let bw = (slot * 0.72).max(1.0);
    let label_every = if years.len() > 24 { 2 } else { 1 };
    for (i, y) in years.iter().enumerate() {
        let x0 = left + i as f64 * slot + (slot - bw) / 2.0;
        if let Some(href) = &y.href {
            open_link(&mut out, href, &y.title);
        }
        let q = y.quad.map(f64::from);
        // Up: Q1 on the axis, Q2 above it; down: Q3 on the axis, Q4 below it.
        rect(
            &mut out,
            x0,
            ys.at(q[0]),
            bw,
            ys.at(0.0) - ys.at(q[0]),
            COOP_LIGHT,
        );
        rect(
            &mut out,
            x0,
            ys.at(q[0] + q[1]),
            bw,
            ys.at(q[0]) - ys.at(q[0] + q[1]),
            COOP,
        );
        rect(
            &mut out,
            x0,
            ys.at(0.0),
            bw,
            ys.at(-q[2]) - ys.at(0.0),
            CONF_LIGHT,
        );
        rect(
            &mut out,
            x0,
            ys.at(-q[2]),
            bw,
            ys.at(-q[2] - q[3]) - ys.at(-q[2]),
            CONF,
        );
        if y.href.is_some() {
            out.push_str("</a>");
        }
        if y.year % label_every == 0 {
            text(
                &mut out,
                x0 + bw / 2.0,
                top + plot_h + 18.0,
                "middle",
                "tick",
                &y.year.to_string(),
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// A round step for an axis: 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|k| k * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p)
        .max(1.0)
}

/// One bar of the summits chart.
pub struct SummitBar {
    pub name: String,
    pub count: usize,
    pub literature: Option<u32>,
    pub href: Option<String>,
    pub title: String,
}

/// Horizontal bars of meetings per presidency, with the literature's count as a marker.
pub fn summits_chart(lang: Lang, title: &str, bars: &[SummitBar]) -> String {
    let mut out = String::new();
    let (w, left, right, top, row) = (1000.0, 210.0, 60.0, 34.0, 30.0);
    let h = top + row * bars.len() as f64 + 26.0;
    let max = bars
        .iter()
        .map(|b| b.count.max(b.literature.unwrap_or(0) as usize))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let step = nice_step(max / 5.0);
    let xmax = (max / step).ceil() * step;
    let xs = Scale {
        d0: 0.0,
        d1: xmax,
        r0: left,
        r1: w - right,
    };
    open(&mut out, w, h, title, "summits");
    rect(&mut out, left, 10.0, 14.0, 12.0, "#3a6ea5");
    let l1 = lang.t("meetings in the chronology", "年表记录的会晤");
    text(&mut out, left + 18.0, 20.5, "start", "tick", l1);
    let lx = left + 18.0 + text_width(l1, 12.0) + 26.0;
    w!(
        out,
        r##"<path d="M{} 16 l6 -6 l6 6 l-6 6 z" fill="#222"/>"##,
        f(lx)
    );
    text(
        &mut out,
        lx + 18.0,
        20.5,
        "start",
        "tick",
        lang.t(
            "count in the literature (seed 000, table 1)",
            "文献统计（种子文献000表1）",
        ),
    );
    let mut v = 0.0;
    while v <= xmax + 1e-9 {
        line(
            &mut out,
            xs.at(v),
            top - 4.0,
            xs.at(v),
            top + row * bars.len() as f64,
            "grid",
        );
        text(
            &mut out,
            xs.at(v),
            top + row * bars.len() as f64 + 16.0,
            "middle",
            "tick",
            &num(v, 0),
        );
        v += step;
    }
    for (i, b) in bars.iter().enumerate() {
        let y0 = top + i as f64 * row;
        text(
            &mut out,
            left - 10.0,
            y0 + row / 2.0 + 4.5,
            "end",
            "name",
            &b.name,
        );
        if let Some(href) = &b.href {
            open_link(&mut out, href, &b.title);
        }
        let bx = xs.at(b.count as f64);
        rect(&mut out, left, y0 + 6.0, bx - left, row - 12.0, "#3a6ea5");
        if bx - left > 28.0 {
            w!(
                out,
                r##"<text x="{}" y="{}" text-anchor="end" class="val" style="fill:#fff">{}</text>"##,
                f(bx - 5.0),
                f(y0 + row / 2.0 + 4.5),
                b.count
            );
        } else {
            text(
                &mut out,
                bx + 5.0,
                y0 + row / 2.0 + 4.5,
                "start",
                "val",
                &b.count.to_string(),
            );
        }
        if b.href.is_some() {
            out.push_str("</a>");
        }
        if let Some(lit) = b.literature {
            let lx = xs.at(f64::from(lit));
            w!(
                out,
                r##"<path d="M{} {} l6 -6 l6 6 l-6 6 z" fill="#222"><title>{}</title></path>"##,
                f(lx - 6.0),
                f(y0 + row / 2.0),
                esc(&format!("{}: {lit}", lang.t("literature", "文献")))
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// One domain of a drivers chart.
pub struct DomainBar {
    pub name: String,
    pub positive: f64,
    pub negative: f64,
    /// Links of the largest positive and negative events, with their tooltips.
    pub pos_link: Option<(String, String)>,
    pub neg_link: Option<(String, String)>,
}

/// Diverging bars per domain: what raised the level (right) and what lowered it (left).
pub fn drivers_chart(lang: Lang, title: &str, bars: &[DomainBar], compact: bool) -> String {
    let mut out = String::new();
    let (w, name_w, top, row) = if compact {
        (620.0, 200.0, 26.0, 22.0)
    } else {
        (1000.0, 230.0, 26.0, 24.0)
    };
    let right = 58.0;
    let h = top + row * bars.len() as f64 + 8.0;
    let max = bars
        .iter()
        .map(|b| b.positive.max(-b.negative))
        .fold(0.0, f64::max)
        .max(0.05);
    let plot_w = w - name_w - right - 50.0;
    let mid = name_w + 50.0 + plot_w / 2.0;
    let xs = Scale {
        d0: -max,
        d1: max,
        r0: mid - plot_w / 2.0,
        r1: mid + plot_w / 2.0,
    };
    open(
        &mut out,
        w,
        h,
        title,
        if compact {
            "drivers compact"
        } else {
            "drivers"
        },
    );
    text(
        &mut out,
        xs.at(-max / 2.0),
        16.0,
        "middle",
        "tick",
        lang.t("◀ lowered the level", "◀ 拉低关系水平"),
    );
    text(
        &mut out,
        xs.at(max / 2.0),
        16.0,
        "middle",
        "tick",
        lang.t("raised the level ▶", "推高关系水平 ▶"),
    );
    line(
        &mut out,
        mid,
        top - 4.0,
        mid,
        top + row * bars.len() as f64,
        "zero",
    );
    for (i, b) in bars.iter().enumerate() {
        let y0 = top + i as f64 * row;
        text(
            &mut out,
            name_w,
            y0 + row / 2.0 + 4.0,
            "end",
            "name",
            &b.name,
        );
        let bar = |out: &mut String,
                   v: f64,
                   color: &str,
                   link: &Option<(String, String)>,
                   anchor: &str| {
            if v.abs() < 1e-9 {
                return;
            }
            if let Some((href, t)) = link {
                open_link(out, href, t);
            }
            let (a, z) = (xs.at(v.min(0.0)), xs.at(v.max(0.0)));
            rect(out, a, y0 + 4.0, (z - a).max(0.8), row - 8.0, color);
            let tx = if v > 0.0 { z + 4.0 } else { a - 4.0 };
            text(out, tx, y0 + row / 2.0 + 4.0, anchor, "val", &signed(v, 2));
            if link.is_some() {
                out.push_str("</a>");
            }
        };
        bar(&mut out, b.positive, COOP, &b.pos_link, "start");
        bar(&mut out, b.negative, CONF, &b.neg_link, "end");
    }
    out.push_str("</svg>");
    out
}

/// Trough levels over time with their OLS line (the spiral-decline test).
pub fn spiral_chart(
    lang: Lang,
    title: &str,
    troughs: &[(Month, f64, Option<String>)],
    slope: f64,
) -> String {
    let mut out = String::new();
    if troughs.len() < 2 {
        return out;
    }
    let (w, left, right, top, plot_h) = (1000.0, 44.0, 20.0, 12.0, 200.0);
    let h = top + plot_h + 30.0;
    let x0 = troughs[0].0.year();
    let x1 = troughs[troughs.len() - 1].0.year() + 1;
    let xs = Scale {
        d0: f64::from(x0),
        d1: f64::from(x1),
        r0: left,
        r1: w - right,
    };
    let lo = (troughs.iter().map(|t| t.1).fold(f64::INFINITY, f64::min) - 0.8)
        .floor()
        .min(-6.0);
    let hi = troughs
        .iter()
        .map(|t| t.1)
        .fold(f64::NEG_INFINITY, f64::max);
    // Room above the highest point for its value label.
    let hi = (hi + 0.8).ceil().max(3.0);
    let ys = Scale {
        d0: hi,
        d1: lo,
        r0: top,
        r1: top + plot_h,
    };
    open(&mut out, w, h, title, "spiral");
    for (i, b) in BANDS.iter().enumerate() {
        let (a, z) = b.range();
        let (a, z) = (a.max(lo), z.min(hi));
        if z > a {
            rect(
                &mut out,
                left,
                ys.at(z),
                w - right - left,
                ys.at(a) - ys.at(z),
                BAND_FILL[i],
            );
        }
    }
    let mut l = lo;
    while l <= hi {
        text(
            &mut out,
            left - 6.0,
            ys.at(l) + 4.0,
            "end",
            "tick",
            &num(l, 0),
        );
        l += 3.0;
    }
    let step = if x1 - x0 > 24 { 2 } else { 1 };
    for yr in (x0..=x1).filter(|y| y % step == 0) {
        text(
            &mut out,
            xs.at(f64::from(yr)),
            top + plot_h + 18.0,
            "middle",
            "tick",
            &yr.to_string(),
        );
    }
    let tx: Vec<f64> = troughs.iter().map(|t| t.0.decimal_year()).collect();
    let ty: Vec<f64> = troughs.iter().map(|t| t.1).collect();
    let (mx, my) = (
        tx.iter().sum::<f64>() / tx.len() as f64,
        ty.iter().sum::<f64>() / ty.len() as f64,
    );
    let fit = |x: f64| my + slope * (x - mx);
    let (a, z) = (tx[0], tx[tx.len() - 1]);
    w!(
        out,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" class="ols"/>"#,
        f(xs.at(a)),
        f(ys.at(fit(a))),
        f(xs.at(z)),
        f(ys.at(fit(z)))
    );
    let mut pts = String::new();
    for (t, x) in troughs.iter().zip(&tx) {
        w!(pts, "{},{} ", f(xs.at(*x)), f(ys.at(t.1)));
    }
    w!(
        out,
        r#"<polyline points="{}" class="troughline"/>"#,
        pts.trim_end()
    );
    for (i, (t, x)) in troughs.iter().zip(&tx).enumerate() {
        // The label goes above a point higher than its neighbours' mean, below one lower.
        let nb: Vec<f64> = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| troughs.get(j).map(|p| p.1))
            .collect();
        let above = nb.is_empty() || t.1 >= nb.iter().sum::<f64>() / nb.len() as f64;
        let tip = format!("{} {}: {}", lang.t("trough", "谷底"), t.0, num(t.1, 2));
        if let Some(href) = &t.2 {
            open_link(&mut out, href, &tip);
        }
        w!(
            out,
            r#"<circle cx="{}" cy="{}" r="4.5" fill="{CONF}"/>"#,
            f(xs.at(*x)),
            f(ys.at(t.1))
        );
        text(
            &mut out,
            xs.at(*x),
            ys.at(t.1) + if above { -8.0 } else { 16.0 },
            "middle",
            "val",
            &num(t.1, 1),
        );
        if t.2.is_some() {
            out.push_str("</a>");
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::super::html::check_well_formed;
    use super::*;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }

    #[test]
    fn the_level_chart_is_well_formed_and_escapes_labels() {
        let months: Vec<(Month, f64)> = (0..48)
            .map(|i| (m("2010-01").plus(i), (f64::from(i) / 5.0).sin() * 5.0))
            .collect();
        let ann = vec![Annotation {
            month: m("2011-03"),
            level: 2.0,
            contribution: -0.5,
            date: "2011-03-01".into(),
            label: r#"A <b> & "c""#.into(),
            alt_label: String::new(),
            href: "#ev-1".into(),
            title: "x < y".into(),
        }];
        let fc = [Fan {
            period: m("2014-01"),
            level: 1.0,
            lo80: 0.0,
            hi80: 2.0,
            lo95: -1.0,
            hi95: 3.0,
        }];
        let yh = |y: i32| Some(format!("#year-{y}"));
        let (svg, drawn) = level_chart(&LevelChart {
            lang: Lang::Zh,
            title: "关系水平 <测试>",
            months: &months,
            phases: &[
                (m("2010-01"), m("2011-12"), 1),
                (m("2012-01"), m("2013-12"), 2),
            ],
            change_points: &[m("2012-01"), m("2013-01")],
            forecast: &fc,
            annotations: &ann,
            max_labels: 12,
            year_href: &yh,
            height: 400.0,
            references: &[
                Reference {
                    from: m("2009-01"),
                    to: m("2012-12"),
                    label: "高开低走期".into(),
                    href: "#lit-a".into(),
                },
                Reference {
                    from: m("2013-01"),
                    to: m("2013-02"),
                    label: "a name far too long for two months".into(),
                    href: "#lit-b".into(),
                },
            ],
        });
        assert_eq!(check_well_formed(&svg), Ok(()));
        // A reference that fits is named; one that does not is numbered, its name the tooltip.
        assert!(svg.contains(">1 高开低走期</text>"));
        assert!(svg.contains(">2</text>"));
        assert!(svg.contains("<title>a name far too long for two months</title>"));
        assert!(svg.contains("A &lt;b&gt; &amp; &quot;c&quot;"));
        assert_eq!(drawn, vec!["#ev-1".to_string()]);
        for b in BANDS {
            assert!(svg.contains(b.zh()), "{}", b.zh());
        }
    }

    #[test]
    fn overlapping_labels_move_to_other_rows_or_are_dropped() {
        let months: Vec<(Month, f64)> = (0..24).map(|i| (m("2020-01").plus(i), 0.0)).collect();
        let ann: Vec<Annotation> = (0..10)
            .map(|i| Annotation {
                month: m("2020-06"),
                level: 0.0,
                contribution: 1.0,
                date: "2020-06".into(),
                label: format!("a rather long label number {i}"),
                alt_label: String::new(),
                href: format!("#ev-{i}"),
                title: String::new(),
            })
            .collect();
        let yh = |_: i32| None;
        let (svg, drawn) = level_chart(&LevelChart {
            lang: Lang::En,
            title: "t",
            months: &months,
            phases: &[],
            change_points: &[],
            forecast: &[],
            annotations: &ann,
            max_labels: 12,
            year_href: &yh,
            height: 400.0,
            references: &[],
        });
        assert_eq!(drawn.len(), 3, "three rows above the line");
        assert_eq!(check_well_formed(&svg), Ok(()));
    }

    #[test]
    fn the_other_charts_are_well_formed() {
        let fy = vec![
            FlowYear {
                year: 2000,
                quad: [3, 1, 2, 0],
                href: Some("#year-2000".into()),
                title: "2000 \"x\"".into(),
            },
            FlowYear {
                year: 2001,
                quad: [0, 0, 0, 0],
                href: None,
                title: String::new(),
            },
        ];
        let flow = flow_chart(Lang::En, "flow", &fy);
        assert_eq!(check_well_formed(&flow), Ok(()));
        // conflict is drawn below the axis and its scale reads negative there
        let ticks: Vec<&str> = flow
            .split("class=\"tick\">")
            .skip(1)
            .filter_map(|t| t.split('<').next())
            .collect();
        assert!(ticks.iter().any(|t| t.starts_with('−')), "{ticks:?}");
        let sb = vec![SummitBar {
            name: "Bill Clinton".into(),
            count: 22,
            literature: Some(22),
            href: Some("#s-1".into()),
            title: "<t>".into(),
        }];
        assert_eq!(
            check_well_formed(&summits_chart(Lang::Zh, "峰会", &sb)),
            Ok(())
        );
        let db = vec![DomainBar {
            name: "军控 & <x>".into(),
            positive: 1.2,
            negative: -0.4,
            pos_link: Some(("#ev-1".into(), "a".into())),
            neg_link: None,
        }];
        assert_eq!(
            check_well_formed(&drivers_chart(Lang::En, "d", &db, true)),
            Ok(())
        );
        let tr = vec![
            (m("1994-07"), 1.0, None),
            (m("2022-03"), -5.9, Some("#year-2022".into())),
        ];
        assert_eq!(
            check_well_formed(&spiral_chart(Lang::En, "s", &tr, -0.2)),
            Ok(())
        );
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(1.5), 2.0);
    }
}
