//! The summary: where the level stands, its largest falls, the current phase, the reset cycles
//! and the forecast, in a few lines that link to their sections.

use super::{link, skill_pct, trend, verdict, w, Comparison};
use crate::report::ctx::Ctx;
use crate::report::html::{esc, num, short, signed};
use crate::report::messages::{msg, Catalogue};
use crate::report::model::EventRef;
use dyad_analysis::cycles::Verdict;
use dyad_analysis::prelude::*;
use std::fmt::Write;

pub enum Summary {
    /// No events, no level.
    Empty,
    Filled(Box<Filled>),
}

pub struct Filled {
    pub first: Point,
    pub last: Point,
    pub max: Point,
    pub min: Point,
    /// The largest monthly falls, each with the event that did most.
    pub falls: Vec<Fall>,
    pub phase: Option<CurrentPhase>,
    /// The reset cycles and the spiral test, when cycles are computed.
    pub spiral: Option<SpiralLine>,
    pub forecast: Option<ForecastLine>,
}

#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub month: Month,
    pub level: f64,
}

pub struct Fall {
    pub month: Month,
    pub change: f64,
    /// The event that lowered the level most that month, and how many public sources report it.
    pub event: Option<(EventRef, usize)>,
}

pub struct CurrentPhase {
    pub phases: usize,
    pub start: Month,
    pub level: f64,
    pub band: Band,
    pub trend: &'static str,
}

pub struct SpiralLine {
    pub cycles: usize,
    pub verdict: Verdict,
    pub trough_slope: f64,
    pub trough_p: f64,
    pub high_slope: f64,
    pub high_p: f64,
}

pub struct ForecastLine {
    pub month: Month,
    pub level: f64,
    pub lo80: f64,
    pub hi80: f64,
    /// The backtest 1–6 months ahead against persistence, when it may be judged.
    pub skill: Option<SkillLine>,
    pub flow: Option<FlowLine>,
}

pub struct SkillLine {
    pub comparison: Comparison,
    pub mae: f64,
    pub mae_naive: f64,
    pub skill: Option<f64>,
}

pub struct FlowLine {
    pub events: f64,
    pub goldstein: f64,
    pub skill_events: Option<f64>,
    pub skill_goldstein: Option<f64>,
}

pub(crate) fn build(c: &Ctx<'_>) -> Summary {
    let a = c.a;
    let pts = &a.level.points;
    let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
        return Summary::Empty;
    };
    let min = pts
        .iter()
        .min_by(|x, y| x.level.total_cmp(&y.level))
        .unwrap_or(first);
    let max = pts
        .iter()
        .max_by(|x, y| x.level.total_cmp(&y.level))
        .unwrap_or(first);
    let point = |p: &dyad_analysis::level::LevelPoint| Point {
        month: p.period,
        level: p.level,
    };
    let mut falls: Vec<&dyad_analysis::level::LevelPoint> =
        pts.iter().filter(|p| p.change < 0.0).collect();
    falls.sort_by(|x, y| x.change.total_cmp(&y.change));
    let falls = falls
        .iter()
        .take(4)
        .map(|p| {
            let (_, neg) = c.top_events(p.period, p.period, 1);
            Fall {
                month: p.period,
                change: p.change,
                event: neg.first().map(|e| {
                    // Provenance in the summary: how many public sources report the event.
                    let sources: usize =
                        c.a.reports_of(e.id).iter().map(|r| r.citation.len()).sum();
                    (c.event(e.id), sources)
                }),
            }
        })
        .collect();
    let phase = a.phases.last().map(|cur| CurrentPhase {
        phases: a.phases.len(),
        start: cur.start,
        level: cur.level,
        band: cur.band,
        trend: cur.trend,
    });
    let s = &a.spiral;
    let spiral = a.check(Measure::Cycles).is_ok().then_some(SpiralLine {
        cycles: a.cycles.len(),
        verdict: s.verdict,
        trough_slope: s.troughs.slope,
        trough_p: s.troughs.p_decreasing,
        high_slope: s.high_durations.slope,
        high_p: s.high_durations.p_decreasing,
    });
    let forecast = c
        .inp
        .forecast
        .ok()
        .and_then(|f| f.points.last())
        .map(|p| ForecastLine {
            month: p.period,
            level: p.level,
            lo80: p.lo80,
            hi80: p.hi80,
            skill: match (c.inp.backtest, c.inp.skill) {
                (Some(b), None) => {
                    let o = &b.pooled_1_6;
                    Some(SkillLine {
                        comparison: Comparison::of(o.mae, o.mae_naive),
                        mae: o.mae,
                        mae_naive: o.mae_naive,
                        skill: o.skill,
                    })
                }
                _ => None,
            },
            flow: match (c.inp.flow_forecast, c.inp.flow_backtest, c.inp.skill) {
                (Some(f), Some(b), None) => match (f.events.first(), f.goldstein_sum.first()) {
                    (Some(e), Some(g)) => Some(FlowLine {
                        events: e.value,
                        goldstein: g.value,
                        skill_events: b.events.skill_1_6,
                        skill_goldstein: b.goldstein_sum.skill_1_6,
                    }),
                    _ => None,
                },
                _ => None,
            },
        });
    Summary::Filled(Box::new(Filled {
        first: point(first),
        last: point(last),
        max: point(max),
        min: point(min),
        falls,
        phase,
        spiral,
        forecast,
    }))
}

