//! Section 1, the relations level: the chart of the monthly level with its phases, key events,
//! the literature's periods and the forecast; the dyad compared (`--compare`); the phase table.

use super::compare::{self, Compare};
use super::{not_computed, trend, w};
use crate::report::ctx::{Ctx, Effect};
use crate::report::html::{self, esc, num};
use crate::report::messages::{msg, Catalogue};
use crate::report::sections::literature;
use crate::report::svg;
use dyad_analysis::prelude::*;
use std::collections::HashSet;
use std::fmt::Write;

/// What the level chart shows (Figure 1, and Figure 6 of the forecast section).
pub struct Chart {
    pub months: Vec<(Month, f64)>,
    /// Phases as (start, end, number in the whole series).
    pub phases: Vec<(Month, Month, usize)>,
    pub change_points: Vec<Month>,
    pub fan: Vec<svg::Fan>,
    pub annotations: Vec<svg::Annotation>,
    pub references: Vec<svg::Reference>,
    /// Years with events in the appendix (the year axis links to them).
    pub years: HashSet<i32>,
}

impl Chart {
    /// Draws the chart; returns it and the labels drawn.
    pub fn draw(
        &self,
        m: &Catalogue,
        title: &str,
        max_labels: usize,
        height: f64,
    ) -> (String, Vec<String>) {
        let yh = |y: i32| self.years.contains(&y).then(|| format!("#year-{y}"));
        svg::level_chart(&svg::LevelChart {
            m,
            title,
            months: &self.months,
            phases: &self.phases,
            change_points: &self.change_points,
            forecast: &self.fan,
            annotations: &self.annotations,
            max_labels,
            year_href: &yh,
            height,
            references: &self.references,
        })
    }
}

pub struct PhaseRow {
    pub start: Month,
    pub end: Month,
    pub months: usize,
    pub level: f64,
    pub band: Band,
    pub trend: &'static str,
    /// The level the phase starts from (the month before it; the start level for the first),
    /// as the drivers' heading gives it.
    pub from_level: f64,
    pub end_level: f64,
    pub min_level: f64,
    pub max_level: f64,
}

pub struct Level {
    pub chart: Chart,
    pub half_life_months: f64,
    pub compare: Option<Compare>,
    /// The phase table, or why there is none.
    pub phases: Result<Vec<PhaseRow>, Shortfall>,
}

/// Candidates for annotation: the largest |contribution| events, one per month.
pub(crate) fn annotations(c: &Ctx<'_>, from: Option<Month>) -> Vec<svg::Annotation> {
    let mut eff: Vec<&Effect> = c
        .effects
        .iter()
        .filter(|e| from.is_none_or(|f| e.month >= f))
        .collect();
    eff.sort_by(|x, y| {
        y.contribution
            .abs()
            .total_cmp(&x.contribution.abs())
            .then(x.id.cmp(&y.id))
    });
    let mut seen = HashSet::new();
    eff.into_iter()
        .filter(|e| seen.insert(e.month))
        .take(60)
        .map(|e| {
            let date = c
                .merged
                .get(&e.id)
                .map(|m| m.obs.date.to_string())
                .unwrap_or_else(|| e.month.to_string());
            let d = c.desc(e.id);
            let alt = c.desc_in(c.lang.other(), e.id);
            svg::Annotation {
                month: e.month,
                level: c.a.level.at(e.month).unwrap_or(0.0),
                contribution: e.contribution,
                date,
                label: html::clause(&d).to_string(),
                alt_label: html::clause(&alt).to_string(),
                href: format!("#ev-{}", e.id),
                title: d,
            }
        })
        .collect()
}

/// The forecast's fan, none without a forecast.
pub(crate) fn fan(c: &Ctx<'_>) -> Vec<svg::Fan> {
    let Ok(forecast) = c.inp.forecast else {
        return Vec::new();
    };
    forecast
        .points
        .iter()
        .map(|p| svg::Fan {
            period: p.period,
            level: p.level,
            lo80: p.lo80,
            hi80: p.hi80,
            lo95: p.lo95,
            hi95: p.hi95,
        })
        .collect()
}

