//! Section 6: the data's eras, and the periods and resets the literature names set beside them
//! (`data/literature/`): for each literature period the level over its months, for each reset
//! the data's cycle (trough, peak, rise and fall, drivers), and where they disagree.

use super::{event_item, not_computed, trend, ul, w};
use crate::report::ctx::Ctx;
use crate::report::html::{esc, num, signed};
use crate::report::messages::{msg, Catalogue};
use crate::report::model::EventRef;
use crate::report::svg;
use dyad_analysis::cycles::Driver;
use dyad_analysis::literature::{
    read_period, read_resets, Check, CompareParams, LitPeriod, LitReset, Literature, Outcome, Span,
    Start,
};
use dyad_analysis::prelude::*;
use std::fmt::Write;

pub struct EraRow {
    pub era: Phase,
    /// The first and last phase of the era.
    pub phases: Option<(usize, usize)>,
    pub opened_by: Vec<EventRef>,
    pub defining: Vec<EventRef>,
}

pub struct PeriodRow<'a> {
    pub period: &'a LitPeriod,
    /// The level over the period's months, when the data cover them.
    pub data: Option<Phase>,
    pub eras: Vec<usize>,
    pub checks: Vec<Check>,
}

/// The data's cycle matched to a reset.
pub struct MatchedCycle {
    /// Its index in the cycles (section 5 numbers it from 1).
    pub index: usize,
    pub trough: (Month, f64),
    pub peak: (Month, f64),
    pub end: (Month, f64),
    pub open: bool,
    pub rise_months: i64,
    pub high_months: i64,
    pub fall_months: i64,
    pub rise_drivers: Vec<EventRef>,
    pub fall_drivers: Vec<EventRef>,
}

pub struct ResetRow<'a> {
    /// Its number in the table (the literature's order).
    pub number: usize,
    pub reset: &'a LitReset,
    pub cycle: Option<MatchedCycle>,
    pub checks: Vec<Check>,
}

pub struct LiteratureTables<'a> {
    pub literature: &'a Literature,
    pub periods: Vec<PeriodRow<'a>>,
    pub resets: Vec<ResetRow<'a>>,
    /// Every check where data and literature disagree, with the name of its period or reset.
    pub differ: Vec<(String, Check)>,
}

pub struct Eras<'a> {
    pub min_months: usize,
    pub window: usize,
    pub max_eras: usize,
    pub rows: Vec<EraRow>,
    /// The literature beside the eras (US–Russia reports only).
    pub literature: Option<LiteratureTables<'a>>,
}

pub type LiteratureSection<'a> = Result<Eras<'a>, Shortfall>;

/// The literature's periods for the level chart (US–Russia reports only).
pub(crate) fn references(c: &Ctx<'_>) -> Vec<svg::Reference> {
    let (Some(lit), Some(last)) = (c.inp.literature, c.a.level.points.last()) else {
        return Vec::new();
    };
    lit.periods
        .iter()
        .map(|p| svg::Reference {
            from: p.span.first_month(),
            to: p.span.last_month().unwrap_or(last.period),
            label: c.pick(&p.name_en, &p.name_zh).to_string(),
            href: format!("#lit-{}", p.id),
        })
        .collect()
}

fn events(c: &Ctx<'_>, ds: &[Driver], k: usize) -> Vec<EventRef> {
    ds.iter().take(k).map(|d| c.event(d.id)).collect()
}

