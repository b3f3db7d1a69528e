//! The report's section 6: the data's eras, and the periods and resets the literature names set
//! beside them (`data/literature/`): for each literature period the level over its months, for
//! each reset the data's cycle (trough, peak, rise and fall, drivers), and where they disagree.

use super::html::{esc, num, signed};
use super::{not_computed, svg, Ctx, Lang};
use dyad_analysis::cycles::Driver;
use dyad_analysis::literature::{
    read_period, read_resets, Check, CompareParams, LitPeriod, LitReset, Literature, Outcome, Span,
    Start,
};
use dyad_analysis::prelude::*;
use std::fmt::Write;

macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}

/// The literature's periods for the level chart (US–Russia reports only).
pub(super) fn references(c: &Ctx<'_>) -> Vec<svg::Reference> {
    let (Some(lit), Some(last)) = (c.inp.literature, c.a.level.points.last()) else {
        return Vec::new();
    };
    lit.periods
        .iter()
        .map(|p| svg::Reference {
            from: p.span.first_month(),
            to: p.span.last_month().unwrap_or(last.period),
            label: c.t(&p.name_en, &p.name_zh).to_string(),
            href: format!("#lit-{}", p.id),
        })
        .collect()
}

/// The span as the literature gives it: `1991 – 2016`, `2025-02 –`.
fn span_text(c: &Ctx<'_>, s: &Span) -> String {
    let d = |d: &dyad_model::EventDate| match (c.lang, d.precision()) {
        (Lang::Zh, dyad_model::Precision::Year) => format!("{}年", d.y()),
        (Lang::Zh, _) => c.lang.month(Month::of(&d.first_day())),
        _ => d.to_string(),
    };
    match &s.to {
        Some(t) => format!("{} – {}", d(&s.from), d(t)),
        None => format!("{} – {}", d(&s.from), c.t("(not ended)", "（未结束）")),
    }
}

/// "seed 000" / "种子文献000", linking to the list of sources.
fn cite(c: &Ctx<'_>, lit: &Literature, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|id| lit.source(id))
        .map(|s| {
            format!(
                r##"<a href="#lit-src-{}">{}{}</a>"##,
                esc(&s.id),
                c.t("seed ", "种子文献"),
                esc(&s.seed)
            )
        })
        .collect::<Vec<_>>()
        .join(c.t(", ", "、"))
}

fn months_apart(c: &Ctx<'_>, from: Month, to: Month) -> String {
    let d = from.until(to);
    match (c.lang, d.signum()) {
        (_, 0) => c.t("the same month", "同月").to_string(),
        (Lang::En, 1) => format!("{} later", c.lang.months(i64::from(d))),
        (Lang::En, _) => format!("{} earlier", c.lang.months(i64::from(-d))),
        (Lang::Zh, 1) => format!("晚{}", c.lang.months(i64::from(d))),
        (Lang::Zh, _) => format!("早{}", c.lang.months(i64::from(-d))),
    }
}

