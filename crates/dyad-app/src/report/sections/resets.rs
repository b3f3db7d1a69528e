//! Section 5, reset cycles (trough → peak → trough) with their presidents, drivers and
//! achievements, and the spiral-decline test of seed 001.

use super::{event_item, not_computed, verdict, w};
use crate::report::ctx::Ctx;
use crate::report::html::{esc, num, signed};
use crate::report::messages::{msg, Catalogue};
use crate::report::model::EventRef;
use crate::report::svg;
use crate::report::Lang;
use dyad_analysis::cycles::{TrendTest, Verdict, SPIRAL_ALPHA};
use dyad_analysis::prelude::*;
use std::fmt::Write;

pub struct CycleRow {
    /// Trough, peak and end: month and level.
    pub trough: (Month, f64),
    pub peak: (Month, f64),
    pub end: (Month, f64),
    pub open: bool,
    /// The two sides' presidents from the trough to the peak; `true` for those at the peak.
    pub presidents: [(String, Vec<(String, bool)>); 2],
    pub rise_drivers: Vec<EventRef>,
    pub achieved: Vec<EventRef>,
    /// Achievements beyond those listed.
    pub more: usize,
    pub fall_drivers: Vec<EventRef>,
    pub rise_months: i64,
    pub high_months: i64,
    pub fall_months: i64,
    pub rise: f64,
    pub fall: f64,
}

/// One sequence's trend test, and whether it falls significantly.
pub struct Trend {
    pub slope: f64,
    pub slope_se: f64,
    pub tau: f64,
    pub p: f64,
    pub n: usize,
    pub significant: bool,
}

pub struct Spiral {
    /// Trough months, levels and the cycle each links to.
    pub troughs: Vec<(Month, f64, Option<String>)>,
    pub verdict: Verdict,
    /// Why, as the analysis words it (in English only: the Chinese report leaves it out).
    pub reason: Option<String>,
    pub trough_trend: Trend,
    pub high_trend: Trend,
    pub alpha: f64,
}

pub struct ResetsBody {
    pub min_amplitude: f64,
    pub cycles: Vec<CycleRow>,
    pub spiral: Spiral,
}

pub type Resets = Result<ResetsBody, Shortfall>;

/// How much an event of this code says the rise achieved something (lower is more).
fn achievement_rank(cameo: &str, meeting: bool) -> Option<u8> {
    match cameo {
        c if c.starts_with("057") => Some(0),
        c if c.starts_with("06") => Some(1),
        c if c.starts_with("04") && meeting => Some(2),
        c if c.starts_with("03") => Some(3),
        c if c.starts_with("05") => Some(4),
        c if c.starts_with("04") => Some(5),
        _ => None,
    }
}