pub(crate) fn build<'a>(c: &Ctx<'a>) -> LiteratureSection<'a> {
    let a = c.a;
    a.check(Measure::Phases)?;
    let p = EraParams::default();
    let rows = a
        .eras
        .iter()
        .map(|e| EraRow {
            era: e.span.clone(),
            phases: e.phases,
            opened_by: events(c, &e.opened_by, 1),
            defining: events(c, &e.defining_events, 3),
        })
        .collect();
    let literature = c.inp.literature.map(|lit| {
        let params = CompareParams::default();
        let mut differ = Vec::new();
        let periods = lit
            .periods
            .iter()
            .map(|p| {
                let r = read_period(&a.level, &a.eras, &a.phases, p, &params);
                for ch in r.checks.iter().filter(|ch| !ch.agrees()) {
                    differ.push((c.pick(&p.name_en, &p.name_zh).to_string(), ch.clone()));
                }
                PeriodRow {
                    period: p,
                    data: r.data,
                    eras: r.eras,
                    checks: r.checks,
                }
            })
            .collect();
        let readings = read_resets(&a.cycles, &lit.resets, &CompareParams::default());
        let resets = readings
            .into_iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let lr = lit.resets.iter().find(|x| x.id == r.id)?;
                for ch in r.checks.iter().filter(|ch| !ch.agrees()) {
                    differ.push((c.pick(&lr.name_en, &lr.name_zh).to_string(), ch.clone()));
                }
                Some(ResetRow {
                    number: i + 1,
                    reset: lr,
                    cycle: r.cycle.map(|k| {
                        let cy = &a.cycles[k];
                        MatchedCycle {
                            index: k,
                            trough: (cy.trough.period, cy.trough.level),
                            peak: (cy.peak.period, cy.peak.level),
                            end: (cy.end.period, cy.end.level),
                            open: cy.open,
                            rise_months: i64::from(cy.rise_months),
                            high_months: i64::from(cy.high_months),
                            fall_months: i64::from(cy.fall_months),
                            rise_drivers: events(c, &cy.rise_drivers, 3),
                            fall_drivers: events(c, &cy.fall_drivers, 3),
                        }
                    }),
                    checks: r.checks,
                })
            })
            .collect();
        LiteratureTables {
            literature: lit,
            periods,
            resets,
            differ,
        }
    });
    Ok(Eras {
        min_months: p.min_months,
        window: 2 * p.noise_half_window + 1,
        max_eras: p.max_eras,
        rows,
        literature,
    })
}

/// The span as the literature gives it: `1991 – 2016`, `2025-02 –`.
fn span_text(m: &Catalogue, s: &Span) -> String {
    let d = |d: &dyad_model::EventDate| m.lang().span_date(d);
    match &s.to {
        Some(t) => format!("{} – {}", d(&s.from), d(t)),
        None => format!("{} – {}", d(&s.from), m.get("lit.not_ended")),
    }
}

/// "seed 000" / "种子文献000", linking to the list of sources.
fn cite(m: &Catalogue, lit: &Literature, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|id| lit.source(id))
        .map(|s| {
            format!(
                r##"<a href="#lit-src-{}">{}</a>"##,
                esc(&s.id),
                msg!(m, "lit.seed", seed = esc(&s.seed))
            )
        })
        .collect::<Vec<_>>()
        .join(m.get("sep.enum"))
}

fn months_apart(m: &Catalogue, from: Month, to: Month) -> String {
    let d = from.until(to);
    match d.signum() {
        0 => m.get("lit.apart.same").to_string(),
        1 => msg!(
            m,
            "lit.apart.later",
            months = m.plural("months", i64::from(d))
        ),
        _ => msg!(
            m,
            "lit.apart.earlier",
            months = m.plural("months", i64::from(-d))
        ),
    }
}

