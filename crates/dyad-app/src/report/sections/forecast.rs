//! Section 8, the forecast: the last six years and the next twelve months of the level, the
//! model's terms, the backtest against persistence and the long-run mean (and why there is not
//! more skill, when there is not), then the event flow ahead.

use super::flow_forecast::{self, FlowForecastPart};
use super::level::{annotations, fan, Chart};
use super::{not_computed, skill_pct, w, Comparison};
use crate::report::ctx::Ctx;
use crate::report::html::{esc, num, signed};
use crate::report::messages::{msg, Catalogue};
use dyad_analysis::forecast::Backtest;
use dyad_analysis::prelude::*;
use std::fmt::Write;

pub enum ForecastSection<'a> {
    NotComputed(Shortfall),
    /// The series is empty.
    Empty,
    Shown(Box<Shown<'a>>),
}

/// The terms of the level's model, as the forecast paragraph gives them.
pub struct ModelTerms {
    pub baseline: f64,
    pub retention: f64,
    pub half_life_months: f64,
    pub event_drift: f64,
    pub n: usize,
    pub origin: Month,
    pub volatility: f64,
    pub memory_half_life_months: f64,
}

pub struct Shown<'a> {
    pub chart: Chart,
    pub model: Option<ModelTerms>,
    pub forecast: &'a Forecast,
    /// The backtest, when there is one.
    pub backtest: Option<BacktestPart<'a>>,
}

/// How often the intervals held the outcome, against their nominal coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    TooNarrow,
    TooWide,
    AboutRight,
}

impl Coverage {
    fn of(x: f64, nominal: f64) -> Coverage {
        if x < nominal - 0.03 {
            Coverage::TooNarrow
        } else if x > nominal + 0.03 {
            Coverage::TooWide
        } else {
            Coverage::AboutRight
        }
    }

    fn text(self, m: &Catalogue) -> &str {
        m.get(match self {
            Coverage::TooNarrow => "forecast.coverage.narrow",
            Coverage::TooWide => "forecast.coverage.wide",
            Coverage::AboutRight => "forecast.coverage.right",
        })
    }
}

pub enum BacktestPart<'a> {
    TooShort,
    Scored(Box<Scored<'a>>),
}

pub struct Scored<'a> {
    pub backtest: &'a Backtest,
    pub step: usize,
    pub horizon: usize,
    /// The model against persistence 1–6 months ahead; `None` when too little tested to judge.
    pub comparison: Option<Comparison>,
    pub coverage: (Coverage, Coverage),
    /// The intervals held clearly fewer outcomes than they should.
    pub narrow: bool,
    /// Why there is not more skill: the share of a deviation six months of memory remove, and
    /// the lag-1 autocorrelation of the monthly change due to events.
    pub why_not: Option<(f64, Option<f64>)>,
    pub flow: Option<FlowForecastPart<'a>>,
}

/// Lag-1 autocorrelation of the monthly change of the level due to events: near 0, the months
/// before say nothing about the next month's events.
fn event_change_autocorrelation(level: &LevelSeries) -> Option<f64> {
    let x: Vec<f64> = level.points.iter().skip(1).map(|p| p.event_sum).collect();
    if x.len() < 3 {
        return None;
    }
    let m = x.iter().sum::<f64>() / x.len() as f64;
    let var: f64 = x.iter().map(|v| (v - m).powi(2)).sum();
    let cov: f64 = x.windows(2).map(|w| (w[0] - m) * (w[1] - m)).sum();
    (var > 0.0).then(|| cov / var)
}