/// The presidents of `country` in office from `from` to `to`, `true` for those at `to`.
fn presidents(c: &Ctx<'_>, country: &str, from: Month, to: Month) -> Vec<(String, bool)> {
    let (Ok(a), Ok(z)) = (
        dyad_model::EventDate::month(from.year(), from.month()),
        dyad_model::EventDate::month(to.year(), to.month()),
    ) else {
        return Vec::new();
    };
    let (a, z) = (a.first_day().ordinal(), z.last_day().ordinal());
    let mut terms: Vec<&dyad_coder::Tenure> = c
        .inp
        .people
        .tenures()
        .iter()
        .filter(|t| {
            t.country == country
                && t.position == "president"
                && t.start.ordinal() <= z
                && t.end.is_none_or(|e| e.ordinal() > a)
        })
        .collect();
    terms.sort_by_key(|t| t.start.ordinal());
    let at_peak = |t: &dyad_coder::Tenure| t.end.is_none_or(|e| e.ordinal() > z);
    let mut names: Vec<(String, bool)> = Vec::new();
    for t in terms {
        let n = (c.person(&t.key), at_peak(t));
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names
}

fn trend(t: &TrendTest) -> Trend {
    Trend {
        slope: t.slope,
        slope_se: t.slope_se,
        tau: t.kendall_tau,
        p: t.p_decreasing,
        n: t.n,
        significant: t.slope < 0.0 && t.p_decreasing < SPIRAL_ALPHA,
    }
}

pub(crate) fn build(c: &Ctx<'_>) -> Resets {
    let a = c.a;
    let (x, y) = (&a.dyad.0, &a.dyad.1);
    a.check(Measure::Cycles)?;
    let meeting_of = |id: i64| c.rows(id).any(|r| r.meeting.is_some());
    let cycles = a
        .cycles
        .iter()
        .map(|cy| {
            let rise_ids: Vec<i64> = cy
                .rise_drivers
                .iter()
                .filter(|d| d.contribution > 0.0)
                .take(3)
                .map(|d| d.id)
                .collect();
            let mut achieved: Vec<(u8, f64, i64)> = c
                .effects_in(cy.trough.period.succ(), cy.peak.period)
                .filter_map(|e| {
                    let m = c.merged.get(&e.id)?;
                    if !matches!(m.obs.quad_class, 1 | 2) || rise_ids.contains(&e.id) {
                        return None;
                    }
                    Some((
                        achievement_rank(&m.obs.cameo, meeting_of(e.id))?,
                        e.contribution,
                        e.id,
                    ))
                })
                .collect();
            achieved.sort_by(|p, q| p.0.cmp(&q.0).then(q.1.total_cmp(&p.1)).then(p.2.cmp(&q.2)));
            let side = |code: &str| {
                (
                    code.to_string(),
                    presidents(c, code, cy.trough.period, cy.peak.period),
                )
            };
            CycleRow {
                trough: (cy.trough.period, cy.trough.level),
                peak: (cy.peak.period, cy.peak.level),
                end: (cy.end.period, cy.end.level),
                open: cy.open,
                presidents: [side(x), side(y)],
                rise_drivers: rise_ids.iter().map(|id| c.event(*id)).collect(),
                more: achieved.len().saturating_sub(4),
                achieved: achieved.iter().take(4).map(|e| c.event(e.2)).collect(),
                fall_drivers: cy
                    .fall_drivers
                    .iter()
                    .filter(|d| d.contribution < 0.0)
                    .take(3)
                    .map(|d| c.event(d.id))
                    .collect(),
                rise_months: i64::from(cy.rise_months),
                high_months: i64::from(cy.high_months),
                fall_months: i64::from(cy.fall_months),
                rise: cy.rise,
                fall: cy.fall,
            }
        })
        .collect();
    let s = &a.spiral;
    let spiral = Spiral {
        troughs: s
            .trough_months
            .iter()
            .zip(&s.troughs.values)
            .enumerate()
            .map(|(i, (m, l))| {
                (
                    *m,
                    *l,
                    Some(format!("#cycle-{}", (i + 1).min(a.cycles.len()))),
                )
            })
            .collect(),
        verdict: s.verdict,
        reason: (c.lang == Lang::En).then(|| s.reason.clone()),
        trough_trend: trend(&s.troughs),
        high_trend: trend(&s.high_durations),
        alpha: SPIRAL_ALPHA,
    };
    Ok(ResetsBody {
        min_amplitude: CycleParams::default().min_amplitude,
        cycles,
        spiral,
    })
}

pub fn render(m: &Catalogue, r: &Resets, out: &mut String) {
    let lang = m.lang();
    let r = match r {
        Ok(r) => r,
        Err(short) => {
            not_computed(m, out, short);
            return;
        }
    };
    w!(
        out,
        "<p>{}</p>",
        msg!(m, "resets.intro", swing = num(r.min_amplitude, 1))
    );
    w!(
        out,
        r#"<div class="tablewrap"><table class="resets"><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class="n">{}</th></tr></thead><tbody>"#,
        m.get("resets.th.period"),
        m.get("resets.th.presidents"),
        m.get("resets.th.rise"),
        m.get("resets.th.achieved"),
        m.get("resets.th.ended"),
        m.get("resets.th.duration")
    );
    let items = |v: &[EventRef]| -> Vec<String> { v.iter().map(|e| event_item(e, 64)).collect() };
    let ul = |v: &[String]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            format!(
                "<ul>{}</ul>",
                v.iter()
                    .map(|s| format!("<li>{s}</li>"))
                    .collect::<String>()
            )
        }
    };
    let presidents = |v: &[(String, bool)]| {
        v.iter()
            .map(|(n, bold)| {
                let n = esc(n);
                if *bold {
                    format!("<b>{n}</b>")
                } else {
                    n
                }
            })
            .collect::<Vec<_>>()
            .join(" → ")
    };
    for (i, cy) in r.cycles.iter().enumerate() {
        let mut ach = items(&cy.achieved);
        if cy.more > 0 {
            ach.push(format!(
                r#"<span class="small">{}</span>"#,
                msg!(m, "resets.more", n = cy.more)
            ));
        }
        let end = if cy.open {
            format!("{} {}", cy.end.0, m.get("resets.open"))
        } else {
            cy.end.0.to_string()
        };
        let [(x, px), (y, py)] = &cy.presidents;
        w!(
            out,
            r#"<tr id="cycle-{n}"><td>{n}</td><td><span class="nw">{} →</span> <span class="nw">{} →</span> <span class="nw">{}</span><br><span class="small">{} → {} → {}</span></td><td>{}{} {}<br>{}{} {}</td><td>{}</td><td>{}</td><td>{}</td><td class="n">{} {} <span class="pos">{}</span><br>{} {}<br>{} {} <span class="neg">{}</span></td></tr>"#,
            cy.trough.0,
            cy.peak.0,
            esc(&end),
            num(cy.trough.1, 2),
            num(cy.peak.1, 2),
            num(cy.end.1, 2),
            esc(&lang.short_actor(x)),
            m.get("colon"),
            presidents(px),
            esc(&lang.short_actor(y)),
            m.get("colon"),
            presidents(py),
            ul(&items(&cy.rise_drivers)),
            ul(&ach),
            ul(&items(&cy.fall_drivers)),
            m.get("resets.rise"),
            m.plural("months", cy.rise_months),
            signed(cy.rise, 2),
            m.get("resets.high"),
            m.plural("months", cy.high_months),
            m.get("resets.fall"),
            m.plural("months", cy.fall_months),
            signed(-cy.fall.abs(), 2),
            n = i + 1
        );
    }
    out.push_str("</tbody></table></div>\n");
    // The spiral-decline test.
    let s = &r.spiral;
    w!(out, r#"<h3 id="spiral">{}</h3>"#, m.get("resets.spiral"));
    let title = m.get("resets.figure");
    let chart = svg::spiral_chart(m, title, &s.troughs, s.trough_trend.slope);
    if !chart.is_empty() {
        w!(
            out,
            r#"<figure><div class="scroll">{chart}</div><figcaption>{}. {}</figcaption></figure>"#,
            esc(title),
            m.get("resets.caption")
        );
    }
    let (tr, hd) = (&s.trough_trend, &s.high_trend);
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "resets.verdict",
            verdict = verdict(m, s.verdict),
            reason = s
                .reason
                .as_ref()
                .map(|r| msg!(m, "resets.reason", reason = esc(r)))
                .unwrap_or_default(),
            t_slope = signed(tr.slope, 3),
            t_se = num(tr.slope_se, 3),
            t_tau = signed(tr.tau, 2),
            t_p = num(tr.p, 3),
            t_n = tr.n,
            t_sig = m.get(if tr.significant {
                "resets.troughs.sig"
            } else {
                "resets.troughs.not_sig"
            }),
            h_slope = signed(hd.slope, 2),
            h_se = num(hd.slope_se, 2),
            h_tau = signed(hd.tau, 2),
            h_p = num(hd.p, 3),
            h_n = hd.n,
            h_sig = m.get(if hd.significant {
                "resets.highs.sig"
            } else {
                "resets.highs.not_sig"
            }),
            alpha = num(s.alpha, 2)
        )
    );
}
