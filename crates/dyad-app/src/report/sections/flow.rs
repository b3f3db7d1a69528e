//! Section 2, the event flow: events per year by QuadClass, cooperation above the axis and
//! conflict below.

use super::w;
use crate::report::ctx::Ctx;
use crate::report::html::{esc, num, signed};
use crate::report::messages::{msg, Catalogue};
use crate::report::svg;
use dyad_analysis::prelude::*;
use std::fmt::Write;

pub struct FlowYear {
    pub year: i32,
    pub events: u32,
    /// Events per QuadClass 1–4.
    pub quad: [u32; 4],
    pub net_cooperation: f64,
    /// The year's events in the appendix.
    pub href: Option<String>,
}

pub struct Flow {
    pub years: Vec<FlowYear>,
    pub total: u32,
    pub cooperative: u32,
    /// Cooperative events as a percentage of all.
    pub cooperative_pct: f64,
    /// The year with most events (its period) and how many.
    pub busiest: Option<(String, u32)>,
}

pub(crate) fn build(c: &Ctx<'_>) -> Flow {
    let a = c.a;
    let obs = a.obs();
    let flow = flow_index(&obs, &Dyad::new(&a.dyad.0, &a.dyad.1), Period::Year, None);
    let years = flow
        .rows
        .iter()
        .map(|r| {
            let year = r.period.first_month().year();
            FlowYear {
                year,
                events: r.events,
                quad: [r.quad.get(1), r.quad.get(2), r.quad.get(3), r.quad.get(4)],
                net_cooperation: r.net_cooperation,
                href: c.year_href(year),
            }
        })
        .collect();
    let total: u32 = flow.rows.iter().map(|r| r.events).sum();
    let cooperative: u32 = flow
        .rows
        .iter()
        .map(|r| r.quad.get(1) + r.quad.get(2))
        .sum();
    Flow {
        years,
        total,
        cooperative,
        cooperative_pct: 100.0 * f64::from(cooperative) / f64::from(total.max(1)),
        busiest: flow
            .rows
            .iter()
            .max_by_key(|r| r.events)
            .map(|b| (b.period.to_string(), b.events)),
    }
}

pub fn render(m: &Catalogue, f: &Flow, out: &mut String) {
    let years: Vec<svg::FlowYear> = f
        .years
        .iter()
        .map(|r| {
            let q = r.quad;
            svg::FlowYear {
                year: r.year,
                quad: q,
                href: r.href.clone(),
                title: msg!(
                    m,
                    "flow.bar",
                    year = r.year,
                    events = r.events,
                    q1 = q[0],
                    q2 = q[1],
                    q3 = q[2],
                    q4 = q[3],
                    net = signed(r.net_cooperation, 2)
                ),
            }
        })
        .collect();
    let title = m.get("flow.figure");
    w!(out, "<p>{}</p>", m.get("flow.intro"));
    w!(
        out,
        r#"<figure><div class="scroll">{}</div><figcaption>{}. {}</figcaption></figure>"#,
        svg::flow_chart(m, title, &years),
        esc(title),
        m.get("flow.caption")
    );
    if let Some((year, events)) = &f.busiest {
        w!(
            out,
            "<p>{}</p>",
            msg!(
                m,
                "flow.total",
                total = f.total,
                coop = f.cooperative,
                share = num(f.cooperative_pct, 0),
                year = year,
                events = events
            )
        );
    }
}