pub fn render(m: &Catalogue, s: &Summary, out: &mut String) {
    let lang = m.lang();
    let Summary::Filled(s) = s else {
        w!(out, "<p>{}</p>", m.get("summary.empty"));
        return;
    };
    out.push_str(r#"<ul class="key">"#);
    let band = |l: f64| lang.band(Band::of(l));
    let (first, last, max, min) = (s.first, s.last, s.max, s.min);
    w!(
        out,
        "<li>{}</li>",
        msg!(
            m,
            "summary.level",
            last = lang.month(last.month),
            level = num(last.level, 2),
            band = band(last.level),
            first = lang.month(first.month),
            first_level = num(first.level, 2),
            max = lang.month(max.month),
            max_level = num(max.level, 2),
            max_band = band(max.level),
            min = lang.month(min.month),
            min_level = num(min.level, 2),
            min_band = band(min.level)
        )
    );
    let items: Vec<String> = s
        .falls
        .iter()
        .map(|f| {
            let what = f
                .event
                .as_ref()
                .map(|(e, sources)| {
                    let sources = match sources {
                        0 => String::new(),
                        &n => m.plural("summary.sources", n as i64),
                    };
                    msg!(
                        m,
                        "summary.fall_event",
                        event = link(e, &short(&e.desc, 46)),
                        sources = sources
                    )
                })
                .unwrap_or_default();
            format!(
                "{} <span class=\"neg\">{}</span>{}",
                esc(&lang.month(f.month)),
                signed(f.change, 2),
                what
            )
        })
        .collect();
    if !items.is_empty() {
        w!(
            out,
            "<li>{}{}</li>",
            m.get("summary.falls"),
            items.join(m.get("list.sep"))
        );
    }
    if let Some(p) = &s.phase {
        w!(
            out,
            "<li>{}</li>",
            msg!(
                m,
                "summary.phases",
                phases = p.phases,
                start = lang.month(p.start),
                level = num(p.level, 2),
                band = lang.band(p.band),
                trend = trend(m, p.trend)
            )
        );
    }
    if let Some(sp) = &s.spiral {
        w!(
            out,
            "<li>{}</li>",
            msg!(
                m,
                "summary.cycles",
                cycles = sp.cycles,
                verdict = verdict(m, sp.verdict),
                trough_slope = signed(sp.trough_slope, 2),
                trough_p = num(sp.trough_p, 3),
                high_slope = signed(sp.high_slope, 1),
                high_p = num(sp.high_p, 3)
            )
        );
    }
    if let Some(f) = &s.forecast {
        let skill = match &f.skill {
            Some(k) => msg!(
                m,
                "summary.skill",
                comparison = k.comparison.text(m),
                mae = num(k.mae, 3),
                naive = num(k.mae_naive, 3),
                skill = skill_pct(k.skill)
            ),
            None => m.get("summary.skill_unknown").to_string(),
        };
        let flow = match &f.flow {
            Some(fl) => msg!(
                m,
                "summary.flow",
                events = num(fl.events, 1),
                goldstein = signed(fl.goldstein, 1),
                skill_events = skill_pct(fl.skill_events),
                skill_goldstein = skill_pct(fl.skill_goldstein)
            ),
            None => String::new(),
        };
        w!(
            out,
            "<li>{}</li>",
            msg!(
                m,
                "summary.forecast",
                month = lang.month(f.month),
                level = num(f.level, 2),
                band = lang.band(Band::of(f.level)),
                lo = num(f.lo80, 2),
                hi = num(f.hi80, 2),
                skill = skill,
                flow = flow
            )
        );
    }
    out.push_str("</ul>\n");
}