pub(crate) fn build<'a>(c: &Ctx<'a>) -> ForecastSection<'a> {
    let a = c.a;
    let f = match c.inp.forecast {
        Ok(f) => f,
        Err(short) => return ForecastSection::NotComputed(short.clone()),
    };
    let Some(origin) = f.origin else {
        return ForecastSection::Empty;
    };
    let from = origin.plus(-71);
    let months: Vec<(Month, f64)> = a
        .level
        .points
        .iter()
        .filter(|p| p.period >= from)
        .map(|p| (p.period, p.level))
        .collect();
    let zoom_from = months.first().map(|m| m.0).unwrap_or(origin);
    let chart = Chart {
        months,
        // numbered as in the phase table, not from 1 again
        phases: a
            .phases
            .iter()
            .enumerate()
            .filter(|(_, p)| p.end >= zoom_from)
            .map(|(i, p)| (p.start.max(zoom_from), p.end, i + 1))
            .collect(),
        change_points: a
            .change_points
            .iter()
            .copied()
            .filter(|m| *m > zoom_from)
            .collect(),
        fan: fan(c),
        annotations: annotations(c, Some(zoom_from)),
        references: Vec::new(),
        years: c.years.clone(),
    };
    let model = f.model.as_ref().map(|m| ModelTerms {
        baseline: m.baseline,
        retention: m.retention,
        half_life_months: a.level.params.half_life_months,
        event_drift: m.event_drift,
        n: m.n,
        origin,
        volatility: m.volatility,
        memory_half_life_months: ForecastParams::default().memory_half_life_months,
    });
    let backtest = c.inp.backtest.map(|b| {
        let o = &b.overall;
        if b.origins.is_empty() || o.n == 0 {
            return BacktestPart::TooShort;
        }
        let s6 = &b.pooled_1_6;
        let judged = c.inp.skill.is_none();
        let why_not = (judged && s6.skill.is_some_and(|k| k < 0.10)).then(|| {
            (
                100.0 * (1.0 - a.level.params.monthly_retention().powi(6)),
                event_change_autocorrelation(&a.level),
            )
        });
        BacktestPart::Scored(Box::new(Scored {
            backtest: b,
            step: c.inp.backtest_params.step,
            horizon: c.inp.backtest_params.horizon,
            comparison: judged.then(|| Comparison::of(s6.mae, s6.mae_naive)),
            coverage: (
                Coverage::of(o.coverage80, 0.80),
                Coverage::of(o.coverage95, 0.95),
            ),
            narrow: o.coverage80 < 0.77 || o.coverage95 < 0.92,
            why_not,
            flow: flow_forecast::build(c),
        }))
    });
    ForecastSection::Shown(Box::new(Shown {
        chart,
        model,
        forecast: f,
        backtest,
    }))
}

/// The backtest table of one series: the given horizons, 1–6 pooled and all pooled.
pub fn score_table(m: &Catalogue, out: &mut String, b: &Backtest, horizons: &[usize]) {
    w!(
        out,
        r#"<div class="tablewrap"><table class="narrow"><thead><tr><th class="n">{}</th><th class="n">n</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">MASE</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th></tr></thead><tbody>"#,
        m.get("score.th.ahead"),
        m.get("score.th.mae"),
        m.get("score.th.mae_naive"),
        m.get("score.th.mae_mean"),
        m.get("score.th.skill"),
        m.get("score.th.mase_naive"),
        m.get("score.th.coverage80"),
        m.get("score.th.coverage95")
    );
    let rows = b
        .per_horizon
        .iter()
        .filter(|h| horizons.contains(&h.h))
        .map(|h| (h.h.to_string(), h))
        .chain([
            (m.get("score.pooled_1_6").to_string(), &b.pooled_1_6),
            (m.get("score.pooled").to_string(), &b.overall),
        ]);
    for (label, h) in rows {
        w!(
            out,
            r#"<tr><td class="n">{label}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}%</td><td class="n">{}%</td></tr>"#,
            h.n,
            num(h.mae, 3),
            num(h.mae_naive, 3),
            num(h.mae_mean, 3),
            skill_pct(h.skill),
            num(h.mase, 2),
            num(h.mase_naive, 2),
            num(100.0 * h.coverage80, 0),
            num(100.0 * h.coverage95, 0)
        );
    }
    out.push_str("</tbody></table></div>\n");
}

