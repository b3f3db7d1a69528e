//! The head of the report: title, span and amount of record, the months asked for, and
//! everything the report leaves out for want of data, said once near the top (`#limits`).

use super::w;
use crate::report::ctx::Ctx;
use crate::report::html::esc;
use crate::report::messages::{msg, Catalogue};
use dyad_analysis::prelude::*;
use std::fmt::Write;

pub struct Header {
    /// The pair as the title names it.
    pub pair: String,
    /// The first and last month of the level.
    pub span: Option<(Month, Month)>,
    /// Merged events and the stored reports they are made of.
    pub events: usize,
    pub reports: usize,
    /// `--from`/`--to`, when either is given.
    pub window: Option<(Option<Month>, Option<Month>)>,
    /// What the report cannot say, when anything.
    pub limits: Option<Limits>,
}

pub struct Limits {
    pub shortfalls: Vec<Shortfall>,
    pub amount: Amount,
}

pub(crate) fn build(c: &Ctx<'_>) -> Header {
    let a = c.a;
    let span = match (a.level.points.first(), a.level.points.last()) {
        (Some(f), Some(l)) => Some((f.period, l.period)),
        _ => None,
    };
    let mut shortfalls: Vec<Shortfall> = a.withheld.clone();
    if let Err(s) = c.inp.forecast {
        shortfalls.push(s.clone());
    }
    if let Some(s) = c.inp.skill {
        if c.inp.forecast.is_ok() {
            shortfalls.push(s.clone());
        }
    }
    Header {
        pair: c.pair(),
        span,
        events: a.merged.len(),
        reports: a.rows.len(),
        window: (a.window.0.is_some() || a.window.1.is_some()).then_some(a.window),
        limits: (!shortfalls.is_empty()).then_some(Limits {
            shortfalls,
            amount: a.amount,
        }),
    }
}

/// The title of the page.
pub fn title(m: &Catalogue, h: &Header) -> String {
    msg!(m, "title", pair = h.pair)
}

/// From `<header>`'s title on to the limits box.
pub fn render(m: &Catalogue, h: &Header, out: &mut String) {
    let lang = m.lang();
    let span = match h.span {
        Some((f, l)) => format!("{} – {}", lang.month(f), lang.month(l)),
        None => String::new(),
    };
    w!(
        out,
        r#"<p class="meta">{}</p>"#,
        msg!(
            m,
            "header.meta",
            span = span,
            events = h.events,
            reports = h.reports,
            version = env!("CARGO_PKG_VERSION")
        )
    );
    if let Some((from, to)) = h.window {
        let month = |x: Option<Month>| x.map(|m| lang.month(m)).unwrap_or_else(|| "…".into());
        w!(
            out,
            r#"<p class="meta window">{}</p>"#,
            msg!(m, "header.window", from = month(from), to = month(to))
        );
    }
    out.push_str("</header>\n");
    let Some(l) = &h.limits else {
        return;
    };
    let n = &l.amount;
    let items: String = l
        .shortfalls
        .iter()
        .map(|s| format!("<li>{}</li>", esc(&lang.shortfall(s))))
        .collect();
    w!(
        out,
        r#"<div class="key limits" id="limits"><p>{}</p><ul>{items}</ul><p>{}</p></div>"#,
        msg!(
            m,
            "limits.record",
            pair = esc(&h.pair),
            events = m.plural("count.events", n.events as i64),
            months = m.plural("limits.months", n.months_with_events as i64),
            span = n.span_months
        ),
        m.get("limits.left_out")
    );
}
