//! Section 3, summits: in-person meetings of the two presidents per US presidency, from the
//! built-in chronology, beside the counts of the literature.

use super::{link, w};
use crate::report::ctx::Ctx;
use crate::report::html::esc;
use crate::report::messages::{msg, Catalogue};
use crate::report::model::EventRef;
use crate::report::svg;
use crate::report::Lang;
use crate::summits as counted;
use std::fmt::Write;

pub enum Summits {
    /// Not counted: `curated` says whether the report includes the built-in chronology (then
    /// the people dictionary has no presidents for the dyad).
    Missing {
        curated: bool,
    },
    Counted(Box<Counted>),
}

pub struct Counted {
    /// The counting rule as `dyad summits` states it (in English).
    pub rule_en: String,
    pub include_multilateral: bool,
    pub groups: Vec<Group>,
}

pub struct Group {
    /// The presidency, as the report's language names it.
    pub name: String,
    pub term_start: Option<String>,
    pub term_end: Option<String>,
    pub count: usize,
    /// The literature's count and note for the presidency, when it has one.
    pub literature: Option<(u32, String)>,
    /// The chart bar's tooltip: the meetings, one a line.
    pub bar_title: String,
    pub meetings: Vec<Meeting>,
}

pub struct Meeting {
    /// Date and place.
    pub text: String,
    /// The event in the appendix, when the meeting is one.
    pub event: Option<EventRef>,
    pub multilateral: bool,
}

pub(crate) fn build(c: &Ctx<'_>) -> Summits {
    let lang = c.lang;
    let Some(s) = c.inp.summits else {
        return Summits::Missing {
            curated: c.a.origins.is_empty() || c.a.origins.contains(&dyad_model::Origin::Curated),
        };
    };
    let group_name = |g: &counted::Group| -> String {
        match (&g.person, lang) {
            (Some(p), Lang::Zh) => {
                let n = c.person(p);
                let repeated = s.groups.iter().filter(|h| h.person == g.person).count() > 1;
                match (repeated, &g.term_start) {
                    (true, Some(st)) => {
                        let end = g.term_end.as_deref().and_then(|e| e.get(..4)).unwrap_or("");
                        format!("{n}（{}–{end}）", st.get(..4).unwrap_or(""))
                    }
                    _ => n,
                }
            }
            _ => g.key.clone(),
        }
    };
    let groups = s
        .groups
        .iter()
        .map(|g| {
            let note = s
                .notes
                .iter()
                .find(|n| Some(&n.term_start) == g.term_start.as_ref() && n.group == g.key);
            Group {
                name: group_name(g),
                term_start: g.term_start.clone(),
                term_end: g.term_end.clone(),
                count: g.count,
                literature: note.map(|n| (n.literature_count, c.pick(&n.note, &n.note_zh).into())),
                bar_title: g
                    .meetings
                    .iter()
                    .map(|m| format!("{} {}", m.date, c.pick(&m.place, &m.place_zh)))
                    .collect::<Vec<_>>()
                    .join("\n"),
                meetings: g
                    .meetings
                    .iter()
                    .map(|m| {
                        // English: the city; Chinese: the whole name, which is short (芬兰赫尔辛基)
                        let city = match lang {
                            Lang::En => m.place.split(',').next().unwrap_or("").trim(),
                            Lang::Zh => m.place_zh.as_str(),
                        };
                        Meeting {
                            text: format!("{} {city}", m.date),
                            event: c.curated_to_event.get(&m.event_id).map(|&id| c.event(id)),
                            multilateral: m.kind == "multilateral",
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Summits::Counted(Box::new(Counted {
        rule_en: s.rule.clone(),
        include_multilateral: s.include_multilateral,
        groups,
    }))
}

pub fn render(m: &Catalogue, s: &Summits, out: &mut String) {
    let lang = m.lang();
    let s = match s {
        Summits::Missing { curated } => {
            let why = if *curated {
                m.get("summits.no_presidents")
            } else {
                m.get("summits.no_chronology")
            };
            w!(out, "<p>{why}</p>");
            return;
        }
        Summits::Counted(s) => s,
    };
    let bars: Vec<svg::SummitBar> = s
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| svg::SummitBar {
            name: g.name.clone(),
            count: g.count,
            literature: g.literature.as_ref().map(|n| n.0),
            href: Some(format!("#summit-{}", i + 1)),
            title: g.bar_title.clone(),
        })
        .collect();
    let title = m.get("summits.figure");
    // The English rule is the sentence `dyad summits` prints; the Chinese one is the catalogue's.
    let scope = m.get(if s.include_multilateral {
        "summits.scope.multilateral"
    } else {
        "summits.scope.bilateral"
    });
    let rule = esc(&s.rule_en);
    w!(
        out,
        "<p>{}</p>",
        msg!(m, "summits.rule", rule = lang.t(&rule, scope))
    );
    w!(
        out,
        r#"<figure><div class="scroll">{}</div><figcaption>{}. {}</figcaption></figure>"#,
        svg::summits_chart(m, title, &bars),
        esc(title),
        m.get("summits.caption")
    );
    w!(
        out,
        r#"<div class="tablewrap"><table><thead><tr><th>{}</th><th>{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        m.get("summits.th.president"),
        m.get("summits.th.term"),
        m.get("summits.th.dyad"),
        m.get("summits.th.literature"),
        m.get("summits.th.meetings"),
        m.get("summits.th.note")
    );
    for (i, g) in s.groups.iter().enumerate() {
        let meetings: Vec<String> = g
            .meetings
            .iter()
            .map(|mt| {
                let item = match &mt.event {
                    Some(e) => format!(r#"<span class="nw">{}</span>"#, link(e, &mt.text)),
                    None => format!(r#"<span class="nw">{}</span>"#, esc(&mt.text)),
                };
                if mt.multilateral {
                    format!("<i>{item}</i>")
                } else {
                    item
                }
            })
            .collect();
        w!(
            out,
            r#"<tr id="summit-{}"><td>{}</td><td class="n">{}<br>{}</td><td class="n">{}</td><td class="n">{}</td><td class="small meetings">{}</td><td class="small note">{}</td></tr>"#,
            i + 1,
            esc(&g.name),
            esc(g.term_start.as_deref().unwrap_or("")),
            esc(g.term_end.as_deref().unwrap_or("")),
            g.count,
            g.literature
                .as_ref()
                .map(|n| n.0.to_string())
                .unwrap_or_default(),
            meetings.join(" · "),
            g.literature.as_ref().map(|n| esc(&n.1)).unwrap_or_default()
        );
    }
    out.push_str("</tbody></table></div>\n");
    w!(out, "<p class=\"small\">{}</p>", m.get("summits.footnote"));
}
