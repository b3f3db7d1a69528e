//! The bar charts: the event flow, summits, drivers by domain, and the troughs of the spiral test.

use super::*;
use crate::report::html::{esc, num, signed, text_width};
use std::fmt::Write;

/// A year of the flow chart: events per QuadClass.
pub struct FlowYear {
    pub year: i32,
    pub quad: [u32; 4],
    pub href: Option<String>,
    pub title: String,
}

/// Stacked bars per year: cooperation (Q1, Q2) up, conflict (Q3, Q4) down.
pub fn flow_chart(m: &Catalogue, title: &str, years: &[FlowYear]) -> String {
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
        (COOP, m.get("svg.q2")),
        (COOP_LIGHT, m.get("svg.q1")),
        (CONF_LIGHT, m.get("svg.q3")),
        (CONF, m.get("svg.q4")),
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
pub(super) fn nice_step(raw: f64) -> f64 {
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
pub fn summits_chart(m: &Catalogue, title: &str, bars: &[SummitBar]) -> String {
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
    let l1 = m.get("svg.summits.chronology");
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
        m.get("svg.summits.literature"),
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
                esc(&format!("{}: {lit}", m.get("svg.literature")))
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
pub fn drivers_chart(m: &Catalogue, title: &str, bars: &[DomainBar], compact: bool) -> String {
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
        m.get("svg.lowered"),
    );
    text(
        &mut out,
        xs.at(max / 2.0),
        16.0,
        "middle",
        "tick",
        m.get("svg.raised"),
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
    m: &Catalogue,
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
        let tip = format!("{} {}: {}", m.get("svg.trough"), t.0, num(t.1, 2));
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
