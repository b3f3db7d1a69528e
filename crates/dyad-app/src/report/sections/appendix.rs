//! The appendix: every event behind the figures, by date and year, with its actors, code,
//! contribution and sources (citations of curated reports, documents and sentences of coded
//! ones, the record of imported ones).

use super::w;
use crate::cite;
use crate::report::ctx::Ctx;
use crate::report::html::{esc, signed};
use crate::report::messages::{msg, Catalogue};
use crate::report::Lang;
use dyad_analysis::prelude::*;
use dyad_store::{CitationRow, EventRow};
use std::collections::HashSet;
use std::fmt::Write;

/// Where an event comes from.
pub enum Source {
    Citation(CitationRow),
    Coded {
        doc: String,
        sentence_id: Option<i64>,
        sentence: Option<String>,
    },
    Imported(i64),
}

/// An actor of an event: its code and, when the report names one, the person.
pub struct Actor {
    pub code: String,
    pub person: Option<String>,
}

pub struct Entry {
    pub id: i64,
    pub year: i32,
    pub date: String,
    pub source: Actor,
    pub target: Actor,
    pub cameo: String,
    pub code_name: String,
    pub goldstein: f64,
    pub contribution: Option<f64>,
    pub mentions: u32,
    pub place: Option<String>,
    pub desc: String,
    pub sources: Vec<Source>,
}

pub struct Appendix {
    /// Years with events, in order.
    pub years: Vec<i32>,
    /// The events by date.
    pub events: Vec<Entry>,
    /// The day sources are cited as consulted (GB/T 7714's [引用日期]).
    pub cited: String,
}

pub(crate) fn build(c: &Ctx<'_>) -> Appendix {
    let a = c.a;
    let mut events: Vec<&MergedObs> = a.merged.iter().collect();
    events.sort_by(|x, y| {
        x.obs
            .date
            .ordinal()
            .cmp(&y.obs.date.ordinal())
            .then(x.obs.id.cmp(&y.obs.id))
    });
    let mut years: Vec<i32> = c.years.iter().copied().collect();
    years.sort_unstable();
    let events = events
        .into_iter()
        .map(|m| {
            let o = &m.obs;
            let rows: Vec<&EventRow> = c.rows(o.id).collect();
            let first = rows.first();
            let (src_person, tgt_person) = match first {
                Some(r) if r.source == o.source => (&r.source_person, &r.target_person),
                Some(r) => (&r.target_person, &r.source_person),
                None => (&None, &None),
            };
            // Sources: citations of curated reports, documents and sentences of coded ones.
            let mut seen = HashSet::new();
            let mut sources = Vec::new();
            for r in &rows {
                for ct in &r.citation {
                    if seen.insert(ct.id.clone()) {
                        sources.push(Source::Citation(ct.clone()));
                    }
                }
                if r.origin == dyad_model::Origin::Coded {
                    let doc = r.doc_id.as_deref().unwrap_or("?");
                    sources.push(Source::Coded {
                        doc: doc.get(..12).unwrap_or(doc).to_string(),
                        sentence_id: r.sentence_id,
                        sentence: r.sentence.clone(),
                    });
                } else if r.origin == dyad_model::Origin::Imported {
                    sources.push(Source::Imported(r.id));
                }
            }
            Entry {
                id: o.id,
                year: o.date.y(),
                date: o.date.to_string(),
                source: Actor {
                    code: o.source.clone(),
                    person: src_person.as_ref().map(|p| c.person(p)),
                },
                target: Actor {
                    code: o.target.clone(),
                    person: tgt_person.as_ref().map(|p| c.person(p)),
                },
                cameo: o.cameo.clone(),
                code_name: c
                    .inp
                    .codes
                    .get(&o.cameo)
                    .map(|k| k.name.clone())
                    .unwrap_or_default(),
                goldstein: o.goldstein,
                contribution: c.effect_of.get(&o.id).copied(),
                mentions: o.mentions,
                place: first
                    .and_then(|r| r.place.as_ref())
                    .map(|p| c.place(p).to_string()),
                desc: c.desc(o.id),
                sources,
            }
        })
        .collect();
    Appendix {
        years,
        events,
        cited: c.inp.cited.clone(),
    }
}

