//! The HTML report of one dyad: a single self-contained file (inline CSS, charts as inline SVG,
//! one inline script for PNG downloads, no scripts, fonts or images from elsewhere) in English or Chinese, in which every chart and
//! table links to the events behind it, listed with their sources in the appendix. Each table
//! downloads as CSV and each chart as SVG from `data:` links and as PNG drawn in the page
//! (`download`), so it stays one file.

pub mod download;
pub mod html;
pub mod i18n;
mod literature;
mod robustness;
mod sanctions;
pub mod svg;

use crate::cite;
use crate::cmd::summits::Summits;
use crate::measure::Analysis;
use crate::names::DyadNames;
use dyad_analysis::prelude::*;
use dyad_analysis::sufficiency::Quantity;
use dyad_coder::People;
use dyad_model::{CodeTable, PlaceTable};
use dyad_store::EventRow;
use html::{esc, num, short, signed};
pub use i18n::Lang;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}

/// What the report is made from; `cmd::report` computes it.
pub struct ReportInput<'a> {
    pub analysis: &'a Analysis,
    pub lang: Lang,
    /// The forecast, or why there is none (too little data).
    pub forecast: Result<&'a Forecast, &'a Shortfall>,
    /// The backtest, when there is a forecast.
    pub backtest: Option<&'a Backtest>,
    pub backtest_params: &'a BacktestParams,
    /// The forecast of the monthly event flow and its backtest, when there is a forecast.
    pub flow_forecast: Option<&'a FlowForecast>,
    pub flow_backtest: Option<&'a FlowBacktest>,
    /// Why the backtest may not be read as a judgement of skill, if it may not.
    pub skill: Option<&'a Shortfall>,
    /// Meetings of the heads of state per US presidency (curated events only).
    pub summits: Option<&'a Summits>,
    /// Sanctions designations per year and side, with the published counts (when the report
    /// includes the built-in chronology).
    pub sanctions: Option<&'a crate::cmd::sanctions::Sanctions>,
    pub people: &'a People,
    pub codes: &'a CodeTable,
    /// Domain → (English name, Chinese name).
    pub domain_names: &'a HashMap<String, (String, String)>,
    /// The Chinese names of the chronology's places.
    pub places: &'a PlaceTable,
    /// How states are named in the title (中美, United States–China).
    pub dyad_names: &'a DyadNames,
    /// The periods and resets the literature names (US–Russia only).
    pub literature: Option<&'a dyad_analysis::literature::Literature>,
    /// Another dyad analysed over the same origins and months (`--compare`), drawn beside
    /// this one in the level section.
    pub compare: Option<&'a Analysis>,
}

/// One event's total effect, with where to find it.
#[derive(Debug, Clone)]
struct Effect {
    id: i64,
    month: Month,
    contribution: f64,
}

/// Lookups shared by the sections.
struct Ctx<'a> {
    inp: &'a ReportInput<'a>,
    a: &'a Analysis,
    lang: Lang,
    /// The day sources are cited as consulted (GB/T 7714's [引用日期]): the report's day.
    cited: String,
    merged: HashMap<i64, &'a MergedObs>,
    curated_to_event: HashMap<String, i64>,
    /// Total contribution of each event to the level.
    effects: Vec<Effect>,
    effect_of: HashMap<i64, f64>,
    /// Indices into `effects` by month.
    by_month: BTreeMap<Month, Vec<usize>>,
    /// Years that have an appendix section.
    years: HashSet<i32>,
    names: HashMap<String, (String, String)>,
}

impl<'a> Ctx<'a> {
    fn new(inp: &'a ReportInput<'a>) -> Ctx<'a> {
        let a = inp.analysis;
        let merged: HashMap<i64, &MergedObs> = a.merged.iter().map(|m| (m.obs.id, m)).collect();
        let mut report_to_event = HashMap::new();
        for m in &a.merged {
            for r in &m.reports {
                report_to_event.insert(*r, m.obs.id);
            }
        }
        let curated_to_event = a
            .rows
            .values()
            .filter_map(|r| Some((r.curated_id.clone()?, *report_to_event.get(&r.id)?)))
            .collect();
        let effects: Vec<Effect> = a
            .level
            .event_totals()
            .into_iter()
            .map(|e| Effect {
                id: e.id,
                month: Month::of(&e.date),
                contribution: e.contribution,
            })
            .collect();
        let effect_of = effects.iter().map(|e| (e.id, e.contribution)).collect();
        let mut by_month: BTreeMap<Month, Vec<usize>> = BTreeMap::new();
        for (i, e) in effects.iter().enumerate() {
            by_month.entry(e.month).or_default().push(i);
        }
        let years = a.merged.iter().map(|m| m.obs.date.y()).collect();
        let mut names = HashMap::new();
        for t in inp.people.tenures() {
            names.entry(t.key.clone()).or_insert_with(|| {
                (
                    t.names_en.first().cloned().unwrap_or_else(|| t.key.clone()),
                    t.names_zh.first().cloned().unwrap_or_else(|| t.key.clone()),
                )
            });
        }
        Ctx {
            inp,
            a,
            lang: inp.lang,
            cited: cite::today(),
            merged,
            curated_to_event,
            effects,
            effect_of,
            by_month,
            years,
            names,
        }
    }

    fn t<'s>(&self, en: &'s str, zh: &'s str) -> &'s str {
        self.lang.t(en, zh)
    }

    /// The stored reports behind an event.
    fn rows(&self, id: i64) -> impl Iterator<Item = &'a EventRow> + '_ {
        self.merged
            .get(&id)
            .into_iter()
            .flat_map(|m| m.reports.iter())
            .filter_map(|r| self.a.rows.get(r))
    }

    /// What happened, in the report's language when any report says it in that language.
    fn desc(&self, id: i64) -> String {
        self.desc_in(self.lang, id)
    }

    /// An event's description in `lang` (else its sentence, else the other language's).
    fn desc_in(&self, lang: Lang, id: i64) -> String {
        let pick = |r: &EventRow| match lang {
            Lang::En => r.description_en.clone(),
            Lang::Zh => r.description_zh.clone(),
        };
        let other = |r: &EventRow| match lang {
            Lang::En => r.description_zh.clone(),
            Lang::Zh => r.description_en.clone(),
        };
        self.rows(id)
            .find_map(pick)
            .or_else(|| self.rows(id).find_map(|r| r.sentence.clone()))
            .or_else(|| self.rows(id).find_map(other))
            .or_else(|| self.merged.get(&id).map(|m| m.obs.label.clone()))
            .unwrap_or_default()
    }

    fn person(&self, key: &str) -> String {
        match self.names.get(key) {
            Some((en, zh)) => self.lang.t(en, zh).to_string(),
            None => key.to_string(),
        }
    }

    /// A place in the report's language (the chronology writes places in English).
    fn place<'p>(&'p self, en: &'p str) -> &'p str {
        self.inp.places.name(en, self.lang == Lang::Zh)
    }

    fn domain(&self, d: &str) -> String {
        let (base, q) = match d.split_once(':') {
            Some((b, q)) => (b, Some(q)),
            None => (d, None),
        };
        let name = match self.inp.domain_names.get(base) {
            Some((en, zh)) => self.lang.t(en, zh).to_string(),
            None if base == "(none)" => self.t("(no domain)", "（未标注领域）").to_string(),
            None => base.to_string(),
        };
        match q {
            Some(q) if self.lang == Lang::Zh => format!(
                "{name}：{}",
                self.lang
                    .actor(&q.to_ascii_uppercase())
                    .replace(&q.to_ascii_uppercase(), q)
            ),
            Some(q) => format!("{name}: {q}"),
            None => name,
        }
    }

    /// A link to an event in the appendix, with `text` (escaped here) and the full description
    /// as its tooltip.
    fn link(&self, id: i64, text: &str) -> String {
        format!(
            r##"<a href="#ev-{id}" title="{}">{}</a>"##,
            esc(&self.desc(id)),
            esc(text)
        )
    }

    /// A linked short description with the event's date and contribution.
    fn event_item(&self, id: i64, max: usize) -> String {
        let date = self
            .merged
            .get(&id)
            .map(|m| m.obs.date.to_string())
            .unwrap_or_default();
        let c = self.effect_of.get(&id).copied().unwrap_or(0.0);
        let cls = if c >= 0.0 { "pos" } else { "neg" };
        format!(
            r#"{} <span class="d">{}</span> <span class="{cls}">{}</span>"#,
            self.link(id, &short(&self.desc(id), max)),
            esc(&date),
            signed(c, 2)
        )
    }

    /// Events with months in `[from, to]`.
    fn effects_in(&self, from: Month, to: Month) -> impl Iterator<Item = &Effect> + '_ {
        self.by_month
            .range(from..=to)
            .flat_map(|(_, v)| v.iter().map(|&i| &self.effects[i]))
    }

    /// The `k` largest positive and `k` largest negative events in `[from, to]`.
    fn top_events(&self, from: Month, to: Month, k: usize) -> (Vec<&Effect>, Vec<&Effect>) {
        let mut pos: Vec<&Effect> = self
            .effects_in(from, to)
            .filter(|e| e.contribution > 0.0)
            .collect();
        let mut neg: Vec<&Effect> = self
            .effects_in(from, to)
            .filter(|e| e.contribution < 0.0)
            .collect();
        pos.sort_by(|a, b| {
            b.contribution
                .total_cmp(&a.contribution)
                .then(a.id.cmp(&b.id))
        });
        neg.sort_by(|a, b| {
            a.contribution
                .total_cmp(&b.contribution)
                .then(a.id.cmp(&b.id))
        });
        pos.truncate(k);
        neg.truncate(k);
        (pos, neg)
    }

    fn year_href(&self, y: i32) -> Option<String> {
        self.years.contains(&y).then(|| format!("#year-{y}"))
    }

    /// The pair as the title names it: "United States–China", "中美".
    fn pair(&self) -> String {
        let (x, y) = &self.a.dyad;
        self.inp.dyad_names.pair(x, y, self.lang)
    }
}

