//! Section 7, drivers by domain: what raised and what lowered the level over the whole series
//! and in each phase (the level's change split exactly into memory and the events' shares).

use super::{event_item, link, w};
use crate::report::ctx::Ctx;
use crate::report::html::{esc, num, short, signed};
use crate::report::messages::{msg, Catalogue};
use crate::report::model::EventRef;
use crate::report::svg;
use dyad_analysis::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write;

/// What one domain did: raised, lowered, events, and its largest events with their shares.
pub struct DomainRow {
    pub name: String,
    pub positive: f64,
    pub negative: f64,
    pub events: u32,
    /// The three largest events by share.
    pub top: Vec<(EventRef, f64)>,
    /// The largest raising and the largest lowering event, with their shares.
    pub largest_pos: Option<(EventRef, f64)>,
    pub largest_neg: Option<(EventRef, f64)>,
}

pub struct PhaseDrivers {
    pub start: Month,
    pub end: Month,
    pub band: Band,
    pub level_start: f64,
    pub level_end: f64,
    pub change: f64,
    /// The eight domains that did most.
    pub domains: Vec<DomainRow>,
    /// The three largest raising and lowering events.
    pub pos: Vec<EventRef>,
    pub neg: Vec<EventRef>,
}

pub struct DriversBody {
    pub first: Month,
    pub last: Month,
    pub change: f64,
    pub events_sum: f64,
    pub decay: f64,
    pub domains: Vec<DomainRow>,
    pub phases: Vec<PhaseDrivers>,
}

/// None without a level.
pub type Drivers = Option<DriversBody>;

/// Drivers aggregated by top-level domain (qualifiers such as `military-conflict:ukraine` are
/// summed into their domain).
struct DomainSum {
    key: String,
    positive: f64,
    negative: f64,
    events: u32,
    top: Vec<(i64, f64)>,
}

fn domain_sums(d: &dyad_analysis::drivers::Drivers) -> Vec<DomainSum> {
    let mut by: BTreeMap<String, DomainSum> = BTreeMap::new();
    for dd in &d.by_domain {
        let key = dd
            .domain
            .split(':')
            .next()
            .unwrap_or(&dd.domain)
            .to_string();
        let e = by.entry(key.clone()).or_insert_with(|| DomainSum {
            key,
            positive: 0.0,
            negative: 0.0,
            events: 0,
            top: Vec::new(),
        });
        e.positive += dd.positive;
        e.negative += dd.negative;
        e.events += dd.events;
        for t in &dd.top_events {
            match e.top.iter_mut().find(|x| x.0 == t.id) {
                Some(x) => x.1 += t.contribution,
                None => e.top.push((t.id, t.contribution)),
            }
        }
    }
    let mut v: Vec<DomainSum> = by.into_values().collect();
    for d in &mut v {
        d.top
            .sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()).then(x.0.cmp(&y.0)));
    }
    v.sort_by(|x, y| {
        (y.positive - y.negative)
            .total_cmp(&(x.positive - x.negative))
            .then(x.key.cmp(&y.key))
    });
    v
}

fn domain_rows(c: &Ctx<'_>, sums: &[DomainSum]) -> Vec<DomainRow> {
    sums.iter()
        .map(|s| DomainRow {
            name: c.domain(&s.key),
            positive: s.positive,
            negative: s.negative,
            events: s.events,
            top: s
                .top
                .iter()
                .take(3)
                .map(|(id, share)| (c.event(*id), *share))
                .collect(),
            largest_pos: s
                .top
                .iter()
                .filter(|t| t.1 > 0.0)
                .max_by(|x, y| x.1.total_cmp(&y.1))
                .map(|t| (c.event(t.0), t.1)),
            largest_neg: s
                .top
                .iter()
                .filter(|t| t.1 < 0.0)
                .min_by(|x, y| x.1.total_cmp(&y.1))
                .map(|t| (c.event(t.0), t.1)),
        })
        .collect()
}