/// The host and the start of the path of a URL, for display.
fn short_url(u: &str) -> String {
    let s = u
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    if s.chars().count() <= 60 {
        return s.to_string();
    }
    let mut t: String = s.chars().take(59).collect();
    t.push('…');
    t
}

/// A cited source as HTML: in the Chinese report GB/T 7714-2015 with the URL linked (consulted
/// on `cited`); in the English one title, publisher, date and a short link.
fn citation(lang: Lang, ct: &CitationRow, cited: &str) -> String {
    if lang == Lang::Zh {
        let full = cite::format(ct, cite::Style::Gbt7714, cited);
        return match &ct.url {
            Some(u) => {
                let head = full.strip_suffix(&format!("{u}.")).unwrap_or(&full);
                format!(
                    r#"{}<a href="{}" rel="noopener">{}</a>."#,
                    esc(head),
                    esc(u),
                    esc(u)
                )
            }
            None => esc(&full),
        };
    }
    let mut s = format!("{} — {}", esc(&ct.title), esc(&ct.publisher));
    if let Some(d) = &ct.date {
        w!(s, ", {}", esc(d));
    }
    if let Some(u) = &ct.url {
        w!(
            s,
            r#". <a href="{}" rel="noopener">{}</a>"#,
            esc(u),
            esc(&short_url(u))
        );
    }
    s
}

pub fn render(m: &Catalogue, a: &Appendix, out: &mut String) {
    let lang = m.lang();
    w!(
        out,
        "<p>{}</p>",
        msg!(m, "appendix.intro", n = a.events.len())
    );
    // Year index.
    out.push_str(r#"<p class="small">"#);
    let links: Vec<String> = a
        .years
        .iter()
        .map(|y| format!(r##"<a href="#year-{y}">{y}</a>"##))
        .collect();
    out.push_str(&links.join(" · "));
    out.push_str("</p>\n");
    let actor = |x: &Actor| match &x.person {
        Some(p) => msg!(m, "appendix.actor", actor = lang.actor(&x.code), person = p),
        None => lang.actor(&x.code),
    };
    let mut current = None;
    for e in &a.events {
        let y = e.year;
        if current != Some(y) {
            current = Some(y);
            w!(out, "<h3 class=\"year\" id=\"year-{y}\">{y}</h3>\n");
        }
        w!(
            out,
            r#"<div class="ev" id="ev-{}"><div class="evh"><span class="date">{}</span><span>{} → {}</span><span><code title="{}">{}</code> G {}</span>"#,
            e.id,
            esc(&e.date),
            esc(&actor(&e.source)),
            esc(&actor(&e.target)),
            esc(&e.code_name),
            esc(&e.cameo),
            signed(e.goldstein, 1)
        );
        if let Some(x) = e.contribution {
            w!(
                out,
                r#"<span class="{}">Δ {}</span>"#,
                if x >= 0.0 { "pos" } else { "neg" },
                signed(x, 3)
            );
        }
        if e.mentions > 1 {
            w!(out, r#"<span class="small">×{}</span>"#, e.mentions);
        }
        if let Some(place) = &e.place {
            w!(out, r#"<span class="small">{}</span>"#, esc(place));
        }
        w!(out, "</div><p>{}</p>", esc(&e.desc));
        let items: Vec<String> = e
            .sources
            .iter()
            .map(|s| match s {
                Source::Citation(ct) => citation(lang, ct, &a.cited),
                Source::Coded {
                    doc,
                    sentence_id,
                    sentence,
                } => {
                    let mut s = format!("{} <code>{}</code>", m.get("appendix.document"), esc(doc));
                    if let Some(sid) = sentence_id {
                        w!(s, "{} {sid}", m.get("appendix.sentence"));
                    }
                    if let Some(sent) = sentence {
                        w!(s, ": “{}”", esc(sent));
                    }
                    s
                }
                Source::Imported(id) => format!("{} #{}", m.get("appendix.imported"), id),
            })
            .collect();
        if !items.is_empty() {
            out.push_str(r#"<ul class="src">"#);
            for s in items {
                w!(out, "<li>{s}</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</div>\n");
    }
}