/// One check as a short sentence in the report's language, marked as agreement or not.
fn check_text(c: &Ctx<'_>, ch: &Check) -> String {
    let lang = c.lang;
    let m = |m: Month| lang.month(m);
    let body = match ch {
        Check::Start {
            expected, level, ..
        } => {
            let (en, zh) = match expected {
                Start::High => ("a high start (≥ +3)", "高开（不低于+3）"),
                Start::Low => ("a low start (below 0)", "低开（低于0）"),
            };
            match lang {
                Lang::En => format!("name claims {en}; the data open at {}", signed(*level, 2)),
                Lang::Zh => format!("名称意味着{zh}；数据起点为{}", signed(*level, 2)),
            }
        }
        Check::Band {
            expected, found, ..
        } => match lang {
            Lang::En => format!(
                "name claims the {} band; the data's mean is {}",
                lang.band(*expected),
                lang.band(*found)
            ),
            Lang::Zh => format!(
                "名称意味着“{}”档；数据均值在“{}”档",
                lang.band(*expected),
                lang.band(*found)
            ),
        },
        Check::Trend {
            expected, found, ..
        } => match lang {
            Lang::En => format!(
                "name claims a {} level; the data's trend is {}",
                lang.trend(expected),
                lang.trend(found)
            ),
            Lang::Zh => format!(
                "名称意味着水平{}；数据趋势为{}",
                lang.trend(expected),
                lang.trend(found)
            ),
        },
        Check::Boundary {
            literature,
            era,
            phase,
            ..
        } => {
            let era_part = match era {
                Some(e) => match lang {
                    Lang::En => format!(
                        "the nearest era boundary is {} ({})",
                        m(*e),
                        months_apart(c, *literature, *e)
                    ),
                    Lang::Zh => format!(
                        "最近的时代分界为{}（{}）",
                        m(*e),
                        months_apart(c, *literature, *e)
                    ),
                },
                None => c.t("the data have no era boundary", "数据中没有时代分界").into(),
            };
            let phase_part = phase
                .map(|p| match lang {
                    Lang::En => format!(", the nearest phase boundary {}", m(p)),
                    Lang::Zh => format!("，最近的阶段分界为{}", m(p)),
                })
                .unwrap_or_default();
            match lang {
                Lang::En => format!("begins {}; {era_part}{phase_part}", m(*literature)),
                Lang::Zh => format!("始于{}；{era_part}{phase_part}", m(*literature)),
            }
        }
        Check::Began { trough, offset, .. } => match (trough, offset) {
            (Some(t), Some(o)) => match lang {
                Lang::En => format!(
                    "a rise begins at the trough of {} ({} {} the literature's start)",
                    m(*t),
                    lang.months(i64::from(o.abs())),
                    if *o >= 0 { "after" } else { "before" }
                ),
                Lang::Zh => format!(
                    "数据中的上升始于{}的谷底（{}文献所述起点{}）",
                    m(*t),
                    if *o >= 0 { "晚于" } else { "早于" },
                    lang.months(i64::from(o.abs()))
                ),
            },
            _ => match lang {
                Lang::En => format!(
                    "no reset cycle of the data begins within {} of the literature's start",
                    lang.months(i64::from(CompareParams::default().match_window_months))
                ),
                Lang::Zh => format!(
                    "数据中没有周期在文献所述起点前后{}内开始",
                    lang.months(i64::from(CompareParams::default().match_window_months))
                ),
            },
        },
        Check::Outcome {
            expected, closed, ..
        } => match (expected, closed, lang) {
            (Outcome::Failed, Some(true), Lang::En) => {
                "failed, and the data's level fell back to a new trough".into()
            }
            (Outcome::Failed, Some(true), Lang::Zh) => {
                "文献称其失败；数据水平也回落至新的谷底".into()
            }
            (Outcome::Failed, _, Lang::En) => {
                "failed, but the data's level has not fallen back to a new trough".into()
            }
            (Outcome::Failed, _, Lang::Zh) => "文献称其失败；但数据水平尚未回落至新的谷底".into(),
            (Outcome::Ongoing, Some(false), Lang::En) => {
                "ongoing when written; the data's rise has not been undone".into()
            }
            (Outcome::Ongoing, Some(false), Lang::Zh) => {
                "文献写作时仍在持续；数据中的上升也尚未被抵消".into()
            }
            (Outcome::Ongoing, _, Lang::En) => {
                "ongoing when written; the data's level has fallen back".into()
            }
            (Outcome::Ongoing, _, Lang::Zh) => "文献写作时仍在持续；但数据水平已经回落".into(),
        },
        Check::End {
            literature, data, ..
        } => match (data, lang) {
            (Some(d), Lang::En) => format!(
                "ends {} in the literature; the data's fall ends {} ({})",
                m(*literature),
                m(*d),
                months_apart(c, *literature, *d)
            ),
            (Some(d), Lang::Zh) => format!(
                "文献所述终点为{}；数据中的回落止于{}（{}）",
                m(*literature),
                m(*d),
                months_apart(c, *literature, *d)
            ),
            (None, Lang::En) => format!(
                "ends {} in the literature; the data's cycle has not closed",
                m(*literature)
            ),
            (None, Lang::Zh) => format!("文献所述终点为{}；数据中的周期尚未结束", m(*literature)),
        },
        Check::Split { cycles: 1, .. } => c
            .t(
                "one reset cycle of the data starts in its span, as the literature sees one reset",
                "文献视为一次重启的时段内，数据中也只有一个周期开始",
            )
            .to_string(),
        Check::Split { cycles, .. } => match lang {
            Lang::En => format!(
                "the data see {cycles} reset cycles starting in its span where the literature sees one"
            ),
            Lang::Zh => format!("文献视为一次重启的时段内，数据中有{cycles}个周期开始"),
        },
    };
    let (mark, cls) = if ch.agrees() {
        (c.t("agrees", "一致"), "pos")
    } else {
        (c.t("differs", "不一致"), "neg")
    };
    format!(
        r#"<span class="{cls}">{mark}</span>{} {}"#,
        c.t(":", "："),
        esc(&body)
    )
}