pub fn render(m: &Catalogue, f: &ForecastSection<'_>, out: &mut String) {
    let lang = m.lang();
    let s = match f {
        ForecastSection::NotComputed(short) => {
            not_computed(m, out, short);
            return;
        }
        ForecastSection::Empty => {
            w!(out, "<p>{}</p>", m.get("forecast.empty"));
            return;
        }
        ForecastSection::Shown(s) => s,
    };
    let title = m.get("forecast.figure");
    let (chart, _) = s.chart.draw(m, title, 8, 360.0);
    if let Some(t) = &s.model {
        w!(
            out,
            "<p>{}</p>",
            msg!(
                m,
                "forecast.model",
                baseline = num(t.baseline, 1),
                retention = num(t.retention, 3),
                half_life = num(t.half_life_months, 0),
                drift = signed(t.event_drift, 3),
                n = t.n,
                origin = lang.month(t.origin),
                volatility = num(t.volatility, 2),
                weight_half_life = num(t.memory_half_life_months, 0)
            )
        );
    }
    w!(
        out,
        r#"<figure><div class="scroll">{chart}</div><figcaption>{}. {}</figcaption></figure>"#,
        esc(title),
        m.get("forecast.caption")
    );
    w!(
        out,
        r#"<div class="tablewrap"><table class="narrow"><thead><tr><th>{}</th><th class="n">{}</th><th>{}</th><th class="n">{}</th><th class="n">{}</th></tr></thead><tbody>"#,
        m.get("th.month"),
        m.get("forecast.th.forecast"),
        m.get("th.band"),
        m.get("th.interval80"),
        m.get("forecast.th.interval95")
    );
    for p in &s.forecast.points {
        w!(
            out,
            r#"<tr><td>{}</td><td class="n">{}</td><td>{}</td><td class="n">{} … {}</td><td class="n">{} … {}</td></tr>"#,
            p.period,
            num(p.level, 2),
            lang.band(Band::of(p.level)),
            num(p.lo80, 2),
            num(p.hi80, 2),
            num(p.lo95, 2),
            num(p.hi95, 2)
        );
    }
    out.push_str("</tbody></table></div>\n");
    // Backtest.
    let Some(b) = &s.backtest else {
        return;
    };
    w!(
        out,
        r#"<h3 id="backtest">{}</h3>"#,
        m.get("forecast.backtest")
    );
    let sc = match b {
        BacktestPart::TooShort => {
            w!(out, "<p>{}</p>", m.get("forecast.backtest.too_short"));
            return;
        }
        BacktestPart::Scored(sc) => sc,
    };
    let bt = sc.backtest;
    let (o, s6) = (&bt.overall, &bt.pooled_1_6);
    let (c80, c95) = (sc.coverage.0.text(m), sc.coverage.1.text(m));
    let judgement = if c80 == c95 {
        msg!(m, "forecast.coverage.both", c = c80)
    } else {
        msg!(m, "forecast.coverage.each", c80 = c80, c95 = c95)
    };
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "forecast.scored",
            step = sc.step,
            first = lang.month(bt.origins[0]),
            last = lang.month(bt.origins[bt.origins.len() - 1]),
            origins = bt.origins.len(),
            horizon = sc.horizon,
            n = o.n,
            mae = num(s6.mae, 3),
            naive = num(s6.mae_naive, 3),
            mean = num(s6.mae_mean, 3),
            skill = skill_pct(s6.skill),
            skill_mean = skill_pct(s6.skill_mean),
            comparison = match sc.comparison {
                Some(cmp) => cmp.text(m),
                None => m.get("comparison.untested"),
            },
            all_mae = num(o.mae, 3),
            all_naive = num(o.mae_naive, 3),
            all_mean = num(o.mae_mean, 3),
            mase = num(o.mase, 2),
            mase_naive = num(o.mase_naive, 2),
            cov80 = num(100.0 * o.coverage80, 0),
            cov95 = num(100.0 * o.coverage95, 0),
            judgement = judgement,
            narrow = if sc.narrow {
                m.get("forecast.narrow")
            } else {
                ""
            }
        )
    );
    // Why there is not more skill, when there is not.
    if let Some((six, r)) = sc.why_not {
        w!(
            out,
            "<p>{}</p>",
            msg!(
                m,
                "forecast.why_not",
                six = num(six, 0),
                r = r.map_or_else(|| "–".to_string(), |r| signed(r, 2))
            )
        );
    }
    score_table(m, out, bt, &[1, 3, 6, 12]);
    if let Some(fl) = &sc.flow {
        flow_forecast::render(m, fl, out);
    }
}
