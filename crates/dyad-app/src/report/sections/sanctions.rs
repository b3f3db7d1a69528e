//! Section 4, sanctions: the designations of each side per year from the sized acts of the
//! built-in chronology (`dyad sanctions --by year`), and the published counts beside the
//! chronology's sums, with why they differ.

use super::w;
use crate::cite;
use crate::report::ctx::Ctx;
use crate::report::html::esc;
use crate::report::messages::{msg, Catalogue};
use crate::report::Lang;
use crate::sanctions::Sanctions as Counted;
use dyad_analysis::sanctions::{Figure, Tally};
use dyad_store::CitationRow;
use std::fmt::Write;

/// A published figure's source as a reference: in the Chinese report GB/T 7714-2015, as the
/// appendix cites the chronology's sources (consulted on `cited`, the report's day); in the English
/// one publisher, title, date as published and the address.
fn figure_reference(f: &Figure, lang: Lang, cited: &str) -> String {
    match lang {
        Lang::Zh => cite::format(
            &CitationRow {
                id: f.id.clone(),
                title: f.source_title.clone(),
                publisher: f.publisher.clone(),
                date: f.source_date.map(|d| d.to_string()),
                url: f.url.clone(),
            },
            cite::Style::Gbt7714,
            cited,
        ),
        Lang::En => format!(
            "{}. {}{}{}",
            f.publisher,
            f.source_title,
            f.source_date.map(|d| format!(" ({d})")).unwrap_or_default(),
            f.url
                .as_deref()
                .map(|u| format!(". {u}"))
                .unwrap_or_default(),
        ),
    }
}

/// A side's sum, `+` when it is a floor.
fn sum_cell(t: &Tally) -> String {
    format!("{}{}", t.designations, if t.is_floor() { "+" } else { "" })
}

pub struct Sanctions<'a> {
    /// The sums, when the report includes the built-in chronology.
    pub counted: Option<&'a Counted>,
    /// The two sides' full names.
    pub a: String,
    pub b: String,
    /// The day the sources are cited as consulted.
    pub cited: String,
}

pub(crate) fn build<'a>(c: &Ctx<'a>) -> Sanctions<'a> {
    let names = c.inp.dyad_names;
    let counted = c.inp.sanctions;
    let (a, b) = counted
        .map(|s| (names.full(&s.a, c.lang), names.full(&s.b, c.lang)))
        .unwrap_or_default();
    Sanctions {
        counted,
        a,
        b,
        cited: c.inp.cited.clone(),
    }
}

pub fn render(m: &Catalogue, sc: &Sanctions<'_>, out: &mut String) {
    let lang = m.lang();
    let Some(s) = sc.counted else {
        w!(out, "<p>{}</p>", m.get("sanctions.no_chronology"));
        return;
    };
    let (a, b) = (&sc.a, &sc.b);
    w!(
        out,
        "<p>{}</p>",
        esc(&msg!(
            m,
            "sanctions.intro",
            a = a,
            b = b,
            ab = sum_cell(&s.total.a_to_b),
            ab_sized = s.total.a_to_b.sized,
            ab_unsized = s.total.a_to_b.without_size,
            ba = sum_cell(&s.total.b_to_a),
            ba_sized = s.total.b_to_a.sized,
            ba_unsized = s.total.b_to_a.without_size
        ))
    );
    let side = |x: &str, y: &str| {
        esc(&msg!(
            m,
            "sanctions.th.designations",
            side = msg!(m, "sanctions.side", from = x, to = y)
        ))
    };
    w!(
        out,
        r#"<div class="tablewrap"><table class="sanctions"><thead><tr><th>{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th></tr></thead><tbody>"#,
        m.get("sanctions.th.year"),
        side(a, b),
        m.get("sanctions.th.sized"),
        m.get("sanctions.th.unsized"),
        side(b, a),
        m.get("sanctions.th.sized"),
        m.get("sanctions.th.unsized"),
    );
    for r in s.rows.iter().chain(std::iter::once(&s.total)) {
        let period = if r.period == "total" {
            m.get("sanctions.total").to_string()
        } else {
            r.period.clone()
        };
        w!(
            out,
            r#"<tr><td>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            esc(&period),
            sum_cell(&r.a_to_b),
            r.a_to_b.sized,
            r.a_to_b.without_size,
            sum_cell(&r.b_to_a),
            r.b_to_a.sized,
            r.b_to_a.without_size,
        );
    }
    out.push_str("</tbody></table></div>\n");
    if s.comparison.is_empty() {
        return;
    }
    w!(out, "<p>{}</p>", m.get("sanctions.published"));
    w!(
        out,
        r#"<div class="tablewrap"><table class="sanctions-figures"><thead><tr><th>{}</th><th>{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        m.get("sanctions.th.counted"),
        m.get("sanctions.th.months"),
        m.get("sanctions.th.published"),
        m.get("sanctions.th.chronology"),
        m.get("sanctions.th.share"),
        m.get("sanctions.th.why"),
        m.get("sanctions.th.source"),
    );
    for cmp in &s.comparison {
        let f = &cmp.figure;
        let cite = figure_reference(f, lang, &sc.cited);
        w!(
            out,
            r#"<tr><td class="small">{}</td><td class="n">{}<br>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{:.0}%</td><td class="small note">{}</td><td class="small"><ul class="src"><li>{}</li></ul></td></tr>"#,
            esc(lang.t(&f.counts_en, &f.counts_zh)),
            f.from,
            f.to,
            f.value,
            sum_cell(&cmp.chronology),
            cmp.share * 100.0,
            esc(lang.t(&f.note_en, &f.note_zh)),
            esc(&cite),
        );
    }
    out.push_str("</tbody></table></div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(url: Option<&str>) -> Figure {
        Figure {
            id: "castellum-2025-01".into(),
            sender: "USA".into(),
            target: "RUS".into(),
            from: "2022-02".parse().unwrap(),
            to: "2025-01".parse().unwrap(),
            value: 6433,
            counts_en: "US designations".into(),
            counts_zh: "美国的制裁列名".into(),
            source_title: "Russia Sanctions Dashboard".into(),
            publisher: "Castellum.AI".into(),
            source_date: Some("2025-01-19".parse().unwrap()),
            url: url.map(str::to_string),
            cited_by: "seed 000".into(),
            note_en: "n".into(),
            note_zh: "n".into(),
            origin: "sanctions-figures.tsv:9".into(),
        }
    }

    #[test]
    fn the_chinese_report_cites_a_published_figure_in_gbt7714() {
        let u = "https://www.castellum.ai/russia-sanctions-dashboard";
        assert_eq!(
            figure_reference(&figure(Some(u)), Lang::Zh, "2026-12-05"),
            format!(
                "Castellum.AI. Russia Sanctions Dashboard[EB/OL]. (2025-01-19)[2026-12-05]. {u}."
            )
        );
        assert_eq!(
            figure_reference(&figure(None), Lang::Zh, "2026-12-05"),
            "Castellum.AI. Russia Sanctions Dashboard[EB]. (2025-01-19)."
        );
        assert_eq!(
            figure_reference(&figure(Some(u)), Lang::En, "2026-12-05"),
            format!("Castellum.AI. Russia Sanctions Dashboard (2025-01-19). {u}")
        );
    }
}