fn ul(items: &[String]) -> String {
    if items.is_empty() {
        return "—".into();
    }
    format!(
        "<ul>{}</ul>",
        items
            .iter()
            .map(|s| format!("<li>{s}</li>"))
            .collect::<String>()
    )
}

fn drivers(c: &Ctx<'_>, ds: &[Driver], k: usize) -> Vec<String> {
    ds.iter().take(k).map(|d| c.event_item(d.id, 60)).collect()
}

fn eras_table(c: &Ctx<'_>, out: &mut String) {
    let (a, lang) = (c.a, c.lang);
    let p = EraParams::default();
    match lang {
        Lang::En => w!(
            out,
            "<p>Eras are the level's long periods, each made of whole phases: the cut of the monthly level at phase boundaries into segments of at least {} months that fits the level best by least squares with a penalty per era (the BIC, with the noise measured around a {}-month moving average), at most {} (see <a href=\"#methods\">Methods</a> and docs/method.md). Each era lists the event that opened it (the largest in its first month) and the events with the largest effects in it.</p>",
            p.min_months,
            2 * p.noise_half_window + 1,
            p.max_eras
        ),
        Lang::Zh => w!(
            out,
            "<p>时代是关系水平的长时段，每个时代由若干完整的阶段组成：在阶段分界处切分月度水平序列，每段不少于{}个月，按最小二乘加每段惩罚（BIC，噪声以{}个月移动平均衡量）取最优切分，至多{}个时代（见<a href=\"#methods\">方法说明</a>及docs/method.md）。每个时代列出开启它的事件（首月影响最大者）和期间影响最大的事件。</p>",
            p.min_months,
            2 * p.noise_half_window + 1,
            p.max_eras
        ),
    }
    w!(
        out,
        r#"<div class="tablewrap"><table class="eras"><thead><tr><th></th><th>{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th><th>{}</th><th class="n">{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        c.t("period", "时段"),
        c.t("months", "月数"),
        c.t("mean", "均值"),
        c.t("band", "档次"),
        c.t("trend", "趋势"),
        c.t("start → end", "起 → 止"),
        c.t("phases", "阶段"),
        c.t("opened by", "开启事件"),
        c.t("largest effects", "影响最大的事件")
    );
    for (i, e) in a.eras.iter().enumerate() {
        let phases = e
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
            e.start,
            e.end,
            e.months,
            num(e.level, 2),
            esc(lang.band(e.band)),
            esc(lang.trend(e.trend)),
            num(e.start_level, 2),
            num(e.end_level, 2),
            ul(&drivers(c, &e.opened_by, 1)),
            ul(&drivers(c, &e.defining_events, 3)),
            n = i + 1
        );
    }
    out.push_str("</tbody></table></div>\n");
}

fn periods_table(c: &Ctx<'_>, lit: &Literature, out: &mut String) -> Vec<String> {
    let (a, lang) = (c.a, c.lang);
    let params = CompareParams::default();
    let mut differ = Vec::new();
    w!(
        out,
        r#"<h3 id="lit-periods">{}</h3><div class="tablewrap"><table class="litperiods"><thead><tr><th></th><th>{}</th><th>{}</th><th class="n">{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        c.t(
            "Periods in the literature and the level over their months",
            "文献中的时期与同期关系水平"
        ),
        c.t("period in the literature", "文献中的时期"),
        c.t("source", "出处"),
        c.t("mean (start → end)", "均值（起 → 止）"),
        c.t("band, trend", "档次、趋势"),
        c.t("the data's eras", "数据中的时代"),
        c.t("data and literature", "数据与文献对照")
    );
    for (i, p) in lit.periods.iter().enumerate() {
        let r = read_period(&a.level, &a.eras, &a.phases, p, &params);
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
                    c.t(", ", "，"),
                    lang.trend(d.trend)
                ),
            ),
            None => ("—".into(), c.t("outside the data", "不在数据范围内").into()),
        };
        let eras = r
            .eras
            .iter()
            .map(|n| format!(r##"<a href="#era-{n}">E{n}</a>"##))
            .collect::<Vec<_>>()
            .join(" ");
        let checks: Vec<String> = r.checks.iter().map(|ch| check_text(c, ch)).collect();
        for ch in r.checks.iter().filter(|ch| !ch.agrees()) {
            differ.push(format!(
                "{}{}{}",
                esc(name(c, p)),
                c.t(": ", "："),
                check_text(c, ch)
            ));
        }
        w!(
            out,
            r#"<tr id="lit-{}"><td>{}</td><td><strong>{}</strong><br><span class="small">{}</span><br><span class="small">{}</span></td><td>{}</td><td class="n">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            esc(&p.id),
            i + 1,
            esc(name(c, p)),
            esc(&span_text(c, &p.span)),
            esc(c.t(&p.note_en, &p.note_zh)),
            cite(c, lit, &p.sources),
            mean,
            esc(&band),
            eras,
            ul(&checks)
        );
    }
    out.push_str("</tbody></table></div>\n");
    differ
}

