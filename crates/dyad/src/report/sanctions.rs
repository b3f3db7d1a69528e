//! The report's sanctions section: the designations of each side per year from the sized acts
//! of the built-in chronology (`dyad sanctions --by year`), and the published counts beside the
//! chronology's sums, with why they differ.

use super::html::esc;
use super::{Ctx, Lang};
use crate::cite;
use dyad_analysis::sanctions::{Figure, Tally};
use dyad_store::CitationRow;
use std::fmt::Write;

macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}

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

pub(super) fn sanctions_section(c: &Ctx<'_>, out: &mut String) {
    let lang = c.lang;
    let Some(s) = c.inp.sanctions else {
        w!(
            out,
            "<p>{}</p>",
            c.t(
                "The sums of sanctions designations come from the built-in chronology, which this report does not include.",
                "制裁列名的合计来自内置大事记，本报告未纳入内置大事记。"
            )
        );
        return;
    };
    let names = c.inp.dyad_names;
    let (a, b) = (names.full(&s.a, lang), names.full(&s.b, lang));
    match lang {
        Lang::En => w!(
            out,
            "<p>{}</p>",
            esc(&format!(
                "Designations are the persons, entities, vessels and aircraft a sanctions act puts on a published sanctions, entry-ban or export-restriction list. The chronology records sanctions packages and, where a package's source states how many it listed, that number (its magnitude); the table adds them up per year for each side. A sum marked + is a floor: some sizes are floors (\"more than 500\" counts 500) or approximate, or some acts state no size (counted as unsized). {a} against {b}: {} designations in {} sized acts, {} unsized; {b} against {a}: {} in {}, {} unsized.",
                sum_cell(&s.total.a_to_b), s.total.a_to_b.sized, s.total.a_to_b.without_size,
                sum_cell(&s.total.b_to_a), s.total.b_to_a.sized, s.total.b_to_a.without_size,
            ))
        ),
        Lang::Zh => w!(
            out,
            "<p>{}</p>",
            esc(&format!(
                "制裁列名指一项制裁行为列入公开的制裁、禁止入境或出口管制名单的个人、实体、船只和飞机。大事记记录各个制裁批次，并在来源说明列名数量时记下该数（规模）；下表按年分别合计双方的列名数。带“+”的合计为下限：其中有的规模本身是下限（“500多个”按500计）或约数，或有的批次未说明规模（计为“规模不详”）。{a}对{b}：{}个列名，来自{}个有规模的批次，另有{}个批次规模不详；{b}对{a}：{}个，来自{}个批次，另有{}个规模不详。",
                sum_cell(&s.total.a_to_b), s.total.a_to_b.sized, s.total.a_to_b.without_size,
                sum_cell(&s.total.b_to_a), s.total.b_to_a.sized, s.total.b_to_a.without_size,
            ))
        ),
    }
    let side = |x: &str, y: &str| match lang {
        Lang::En => format!("{x} → {y}"),
        Lang::Zh => format!("{x}对{y}"),
    };
    w!(
        out,
        r#"<div class="tablewrap"><table class="sanctions"><thead><tr><th>{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th></tr></thead><tbody>"#,
        c.t("year", "年份"),
        esc(&format!(
            "{}{}",
            side(&a, &b),
            c.t(": designations", "：列名")
        )),
        c.t("sized acts", "有规模的批次"),
        c.t("unsized", "规模不详"),
        esc(&format!(
            "{}{}",
            side(&b, &a),
            c.t(": designations", "：列名")
        )),
        c.t("sized acts", "有规模的批次"),
        c.t("unsized", "规模不详"),
    );
    for r in s.rows.iter().chain(std::iter::once(&s.total)) {
        let period = if r.period == "total" {
            c.t("total", "合计").to_string()
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
    w!(
        out,
        "<p>{}</p>",
        c.t(
            "Published counts of sanctions beside the chronology's sum over the same months. The chronology's sum is no estimate of the trackers' count: it is the floor of what the packages it records listed.",
            "下表将已发表的制裁统计与大事记在同一时期的合计并列。大事记的合计并非对追踪平台统计数的估计，而是其所收录批次列名数的下限。"
        )
    );
    w!(
        out,
        r#"<div class="tablewrap"><table class="sanctions-figures"><thead><tr><th>{}</th><th>{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        c.t("what is counted", "统计对象"),
        c.t("months", "时期"),
        c.t("published", "发表数"),
        c.t("chronology", "大事记"),
        c.t("share", "占比"),
        c.t("why they differ", "差异原因"),
        c.t("source", "来源"),
    );
    for cmp in &s.comparison {
        let f = &cmp.figure;
        let cite = figure_reference(f, lang, &c.cited);
        w!(
            out,
            r#"<tr><td class="small">{}</td><td class="n">{}<br>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{:.0}%</td><td class="small note">{}</td><td class="small"><ul class="src"><li>{}</li></ul></td></tr>"#,
            esc(c.t(&f.counts_en, &f.counts_zh)),
            f.from,
            f.to,
            f.value,
            sum_cell(&cmp.chronology),
            cmp.share * 100.0,
            esc(c.t(&f.note_en, &f.note_zh)),
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
