//! Section 9, methods: the data, how reports become events, how the level, phases, cycles, the
//! spiral test and the forecast are computed, with the parameters of this run.

use super::w;
use crate::report::ctx::Ctx;
use crate::report::html::{esc, num};
use crate::report::messages::{msg, Catalogue};
use dyad_analysis::impact::ImpactParams;
use dyad_analysis::level::LevelParams;
use dyad_analysis::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

pub struct Methods {
    /// The origins asked for (`--origin`), all when `None`.
    pub origins: Option<Vec<String>>,
    /// Stored reports per origin.
    pub by_origin: Vec<(String, usize)>,
    pub reports: usize,
    pub events: usize,
    /// Distinct public sources cited, and ingested documents.
    pub sources: usize,
    pub documents: usize,
    pub level: LevelParams,
    pub merge_day_window: i64,
    pub phases: PhaseParams,
    pub cycles: CycleParams,
}

pub(crate) fn build(c: &Ctx<'_>) -> Methods {
    let a = c.a;
    let mut by_origin: BTreeMap<&str, usize> = BTreeMap::new();
    let mut cites = HashSet::new();
    let mut docs = HashSet::new();
    for r in a.rows.values() {
        *by_origin.entry(r.origin.as_str()).or_default() += 1;
        for ct in &r.citation {
            cites.insert(ct.id.as_str());
        }
        if let Some(d) = &r.doc_id {
            docs.insert(d.as_str());
        }
    }
    Methods {
        origins: (!a.origins.is_empty())
            .then(|| a.origins.iter().map(|o| o.as_str().to_string()).collect()),
        by_origin: by_origin
            .into_iter()
            .map(|(o, n)| (o.to_string(), n))
            .collect(),
        reports: a.rows.len(),
        events: a.merged.len(),
        sources: cites.len(),
        documents: docs.len(),
        level: a.level.params.clone(),
        merge_day_window: MergeParams::default().day_window,
        phases: PhaseParams::default(),
        cycles: CycleParams::default(),
    }
}

/// An origin of events as the methods name it.
fn origin_name(m: &Catalogue, o: &str) -> String {
    match o {
        "curated" => m.get("methods.origin.curated").to_string(),
        "coded" => m.get("methods.origin.coded").to_string(),
        "imported" => m.get("methods.origin.imported").to_string(),
        o => o.to_string(),
    }
}

pub fn render(m: &Catalogue, d: &Methods, out: &mut String) {
    let p = &d.level;
    let q: &ImpactParams = &p.impact;
    let (pp, cp) = (&d.phases, &d.cycles);
    let used: Vec<String> = match &d.origins {
        None => vec![m.get("methods.origins.all").to_string()],
        Some(os) => os.iter().map(|o| origin_name(m, o)).collect(),
    };
    let counts: Vec<String> = d
        .by_origin
        .iter()
        .map(|(o, n)| msg!(m, "methods.count", n = n, origin = origin_name(m, o)))
        .collect();
    let rw = [Some(1), Some(2), Some(3), Some(4), None]
        .map(|r| num(q.rank_weight(r), 2))
        .join(m.get("sep.enum"));
    out.push_str(r#"<div class="method">"#);
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "methods.data",
            used = esc(&used.join(m.get("sep.enum"))),
            reports = d.reports,
            counts = esc(&counts.join(m.get("sep.comma"))),
            sources = d.sources,
            documents = if d.documents == 0 {
                String::new()
            } else {
                msg!(m, "methods.documents", n = d.documents)
            }
        )
    );
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "methods.events",
            days = d.merge_day_window,
            events = d.events
        )
    );
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "methods.level",
            start = num(p.start_level, 1),
            baseline = num(p.baseline, 1),
            half_life = num(p.half_life_months, 0),
            scale = num(q.scale, 2),
            verbal = num(q.verbal_weight, 2),
            ranks = rw,
            magnitude = num(q.magnitude_per_decade, 2),
            mention_coef = num(q.mention_coef, 1),
            mention_cap = num(q.mention_cap, 1),
            repeat = num(q.repeat_exponent, 1)
        )
    );
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "methods.phases",
            min_segment = pp.changepoint.min_segment,
            merge_gap = num(pp.merge_gap, 1),
            smooth = cp.smooth,
            swing = num(cp.min_amplitude, 1),
            min_rise = cp.min_rise_months
        )
    );
    w!(out, "<p>{}</p>", m.get("methods.not"));
    out.push_str("</div>\n");
}