fn name<'p>(c: &Ctx<'_>, p: &'p LitPeriod) -> &'p str {
    c.t(&p.name_en, &p.name_zh)
}

fn reset_name<'p>(c: &Ctx<'_>, r: &'p LitReset) -> &'p str {
    c.t(&r.name_en, &r.name_zh)
}

fn resets_table(c: &Ctx<'_>, lit: &Literature, out: &mut String) -> Vec<String> {
    let (a, lang) = (c.a, c.lang);
    let mut differ = Vec::new();
    w!(
        out,
        r#"<h3 id="lit-resets">{}</h3><p>{}</p><div class="tablewrap"><table class="resets litresets"><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        c.t("Resets in the literature and the data's cycles", "文献中的重启与数据中的周期"),
        esc(c.t(
            "Each reset is matched to the data's reset cycle (section 5) whose trough lies nearest the reset's start, within two years, each cycle used once; the table gives the cycle's trough, peak and end, its rise, time high and fall, and the events that drove its rise and its fall, beside what the literature says began and ended the reset.",
            "每次重启与数据中谷底最接近其起点（前后两年以内）的重启周期（见第五节）相对应，每个周期只对应一次；表中列出该周期的谷底、高峰和结束月份，上升、高位与回落的时长，以及推动上升和导致回落的事件，并与文献所述的起因和终结原因并列。"
        )),
        c.t("reset in the literature", "文献中的重启"),
        c.t("what began and ended it (literature)", "起因与终结原因（文献）"),
        c.t("the data's cycle", "数据中的周期"),
        c.t("drove the rise (data)", "上升动力（数据）"),
        c.t("drove the fall (data)", "回落原因（数据）"),
        c.t("data and literature", "数据与文献对照")
    );
    let readings = read_resets(&a.cycles, &lit.resets, &CompareParams::default());
    for (i, r) in readings.iter().enumerate() {
        let Some(lr) = lit.resets.iter().find(|x| x.id == r.id) else {
            continue;
        };
        let lit_cell = {
            let began = c.t(&lr.began_with_en, &lr.began_with_zh);
            let ended = c.t(&lr.ended_by_en, &lr.ended_by_zh);
            let mut s = format!(
                "<strong>{}</strong> {}",
                c.t("Began with:", "起因："),
                esc(began)
            );
            if !ended.is_empty() {
                w!(
                    s,
                    "<br><strong>{}</strong> {}",
                    c.t("Ended by:", "终结原因："),
                    esc(ended)
                );
            }
            s
        };
        let (cycle_cell, rise, fall) = match r.cycle.map(|k| (k, &a.cycles[k])) {
            Some((k, cy)) => (
                format!(
                    r##"<a href="#cycle-{n}">{}</a><br><span class="nw">{} →</span> <span class="nw">{} →</span> <span class="nw">{}{}</span><br><span class="small">{} → {} → {}</span><br><span class="small">{} {}{sep}{} {}{sep}{} {}</span>"##,
                    esc(&format!("{} {}", c.t("cycle", "周期"), k + 1)),
                    cy.trough.period,
                    cy.peak.period,
                    cy.end.period,
                    if cy.open {
                        c.t(" (open)", "（未结束）")
                    } else {
                        ""
                    },
                    num(cy.trough.level, 2),
                    num(cy.peak.level, 2),
                    num(cy.end.level, 2),
                    c.t("rise", "上升"),
                    lang.months(i64::from(cy.rise_months)),
                    c.t("high", "高位"),
                    lang.months(i64::from(cy.high_months)),
                    c.t("fall", "回落"),
                    lang.months(i64::from(cy.fall_months)),
                    n = k + 1,
                    sep = c.t(", ", "，")
                ),
                ul(&drivers(c, &cy.rise_drivers, 3)),
                ul(&drivers(c, &cy.fall_drivers, 3)),
            ),
            None => (
                c.t("none", "无").to_string(),
                "—".to_string(),
                "—".to_string(),
            ),
        };
        let checks: Vec<String> = r.checks.iter().map(|ch| check_text(c, ch)).collect();
        for ch in r.checks.iter().filter(|ch| !ch.agrees()) {
            differ.push(format!(
                "{}{}{}",
                esc(reset_name(c, lr)),
                c.t(": ", "："),
                check_text(c, ch)
            ));
        }
        w!(
            out,
            r#"<tr id="lit-{}"><td>{}</td><td><strong>{}</strong><br><span class="small">{}</span><br><span class="small">{}</span><br>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            esc(&lr.id),
            i + 1,
            esc(reset_name(c, lr)),
            esc(&span_text(c, &lr.span)),
            esc(c.t(&lr.leaders_en, &lr.leaders_zh)),
            cite(c, lit, &lr.sources),
            lit_cell,
            cycle_cell,
            rise,
            fall,
            ul(&checks)
        );
    }
    out.push_str("</tbody></table></div>\n");
    differ
}