pub(crate) fn build(c: &Ctx<'_>) -> Drivers {
    let a = c.a;
    let (first, last) = (a.level.points.first()?, a.level.points.last()?);
    let whole = drivers(&a.level, first.period, last.period, 6);
    let phases = a
        .phases
        .iter()
        .map(|p| {
            let d = drivers(&a.level, p.start, p.end, 6);
            let sums = domain_sums(&d);
            let (pos, neg) = c.top_events(p.start, p.end, 3);
            PhaseDrivers {
                start: p.start,
                end: p.end,
                band: p.band,
                level_start: d.level_start.unwrap_or(0.0),
                level_end: d.level_end.unwrap_or(0.0),
                change: d.change,
                domains: domain_rows(c, &sums[..sums.len().min(8)]),
                pos: pos.iter().map(|e| c.event(e.id)).collect(),
                neg: neg.iter().map(|e| c.event(e.id)).collect(),
            }
        })
        .collect();
    Some(DriversBody {
        first: first.period,
        last: last.period,
        change: whole.change,
        events_sum: whole.events_sum,
        decay: whole.decay,
        domains: domain_rows(c, &domain_sums(&whole)),
        phases,
    })
}

fn bars(rows: &[DomainRow]) -> Vec<svg::DomainBar> {
    let link = |(e, share): &(EventRef, f64)| {
        (
            format!("#ev-{}", e.id),
            format!("{} ({})", e.desc, signed(*share, 2)),
        )
    };
    rows.iter()
        .map(|r| svg::DomainBar {
            name: r.name.clone(),
            positive: r.positive,
            negative: r.negative,
            pos_link: r.largest_pos.as_ref().map(link),
            neg_link: r.largest_neg.as_ref().map(link),
        })
        .collect()
}

pub fn render(m: &Catalogue, d: &Drivers, out: &mut String) {
    let lang = m.lang();
    let Some(d) = d else {
        return;
    };
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "drivers.intro",
            first = lang.month(d.first),
            last = lang.month(d.last),
            change = signed(d.change, 2),
            events = signed(d.events_sum, 2),
            memory = signed(d.decay, 2)
        )
    );
    let title = m.get("drivers.figure");
    w!(
        out,
        r#"<figure><div class="scroll">{}</div><figcaption>{}.</figcaption></figure>"#,
        svg::drivers_chart(m, title, &bars(&d.domains), false),
        esc(title)
    );
    w!(
        out,
        r#"<div class="tablewrap"><table><thead><tr><th>{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th></tr></thead><tbody>"#,
        m.get("drivers.th.domain"),
        m.get("drivers.th.raised"),
        m.get("drivers.th.lowered"),
        m.get("drivers.th.net"),
        m.get("th.events"),
        m.get("drivers.th.largest")
    );
    for s in &d.domains {
        let evs: Vec<String> = s
            .top
            .iter()
            .map(|(e, share)| {
                format!(
                    r#"{} <span class="{}">{}</span>"#,
                    link(e, &short(&e.desc, 56)),
                    if *share >= 0.0 { "pos" } else { "neg" },
                    signed(*share, 2)
                )
            })
            .collect();
        w!(
            out,
            r#"<tr><td>{}</td><td class="n pos">{}</td><td class="n neg">{}</td><td class="n">{}</td><td class="n">{}</td><td class="small">{}</td></tr>"#,
            esc(&s.name),
            signed(s.positive, 2),
            signed(s.negative, 2),
            signed(s.positive + s.negative, 2),
            s.events,
            evs.join(m.get("list.sep"))
        );
    }
    out.push_str("</tbody></table></div>\n");
    if d.phases.is_empty() {
        return;
    }
    w!(
        out,
        "<h3>{}</h3><div class=\"grid2\">",
        m.get("drivers.phases")
    );
    for (i, p) in d.phases.iter().enumerate() {
        let t = msg!(
            m,
            "drivers.phase",
            n = i + 1,
            start = p.start,
            end = p.end,
            band = lang.band(p.band),
            from = num(p.level_start, 2),
            to = num(p.level_end, 2),
            change = signed(p.change, 2)
        );
        w!(
            out,
            r#"<div class="card" id="drivers-phase-{}"><h3>{}</h3><div class="scroll">{}</div>"#,
            i + 1,
            esc(&t),
            svg::drivers_chart(m, &t, &bars(&p.domains), true)
        );
        let items = |v: &[EventRef]| {
            v.iter()
                .map(|e| format!("<li>{}</li>", event_item(e, 60)))
                .collect::<String>()
        };
        w!(out, r#"<ul>{}{}</ul></div>"#, items(&p.pos), items(&p.neg));
    }
    out.push_str("</div>\n");
}