/// One check as a short sentence in the report's language, marked as agreement or not.
fn check_text(m: &Catalogue, ch: &Check) -> String {
    let lang = m.lang();
    let mo = |x: Month| lang.month(x);
    let body = match ch {
        Check::Start {
            expected, level, ..
        } => msg!(
            m,
            "lit.check.start",
            expected = m.get(match expected {
                Start::High => "lit.start.high",
                Start::Low => "lit.start.low",
            }),
            level = signed(*level, 2)
        ),
        Check::Band {
            expected, found, ..
        } => msg!(
            m,
            "lit.check.band",
            expected = lang.band(*expected),
            found = lang.band(*found)
        ),
        Check::Trend {
            expected, found, ..
        } => msg!(
            m,
            "lit.check.trend",
            expected = trend(m, expected),
            found = trend(m, found)
        ),
        Check::Boundary {
            literature,
            era,
            phase,
            ..
        } => {
            let era = match era {
                Some(e) => msg!(
                    m,
                    "lit.check.era",
                    era = mo(*e),
                    apart = months_apart(m, *literature, *e)
                ),
                None => m.get("lit.check.no_era").into(),
            };
            let phase = phase
                .map(|p| msg!(m, "lit.check.phase", phase = mo(p)))
                .unwrap_or_default();
            msg!(
                m,
                "lit.check.boundary",
                month = mo(*literature),
                era = era,
                phase = phase
            )
        }
        Check::Began { trough, offset, .. } => match (trough, offset) {
            (Some(t), Some(o)) => msg!(
                m,
                "lit.check.began",
                trough = mo(*t),
                months = m.plural("months", i64::from(o.abs())),
                dir = m.get(if *o >= 0 {
                    "lit.began.after"
                } else {
                    "lit.began.before"
                })
            ),
            _ => msg!(
                m,
                "lit.check.not_began",
                months = m.plural(
                    "months",
                    i64::from(CompareParams::default().match_window_months)
                )
            ),
        },
        Check::Outcome {
            expected, closed, ..
        } => m
            .get(match (expected, closed) {
                (Outcome::Failed, Some(true)) => "lit.outcome.failed.fell",
                (Outcome::Failed, _) => "lit.outcome.failed.held",
                (Outcome::Ongoing, Some(false)) => "lit.outcome.ongoing.held",
                (Outcome::Ongoing, _) => "lit.outcome.ongoing.fell",
            })
            .to_string(),
        Check::End {
            literature, data, ..
        } => match data {
            Some(d) => msg!(
                m,
                "lit.check.end",
                literature = mo(*literature),
                data = mo(*d),
                apart = months_apart(m, *literature, *d)
            ),
            None => msg!(m, "lit.check.end_open", literature = mo(*literature)),
        },
        Check::Split { cycles: 1, .. } => m.get("lit.check.split_one").to_string(),
        Check::Split { cycles, .. } => msg!(m, "lit.check.split", cycles = cycles),
    };
    let (mark, cls) = if ch.agrees() {
        (m.get("lit.agrees"), "pos")
    } else {
        (m.get("lit.differs"), "neg")
    };
    format!(
        r#"<span class="{cls}">{mark}</span>{} {}"#,
        m.get("colon"),
        esc(&body)
    )
}

fn items(v: &[EventRef]) -> Vec<String> {
    v.iter().map(|e| event_item(e, 60)).collect()
}