/// The sources, as they name themselves (a citation list).
fn sources_list(c: &Ctx<'_>, lit: &Literature, out: &mut String) {
    w!(
        out,
        r#"<h3 id="lit-sources">{}</h3><ul class="src">"#,
        c.t("Sources of the literature table", "文献表的出处")
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
            r#"<li id="lit-src-{}">{}{}{}{} {}</li>"#,
            esc(&s.id),
            c.t("Seed ", "种子文献"),
            esc(&s.seed),
            if named.is_empty() {
                String::new()
            } else {
                format!("{}{}", c.t(": ", "："), esc(&named.join(c.t(", ", "，"))))
            },
            c.t(".", "。"),
            esc(c.t(&s.described_en, &s.described_zh))
        );
    }
    out.push_str("</ul>\n");
}

pub(super) fn literature_section(c: &Ctx<'_>, out: &mut String) {
    let a = c.a;
    w!(out, r#"<h3 id="eras">{}</h3>"#, c.t("Eras", "时代"));
    if let Err(short) = a.check(Measure::Phases) {
        not_computed(c, out, &short);
        return;
    }
    eras_table(c, out);
    let Some(lit) = c.inp.literature else {
        w!(
            out,
            "<p>{}</p>",
            c.t(
                "The literature's periods and resets in data/literature are of US–Russia relations; this report is of another pair.",
                "data/literature 中文献所述的时期与重启仅涉及美俄关系，本报告所涉为其他国家。"
            )
        );
        return;
    };
    w!(
        out,
        "<p>{}</p>",
        esc(c.t(
            "Below, the periods and resets that the seed documents name are set beside the data. The names, boundaries and causes are carried over from the sources (table in data/literature, with its README); what a period's name claims about the level (a high or low start, a band, a trend) is our reading of the name, tested against the data with the rules of the phases. Nothing was tuned to make data and literature agree; where they differ, the table says so. The literature's periods are also drawn under Figure 1.",
            "下文将种子文献所述的时期与重启同数据并列。时期名称、起止与原因均取自文献（见data/literature中的表格及其说明）；时期名称对关系水平的含义（高开或低开、档次、趋势）是本报告对名称的理解，并按阶段的判定规则用数据检验。所有参数均未为使数据与文献一致而调整；二者不一致之处，表中直接注明。文献中的时期也标注在图1下方。"
        ))
    );
    let mut differ = periods_table(c, lit, out);
    differ.extend(resets_table(c, lit, out));
    w!(
        out,
        r#"<h3 id="lit-differ">{}</h3>"#,
        c.t("Where data and literature disagree", "数据与文献的分歧")
    );
    if differ.is_empty() {
        w!(
            out,
            "<p>{}</p>",
            c.t(
                "On every point tested, the data agree with the literature.",
                "在所检验的各点上，数据与文献一致。"
            )
        );
    } else {
        w!(out, r#"<ul class="evlist">{}</ul>"#, {
            differ
                .iter()
                .map(|d| format!("<li>{d}</li>"))
                .collect::<String>()
        });
    }
    sources_list(c, lit, out);
}