pub(crate) fn build(c: &Ctx<'_>) -> Level {
    let a = c.a;
    let chart = Chart {
        months: a.level.points.iter().map(|p| (p.period, p.level)).collect(),
        phases: a
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.start, p.end, i + 1))
            .collect(),
        change_points: a.change_points.clone(),
        fan: fan(c),
        annotations: annotations(c, None),
        references: literature::references(c),
        years: c.years.clone(),
    };
    let phases = a.check(Measure::Phases).map(|()| {
        a.phases
            .iter()
            .map(|p| PhaseRow {
                start: p.start,
                end: p.end,
                months: p.months,
                level: p.level,
                band: p.band,
                trend: p.trend,
                from_level: a.level.before(p.start).unwrap_or(p.start_level),
                end_level: p.end_level,
                min_level: p.min_level,
                max_level: p.max_level,
            })
            .collect()
    });
    Level {
        chart,
        half_life_months: a.level.params.half_life_months,
        compare: c.inp.compare.map(|other| compare::build(c, other)),
        phases,
    }
}

fn band_legend(m: &Catalogue, out: &mut String) {
    out.push_str(r#"<div class="legend">"#);
    for (i, b) in svg::BANDS.iter().enumerate().rev() {
        let (lo, hi) = b.range();
        w!(
            out,
            r#"<span><span class="sw" style="background:{}"></span>{} {}…{}</span>"#,
            svg::BAND_FILL[i],
            esc(m.lang().band(*b)),
            num(lo, 0),
            num(hi, 0)
        );
    }
    out.push_str("</div>");
}

pub fn render(m: &Catalogue, l: &Level, out: &mut String) {
    let lang = m.lang();
    let title = m.get("level.figure");
    let (chart, drawn) = l.chart.draw(m, title, 14, 440.0);
    w!(
        out,
        "<p>{}</p>",
        msg!(m, "level.intro", half_life = num(l.half_life_months, 0))
    );
    w!(out, r#"<figure><div class="scroll">{chart}</div>"#);
    band_legend(m, out);
    let phases = match l.chart.phases.len() {
        0 => String::new(),
        n => msg!(m, "level.caption.phases", n = n),
    };
    let fan = if l.chart.fan.is_empty() {
        ""
    } else {
        m.get("level.caption.fan")
    };
    w!(
        out,
        "<figcaption>{}</figcaption></figure>",
        msg!(
            m,
            "level.caption",
            title = esc(title),
            phases = phases,
            drawn = drawn.len(),
            fan = fan
        )
    );
    if let Some(cmp) = &l.compare {
        compare::render(m, cmp, out);
    }
    w!(out, r#"<h3 id="phases">{}</h3>"#, m.get("level.phases"));
    let rows = match &l.phases {
        Ok(rows) => rows,
        Err(short) => {
            not_computed(m, out, short);
            return;
        }
    };
    w!(out, "<p class=\"small\">{}</p>", m.get("level.phases.note"));
    w!(
        out,
        r#"<div class="tablewrap"><table class="phases"><thead><tr><th></th><th>{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th><th>{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th></tr></thead><tbody>"#,
        m.get("th.period"),
        m.get("th.months"),
        m.get("th.mean"),
        m.get("th.band"),
        m.get("th.trend"),
        m.get("th.start_end"),
        m.get("th.min_max"),
        m.get("th.drivers")
    );
    for (i, p) in rows.iter().enumerate() {
        w!(
            out,
            r##"<tr id="phase-{n}"><td>P{n}</td><td>{} – {}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td><td>{}</td><td class="n">{} → {}</td><td class="n">{} … {}</td><td><a href="#drivers-phase-{n}">{}</a></td></tr>"##,
            p.start,
            p.end,
            p.months,
            num(p.level, 2),
            lang.band(p.band),
            trend(m, p.trend),
            num(p.from_level, 2),
            num(p.end_level, 2),
            num(p.min_level, 2),
            num(p.max_level, 2),
            m.get("level.what_moved"),
            n = i + 1
        );
    }
    out.push_str("</tbody></table></div>\n");
}
