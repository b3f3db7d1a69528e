//! The event flow ahead (end of section 8): the forecast of the monthly event flow at its
//! exponentially weighted rates, and its backtest against persistence and the mean.

use super::forecast::score_table;
use super::{skill_pct, w};
use crate::report::ctx::Ctx;
use crate::report::html::{num, signed};
use crate::report::messages::{msg, Catalogue};
use dyad_analysis::forecast::{FlowBacktest, FlowForecast};
use dyad_analysis::prelude::*;
use std::fmt::Write;

pub struct FlowForecastPart<'a> {
    pub forecast: &'a FlowForecast,
    /// The half-life of the rates, in months.
    pub half_life_months: f64,
    /// The backtest, when it has scored anything.
    pub backtest: Option<&'a FlowBacktest>,
}

/// None without a forecast of the flow (or an empty one).
pub(crate) fn build<'a>(c: &Ctx<'a>) -> Option<FlowForecastPart<'a>> {
    let f = c.inp.flow_forecast?;
    f.events.first()?;
    f.goldstein_sum.first()?;
    Some(FlowForecastPart {
        forecast: f,
        half_life_months: ForecastParams::default().memory_half_life_months,
        backtest: c
            .inp
            .flow_backtest
            .filter(|b| !b.events.origins.is_empty() && b.events.overall.n > 0),
    })
}

pub fn render(m: &Catalogue, p: &FlowForecastPart<'_>, out: &mut String) {
    let f = p.forecast;
    let (Some(e0), Some(g0)) = (f.events.first(), f.goldstein_sum.first()) else {
        return;
    };
    w!(
        out,
        r#"<h3 id="flow-forecast">{}</h3>"#,
        m.get("flow_forecast.heading")
    );
    let q = |i: usize| num(f.quad_rates[i], 1);
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "flow_forecast.intro",
            half_life = num(p.half_life_months, 0),
            events = num(e0.value, 1),
            q1 = q(0),
            q2 = q(1),
            q3 = q(2),
            q4 = q(3),
            goldstein = signed(g0.value, 1)
        )
    );
    w!(
        out,
        r#"<div class="tablewrap"><table class="narrow"><thead><tr><th>{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th></tr></thead><tbody>"#,
        m.get("th.month"),
        m.get("th.events"),
        m.get("th.interval80"),
        m.get("flow_forecast.th.goldstein"),
        m.get("th.interval80")
    );
    for (e, g) in f.events.iter().zip(&f.goldstein_sum) {
        w!(
            out,
            r#"<tr><td>{}</td><td class="n">{}</td><td class="n">{} … {}</td><td class="n">{}</td><td class="n">{} … {}</td></tr>"#,
            e.period,
            num(e.value, 1),
            num(e.lo80, 1),
            num(e.hi80, 1),
            signed(g.value, 1),
            signed(g.lo80, 1),
            signed(g.hi80, 1)
        );
    }
    out.push_str("</tbody></table></div>\n");
    let Some(b) = p.backtest else {
        return;
    };
    let (e, g) = (&b.events.pooled_1_6, &b.goldstein_sum.pooled_1_6);
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "flow_forecast.scored",
            e_mae = num(e.mae, 2),
            e_naive = num(e.mae_naive, 2),
            e_mean = num(e.mae_mean, 2),
            e_skill = skill_pct(e.skill),
            e_skill_mean = skill_pct(e.skill_mean),
            g_mae = num(g.mae, 1),
            g_naive = num(g.mae_naive, 1),
            g_mean = num(g.mae_mean, 1),
            g_skill = skill_pct(g.skill),
            g_skill_mean = skill_pct(g.skill_mean),
            e_cov80 = num(100.0 * b.events.overall.coverage80, 0),
            e_cov95 = num(100.0 * b.events.overall.coverage95, 0),
            g_cov80 = num(100.0 * b.goldstein_sum.overall.coverage80, 0),
            g_cov95 = num(100.0 * b.goldstein_sum.overall.coverage95, 0)
        )
    );
    for (name, s) in [
        (m.get("flow_forecast.events"), &b.events),
        (m.get("flow_forecast.goldstein"), &b.goldstein_sum),
    ] {
        w!(out, "<p><b>{}</b></p>", name);
        score_table(m, out, s, &[1, 3, 6, 12]);
    }
}