const CSS: &str = r#"
:root{--ink:#1b1f24;--muted:#5b6570;--rule:#d8dde3;--pos:#2f7d4a;--neg:#b3322a;--accent:#1d3557}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif}
:lang(zh-CN) body,body:lang(zh-CN){line-height:1.75}
.wrap{max-width:1100px;margin:0 auto;padding:1.2rem 1.2rem 4rem}
h1{font-size:1.9rem;line-height:1.25;margin:.6rem 0 .3rem}
h2{font-size:1.4rem;margin:2.6rem 0 .6rem;padding-top:.6rem;border-top:2px solid var(--accent)}
h3{font-size:1.1rem;margin:1.6rem 0 .4rem}
p{margin:.5rem 0}
a{color:#1f5fa8;text-decoration:none}
a:hover{text-decoration:underline}
.meta{color:var(--muted);font-size:.95rem}
nav.toc{background:#f5f7f9;border:1px solid var(--rule);border-radius:6px;padding:.6rem 1rem;margin:1rem 0;font-size:.95rem}
nav.toc ul{margin:.2rem 0;padding-left:0;list-style:none;columns:2 18rem}
.key{background:#f7f9fb;border-left:4px solid var(--accent);padding:.6rem 1rem;margin:1rem 0}
.key li{margin:.25rem 0}
figure{margin:1rem 0 1.4rem}
figcaption{color:var(--muted);font-size:.9rem;margin-top:.3rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
svg.chart{width:100%;height:auto;display:block;min-width:640px;font-family:inherit}
svg.chart.compact{min-width:480px}
svg.chart.compact .tick,svg.chart.compact .val{font-size:13.5px}
svg.chart.compact .name{font-size:14px}
svg .tick{font-size:12px;fill:#4a525a}
svg .band{font-size:12px;font-weight:600}
svg .name{font-size:13px;fill:#1b1f24}
svg .val{font-size:11.5px;fill:#333}
svg .phaseno{font-size:11px;fill:#44505c;font-weight:600}
svg .ref{font-size:11px;fill:#1b1f24}
svg .grid{stroke:#ffffff;stroke-width:1}
svg.flow .grid,svg.summits .grid{stroke:#e3e7eb}
svg .grid5{stroke:#9aa5b1;stroke-width:.6;stroke-dasharray:1 3}
svg .zero{stroke:#7d8790;stroke-width:1}
svg .axis{stroke:#7d8790}
svg .cp{stroke:#6c7a89;stroke-width:.8;stroke-dasharray:1.5 2.5}
svg .phase{stroke:#34495e;stroke-width:1.2;stroke-dasharray:5 3}
svg .levelline{fill:none;stroke-width:2;stroke-linejoin:round}
svg .fan95{fill:#7f8fa6;fill-opacity:.22}
svg .fan80{fill:#4f6d8f;fill-opacity:.35}
svg .fcline{fill:none;stroke:#1d3557;stroke-width:1.6;stroke-dasharray:4 3}
svg .leader{stroke:#6b7580;stroke-width:.7}
svg .lab{fill:#fff;fill-opacity:.93;stroke-width:.8}
svg .labdate{font-size:9.5px;fill:#5b6570}
svg .labtext{font-size:11px;fill:#1b1f24}
svg .evdot{stroke:#fff;stroke-width:1}
svg .ols{stroke:#1d3557;stroke-width:1.5;stroke-dasharray:6 4}
svg .troughline{fill:none;stroke:#b3322a;stroke-opacity:.45;stroke-width:1}
svg a:hover rect,svg a:hover circle{opacity:.8}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.1rem;font-size:.88rem;color:var(--muted);margin:.3rem 0}
.legend span.sw{display:inline-block;width:1.6em;height:.8em;vertical-align:middle;margin-right:.35em;border:1px solid #c9cfd6}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin:.6rem 0 1rem}
th,td{border-bottom:1px solid var(--rule);padding:.35rem .45rem;text-align:left;vertical-align:top}
th{background:#f1f4f7;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.tablewrap{overflow-x:auto}
table.narrow{width:auto;min-width:50%}
table.phases td,table.phases th,table.narrow th{white-space:nowrap}
table.narrow td,table.narrow th{padding-left:1rem}
td.meetings{min-width:16rem;width:42%}
.nw{white-space:nowrap}
td.note{min-width:14rem}
table.resets td{min-width:7.5rem}
table.resets td:first-child{min-width:0}
table.resets ul,.evlist{margin:0;padding-left:1.1rem}
.pos{color:var(--pos);font-variant-numeric:tabular-nums;white-space:nowrap}
.neg{color:var(--neg);font-variant-numeric:tabular-nums;white-space:nowrap}
.d{color:var(--muted);font-size:.85em;white-space:nowrap}
.small{font-size:.88rem;color:var(--muted)}
.verdict{font-weight:700}
.grid2{display:grid;grid-template-columns:repeat(auto-fill,minmax(470px,1fr));gap:1rem 1.4rem}
.grid2>*{min-width:0}
.card{border:1px solid var(--rule);border-radius:6px;padding:.5rem .8rem}
.card h3{margin:.3rem 0;font-size:1rem}
.card ul{font-size:.88rem;margin:.3rem 0;padding-left:1.1rem}
.ev{border-bottom:1px solid #eceff2;padding:.45rem 0;font-size:.92rem;scroll-margin-top:1rem}
.ev:target{background:#fff7d6;outline:2px solid #f0c541}
.evh{display:flex;flex-wrap:wrap;gap:.15rem .8rem;align-items:baseline}
.evh .date{font-weight:700;font-variant-numeric:tabular-nums}
.evh code{background:#eef1f4;border-radius:3px;padding:0 .3rem}
.ev p{margin:.2rem 0}
.ev ul.src{margin:.15rem 0 .1rem;padding-left:1.2rem;color:#3d454d;font-size:.86rem}
.src a{word-break:break-all}
h3.year{position:sticky;top:0;background:#fff;padding:.3rem 0;border-bottom:1px solid var(--rule);z-index:1}
.method p,.method li{max-width:60rem}
p.dl{margin:-.6rem 0 .8rem;font-size:.8rem;text-align:right}
a.dl{display:inline-block;font-size:.8rem;margin:.1rem 0}
button.dl{font:inherit;font-size:.8rem;margin:.1rem 0 .1rem .8rem;padding:0;border:0;background:none;color:#1f5fa8;cursor:pointer}
button.dl:hover{text-decoration:underline}
@media print{.dl{display:none}}
.limits{border-left-color:#b3322a;background:#fdf6f5}
.notcomputed{border-left:4px solid #b3322a;background:#fdf6f5;padding:.4rem .8rem}
@media (max-width:700px){body{font-size:15px}.wrap{padding:.8rem .7rem 3rem}h1{font-size:1.5rem}.grid2{grid-template-columns:1fr}nav.toc ul{columns:1}}
@media print{body{font-size:10.5pt}.wrap{max-width:none;padding:0}a{color:inherit}h2{break-after:avoid}figure,.card,tr,.ev{break-inside:avoid}.scroll{overflow:visible}svg.chart{min-width:0}h3.year{position:static}.ev:target{background:none;outline:none}}
"#;

/// Renders the whole report.
pub fn render(inp: &ReportInput<'_>) -> String {
    let c = Ctx::new(inp);
    let lang = c.lang;
    let a = c.a;
    let mut out = String::with_capacity(1 << 20);
    let title = match lang {
        Lang::En => format!("{} relations: a report", c.pair()),
        Lang::Zh => format!("{}关系报告", c.pair()),
    };
    let (first, last) = match (a.level.points.first(), a.level.points.last()) {
        (Some(f), Some(l)) => (Some(f.period), Some(l.period)),
        _ => (None, None),
    };
    w!(
        out,
        r#"<!DOCTYPE html>
<html lang="{}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dyad {}">
<title>{}</title>
<style>{CSS}</style>
</head>
<body>
<main class="wrap">
<header>
<h1>{}</h1>
"#,
        lang.html(),
        env!("CARGO_PKG_VERSION"),
        esc(&title),
        esc(&title)
    );
    let span = match (first, last) {
        (Some(f), Some(l)) => format!("{} – {}", lang.month(f), lang.month(l)),
        _ => String::new(),
    };
    match lang {
        Lang::En => w!(
            out,
            r#"<p class="meta">{span} · {} events from {} stored reports · written by dyad {} from its own data, as one file that needs no network.</p>"#,
            a.merged.len(),
            a.rows.len(),
            env!("CARGO_PKG_VERSION")
        ),
        Lang::Zh => w!(
            out,
            r#"<p class="meta">{span} · 共{}个事件（由{}条记录合并而成）· 由 dyad {} 根据其自有数据生成，单一文件，无需联网。</p>"#,
            a.merged.len(),
            a.rows.len(),
            env!("CARGO_PKG_VERSION")
        ),
    }
    if let (Some(_), _) | (_, Some(_)) = a.window {
        let m = |x: Option<Month>| x.map(|m| lang.month(m)).unwrap_or_else(|| "…".into());
        match lang {
            Lang::En => w!(
                out,
                r#"<p class="meta window">Months {} to {} only, as asked (<code>--from</code>/<code>--to</code>): events, phases, cycles and forecast are of these months; earlier events still shape the level through its memory.</p>"#,
                m(a.window.0),
                m(a.window.1)
            ),
            Lang::Zh => w!(
                out,
                r#"<p class="meta window">仅含{}至{}（按 <code>--from</code>/<code>--to</code> 指定）：事件、阶段、周期与预测均只涉及这些月份；此前的事件仍通过记忆影响关系水平。</p>"#,
                m(a.window.0),
                m(a.window.1)
            ),
        }
    }
    out.push_str("</header>\n");
    limits(&c, &mut out);
    let sections: [(&str, &str, &str); 12] = [
        ("summary", "Summary", "摘要"),
        ("level", "1. The relations level", "一、关系水平"),
        ("flow", "2. The event flow", "二、事件流"),
        ("summits", "3. Summits per presidency", "三、元首会晤"),
        ("sanctions", "4. Sanctions designations", "四、制裁列名"),
        (
            "resets",
            "5. Reset cycles and the spiral-decline test",
            "五、重启周期与螺旋式下降检验",
        ),
        (
            "literature",
            "6. Eras, and the literature side by side",
            "六、时代划分与文献对照",
        ),
        ("drivers", "7. Drivers by domain", "七、驱动因素（分领域）"),
        ("forecast", "8. Forecast", "八、预测"),
        ("methods", "9. Methods", "九、方法说明"),
        (
            "robustness",
            "10. Robustness to the impact parameters",
            "十、参数稳健性",
        ),
        (
            "appendix",
            "Appendix: events and sources",
            "附录：事件与来源",
        ),
    ];
    w!(
        out,
        r#"<nav class="toc"><strong>{}</strong><ul>"#,
        c.t("Contents", "目录")
    );
    for (id, en, zh) in &sections {
        w!(
            out,
            r##"<li><a href="#{id}">{}</a></li>"##,
            esc(lang.t(en, zh))
        );
    }
    out.push_str("</ul></nav>\n");
    let heading = |out: &mut String, i: usize| {
        let (id, en, zh) = sections[i];
        w!(
            out,
            "\n<section id=\"{id}\">\n<h2>{}</h2>\n",
            esc(lang.t(en, zh))
        );
    };
    // The sections in the order of `sections` (and of the table of contents above).
    let bodies: [fn(&Ctx<'_>, &mut String); 12] = [
        summary,
        level_section,
        flow_section,
        summits_section,
        sanctions::sanctions_section,
        resets_section,
        literature::literature_section,
        drivers_section,
        forecast_section,
        methods_section,
        robustness::robustness_section,
        appendix,
    ];
    for (i, body) in bodies.iter().enumerate() {
        heading(&mut out, i);
        body(&c, &mut out);
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    // The charts' own rules, for the SVG files a reader downloads.
    // The page's font stack too, so that the file (and the PNG drawn from it) keeps its letters.
    let svg_css: String = std::iter::once(
        r#"svg{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif}"#,
    )
    .chain(CSS.lines().filter(|l| l.starts_with("svg ")))
    .collect::<Vec<_>>()
    .join("\n");
    let stem = format!("dyad-{}-{}", a.dyad.0, a.dyad.1);
    download::add_links(&out, &stem, &svg_css, lang)
}

/// Everything the report leaves out for want of data, said once near the top (`#limits`).
fn limits(c: &Ctx<'_>, out: &mut String) {
    let mut shortfalls: Vec<&Shortfall> = c.a.withheld.iter().collect();
    if let Err(s) = c.inp.forecast {
        shortfalls.push(s);
    }
    if let Some(s) = c.inp.skill {
        if c.inp.forecast.is_ok() {
            shortfalls.push(s);
        }
    }
    if shortfalls.is_empty() {
        return;
    }
    let n = &c.a.amount;
    let items: String = shortfalls
        .iter()
        .map(|s| match c.lang {
            Lang::En => format!("<li>{}</li>", esc(&s.to_string())),
            Lang::Zh => format!("<li>{}</li>", esc(&s.zh())),
        })
        .collect();
    match c.lang {
        Lang::En => w!(
            out,
            r#"<div class="key limits" id="limits"><p><b>What this report cannot say.</b> The record of {} relations holds {} in {} (a series of {} months). That is too little for:</p><ul>{items}</ul><p>These parts are left out rather than computed: numbers drawn from so little would look like findings and be none. The level, the event flow and the events are shown as recorded. The minimums and their reasons are in <code>docs/method.md</code> (“What dyad will not compute”).</p></div>"#,
            esc(&c.pair()),
            esc(&Quantity::Events.en(n.events)),
            esc(&Quantity::MonthsWithEvents
                .en(n.months_with_events)
                .replace(" with events", "")),
            n.span_months
        ),
        Lang::Zh => w!(
            out,
            r#"<div class="key limits" id="limits"><p><b>本报告无法回答的问题。</b>{}关系的记录共有{}个事件，分布在{}个月份（序列跨度{}个月），不足以计算：</p><ul>{items}</ul><p>以上各部分因此未作计算：由如此少的数据得出的数字看似结论，实则不是。关系水平、事件流和事件本身仍如实列出。各项最低数据要求及其理由见 <code>docs/method.md</code>（“What dyad will not compute”一节）。</p></div>"#,
            esc(&c.pair()),
            n.events,
            n.months_with_events,
            n.span_months
        ),
    }
}

/// Where a section would be: what is not computed and why.
fn not_computed(c: &Ctx<'_>, out: &mut String, short: &Shortfall) {
    match c.lang {
        Lang::En => w!(
            out,
            r##"<p class="notcomputed">Not computed: {}. See <a href="#limits">what this report cannot say</a>.</p>"##,
            esc(&short.to_string())
        ),
        Lang::Zh => w!(
            out,
            r##"<p class="notcomputed">未计算：{}。见<a href="#limits">本报告无法回答的问题</a>。</p>"##,
            esc(&short.zh())
        ),
    }
}

fn level_at(a: &Analysis, m: Month) -> f64 {
    a.level.at(m).unwrap_or(0.0)
}

fn summary(c: &Ctx<'_>, out: &mut String) {
    let (a, lang) = (c.a, c.lang);
    let pts = &a.level.points;
    let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
        w!(
            out,
            "<p>{}</p>",
            c.t(
                "There are no events for this dyad.",
                "该双边关系没有事件记录。"
            )
        );
        return;
    };
    let min = pts
        .iter()
        .min_by(|x, y| x.level.total_cmp(&y.level))
        .unwrap_or(first);
    let max = pts
        .iter()
        .max_by(|x, y| x.level.total_cmp(&y.level))
        .unwrap_or(first);
    out.push_str(r#"<ul class="key">"#);
    let band = |l: f64| lang.band(Band::of(l));
    match lang {
        Lang::En => w!(
            out,
            "<li>In {} the level stands at <b>{}</b> ({}) on the −9…+9 scale. It began at {} in {}; its highest month was {} ({}, {}), its lowest {} ({}, {}).</li>",
            last.period,
            num(last.level, 2),
            band(last.level),
            num(first.level, 2),
            first.period,
            max.period,
            num(max.level, 2),
            band(max.level),
            min.period,
            num(min.level, 2),
            band(min.level)
        ),
        Lang::Zh => w!(
            out,
            "<li>{}关系水平为<b>{}</b>（{}，量表−9…+9）。起点{}为{}；最高点在{}（{}，{}），最低点在{}（{}，{}）。</li>",
            lang.month(last.period),
            num(last.level, 2),
            band(last.level),
            lang.month(first.period),
            num(first.level, 2),
            lang.month(max.period),
            num(max.level, 2),
            band(max.level),
            lang.month(min.period),
            num(min.level, 2),
            band(min.level)
        ),
    }
    // The largest monthly falls, each with the event that did most.
    let mut falls: Vec<&dyad_analysis::level::LevelPoint> =
        pts.iter().filter(|p| p.change < 0.0).collect();
    falls.sort_by(|x, y| x.change.total_cmp(&y.change));
    let items: Vec<String> = falls
        .iter()
        .take(4)
        .map(|p| {
            let (_, neg) = c.top_events(p.period, p.period, 1);
            let what = neg
                .first()
                .map(|e| {
                    // Provenance in the summary: how many public sources report the event.
                    let sources: usize =
                        c.a.reports_of(e.id).iter().map(|r| r.citation.len()).sum();
                    let sources = match (lang, sources) {
                        (_, 0) => String::new(),
                        (Lang::En, 1) => ", 1 source".to_string(),
                        (Lang::En, n) => format!(", {n} sources"),
                        (Lang::Zh, n) => format!("，{n}个来源"),
                    };
                    format!(
                        "{}{}{sources}{}",
                        c.t(" (", "（"),
                        c.link(e.id, &short(&c.desc(e.id), 46)),
                        c.t(")", "）")
                    )
                })
                .unwrap_or_default();
            format!(
                "{} <span class=\"neg\">{}</span>{}",
                esc(&lang.month(p.period)),
                signed(p.change, 2),
                what
            )
        })
        .collect();
    if !items.is_empty() {
        w!(
            out,
            "<li>{}{}</li>",
            c.t("The largest monthly falls: ", "单月降幅最大的是："),
            items.join(lang.list_sep())
        );
    }
    if let Some(cur) = a.phases.last() {
        match lang {
            Lang::En => w!(
                out,
                r##"<li>The series falls into <a href="#phases">{} phases</a>; the current one began in {} (mean {}, {}, {}).</li>"##,
                a.phases.len(),
                cur.start,
                num(cur.level, 2),
                cur.band.en(),
                lang.trend(cur.trend)
            ),
            Lang::Zh => w!(
                out,
                r##"<li>整个序列可分为<a href="#phases">{}个阶段</a>；当前阶段始于{}（均值{}，{}，{}）。</li>"##,
                a.phases.len(),
                lang.month(cur.start),
                num(cur.level, 2),
                cur.band.zh(),
                lang.trend(cur.trend)
            ),
        }
    }
    let s = &a.spiral;
    let cycles_known = c.a.check(Measure::Cycles).is_ok();
    match lang {
        _ if !cycles_known => {}
        Lang::En => w!(
            out,
            r##"<li><a href="#resets">{} reset cycles</a> (trough → peak → trough). Spiral decline — lower troughs and shorter highs: <span class="verdict">{}</span> (troughs {} per year, p = {}; highs {} months per cycle, p = {}).</li>"##,
            a.cycles.len(),
            lang.verdict(s.verdict),
            signed(s.troughs.slope, 2),
            num(s.troughs.p_decreasing, 3),
            signed(s.high_durations.slope, 1),
            num(s.high_durations.p_decreasing, 3)
        ),
        Lang::Zh => w!(
            out,
            r##"<li>共识别出<a href="#resets">{}个重启周期</a>（谷底→高峰→谷底）。“螺旋式下降”（谷底越来越低、高位越来越短）：<span class="verdict">{}</span>（谷底每年变化{}，p = {}；高位持续时间每周期变化{}个月，p = {}）。</li>"##,
            a.cycles.len(),
            lang.verdict(s.verdict),
            signed(s.troughs.slope, 2),
            num(s.troughs.p_decreasing, 3),
            signed(s.high_durations.slope, 1),
            num(s.high_durations.p_decreasing, 3)
        ),
    }
    if let Some(p) = c.inp.forecast.ok().and_then(|f| f.points.last()) {
        let skill = match (c.inp.backtest, c.inp.skill) {
            (Some(b), None) => {
                let o = &b.pooled_1_6;
                match lang {
                    Lang::En => format!(
                        " In the backtest, 1–6 months ahead, the model is {} naive persistence (mean absolute error {} vs {}; skill {}).",
                        compare_en(o.mae, o.mae_naive),
                        num(o.mae, 3),
                        num(o.mae_naive, 3),
                        skill_pct(o.skill)
                    ),
                    Lang::Zh => format!(
                        "回测中，在1–6个月的预测步长上，该模型{}朴素持续预测（平均绝对误差{}，朴素预测为{}；技能{}）。",
                        compare_zh(o.mae, o.mae_naive),
                        num(o.mae, 3),
                        num(o.mae_naive, 3),
                        skill_pct(o.skill)
                    ),
                }
            }
            _ => c
                .t(
                    " The backtest is too short to say whether it beats naive persistence.",
                    "回测过短，无法判断其是否优于朴素持续预测。",
                )
                .to_string(),
        };
        let flow = match (c.inp.flow_forecast, c.inp.flow_backtest, c.inp.skill) {
            (Some(f), Some(b), None) => match (f.events.first(), f.goldstein_sum.first()) {
                (Some(e), Some(g)) => match lang {
                    Lang::En => format!(
                        " The event flow: about {} events a month expected, net Goldstein {} (skill against persistence 1–6 months ahead {} and {}).",
                        num(e.value, 1),
                        signed(g.value, 1),
                        skill_pct(b.events.skill_1_6),
                        skill_pct(b.goldstein_sum.skill_1_6)
                    ),
                    Lang::Zh => format!(
                        "事件流：预计每月约{}个事件，戈德斯坦净值{}（1–6个月预测相对持续预测的技能分别为{}和{}）。",
                        num(e.value, 1),
                        signed(g.value, 1),
                        skill_pct(b.events.skill_1_6),
                        skill_pct(b.goldstein_sum.skill_1_6)
                    ),
                },
                _ => String::new(),
            },
            _ => String::new(),
        };
        match lang {
            Lang::En => w!(
                out,
                r##"<li><a href="#forecast">Forecast</a> for {}: {} ({}), 80% interval {} to {}.{skill}{flow}</li>"##,
                p.period,
                num(p.level, 2),
                Band::of(p.level).en(),
                num(p.lo80, 2),
                num(p.hi80, 2)
            ),
            Lang::Zh => w!(
                out,
                r##"<li><a href="#forecast">预测</a>{}：{}（{}），80%区间为{}至{}。{skill}{flow}</li>"##,
                lang.month(p.period),
                num(p.level, 2),
                Band::of(p.level).zh(),
                num(p.lo80, 2),
                num(p.hi80, 2)
            ),
        }
    }
    out.push_str("</ul>\n");
}

fn compare_en(m: f64, naive: f64) -> &'static str {
    if !m.is_finite() || !naive.is_finite() {
        "not comparable with"
    } else if m < naive * 0.95 {
        "better than"
    } else if m <= naive * 1.05 {
        "practically no better than"
    } else {
        "worse than"
    }
}

/// A skill as a signed percentage (`+12%`: 12% less error than the baseline), `–` without one.
fn skill_pct(skill: Option<f64>) -> String {
    skill.map_or_else(|| "–".to_string(), |k| format!("{}%", signed(100.0 * k, 0)))
}

/// Lag-1 autocorrelation of the monthly change of the level due to events: near 0, the months
/// before say nothing about the next month's events.
fn event_change_autocorrelation(level: &LevelSeries) -> Option<f64> {
    let x: Vec<f64> = level.points.iter().skip(1).map(|p| p.event_sum).collect();
    if x.len() < 3 {
        return None;
    }
    let m = x.iter().sum::<f64>() / x.len() as f64;
    let var: f64 = x.iter().map(|v| (v - m).powi(2)).sum();
    let cov: f64 = x.windows(2).map(|w| (w[0] - m) * (w[1] - m)).sum();
    (var > 0.0).then(|| cov / var)
}

fn compare_zh(m: f64, naive: f64) -> &'static str {
    if !m.is_finite() || !naive.is_finite() {
        "无法比较于"
    } else if m < naive * 0.95 {
        "优于"
    } else if m <= naive * 1.05 {
        "几乎不优于"
    } else {
        "不及"
    }
}

/// Candidates for annotation: the largest |contribution| events, one per month.
fn annotations(c: &Ctx<'_>, from: Option<Month>) -> Vec<svg::Annotation> {
    let mut eff: Vec<&Effect> = c
        .effects
        .iter()
        .filter(|e| from.is_none_or(|f| e.month >= f))
        .collect();
    eff.sort_by(|x, y| {
        y.contribution
            .abs()
            .total_cmp(&x.contribution.abs())
            .then(x.id.cmp(&y.id))
    });
    let mut seen = HashSet::new();
    eff.into_iter()
        .filter(|e| seen.insert(e.month))
        .take(60)
        .map(|e| {
            let date = c
                .merged
                .get(&e.id)
                .map(|m| m.obs.date.to_string())
                .unwrap_or_else(|| e.month.to_string());
            let d = c.desc(e.id);
            let other = match c.lang {
                Lang::En => Lang::Zh,
                Lang::Zh => Lang::En,
            };
            let alt = c.desc_in(other, e.id);
            svg::Annotation {
                month: e.month,
                level: level_at(c.a, e.month),
                contribution: e.contribution,
                date,
                label: html::clause(&d).to_string(),
                alt_label: html::clause(&alt).to_string(),
                href: format!("#ev-{}", e.id),
                title: d,
            }
        })
        .collect()
}

fn fan(c: &Ctx<'_>) -> Vec<svg::Fan> {
    let Ok(forecast) = c.inp.forecast else {
        return Vec::new();
    };
    forecast
        .points
        .iter()
        .map(|p| svg::Fan {
            period: p.period,
            level: p.level,
            lo80: p.lo80,
            hi80: p.hi80,
            lo95: p.lo95,
            hi95: p.hi95,
        })
        .collect()
}

fn band_legend(c: &Ctx<'_>, out: &mut String) {
    out.push_str(r#"<div class="legend">"#);
    for (i, b) in svg::BANDS.iter().enumerate().rev() {
        let (lo, hi) = b.range();
        w!(
            out,
            r#"<span><span class="sw" style="background:{}"></span>{} {}…{}</span>"#,
            svg::BAND_FILL[i],
            esc(c.lang.band(*b)),
            num(lo, 0),
            num(hi, 0)
        );
    }
    out.push_str("</div>");
}

fn level_section(c: &Ctx<'_>, out: &mut String) {
    let (a, lang) = (c.a, c.lang);
    let months: Vec<(Month, f64)> = a.level.points.iter().map(|p| (p.period, p.level)).collect();
    let phases: Vec<(Month, Month, usize)> = a
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| (p.start, p.end, i + 1))
        .collect();
    let ann = annotations(c, None);
    let fan = fan(c);
    let yh = |y: i32| c.year_href(y);
    let title = c.t(
        "Figure 1. The monthly relations level, with its phases, key events and forecast",
        "图1 月度关系水平：阶段、关键事件与预测",
    );
    let (chart, drawn) = svg::level_chart(&svg::LevelChart {
        lang,
        title,
        months: &months,
        phases: &phases,
        change_points: &a.change_points,
        forecast: &fan,
        annotations: &ann,
        max_labels: 14,
        year_href: &yh,
        height: 440.0,
        references: &literature::references(c),
    });
    match lang {
        Lang::En => w!(
            out,
            "<p>The level accumulates every event between the two sides, weighted by its Goldstein value and the rank of the people involved, with memory that fades (half-life {} months) and saturation near the ends of the scale (see <a href=\"#methods\">Methods</a>). The six shaded bands are the Tsinghua scale's: confrontation, tense, discord, ordinary, good, friendly.</p>",
            num(a.level.params.half_life_months, 0)
        ),
        Lang::Zh => w!(
            out,
            "<p>关系水平由双方之间的全部事件累积而成：每个事件按其戈德斯坦分值和涉事人物的级别加权，记忆随时间衰减（半衰期{}个月），并在量表两端趋于饱和（见<a href=\"#methods\">方法说明</a>）。图中六个色带即清华分值的六个档次：对抗、紧张、不和、普通、良好、友好。</p>",
            num(a.level.params.half_life_months, 0)
        ),
    }
    w!(out, r#"<figure><div class="scroll">{chart}</div>"#);
    band_legend(c, out);
    let has_phases = !a.phases.is_empty();
    let has_fan = !fan.is_empty();
    match lang {
        Lang::En => w!(
            out,
            "<figcaption>{}. {}The {} labelled dots are among the events that moved the level most (one per month; green raised it, red lowered it; the number is the change they caused), each labelled with the first clause of its description where that fits whole — each links to the event and its sources. {}Years link to that year's events.</figcaption></figure>",
            esc(title),
            if has_phases { format!("Dashed vertical lines separate the phases P1–P{} (table below); dotted lines are further change points in the mean. ", a.phases.len()) } else { String::new() },
            drawn.len(),
            if has_fan { "The grey fan at the right is the 12-month forecast (inner 80%, outer 95%). " } else { "" }
        ),
        Lang::Zh => w!(
            out,
            "<figcaption>{}。{}标注的{}个点取自推动关系水平变化最大的事件（每月至多一个；绿色为推高，红色为拉低，数字为其带来的变化），标签为其描述的第一个分句（放得下全文时才标注），点击可跳转至事件及其来源。{}年份链接到该年的事件。</figcaption></figure>",
            esc(title),
            if has_phases { format!("竖虚线为阶段分界（P1–P{}，见下表），点线为均值的其他变点。", a.phases.len()) } else { String::new() },
            drawn.len(),
            if has_fan { "右端灰色扇形为未来12个月的预测（内层80%，外层95%区间）。" } else { "" }
        ),
    }
    if let Some(other) = c.inp.compare {
        compare_section(c, other, out);
    }
    w!(out, r#"<h3 id="phases">{}</h3>"#, c.t("Phases", "阶段划分"));
    if let Err(short) = a.check(Measure::Phases) {
        not_computed(c, out, &short);
        return;
    }
    w!(
        out,
        "<p class=\"small\">{}</p>",
        c.t(
            "Change points in the mean level (PELT); neighbouring segments in the same band with close means are merged. Trend: rising/falling when the fitted change over the phase reaches one level unit.",
            "以PELT算法检测关系水平均值的变点，同一档次且均值相近的相邻区段予以合并。趋势：阶段内拟合变化达到1个单位即为上升或下降，否则为平稳。"
        )
    );
    w!(
        out,
        r#"<div class="tablewrap"><table class="phases"><thead><tr><th></th><th>{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th><th>{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th></tr></thead><tbody>"#,
        c.t("period", "时段"),
        c.t("months", "月数"),
        c.t("mean", "均值"),
        c.t("band", "档次"),
        c.t("trend", "趋势"),
        c.t("start → end", "起 → 止"),
        c.t("min … max", "最低 … 最高"),
        c.t("drivers", "驱动因素")
    );
    for (i, p) in a.phases.iter().enumerate() {
        w!(
            out,
            r##"<tr id="phase-{n}"><td>P{n}</td><td>{} – {}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td><td>{}</td><td class="n">{} → {}</td><td class="n">{} … {}</td><td><a href="#drivers-phase-{n}">{}</a></td></tr>"##,
            p.start,
            p.end,
            p.months,
            num(p.level, 2),
            lang.band(p.band),
            lang.trend(p.trend),
            // the level the phase starts from (the month before it; the start level for the
            // first), as the drivers' heading below gives it
            num(a.level.before(p.start).unwrap_or(p.start_level), 2),
            num(p.end_level, 2),
            num(p.min_level, 2),
            num(p.max_level, 2),
            c.t("what moved it", "查看"),
            n = i + 1
        );
    }
    out.push_str("</tbody></table></div>\n");
}

/// The report's dyad and another (`--compare`) on one chart of the monthly level. Both levels
/// are computed the same way from the same origins and months; a dyad with less record than
/// phases need (the smallest minimum that reads a course from a level) is drawn dashed, with a
/// note that says what it lacks.
fn compare_section(c: &Ctx<'_>, other: &Analysis, out: &mut String) {
    let lang = c.lang;
    let (x, y) = &other.dyad;
    let other_name = c.inp.dyad_names.pair(x, y, lang);
    let this_name = c.pair();
    let points = |a: &Analysis| -> Vec<(Month, f64)> {
        a.level.points.iter().map(|p| (p.period, p.level)).collect()
    };
    let (mine, theirs) = (points(c.a), points(other));
    let short = other.check(Measure::Phases).err();
    let title = match lang {
        Lang::En => format!("Figure 1b. The monthly relations level: {this_name} and {other_name}"),
        Lang::Zh => format!("图1b 月度关系水平：{this_name}与{other_name}"),
    };
    w!(
        out,
        r#"<h3 id="compare">{}</h3>"#,
        esc(&match lang {
            Lang::En => format!("Beside {other_name}"),
            Lang::Zh => format!("与{other_name}对照"),
        })
    );
    let count = |a: &Analysis| match lang {
        Lang::En => Quantity::Events.en(a.amount.events),
        Lang::Zh => Quantity::Events.zh(a.amount.events),
    };
    match lang {
        Lang::En => w!(
            out,
            "<p>Both levels are computed in the same way, from the same origins of events{} and on the same scale: {} from {}, {} from {}. A level is only as full as its record: a dyad with fewer recorded events stays near the ordinary band for want of events, not for want of relations.</p>",
            if c.a.window != (None, None) { " and months" } else { "" },
            esc(&this_name),
            esc(&count(c.a)),
            esc(&other_name),
            esc(&count(other)),
        ),
        Lang::Zh => w!(
            out,
            "<p>两条关系水平以同一方法、同样的事件来源{}、同一量表计算：{}有{}，{}有{}。关系水平取决于记录的多少：记录的事件较少的双边关系，其水平停留在“普通”档附近，是因为缺少事件记录，而不一定是因为关系平淡。</p>",
            if c.a.window != (None, None) { "与月份" } else { "" },
            esc(&this_name),
            esc(&count(c.a)),
            esc(&other_name),
            esc(&count(other)),
        ),
    }
    if theirs.is_empty() {
        match lang {
            Lang::En => w!(
                out,
                r#"<p class="notcomputed" id="compare-short">No comparison: there are no events of {} in this record, so it has no level to draw.</p>"#,
                esc(&other_name)
            ),
            Lang::Zh => w!(
                out,
                r#"<p class="notcomputed" id="compare-short">无法对照：本记录中没有{}的事件，因此没有可绘制的关系水平。</p>"#,
                esc(&other_name)
            ),
        }
        return;
    }
    if let Some(short) = &short {
        let unmet = |zh: bool| -> String {
            short
                .unmet
                .iter()
                .map(|u| {
                    if zh {
                        format!("{}（需至少{}）", u.quantity.zh(u.have), u.need)
                    } else {
                        format!("{} (at least {} needed)", u.quantity.en(u.have), u.need)
                    }
                })
                .collect::<Vec<_>>()
                .join(lang.list_sep())
        };
        match lang {
            Lang::En => w!(
                out,
                r#"<p class="notcomputed" id="compare-short">Too little record to compare: {} has {}, below the minimum from which dyad reads a course of relations (the minimum for phases, see <code>docs/method.md</code>). Its line is drawn dashed, as recorded; do not read a trend or a difference from it.</p>"#,
                esc(&other_name),
                esc(&unmet(false))
            ),
            Lang::Zh => w!(
                out,
                r#"<p class="notcomputed" id="compare-short">记录过少，无法对照：{}只有{}，低于 dyad 判读关系走势所需的最低数据量（即划分阶段的最低要求，见 <code>docs/method.md</code>）。其曲线按记录以虚线画出，请勿据此判断趋势或差异。</p>"#,
                esc(&other_name),
                esc(&unmet(true))
            ),
        }
    }
    let chart = svg::compare_chart(
        lang,
        &title,
        &[
            svg::CompareLine {
                name: this_name.clone(),
                months: &mine,
                color: svg::COMPARE_COLORS[0],
                dashed: false,
            },
            svg::CompareLine {
                name: other_name.clone(),
                months: &theirs,
                color: svg::COMPARE_COLORS[1],
                dashed: short.is_some(),
            },
        ],
    );
    // Where both have a level: the mean of each over their common months.
    let theirs_at: HashMap<Month, f64> = theirs.iter().copied().collect();
    let common: Vec<(f64, f64)> = mine
        .iter()
        .filter_map(|(m, v)| theirs_at.get(m).map(|t| (*v, *t)))
        .collect();
    let means = (!common.is_empty() && short.is_none()).then(|| {
        let n = common.len() as f64;
        (
            common.iter().map(|p| p.0).sum::<f64>() / n,
            common.iter().map(|p| p.1).sum::<f64>() / n,
        )
    });
    let caption = match (lang, means) {
        (Lang::En, Some((a, b))) => format!(
            "{}. Over the {} months both cover, the mean level is {} for {} and {} for {}.",
            esc(&title),
            common.len(),
            esc(&this_name),
            num(a, 2),
            esc(&other_name),
            num(b, 2)
        ),
        (Lang::Zh, Some((a, b))) => format!(
            "{}。在两者共同覆盖的{}个月中，{}的平均水平为{}，{}为{}。",
            esc(&title),
            common.len(),
            esc(&this_name),
            num(a, 2),
            esc(&other_name),
            num(b, 2)
        ),
        (Lang::En, None) => format!("{}.", esc(&title)),
        (Lang::Zh, None) => format!("{}。", esc(&title)),
    };
    w!(
        out,
        r#"<figure><div class="scroll">{chart}</div><figcaption>{caption}</figcaption></figure>"#
    );
}

fn flow_section(c: &Ctx<'_>, out: &mut String) {
    let (a, lang) = (c.a, c.lang);
    let obs = a.obs();
    let flow = flow_index(&obs, &Dyad::new(&a.dyad.0, &a.dyad.1), Period::Year, None);
    let years: Vec<svg::FlowYear> = flow
        .rows
        .iter()
        .map(|r| {
            let y = r.period.first_month().year();
            let q = [r.quad.get(1), r.quad.get(2), r.quad.get(3), r.quad.get(4)];
            let title = match lang {
                Lang::En => format!("{y}: {} events — verbal cooperation {}, material cooperation {}, verbal conflict {}, material conflict {}; net cooperation {}", r.events, q[0], q[1], q[2], q[3], signed(r.net_cooperation, 2)),
                Lang::Zh => format!("{y}年：{}个事件——口头合作{}，物质合作{}，口头冲突{}，物质冲突{}；净合作度{}", r.events, q[0], q[1], q[2], q[3], signed(r.net_cooperation, 2)),
            };
            svg::FlowYear { year: y, quad: q, href: c.year_href(y), title }
        })
        .collect();
    let title = c.t(
        "Figure 2. Events per year: cooperation above the axis, conflict below",
        "图2 年度事件流：横轴以上为合作，以下为冲突",
    );
    match lang {
        Lang::En => w!(out, "<p>The event-flow index counts the events of each year by CAMEO QuadClass. It shows how much happened and of which kind; unlike the level, it has no memory and does not weigh events. Click a bar for the year's events.</p>"),
        Lang::Zh => w!(out, "<p>事件流指数按CAMEO四类（QuadClass）统计每年的事件数，反映发生了多少事件、属于哪一类；与关系水平不同，它不计记忆、也不加权。点击柱形可查看当年的事件。</p>"),
    }
    w!(
        out,
        r#"<figure><div class="scroll">{}</div><figcaption>{}. {}</figcaption></figure>"#,
        svg::flow_chart(lang, title, &years),
        esc(title),
        c.t(
            "Counts are of merged events (one per happening).",
            "计数对象为合并后的事件（每件事只计一次）。"
        )
    );
    let total: u32 = flow.rows.iter().map(|r| r.events).sum();
    let coop: u32 = flow
        .rows
        .iter()
        .map(|r| r.quad.get(1) + r.quad.get(2))
        .sum();
    let busiest = flow.rows.iter().max_by_key(|r| r.events);
    if let Some(b) = busiest {
        match lang {
            Lang::En => w!(out, "<p>{total} events in all, {coop} of them cooperative ({}%); the busiest year is {} with {} events.</p>", num(100.0 * f64::from(coop) / f64::from(total.max(1)), 0), b.period, b.events),
            Lang::Zh => w!(out, "<p>共{total}个事件，其中合作性事件{coop}个（{}%）；事件最多的年份是{}年，共{}个。</p>", num(100.0 * f64::from(coop) / f64::from(total.max(1)), 0), b.period, b.events),
        }
    }
}

fn summits_section(c: &Ctx<'_>, out: &mut String) {
    let lang = c.lang;
    let Some(s) = c.inp.summits else {
        let curated = c.a.origins.is_empty() || c.a.origins.contains(&dyad_model::Origin::Curated);
        let why = if curated {
            c.t("The people dictionary has no presidents for this dyad, so meetings cannot be counted per presidency.", "人物词典中没有该双边关系的总统记录，无法按总统任期统计会晤。")
        } else {
            c.t("Meetings of the presidents are counted from the built-in chronology, which this report does not include.", "两国总统会晤的统计来自内置大事记，本报告未纳入内置大事记。")
        };
        w!(out, "<p>{why}</p>");
        return;
    };
    let group_name = |g: &crate::cmd::summits::Group| -> String {
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
    let lit = |g: &crate::cmd::summits::Group| {
        s.notes
            .iter()
            .find(|n| Some(&n.term_start) == g.term_start.as_ref() && n.group == g.key)
    };
    let bars: Vec<svg::SummitBar> = s
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| svg::SummitBar {
            name: group_name(g),
            count: g.count,
            literature: lit(g).map(|n| n.literature_count),
            href: Some(format!("#summit-{}", i + 1)),
            title: g
                .meetings
                .iter()
                .map(|m| format!("{} {}", m.date, c.t(&m.place, &m.place_zh)))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect();
    let title = c.t(
        "Figure 3. In-person meetings of the two presidents, per US presidency",
        "图3 两国总统面对面会晤次数（按美国总统任期）",
    );
    match lang {
        Lang::En => w!(out, "<p><b>Counting rule.</b> {}</p>", esc(&s.rule)),
        Lang::Zh => w!(
            out,
            "<p><b>计数规则。</b>统计内置年表中记录的两国在任元首的面对面会晤：{}。一次持续数日的峰会只计一次；电话和视频通话不计；总统与当时并非国家元首的领导人（如任总理时的普京）的会晤不计。每届总统任期自就职日起，至继任者就职前一日止；特朗普的两个任期分别统计。</p>",
            if s.include_multilateral { "包括双边峰会和访问，以及在多边峰会场合的会晤" } else { "仅限双边峰会和访问" }
        ),
    }
    w!(
        out,
        r#"<figure><div class="scroll">{}</div><figcaption>{}. {}</figcaption></figure>"#,
        svg::summits_chart(lang, title, &bars),
        esc(title),
        c.t(
            "Bars link to the meetings listed below.",
            "柱形链接到下表所列的会晤。"
        )
    );
    w!(
        out,
        r#"<div class="tablewrap"><table><thead><tr><th>{}</th><th>{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        c.t("US president", "美国总统"),
        c.t("term", "任期"),
        c.t("dyad", "本报告"),
        c.t("literature", "文献"),
        c.t("meetings", "会晤"),
        c.t("note", "说明")
    );
    for (i, g) in s.groups.iter().enumerate() {
        let meetings: Vec<String> = g
            .meetings
            .iter()
            .map(|m| {
                // English: the city; Chinese: the whole name, which is short (芬兰赫尔辛基)
                let city = match lang {
                    Lang::En => m.place.split(',').next().unwrap_or("").trim(),
                    Lang::Zh => m.place_zh.as_str(),
                };
                let text = format!("{} {city}", m.date);
                let item = match c.curated_to_event.get(&m.event_id) {
                    Some(&id) => format!(r#"<span class="nw">{}</span>"#, c.link(id, &text)),
                    None => format!(r#"<span class="nw">{}</span>"#, esc(&text)),
                };
                if m.kind == "multilateral" {
                    format!("<i>{item}</i>")
                } else {
                    item
                }
            })
            .collect();
        let note = lit(g);
        let note_text = match (note, lang) {
            (Some(n), Lang::En) => esc(&n.note),
            (Some(n), Lang::Zh) => esc(&n.note_zh),
            (None, _) => String::new(),
        };
        w!(
            out,
            r#"<tr id="summit-{}"><td>{}</td><td class="n">{}<br>{}</td><td class="n">{}</td><td class="n">{}</td><td class="small meetings">{}</td><td class="small note">{}</td></tr>"#,
            i + 1,
            esc(&group_name(g)),
            esc(g.term_start.as_deref().unwrap_or("")),
            esc(g.term_end.as_deref().unwrap_or("")),
            g.count,
            note.map(|n| n.literature_count.to_string())
                .unwrap_or_default(),
            meetings.join(" · "),
            note_text
        );
    }
    out.push_str("</tbody></table></div>\n");
    w!(
        out,
        "<p class=\"small\">{}</p>",
        c.t(
            "Meetings in italics took place on the margins of a multilateral summit. Literature: table 1 of seed 000 (a 2025 Chinese analysis of US–Russia relations), which counts bilateral and multilateral meetings together and states no counting rule.",
            "斜体为在多边峰会场合举行的会晤。文献：种子文献000（2025年一篇中文美俄关系分析）表1，其中双边与多边场合的会晤合并统计，且未说明计数规则。"
        )
    );
}

/// How much an event of this code says the rise achieved something (lower is more).
fn achievement_rank(cameo: &str, meeting: bool) -> Option<u8> {
    match cameo {
        c if c.starts_with("057") => Some(0),
        c if c.starts_with("06") => Some(1),
        c if c.starts_with("04") && meeting => Some(2),
        c if c.starts_with("03") => Some(3),
        c if c.starts_with("05") => Some(4),
        c if c.starts_with("04") => Some(5),
        _ => None,
    }
}

/// The presidents of `country` in office from `from` to `to` (escaped HTML), those at `to`
/// in bold.
fn presidents(c: &Ctx<'_>, country: &str, from: Month, to: Month) -> String {
    let (Ok(a), Ok(z)) = (
        dyad_model::EventDate::month(from.year(), from.month()),
        dyad_model::EventDate::month(to.year(), to.month()),
    ) else {
        return String::new();
    };
    let (a, z) = (a.first_day().ordinal(), z.last_day().ordinal());
    let mut terms: Vec<&dyad_coder::Tenure> = c
        .inp
        .people
        .tenures()
        .iter()
        .filter(|t| {
            t.country == country
                && t.position == "president"
                && t.start.ordinal() <= z
                && t.end.is_none_or(|e| e.ordinal() > a)
        })
        .collect();
    terms.sort_by_key(|t| t.start.ordinal());
    let at_peak = |t: &dyad_coder::Tenure| t.end.is_none_or(|e| e.ordinal() > z);
    let mut names: Vec<String> = Vec::new();
    for t in terms {
        let n = esc(&c.person(&t.key));
        let n = if at_peak(t) { format!("<b>{n}</b>") } else { n };
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names.join(" → ")
}

fn resets_section(c: &Ctx<'_>, out: &mut String) {
    let (a, lang) = (c.a, c.lang);
    let (x, y) = (&a.dyad.0, &a.dyad.1);
    if let Err(short) = a.check(Measure::Cycles) {
        not_computed(c, out, &short);
        return;
    }
    match lang {
        Lang::En => w!(out, "<p>Seed 001 (Liu Ying, 2021; table 1) describes four “resets” after the Cold War — under Bush senior, Clinton, Bush junior and Obama — each driven by a historic opening or by leaders, each achieving agreements in some fields, each ended by structural conflicts, and together a “spiral decline”. The table reads the same questions off the level: a cycle runs from a trough through a peak to the next trough (turning points need a swing of {} level units on the 3-month smoothed level). What drove the rise and what ended it are the events with the largest contributions; what was achieved lists further agreements, cooperation, summits and commitments of the rise (signed agreements first). The presidents are those in office from the trough to the peak, those at the peak in bold.</p>", num(CycleParams::default().min_amplitude, 1)),
        Lang::Zh => w!(out, "<p>种子文献001（刘莹，2021，表1）将冷战后的美俄关系概括为四次“重启”——老布什、克林顿、小布什、奥巴马时期——每次都由历史契机或领导人推动，在部分领域取得成果，又因结构性矛盾而告终，整体呈现“螺旋式下降”。下表从关系水平中回答同样的问题：一个周期从谷底经高峰到下一个谷底（以3个月移动平均后的水平计，转折幅度须达{}个单位）。“上升动力”和“终结原因”为贡献最大的事件，“主要成果”列出上升期内其他的协议、合作、峰会与承诺（正式签署的协议优先）。总统一栏列出从谷底到高峰期间在任的总统，高峰时在任者以粗体标出。</p>", num(CycleParams::default().min_amplitude, 1)),
    }
    w!(
        out,
        r#"<div class="tablewrap"><table class="resets"><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class="n">{}</th></tr></thead><tbody>"#,
        c.t("period (trough → peak → end)", "时段（谷底 → 高峰 → 结束）"),
        c.t("presidents (trough → peak)", "两国总统（谷底 → 高峰）"),
        c.t("what drove the rise", "上升动力"),
        c.t("what was achieved", "主要成果"),
        c.t("what ended it", "终结原因"),
        c.t("duration", "持续时间")
    );
    let meeting_of = |id: i64| c.rows(id).any(|r| r.meeting.is_some());
    for (i, cy) in a.cycles.iter().enumerate() {
        let rise_ids: Vec<i64> = cy
            .rise_drivers
            .iter()
            .filter(|d| d.contribution > 0.0)
            .take(3)
            .map(|d| d.id)
            .collect();
        let rise: Vec<String> = rise_ids.iter().map(|id| c.event_item(*id, 64)).collect();
        let fall: Vec<String> = cy
            .fall_drivers
            .iter()
            .filter(|d| d.contribution < 0.0)
            .take(3)
            .map(|d| c.event_item(d.id, 64))
            .collect();
        let mut achieved: Vec<(u8, f64, i64)> = c
            .effects_in(cy.trough.period.succ(), cy.peak.period)
            .filter_map(|e| {
                let m = c.merged.get(&e.id)?;
                if !matches!(m.obs.quad_class, 1 | 2) || rise_ids.contains(&e.id) {
                    return None;
                }
                Some((
                    achievement_rank(&m.obs.cameo, meeting_of(e.id))?,
                    e.contribution,
                    e.id,
                ))
            })
            .collect();
        achieved.sort_by(|p, q| p.0.cmp(&q.0).then(q.1.total_cmp(&p.1)).then(p.2.cmp(&q.2)));
        let more = achieved.len().saturating_sub(4);
        let mut ach: Vec<String> = achieved
            .iter()
            .take(4)
            .map(|e| c.event_item(e.2, 64))
            .collect();
        if more > 0 {
            ach.push(match lang {
                Lang::En => format!(r#"<span class="small">and {more} more</span>"#),
                Lang::Zh => format!(r#"<span class="small">另有{more}项</span>"#),
            });
        }
        let ul = |v: &[String]| {
            if v.is_empty() {
                "—".to_string()
            } else {
                format!(
                    "<ul>{}</ul>",
                    v.iter()
                        .map(|s| format!("<li>{s}</li>"))
                        .collect::<String>()
                )
            }
        };
        let end = if cy.open {
            format!("{} {}", cy.end.period, c.t("(open)", "（未结束）"))
        } else {
            cy.end.period.to_string()
        };
        w!(
            out,
            r#"<tr id="cycle-{n}"><td>{n}</td><td><span class="nw">{} →</span> <span class="nw">{} →</span> <span class="nw">{}</span><br><span class="small">{} → {} → {}</span></td><td>{}{} {}<br>{}{} {}</td><td>{}</td><td>{}</td><td>{}</td><td class="n">{} {} <span class="pos">{}</span><br>{} {}<br>{} {} <span class="neg">{}</span></td></tr>"#,
            cy.trough.period,
            cy.peak.period,
            esc(&end),
            num(cy.trough.level, 2),
            num(cy.peak.level, 2),
            num(cy.end.level, 2),
            esc(&lang.short_actor(x)),
            c.t(":", "："),
            presidents(c, x, cy.trough.period, cy.peak.period),
            esc(&lang.short_actor(y)),
            c.t(":", "："),
            presidents(c, y, cy.trough.period, cy.peak.period),
            ul(&rise),
            ul(&ach),
            ul(&fall),
            c.t("rise", "上升"),
            lang.months(i64::from(cy.rise_months)),
            signed(cy.rise, 2),
            c.t("high", "高位"),
            lang.months(i64::from(cy.high_months)),
            c.t("fall", "下降"),
            lang.months(i64::from(cy.fall_months)),
            signed(-cy.fall.abs(), 2),
            n = i + 1
        );
    }
    out.push_str("</tbody></table></div>\n");
    // The spiral-decline test.
    let s = &a.spiral;
    w!(
        out,
        r#"<h3 id="spiral">{}</h3>"#,
        c.t("The spiral-decline test", "螺旋式下降检验")
    );
    let troughs: Vec<(Month, f64, Option<String>)> = s
        .trough_months
        .iter()
        .zip(&s.troughs.values)
        .enumerate()
        .map(|(i, (m, l))| {
            (
                *m,
                *l,
                Some(format!("#cycle-{}", (i + 1).min(a.cycles.len()))),
            )
        })
        .collect();
    let title = c.t(
        "Figure 4. Trough levels of the cycles and their linear trend",
        "图4 各周期谷底水平及其线性趋势",
    );
    let chart = svg::spiral_chart(lang, title, &troughs, s.troughs.slope);
    if !chart.is_empty() {
        w!(
            out,
            r#"<figure><div class="scroll">{chart}</div><figcaption>{}. {}</figcaption></figure>"#,
            esc(title),
            c.t(
                "Each dot links to its cycle in the table above.",
                "每个点链接到上表中对应的周期。"
            )
        );
    }
    let sig = |t: &dyad_analysis::cycles::TrendTest| {
        t.slope < 0.0 && t.p_decreasing < dyad_analysis::cycles::SPIRAL_ALPHA
    };
    let (tr, hd) = (&s.troughs, &s.high_durations);
    match lang {
        Lang::En => w!(
            out,
            "<p>Verdict: <span class=\"verdict\">{}</span> ({}). Troughs: slope {} level units per year (SE {}), Kendall τ = {}, one-sided p = {} for a decrease, n = {} — {}. Time spent high: slope {} months per cycle (SE {}), τ = {}, p = {}, n = {} — {}. Significance level {} (few cycles, so a lenient level, stated openly).</p>",
            lang.verdict(s.verdict),
            esc(&s.reason),
            signed(tr.slope, 3),
            num(tr.slope_se, 3),
            signed(tr.kendall_tau, 2),
            num(tr.p_decreasing, 3),
            tr.n,
            if sig(tr) { "significantly downward" } else { "not significantly downward" },
            signed(hd.slope, 2),
            num(hd.slope_se, 2),
            signed(hd.kendall_tau, 2),
            num(hd.p_decreasing, 3),
            hd.n,
            if sig(hd) { "significantly shorter" } else { "not significantly shorter" },
            num(dyad_analysis::cycles::SPIRAL_ALPHA, 2)
        ),
        Lang::Zh => w!(
            out,
            "<p>结论：<span class=\"verdict\">{}</span>。谷底水平：斜率为每年{}（标准误{}），肯德尔τ = {}，下降趋势的单侧p = {}，n = {}——{}。高位持续时间：斜率为每个周期{}个月（标准误{}），τ = {}，p = {}，n = {}——{}。显著性水平取{}（周期数较少，故采用较宽松的标准，特此说明）。</p>",
            lang.verdict(s.verdict),
            signed(tr.slope, 3),
            num(tr.slope_se, 3),
            signed(tr.kendall_tau, 2),
            num(tr.p_decreasing, 3),
            tr.n,
            if sig(tr) { "显著下降" } else { "下降不显著" },
            signed(hd.slope, 2),
            num(hd.slope_se, 2),
            signed(hd.kendall_tau, 2),
            num(hd.p_decreasing, 3),
            hd.n,
            if sig(hd) { "显著缩短" } else { "缩短不显著" },
            num(dyad_analysis::cycles::SPIRAL_ALPHA, 2)
        ),
    }
}

/// Drivers aggregated by top-level domain (qualifiers such as `military-conflict:ukraine` are
/// summed into their domain).
struct DomainSum {
    key: String,
    positive: f64,
    negative: f64,
    events: u32,
    top: Vec<(i64, f64)>,
}

fn domain_sums(d: &Drivers) -> Vec<DomainSum> {
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

fn domain_bars(c: &Ctx<'_>, sums: &[DomainSum]) -> Vec<svg::DomainBar> {
    let link = |id: i64, share: f64| {
        (
            format!("#ev-{id}"),
            format!("{} ({})", c.desc(id), signed(share, 2)),
        )
    };
    sums.iter()
        .map(|s| svg::DomainBar {
            name: c.domain(&s.key),
            positive: s.positive,
            negative: s.negative,
            pos_link: s
                .top
                .iter()
                .filter(|t| t.1 > 0.0)
                .max_by(|x, y| x.1.total_cmp(&y.1))
                .map(|t| link(t.0, t.1)),
            neg_link: s
                .top
                .iter()
                .filter(|t| t.1 < 0.0)
                .min_by(|x, y| x.1.total_cmp(&y.1))
                .map(|t| link(t.0, t.1)),
        })
        .collect()
}

fn drivers_section(c: &Ctx<'_>, out: &mut String) {
    let (a, lang) = (c.a, c.lang);
    let (Some(first), Some(last)) = (a.level.points.first(), a.level.points.last()) else {
        return;
    };
    let whole = drivers(&a.level, first.period, last.period, 6);
    let sums = domain_sums(&whole);
    match lang {
        Lang::En => w!(out, "<p>The change of the level over a period splits exactly into the memory term (drift toward the baseline) and the contributions of the events; an event in k domains gives 1/k of its contribution to each. Over {} – {} the level changed by {}: events {}, memory {}. Bars link to the largest event on each side.</p>", first.period, last.period, signed(whole.change, 2), signed(whole.events_sum, 2), signed(whole.decay, 2)),
        Lang::Zh => w!(out, "<p>一段时间内关系水平的变化可精确分解为记忆项（向基线回落）与各事件的贡献之和；属于k个领域的事件，其贡献按1/k分配给每个领域。{} – {}期间关系水平变化{}：其中事件贡献{}，记忆项{}。柱形链接到该方向上影响最大的事件。</p>", lang.month(first.period), lang.month(last.period), signed(whole.change, 2), signed(whole.events_sum, 2), signed(whole.decay, 2)),
    }
    let title = c.t(
        "Figure 5. What raised and what lowered the level, by domain, over the whole series",
        "图5 全时段各领域对关系水平的推高与拉低",
    );
    w!(
        out,
        r#"<figure><div class="scroll">{}</div><figcaption>{}.</figcaption></figure>"#,
        svg::drivers_chart(lang, title, &domain_bars(c, &sums), false),
        esc(title)
    );
    w!(
        out,
        r#"<div class="tablewrap"><table><thead><tr><th>{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th>{}</th></tr></thead><tbody>"#,
        c.t("domain", "领域"),
        c.t("raised", "推高"),
        c.t("lowered", "拉低"),
        c.t("net", "净值"),
        c.t("events", "事件数"),
        c.t("largest events (share)", "影响最大的事件（分摊贡献）")
    );
    for s in &sums {
        let evs: Vec<String> = s
            .top
            .iter()
            .take(3)
            .map(|(id, share)| {
                format!(
                    r#"{} <span class="{}">{}</span>"#,
                    c.link(*id, &short(&c.desc(*id), 56)),
                    if *share >= 0.0 { "pos" } else { "neg" },
                    signed(*share, 2)
                )
            })
            .collect();
        w!(
            out,
            r#"<tr><td>{}</td><td class="n pos">{}</td><td class="n neg">{}</td><td class="n">{}</td><td class="n">{}</td><td class="small">{}</td></tr>"#,
            esc(&c.domain(&s.key)),
            signed(s.positive, 2),
            signed(s.negative, 2),
            signed(s.positive + s.negative, 2),
            s.events,
            evs.join(lang.list_sep())
        );
    }
    out.push_str("</tbody></table></div>\n");
    if a.phases.is_empty() {
        return;
    }
    w!(
        out,
        "<h3>{}</h3><div class=\"grid2\">",
        c.t("Drivers in each phase", "各阶段的驱动因素")
    );
    for (i, p) in a.phases.iter().enumerate() {
        let d = drivers(&a.level, p.start, p.end, 6);
        let sums = domain_sums(&d);
        let bars = domain_bars(c, &sums[..sums.len().min(8)]);
        let t = match lang {
            Lang::En => format!(
                "P{} {} – {} · {} · level {} → {} ({})",
                i + 1,
                p.start,
                p.end,
                p.band.en(),
                num(d.level_start.unwrap_or(0.0), 2),
                num(d.level_end.unwrap_or(0.0), 2),
                signed(d.change, 2)
            ),
            Lang::Zh => format!(
                "P{} {} – {} · {} · 水平 {} → {}（{}）",
                i + 1,
                p.start,
                p.end,
                p.band.zh(),
                num(d.level_start.unwrap_or(0.0), 2),
                num(d.level_end.unwrap_or(0.0), 2),
                signed(d.change, 2)
            ),
        };
        w!(
            out,
            r#"<div class="card" id="drivers-phase-{}"><h3>{}</h3><div class="scroll">{}</div>"#,
            i + 1,
            esc(&t),
            svg::drivers_chart(lang, &t, &bars, true)
        );
        let (pos, neg) = c.top_events(p.start, p.end, 3);
        let items = |v: &[&Effect]| {
            v.iter()
                .map(|e| format!("<li>{}</li>", c.event_item(e.id, 60)))
                .collect::<String>()
        };
        w!(out, r#"<ul>{}{}</ul></div>"#, items(&pos), items(&neg));
    }
    out.push_str("</div>\n");
}

fn forecast_section(c: &Ctx<'_>, out: &mut String) {
    let (a, lang) = (c.a, c.lang);
    let f = match c.inp.forecast {
        Ok(f) => f,
        Err(short) => {
            not_computed(c, out, short);
            return;
        }
    };
    let Some(origin) = f.origin else {
        w!(
            out,
            "<p>{}</p>",
            c.t("No forecast: the series is empty.", "序列为空，无法预测。")
        );
        return;
    };
    let from = origin.plus(-71);
    let months: Vec<(Month, f64)> = a
        .level
        .points
        .iter()
        .filter(|p| p.period >= from)
        .map(|p| (p.period, p.level))
        .collect();
    let zoom_from = months.first().map(|m| m.0).unwrap_or(origin);
    // numbered as in the phase table, not from 1 again
    let phases: Vec<(Month, Month, usize)> = a
        .phases
        .iter()
        .enumerate()
        .filter(|(_, p)| p.end >= zoom_from)
        .map(|(i, p)| (p.start.max(zoom_from), p.end, i + 1))
        .collect();
    let cps: Vec<Month> = a
        .change_points
        .iter()
        .copied()
        .filter(|m| *m > zoom_from)
        .collect();
    let ann = annotations(c, Some(zoom_from));
    let fan = fan(c);
    let yh = |y: i32| c.year_href(y);
    let title = c.t(
        "Figure 6. The last six years and the forecast for the next twelve months",
        "图6 近六年关系水平与未来12个月预测",
    );
    let (chart, _) = svg::level_chart(&svg::LevelChart {
        lang,
        title,
        months: &months,
        phases: &phases,
        change_points: &cps,
        forecast: &fan,
        annotations: &ann,
        max_labels: 8,
        year_href: &yh,
        height: 360.0,
        references: &[],
    });
    let fp = ForecastParams::default();
    if let Some(m) = &f.model {
        let hl = num(a.level.params.half_life_months, 0);
        match lang {
            Lang::En => w!(out, "<p>The forecast follows the level's own rule. Between events the deviation from the baseline ({}) keeps {} of itself each month (half-life {} months), and events have changed the level by {} a month on average over the {} months up to {}; the point forecast is that expected path from today's level. It cannot foresee events: the level moves by jumps when something happens. The intervals are read off the model's own past errors at each horizon, scaled by how eventful the recent record is (volatility of the monthly change due to events {}, weighted with a half-life of {} months), so they say how far such jumps have taken the level before. Read the forecast as where the level goes if nothing large happens, and the backtest below as how far to trust that.</p>", num(m.baseline, 1), num(m.retention, 3), hl, signed(m.event_drift, 3), m.n, origin, num(m.volatility, 2), num(fp.memory_half_life_months, 0)),
            Lang::Zh => w!(out, "<p>预测遵循关系水平自身的规则：无事件时，水平与基线（{}）的偏离每月保留{}（半衰期{}个月）；截至{}的{}个月中，事件平均每月使水平变化{}。点预测即从当前水平出发的这一期望路径。模型无法预见事件：关系水平因事件而跳变。预测区间取自模型在各预测步长上的历史误差，并按近期记录的事件密集程度缩放（月度事件变化的波动率为{}，按{}个月半衰期加权），反映此类跳变以往使水平偏离的幅度。因此，预测应理解为“若无重大事件，关系水平将走向何处”，其可信程度见下文回测。</p>", num(m.baseline, 1), num(m.retention, 3), hl, lang.month(origin), m.n, signed(m.event_drift, 3), num(m.volatility, 2), num(fp.memory_half_life_months, 0)),
        }
    }
    w!(
        out,
        r#"<figure><div class="scroll">{chart}</div><figcaption>{}. {}</figcaption></figure>"#,
        esc(title),
        c.t(
            "Inner fan 80%, outer fan 95% interval; dashed line the point forecast.",
            "内层扇形为80%区间，外层为95%区间，虚线为点预测。"
        )
    );
    w!(
        out,
        r#"<div class="tablewrap"><table class="narrow"><thead><tr><th>{}</th><th class="n">{}</th><th>{}</th><th class="n">{}</th><th class="n">{}</th></tr></thead><tbody>"#,
        c.t("month", "月份"),
        c.t("forecast", "点预测"),
        c.t("band", "档次"),
        c.t("80% interval", "80%区间"),
        c.t("95% interval", "95%区间")
    );
    for p in &f.points {
        w!(
            out,
            r#"<tr><td>{}</td><td class="n">{}</td><td>{}</td><td class="n">{} … {}</td><td class="n">{} … {}</td></tr>"#,
            p.period,
            num(p.level, 2),
            lang.band(Band::of(p.level)),
            num(p.lo80, 2),
            num(p.hi80, 2),
            num(p.lo95, 2),
            num(p.hi95, 2)
        );
    }
    out.push_str("</tbody></table></div>\n");
    // Backtest.
    let Some(b) = c.inp.backtest else {
        return;
    };
    w!(
        out,
        r#"<h3 id="backtest">{}</h3>"#,
        c.t(
            "How good are such forecasts? The backtest",
            "预测是否可靠：回测"
        )
    );
    let o = &b.overall;
    if b.origins.is_empty() || o.n == 0 {
        w!(
            out,
            "<p>{}</p>",
            c.t(
                "The series is too short for a backtest.",
                "序列过短，无法回测。"
            )
        );
        return;
    }
    let (o0, o1) = (b.origins[0], b.origins[b.origins.len() - 1]);
    let cov = |x: f64, nominal: f64| -> &'static str {
        if x < nominal - 0.03 {
            lang.t("too narrow", "偏窄")
        } else if x > nominal + 0.03 {
            lang.t("too wide", "偏宽")
        } else {
            lang.t("about right", "基本合适")
        }
    };
    let (c80, c95) = (cov(o.coverage80, 0.80), cov(o.coverage95, 0.95));
    let judgement = match (lang, c80 == c95) {
        (Lang::En, true) => format!("both {c80}"),
        (Lang::En, false) => format!("{c80} and {c95} respectively"),
        (Lang::Zh, true) => format!("均{c80}"),
        (Lang::Zh, false) => format!("分别{c80}和{c95}"),
    };
    let narrow = if o.coverage80 < 0.77 || o.coverage95 < 0.92 {
        c.t(
            ": the jumps after the origins were larger than those of the record before them",
            "——起点之后的跳变大于此前记录中的跳变",
        )
    } else {
        ""
    };
    let s6 = &b.pooled_1_6;
    let judged = c.inp.skill.is_none();
    match lang {
        Lang::En => w!(
            out,
            "<p>Rolling origins every {} months from {} to {} ({} origins): at each, the model sees only the months up to the origin and forecasts 1–{} months ahead; {} forecasts are scored against what happened, beside two baselines on the same origins: naive persistence (the last level carried forward) and the long-run mean (the mean level of all months up to the origin). 1–6 months ahead, the model's mean absolute error is {} against {} for persistence and {} for the long-run mean, a skill of {} against persistence and {} against the mean (skill = 1 − model error / baseline error; positive is better): the model is <b>{}</b> naive persistence. Pooled over all horizons: {} against {} and {} (MASE, each origin's errors scaled by its in-sample one-step naive error: {} against {}). The 80% intervals cover {}% of outcomes and the 95% intervals {}% — {}{}. These numbers are as computed; nothing was tuned on them.</p>",
            c.inp.backtest_params.step,
            o0,
            o1,
            b.origins.len(),
            c.inp.backtest_params.horizon,
            o.n,
            num(s6.mae, 3),
            num(s6.mae_naive, 3),
            num(s6.mae_mean, 3),
            skill_pct(s6.skill),
            skill_pct(s6.skill_mean),
            if judged { compare_en(s6.mae, s6.mae_naive) } else { "too little tested to be compared with" },
            num(o.mae, 3),
            num(o.mae_naive, 3),
            num(o.mae_mean, 3),
            num(o.mase, 2),
            num(o.mase_naive, 2),
            num(100.0 * o.coverage80, 0),
            num(100.0 * o.coverage95, 0),
            judgement,
            narrow
        ),
        Lang::Zh => w!(
            out,
            "<p>采用滚动起点回测：自{}至{}每隔{}个月设一个起点（共{}个），每个起点只使用此前的数据，预测未来1–{}个月，共有{}个预测可与实际对照；在相同起点上比较两个基准：朴素持续预测（沿用最后一个值）与长期均值（截至起点全部月份的平均水平）。在1–6个月的预测步长上，模型的平均绝对误差为{}，持续预测为{}，长期均值为{}；相对持续预测的技能为{}，相对长期均值为{}（技能 = 1 − 模型误差 / 基准误差，正值为优）：模型<b>{}</b>朴素持续预测。所有预测步长合并：{}，基准分别为{}和{}（MASE，即以各起点样本内一步朴素误差标准化：{}，朴素预测为{}）。80%区间覆盖了{}%的实际值，95%区间覆盖了{}%，{}{}。以上数字均为如实计算，未据此调整任何参数。</p>",
            lang.month(o0),
            lang.month(o1),
            c.inp.backtest_params.step,
            b.origins.len(),
            c.inp.backtest_params.horizon,
            o.n,
            num(s6.mae, 3),
            num(s6.mae_naive, 3),
            num(s6.mae_mean, 3),
            skill_pct(s6.skill),
            skill_pct(s6.skill_mean),
            if judged { compare_zh(s6.mae, s6.mae_naive) } else { "因回测过少而无法比较于" },
            num(o.mae, 3),
            num(o.mae_naive, 3),
            num(o.mae_mean, 3),
            num(o.mase, 2),
            num(o.mase_naive, 2),
            num(100.0 * o.coverage80, 0),
            num(100.0 * o.coverage95, 0),
            judgement,
            narrow
        ),
    }
    // Why there is not more skill, when there is not.
    if judged && s6.skill.is_some_and(|k| k < 0.10) {
        let six = 100.0 * (1.0 - a.level.params.monthly_retention().powi(6));
        let r = event_change_autocorrelation(&a.level);
        let r = r.map_or_else(|| "–".to_string(), |r| signed(r, 2));
        match lang {
            Lang::En => w!(out, "<p>Why not more: between events the level only decays, slowly ({}% of a deviation in six months), and the events that move it are not foretold by the months before (lag-1 autocorrelation of the monthly change due to events: {}). The level is then close to a random walk, which persistence already forecasts about as well as anything can; what the model adds is the decay, the average drift, and intervals that say how far the level has jumped before.</p>", num(six, 0), r),
            Lang::Zh => w!(out, "<p>为何没有更高的技能：无事件时关系水平只是缓慢衰减（六个月内偏离缩小{}%），而推动水平的事件无法由此前各月预知（月度事件变化的一阶自相关系数：{}）。因此关系水平接近随机游走，持续预测已与任何预测一样好；模型所增加的是衰减、平均漂移，以及反映水平以往跳变幅度的预测区间。</p>", num(six, 0), r),
        }
    }
    score_table(c, out, b, &[1, 3, 6, 12]);
    flow_forecast_section(c, out);
}

/// The backtest table of one series: the given horizons, 1–6 pooled and all pooled.
fn score_table(c: &Ctx<'_>, out: &mut String, b: &Backtest, horizons: &[usize]) {
    w!(
        out,
        r#"<div class="tablewrap"><table class="narrow"><thead><tr><th class="n">{}</th><th class="n">n</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">MASE</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th></tr></thead><tbody>"#,
        c.t("months ahead", "预测步长（月）"),
        c.t("MAE model", "模型MAE"),
        c.t("MAE naive", "朴素MAE"),
        c.t("MAE mean", "均值MAE"),
        c.t("skill vs naive", "相对朴素的技能"),
        c.t("MASE naive", "朴素MASE"),
        c.t("80% coverage", "80%覆盖率"),
        c.t("95% coverage", "95%覆盖率")
    );
    let rows = b
        .per_horizon
        .iter()
        .filter(|h| horizons.contains(&h.h))
        .map(|h| (h.h.to_string(), h))
        .chain([
            (c.t("1–6", "1–6合计").to_string(), &b.pooled_1_6),
            (c.t("all", "合计").to_string(), &b.overall),
        ]);
    for (label, h) in rows {
        w!(
            out,
            r#"<tr><td class="n">{label}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}%</td><td class="n">{}%</td></tr>"#,
            h.n,
            num(h.mae, 3),
            num(h.mae_naive, 3),
            num(h.mae_mean, 3),
            skill_pct(h.skill),
            num(h.mase, 2),
            num(h.mase_naive, 2),
            num(100.0 * h.coverage80, 0),
            num(100.0 * h.coverage95, 0)
        );
    }
    out.push_str("</tbody></table></div>\n");
}

/// The forecast of the monthly event flow, and its backtest against persistence and the mean.
fn flow_forecast_section(c: &Ctx<'_>, out: &mut String) {
    let lang = c.lang;
    let Some(f) = c.inp.flow_forecast else {
        return;
    };
    let (Some(e0), Some(g0)) = (f.events.first(), f.goldstein_sum.first()) else {
        return;
    };
    let fp = ForecastParams::default();
    w!(
        out,
        r#"<h3 id="flow-forecast">{}</h3>"#,
        c.t("The event flow ahead", "事件流预测")
    );
    let q = |i: usize| num(f.quad_rates[i], 1);
    match lang {
        Lang::En => w!(out, "<p>The monthly event flow — how many events, and their net Goldstein sum (cooperation counts up, conflict down) — is forecast by its exponentially weighted rate over the months up to the origin (half-life {} months; each QuadClass at its own rate): {} events a month ({} verbal and {} material cooperation, {} verbal and {} material conflict), net Goldstein {} a month. Unlike the level, the flow has no memory: a month's count is noise around a slowly changing rate, which is why last month's value is a poor guide.</p>", num(fp.memory_half_life_months, 0), num(e0.value, 1), q(0), q(1), q(2), q(3), signed(g0.value, 1)),
        Lang::Zh => w!(out, "<p>月度事件流（事件数及其戈德斯坦分值之和：合作为正，冲突为负）以截至起点各月的指数加权平均值预测（半衰期{}个月；四类事件各按其自身频率）：预计每月{}个事件（口头合作{}，物质合作{}，口头冲突{}，物质冲突{}），戈德斯坦净值每月{}。与关系水平不同，事件流没有记忆：每月的事件数是围绕缓慢变化的频率的随机波动，因此上月的数值并不是好的预测。</p>", num(fp.memory_half_life_months, 0), num(e0.value, 1), q(0), q(1), q(2), q(3), signed(g0.value, 1)),
    }
    w!(
        out,
        r#"<div class="tablewrap"><table class="narrow"><thead><tr><th>{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th><th class="n">{}</th></tr></thead><tbody>"#,
        c.t("month", "月份"),
        c.t("events", "事件数"),
        c.t("80% interval", "80%区间"),
        c.t("net Goldstein", "戈德斯坦净值"),
        c.t("80% interval", "80%区间")
    );
    for (e, g) in f.events.iter().zip(&f.goldstein_sum) {
        w!(
            out,
            r#"<tr><td>{}</td><td class="n">{}</td><td class="n">{} … {}</td><td class="n">{}</td><td class="n">{} … {}</td></tr>"#,
            e.period,
            num(e.value, 1),
            num(e.lo80, 1),
            num(e.hi80, 1),
            signed(g.value, 1),
            signed(g.lo80, 1),
            signed(g.hi80, 1)
        );
    }
    out.push_str("</tbody></table></div>\n");
    let Some(b) = c.inp.flow_backtest else {
        return;
    };
    if b.events.origins.is_empty() || b.events.overall.n == 0 {
        return;
    }
    let (e, g) = (&b.events.pooled_1_6, &b.goldstein_sum.pooled_1_6);
    match lang {
        Lang::En => w!(out, "<p>On the same rolling origins, 1–6 months ahead: events a month, mean absolute error {} against {} for persistence (last month's count) and {} for the long-run mean (skill {} and {}); net Goldstein, {} against {} and {} (skill {} and {}). The 80% and 95% intervals cover {}% and {}% of the counts, {}% and {}% of the Goldstein sums (all horizons).</p>",
            num(e.mae, 2), num(e.mae_naive, 2), num(e.mae_mean, 2), skill_pct(e.skill), skill_pct(e.skill_mean),
            num(g.mae, 1), num(g.mae_naive, 1), num(g.mae_mean, 1), skill_pct(g.skill), skill_pct(g.skill_mean),
            num(100.0 * b.events.overall.coverage80, 0), num(100.0 * b.events.overall.coverage95, 0),
            num(100.0 * b.goldstein_sum.overall.coverage80, 0), num(100.0 * b.goldstein_sum.overall.coverage95, 0)),
        Lang::Zh => w!(out, "<p>在相同的滚动起点上，1–6个月的预测步长：每月事件数的平均绝对误差为{}，持续预测（沿用上月事件数）为{}，长期均值为{}（技能分别为{}和{}）；戈德斯坦净值为{}，基准分别为{}和{}（技能{}和{}）。所有预测步长上，80%与95%区间分别覆盖了{}%和{}%的事件数、{}%和{}%的戈德斯坦净值。</p>",
            num(e.mae, 2), num(e.mae_naive, 2), num(e.mae_mean, 2), skill_pct(e.skill), skill_pct(e.skill_mean),
            num(g.mae, 1), num(g.mae_naive, 1), num(g.mae_mean, 1), skill_pct(g.skill), skill_pct(g.skill_mean),
            num(100.0 * b.events.overall.coverage80, 0), num(100.0 * b.events.overall.coverage95, 0),
            num(100.0 * b.goldstein_sum.overall.coverage80, 0), num(100.0 * b.goldstein_sum.overall.coverage95, 0)),
    }
    for (name, s) in [
        (c.t("Events a month", "每月事件数"), &b.events),
        (
            c.t("Net Goldstein a month", "每月戈德斯坦净值"),
            &b.goldstein_sum,
        ),
    ] {
        w!(out, "<p><b>{}</b></p>", name);
        score_table(c, out, s, &[1, 3, 6, 12]);
    }
}

fn methods_section(c: &Ctx<'_>, out: &mut String) {
    let (a, lang) = (c.a, c.lang);
    let p = &a.level.params;
    let mp = MergeParams::default();
    let pp = PhaseParams::default();
    let cp = CycleParams::default();
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
    let origin_name = |o: &str| -> String {
        match (lang, o) {
            (Lang::En, "curated") => "the curated chronology built into dyad".into(),
            (Lang::En, "coded") => "events coded by dyad from ingested documents".into(),
            (Lang::En, "imported") => "imported event data".into(),
            (Lang::Zh, "curated") => "dyad内置的人工整理年表".into(),
            (Lang::Zh, "coded") => "dyad从已导入文献中自动编码的事件".into(),
            (Lang::Zh, "imported") => "外部导入的事件数据".into(),
            (_, o) => o.to_string(),
        }
    };
    let used: Vec<String> = if a.origins.is_empty() {
        vec![c
            .t(
                "all origins (curated, coded, imported)",
                "全部来源（人工整理、自动编码、外部导入）",
            )
            .to_string()]
    } else {
        a.origins.iter().map(|o| origin_name(o.as_str())).collect()
    };
    let counts: Vec<String> = by_origin
        .iter()
        .map(|(o, n)| match lang {
            Lang::En => format!("{n} from {}", origin_name(o)),
            Lang::Zh => format!("{}{n}条", origin_name(o)),
        })
        .collect();
    let q = &p.impact;
    let rw = [Some(1), Some(2), Some(3), Some(4), None]
        .map(|r| num(q.rank_weight(r), 2))
        .join(lang.t(", ", "、"));
    out.push_str(r#"<div class="method">"#);
    match lang {
        Lang::En => {
            w!(out, "<p><b>Data.</b> Origins used: {}. Stored reports: {} ({}). The curated chronology cites {} distinct public sources (official records, treaties, news reports), listed with every event in the appendix{}.</p>", esc(&used.join(", ")), a.rows.len(), esc(&counts.join(", ")), cites.len(), if docs.is_empty() { String::new() } else { format!("; coded events come from {} ingested documents and show the sentence they were coded from", docs.len()) });
            w!(out, "<p><b>Events.</b> Reports of one happening are merged into one event: the same pair of actors, CAMEO codes with the same two-digit root, and compatible dates (day-precise dates at most {} days apart; a day inside a month-precise date; a year-precise date only with the same year). Reports from one document merge only when identical, since a chronology lists distinct happenings. This gives {} events. Each carries the CAMEO code's Goldstein value (−10…+10) and QuadClass.</p>", mp.day_window, a.merged.len());
            w!(out, "<p><b>The level</b> follows the Tsinghua method of Yan Xuetong (−9…+9 in six bands three points wide), re-built from its two principles, accumulation with memory and saturation, because the original rulebook is not available. Monthly from a start of {} (December 1991: a cordial beginning), memory decays toward a baseline of {} with a half-life of {} months; then the month's events move the level together, each by a calibrated impact <i>x</i> = Goldstein × kind × rank × size × mentions × {}. Kind: words (statements, meetings, appeals, demands, threats) weigh {} of a deed (sanctions, expulsions, force, a signed agreement). Rank weights: {} for head of state, head of government, minister, other official, and an act with no named person. Size: 1 + {}·log<sub>10</sub> n for an act of stated size n (diplomats, designations, prisoners, troops). Mentions: min(1 + {}·ln m, {}) for m independent documents. Within a month, the k-th largest act of the same kind (CAMEO root) by the same actor counts k<sup>−{}</sup> of itself, so ten like acts count about three, not ten. The level saturates only toward the bound a move heads for: a gain above 0 is damped by the distance to +9 (L ← 9 − (9 − L)·e<sup>−x/9</sup>), a loss below 0 by the distance to −9, and moves away from a bound are taken whole. A month's gains and its losses are each summed; the order of a month's acts is not known and would matter under this saturation, so the two sums are applied in both orders and the results averaged. An event's contribution is its share of the month's move of its sign, so a month's change is exactly memory plus contributions. Section 10 reruns everything with each of these parameters halved and doubled.</p>", num(p.start_level, 1), num(p.baseline, 1), num(p.half_life_months, 0), num(q.scale, 2), num(q.verbal_weight, 2), rw, num(q.magnitude_per_decade, 2), num(q.mention_coef, 1), num(q.mention_cap, 1), num(q.repeat_exponent, 1));
            w!(out, "<p><b>Phases</b> are segments between change points in the mean level found by PELT (penalty 2σ²·ln n with the within-phase variance σ², minimum segment {} months); neighbouring segments in one band with means closer than {} are merged. <b>Cycles</b>: turning points on the {}-month smoothed level by a zig-zag rule with a minimum swing of {} (half a band), rises of at least {} months. <b>Spiral decline</b>: OLS slope and Kendall's τ (exact one-sided p) of trough levels against time and of months spent high against cycle order; supported when both fall significantly at the 0.10 level. <b>Forecast</b>: the level's expected path from the origin, its memory decay toward the baseline plus the mean monthly change due to events up to the origin; 80% and 95% intervals from the model's past errors at each horizon, standardised by the exponentially weighted volatility of the monthly event change at their origins and rescaled by today's (filtered historical simulation; Gaussian when fewer than 40 past errors), clamped to the scale. The event flow (events and net Goldstein a month) at its exponentially weighted rate, intervals likewise. Rolling-origin backtests against naive persistence and the long-run mean (MAE, skill = 1 − MAE/baseline MAE, MASE after Hyndman &amp; Koehler 2006).</p>", pp.changepoint.min_segment, num(pp.merge_gap, 1), cp.smooth, num(cp.min_amplitude, 1), cp.min_rise_months);
            w!(out, "<p><b>What the numbers are not.</b> The level measures the recorded flow of events, not the intentions or power of the two states; it is only as complete as the chronology, whose gaps (especially quiet years) pull the level toward the baseline. Every parameter is a stated choice, documented with its reasons and sensitivity in <code>docs/method.md</code>; a scholar can rerun everything with other values.</p>");
        }
        Lang::Zh => {
            w!(out, "<p><b>数据。</b>所用来源：{}。数据库中的记录共{}条（{}）。人工整理年表共引用{}种公开来源（官方文件、条约文本、新闻报道），每个事件的来源均列于附录{}。</p>", esc(&used.join("、")), a.rows.len(), esc(&counts.join("，")), cites.len(), if docs.is_empty() { String::new() } else { format!("；自动编码的事件来自{}篇已导入文献，并附有编码所依据的原句", docs.len()) });
            w!(out, "<p><b>事件。</b>对同一事件的多条报道合并为一个事件，条件是：行为体相同、CAMEO代码的前两位相同、日期相容（精确到日的日期相差不超过{}天；精确到日的日期落在精确到月的日期之内；精确到年的日期只与同年的日期合并）。同一文献中的记录只有完全相同时才合并，因为年表所列的是不同的事件。合并后共{}个事件，每个事件带有其CAMEO代码对应的戈德斯坦分值（−10…+10）和四类（QuadClass）归属。</p>", mp.day_window, a.merged.len());
            w!(out, "<p><b>关系水平</b>沿用阎学通的清华方法（−9…+9，分为六档，每档3分）。由于无法获得原始计分细则，本报告依据其两条原则——累积与记忆、饱和——重新构建：以{}为起点（1991年12月，关系起步良好），每月先按{}个月的半衰期向基线{}回落，再计入当月事件；事件的冲击经过校准：<i>x</i> = 戈德斯坦分值 × 类型 × 级别 × 规模 × 报道次数系数 × {}。类型：言辞（声明、会晤、呼吁、要求、威胁）的权重为行动（制裁、驱逐、武力、签署协定）的{}。级别权重依次为{}（国家元首、政府首脑、部长、其他官员、无具体人物的行为）。规模：有明确数量n（外交官、制裁对象、被关押人员、军人）的行为乘以 1 + {}·log<sub>10</sub> n。报道次数系数为 min(1 + {}·ln m, {})，m为独立文献数。同一月内同一行为体的同类行为（CAMEO大类）按冲击大小排序，第k个只计 k<sup>−{}</sup>，因此十次同类行为约计三次而非十次。饱和只作用于变动所趋向的一端：水平在0以上时上升按与+9的距离递减（L ← 9 − (9 − L)·e<sup>−x/9</sup>），在0以下时下降按与−9的距离递减，离开端点的变动全额计入。当月的正向冲击与负向冲击分别求和；当月各事件的先后往往无从确知，而在这种饱和下先后会影响结果，因此两者按两种顺序各施加一次，取其平均。事件的“贡献”是它在当月同向变动中所占的份额，因此每月的变化恰为记忆项与各事件贡献之和。第十节将上述每个参数减半或加倍后重算全部分析。</p>", num(p.start_level, 1), num(p.half_life_months, 0), num(p.baseline, 1), num(q.scale, 2), num(q.verbal_weight, 2), rw, num(q.magnitude_per_decade, 2), num(q.mention_coef, 1), num(q.mention_cap, 1), num(q.repeat_exponent, 1));
            w!(out, "<p><b>阶段</b>由PELT算法检测关系水平均值的变点划分（惩罚项为2σ²·ln n，σ²为阶段内方差，最短区段{}个月），同一档次内均值相差小于{}的相邻区段予以合并。<b>重启周期</b>：在{}个月移动平均后的水平上按“之字形”规则确定转折点，最小摆幅{}（半个档次），上升期至少{}个月。<b>螺旋式下降检验</b>：对谷底水平与时间、高位持续月数与周期序号分别做最小二乘斜率和肯德尔τ检验（精确单侧p值），两者均在0.10水平上显著下降即判为成立。<b>预测</b>：从起点出发的关系水平期望路径，即向基线的记忆衰减加上截至起点事件造成的平均月度变化；80%和95%区间取自模型在各预测步长上的历史误差，以各误差起点处月度事件变化的指数加权波动率标准化，再按当前波动率缩放（过滤历史模拟法；历史误差少于40个时用正态区间），并截断在量表范围内。事件流（每月事件数与戈德斯坦净值）以其指数加权频率预测，区间做法相同。以滚动起点回测与朴素持续预测和长期均值比较（MAE；技能 = 1 − MAE/基准MAE；MASE，Hyndman &amp; Koehler 2006）。</p>", pp.changepoint.min_segment, num(pp.merge_gap, 1), cp.smooth, num(cp.min_amplitude, 1), cp.min_rise_months);
            w!(out, "<p><b>局限。</b>关系水平衡量的是有记录的事件流，而非两国的意图或实力；它的完整程度取决于年表，年表中的空白（尤其是事件稀少的年份）会使关系水平向基线回落。所有参数都是明确陈述的选择，其理由与敏感性分析见 <code>docs/method.md</code>；研究者可以用其他取值重新计算。</p>");
        }
    }
    out.push_str("</div>\n");
}

fn appendix(c: &Ctx<'_>, out: &mut String) {
    let (a, lang) = (c.a, c.lang);
    let mut events: Vec<&MergedObs> = a.merged.iter().collect();
    events.sort_by(|x, y| {
        x.obs
            .date
            .ordinal()
            .cmp(&y.obs.date.ordinal())
            .then(x.obs.id.cmp(&y.obs.id))
    });
    match lang {
        Lang::En => w!(out, "<p>All {} events behind the figures, by date. “Δ” is the event's contribution to the level (year-dated events are spread over their year); “G” is the Goldstein value of its CAMEO code; “×m” the number of independent documents reporting it.</p>", events.len()),
        Lang::Zh => w!(out, "<p>图表所依据的全部{}个事件，按日期排列。“Δ”为该事件对关系水平的贡献（只精确到年的事件平均分摊到全年）；“G”为其CAMEO代码的戈德斯坦分值；“×m”为报道该事件的独立文献数。</p>", events.len()),
    }
    // Year index.
    let mut years: Vec<i32> = c.years.iter().copied().collect();
    years.sort_unstable();
    out.push_str(r#"<p class="small">"#);
    let links: Vec<String> = years
        .iter()
        .map(|y| format!(r##"<a href="#year-{y}">{y}</a>"##))
        .collect();
    out.push_str(&links.join(" · "));
    out.push_str("</p>\n");
    let mut current = None;
    for m in events {
        let o = &m.obs;
        let y = o.date.y();
        if current != Some(y) {
            current = Some(y);
            w!(out, "<h3 class=\"year\" id=\"year-{y}\">{y}</h3>\n");
        }
        let rows: Vec<&EventRow> = c.rows(o.id).collect();
        let actor = |code: &str, person: Option<&String>| match person {
            Some(p) => match lang {
                Lang::En => format!("{} ({})", lang.actor(code), c.person(p)),
                Lang::Zh => format!("{}（{}）", lang.actor(code), c.person(p)),
            },
            None => lang.actor(code),
        };
        let first = rows.first();
        let src_person = first.and_then(|r| {
            if r.source == o.source {
                r.source_person.as_ref()
            } else {
                r.target_person.as_ref()
            }
        });
        let tgt_person = first.and_then(|r| {
            if r.source == o.source {
                r.target_person.as_ref()
            } else {
                r.source_person.as_ref()
            }
        });
        let contribution = c.effect_of.get(&o.id).copied();
        let code_name = c
            .inp
            .codes
            .get(&o.cameo)
            .map(|k| k.name.clone())
            .unwrap_or_default();
        w!(
            out,
            r#"<div class="ev" id="ev-{}"><div class="evh"><span class="date">{}</span><span>{} → {}</span><span><code title="{}">{}</code> G {}</span>"#,
            o.id,
            esc(&o.date.to_string()),
            esc(&actor(&o.source, src_person)),
            esc(&actor(&o.target, tgt_person)),
            esc(&code_name),
            esc(&o.cameo),
            signed(o.goldstein, 1)
        );
        if let Some(x) = contribution {
            w!(
                out,
                r#"<span class="{}">Δ {}</span>"#,
                if x >= 0.0 { "pos" } else { "neg" },
                signed(x, 3)
            );
        }
        if o.mentions > 1 {
            w!(out, r#"<span class="small">×{}</span>"#, o.mentions);
        }
        if let Some(place) = first.and_then(|r| r.place.as_ref()) {
            w!(out, r#"<span class="small">{}</span>"#, esc(c.place(place)));
        }
        w!(out, "</div><p>{}</p>", esc(&c.desc(o.id)));
        // Sources: citations of curated reports, documents and sentences of coded ones.
        let mut seen = HashSet::new();
        let mut items = Vec::new();
        for r in &rows {
            for ct in &r.citation {
                if !seen.insert(ct.id.clone()) {
                    continue;
                }
                if c.lang == Lang::Zh {
                    // GB/T 7714-2015, the URL linked (consulted: the day the report is made)
                    let full = cite::format(ct, cite::Style::Gbt7714, &c.cited);
                    let s = match &ct.url {
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
                    items.push(s);
                    continue;
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
                items.push(s);
            }
            if r.origin == "coded" {
                let doc = r.doc_id.as_deref().unwrap_or("?");
                let mut s = format!(
                    "{} <code>{}</code>",
                    c.t("document", "文献"),
                    esc(doc.get(..12).unwrap_or(doc))
                );
                if let Some(sid) = r.sentence_id {
                    w!(s, "{} {sid}", c.t(", sentence", "，句"));
                }
                if let Some(sent) = &r.sentence {
                    w!(s, ": “{}”", esc(sent));
                }
                items.push(s);
            } else if r.origin == "imported" {
                items.push(format!(
                    "{} #{}",
                    c.t("imported record", "外部导入记录"),
                    r.id
                ));
            }
        }
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