fn eras_table(m: &Catalogue, e: &Eras<'_>, out: &mut String) {
    let lang = m.lang();
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "lit.eras.intro",
            min_months = e.min_months,
            window = e.window,
            max_eras = e.max_eras
        )
    );
    w!(
        out,
        r#"<div class="tablewrap"><table class="eras"><thead><tr><th></th><th>{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th><th>{}</th><th class="n">{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        m.get("th.period"),
        m.get("th.months"),
        m.get("th.mean"),
        m.get("th.band"),
        m.get("th.trend"),
        m.get("th.start_end"),
        m.get("lit.th.phases"),
        m.get("lit.th.opened"),
        m.get("lit.th.largest")
    );
    for (i, r) in e.rows.iter().enumerate() {
        let era = &r.era;
        let phases = r
            .phases
            .map(|(x, y)| {
                (x..=y)
                    .map(|n| format!(r##"<a href="#phase-{n}">P{n}</a>"##))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        w!(
            out,
            r#"<tr id="era-{n}"><td>E{n}</td><td class="nw">{} – {}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td><td>{}</td><td class="n">{} → {}</td><td>{phases}</td><td>{}</td><td>{}</td></tr>"#,
            era.start,
            era.end,
            era.months,
            num(era.level, 2),
            esc(lang.band(era.band)),
            esc(trend(m, era.trend)),
            num(era.start_level, 2),
            num(era.end_level, 2),
            ul(&items(&r.opened_by)),
            ul(&items(&r.defining)),
            n = i + 1
        );
    }
    out.push_str("</tbody></table></div>\n");
}

fn periods_table(m: &Catalogue, t: &LiteratureTables<'_>, out: &mut String) {
    let lang = m.lang();
    w!(
        out,
        r#"<h3 id="lit-periods">{}</h3><div class="tablewrap"><table class="litperiods"><thead><tr><th></th><th>{}</th><th>{}</th><th class="n">{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        m.get("lit.periods"),
        m.get("lit.th.period"),
        m.get("lit.th.source"),
        m.get("lit.th.mean"),
        m.get("lit.th.band_trend"),
        m.get("lit.th.eras"),
        m.get("lit.th.compare")
    );
    for (i, r) in t.periods.iter().enumerate() {
        let p = r.period;
        let (mean, band) = match &r.data {
            Some(d) => (
                format!(
                    "{} ({} → {})",
                    num(d.level, 2),
                    num(d.start_level, 2),
                    num(d.end_level, 2)
                ),
                format!(
                    "{}{}{}",
                    lang.band(d.band),
                    m.get("sep.comma"),
                    trend(m, d.trend)
                ),
            ),
            None => ("—".into(), m.get("lit.outside").into()),
        };
        let eras = r
            .eras
            .iter()
            .map(|n| format!(r##"<a href="#era-{n}">E{n}</a>"##))
            .collect::<Vec<_>>()
            .join(" ");
        let checks: Vec<String> = r.checks.iter().map(|ch| check_text(m, ch)).collect();
        w!(
            out,
            r#"<tr id="lit-{}"><td>{}</td><td><strong>{}</strong><br><span class="small">{}</span><br><span class="small">{}</span></td><td>{}</td><td class="n">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            esc(&p.id),
            i + 1,
            esc(lang.t(&p.name_en, &p.name_zh)),
            esc(&span_text(m, &p.span)),
            esc(lang.t(&p.note_en, &p.note_zh)),
            cite(m, t.literature, &p.sources),
            mean,
            esc(&band),
            eras,
            ul(&checks)
        );
    }
    out.push_str("</tbody></table></div>\n");
}

fn resets_table(m: &Catalogue, t: &LiteratureTables<'_>, out: &mut String) {
    let lang = m.lang();
    w!(
        out,
        r#"<h3 id="lit-resets">{}</h3><p>{}</p><div class="tablewrap"><table class="resets litresets"><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        m.get("lit.resets"),
        esc(m.get("lit.resets.intro")),
        m.get("lit.th.reset"),
        m.get("lit.th.began_ended"),
        m.get("lit.th.cycle"),
        m.get("lit.th.rise"),
        m.get("lit.th.fall"),
        m.get("lit.th.compare")
    );
    for r in &t.resets {
        let lr = r.reset;
        let lit_cell = {
            let began = lang.t(&lr.began_with_en, &lr.began_with_zh);
            let ended = lang.t(&lr.ended_by_en, &lr.ended_by_zh);
            let mut s = format!(
                "<strong>{}</strong> {}",
                m.get("lit.began_with"),
                esc(began)
            );
            if !ended.is_empty() {
                w!(
                    s,
                    "<br><strong>{}</strong> {}",
                    m.get("lit.ended_by"),
                    esc(ended)
                );
            }
            s
        };
        let (cycle_cell, rise, fall) = match &r.cycle {
            Some(cy) => (
                format!(
                    r##"<a href="#cycle-{n}">{}</a><br><span class="nw">{} →</span> <span class="nw">{} →</span> <span class="nw">{}{}</span><br><span class="small">{} → {} → {}</span><br><span class="small">{} {}{sep}{} {}{sep}{} {}</span>"##,
                    esc(&format!("{} {}", m.get("lit.cycle"), cy.index + 1)),
                    cy.trough.0,
                    cy.peak.0,
                    cy.end.0,
                    if cy.open { m.get("lit.open") } else { "" },
                    num(cy.trough.1, 2),
                    num(cy.peak.1, 2),
                    num(cy.end.1, 2),
                    m.get("resets.rise"),
                    m.plural("months", cy.rise_months),
                    m.get("resets.high"),
                    m.plural("months", cy.high_months),
                    m.get("lit.fall"),
                    m.plural("months", cy.fall_months),
                    n = cy.index + 1,
                    sep = m.get("sep.comma")
                ),
                ul(&items(&cy.rise_drivers)),
                ul(&items(&cy.fall_drivers)),
            ),
            None => (
                m.get("lit.none").to_string(),
                "—".to_string(),
                "—".to_string(),
            ),
        };
        let checks: Vec<String> = r.checks.iter().map(|ch| check_text(m, ch)).collect();
        w!(
            out,
            r#"<tr id="lit-{}"><td>{}</td><td><strong>{}</strong><br><span class="small">{}</span><br><span class="small">{}</span><br>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            esc(&lr.id),
            r.number,
            esc(lang.t(&lr.name_en, &lr.name_zh)),
            esc(&span_text(m, &lr.span)),
            esc(lang.t(&lr.leaders_en, &lr.leaders_zh)),
            cite(m, t.literature, &lr.sources),
            lit_cell,
            cycle_cell,
            rise,
            fall,
            ul(&checks)
        );
    }
    out.push_str("</tbody></table></div>\n");
}

/// The sources, as they name themselves (a citation list).
fn sources_list(m: &Catalogue, lit: &Literature, out: &mut String) {
    let lang = m.lang();
    w!(
        out,
        r#"<h3 id="lit-sources">{}</h3><ul class="src">"#,
        m.get("lit.sources")
    );
    for s in &lit.sources {
        let mut named = Vec::new();
        if !s.author.is_empty() {
            named.push(s.author.clone());
        }
        if !s.title.is_empty() {
            named.push(format!("《{}》", s.title));
        }
        if !s.venue.is_empty() {
            named.push(s.venue.clone());
        }
        if !s.date.is_empty() {
            named.push(s.date.clone());
        }
        w!(
            out,
            r#"<li id="lit-src-{}">{}{}{} {}</li>"#,
            esc(&s.id),
            msg!(m, "lit.source", seed = esc(&s.seed)),
            if named.is_empty() {
                String::new()
            } else {
                format!(
                    "{}{}",
                    m.get("colon_space"),
                    esc(&named.join(m.get("sep.comma")))
                )
            },
            m.get("full_stop"),
            esc(lang.t(&s.described_en, &s.described_zh))
        );
    }
    out.push_str("</ul>\n");
}

pub fn render(m: &Catalogue, s: &LiteratureSection<'_>, out: &mut String) {
    w!(out, r#"<h3 id="eras">{}</h3>"#, m.get("lit.eras"));
    let e = match s {
        Ok(e) => e,
        Err(short) => {
            not_computed(m, out, short);
            return;
        }
    };
    eras_table(m, e, out);
    let Some(t) = &e.literature else {
        w!(out, "<p>{}</p>", m.get("lit.not_usa_rus"));
        return;
    };
    w!(out, "<p>{}</p>", esc(m.get("lit.intro")));
    periods_table(m, t, out);
    resets_table(m, t, out);
    w!(out, r#"<h3 id="lit-differ">{}</h3>"#, m.get("lit.differ"));
    if t.differ.is_empty() {
        w!(out, "<p>{}</p>", m.get("lit.agree_all"));
    } else {
        w!(out, r#"<ul class="evlist">{}</ul>"#, {
            t.differ
                .iter()
                .map(|(name, ch)| {
                    format!(
                        "<li>{}{}{}</li>",
                        esc(name),
                        m.get("colon_space"),
                        check_text(m, ch)
                    )
                })
                .collect::<String>()
        });
    }
    sources_list(m, t.literature, out);
}
