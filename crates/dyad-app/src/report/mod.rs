//! The HTML report of one dyad: a single self-contained file (inline CSS, charts as inline SVG,
//! one inline script for PNG downloads, no scripts, fonts or images from elsewhere) in English or
//! Chinese, in which every chart and table links to the events behind it, listed with their
//! sources in the appendix. Each table downloads as CSV and each chart as SVG from `data:` links
//! and as PNG drawn in the page (`download`), so it stays one file.
//!
//! Rendering is two steps: [`model::build`] computes a typed [`model::ReportModel`] from the
//! analysis (one part per section, in `sections/`), and each section's `render` formats its
//! part as HTML with the words of the report's language from its message catalogue
//! (`messages/en.tsv`, `messages/zh.tsv`).

mod ctx;
pub mod download;
pub mod html;
pub mod i18n;
pub mod messages;
pub mod model;
pub mod sections;
pub mod svg;

use crate::measure::Analysis;
use crate::names::DyadNames;
use crate::summits::Summits;
use dyad_analysis::prelude::*;
use dyad_coder::People;
use dyad_model::{CodeTable, PlaceTable};
use html::esc;
pub use i18n::Lang;
use messages::{Catalogue, CatalogueError, Messages};
use model::ReportModel;
use sections::{
    appendix, drivers, flow, forecast, level, literature, methods, resets, robustness, sanctions,
    summary, summits, w,
};
use std::collections::HashMap;
use std::fmt::Write;

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
    pub sanctions: Option<&'a crate::sanctions::Sanctions>,
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
    /// The day sources are cited as consulted (GB/T 7714's [引用日期]), YYYY-MM-DD: the day
    /// the report is made unless asked otherwise (`--cited`).
    pub cited: String,
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

/// Renders the whole report; fails only when the built-in catalogues disagree (a test checks
/// that they do not).
pub fn render(inp: &ReportInput<'_>) -> Result<String, CatalogueError> {
    let messages = Messages::builtin()?;
    let m = messages.of(inp.lang);
    let report = model::build(inp, m);
    let (x, y) = &inp.analysis.dyad;
    Ok(render_model(m, &report, &format!("dyad-{x}-{y}")))
}

/// Formats a built report; `stem` starts the names of the files it offers for download.
pub fn render_model(m: &Catalogue, r: &ReportModel<'_>, stem: &str) -> String {
    let lang = m.lang();
    let mut out = String::with_capacity(1 << 20);
    let title = sections::header::title(m, &r.header);
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
    sections::header::render(m, &r.header, &mut out);
    // The sections in the order of the page and of its table of contents: anchor, heading,
    // and the body.
    type Body<'r> = Box<dyn Fn(&mut String) + 'r>;
    let sections: [(&str, &str, Body<'_>); 12] = [
        (
            "summary",
            "section.summary",
            Box::new(|o| summary::render(m, &r.summary, o)),
        ),
        (
            "level",
            "section.level",
            Box::new(|o| level::render(m, &r.level, o)),
        ),
        (
            "flow",
            "section.flow",
            Box::new(|o| flow::render(m, &r.flow, o)),
        ),
        (
            "summits",
            "section.summits",
            Box::new(|o| summits::render(m, &r.summits, o)),
        ),
        (
            "sanctions",
            "section.sanctions",
            Box::new(|o| sanctions::render(m, &r.sanctions, o)),
        ),
        (
            "resets",
            "section.resets",
            Box::new(|o| resets::render(m, &r.resets, o)),
        ),
        (
            "literature",
            "section.literature",
            Box::new(|o| literature::render(m, &r.literature, o)),
        ),
        (
            "drivers",
            "section.drivers",
            Box::new(|o| drivers::render(m, &r.drivers, o)),
        ),
        (
            "forecast",
            "section.forecast",
            Box::new(|o| forecast::render(m, &r.forecast, o)),
        ),
        (
            "methods",
            "section.methods",
            Box::new(|o| methods::render(m, &r.methods, o)),
        ),
        (
            "robustness",
            "section.robustness",
            Box::new(|o| robustness::render(m, &r.robustness, o)),
        ),
        (
            "appendix",
            "section.appendix",
            Box::new(|o| appendix::render(m, &r.appendix, o)),
        ),
    ];
    w!(
        out,
        r#"<nav class="toc"><strong>{}</strong><ul>"#,
        m.get("toc")
    );
    for (id, heading, _) in &sections {
        w!(
            out,
            r##"<li><a href="#{id}">{}</a></li>"##,
            esc(m.get(heading))
        );
    }
    out.push_str("</ul></nav>\n");
    for (id, heading, body) in &sections {
        w!(
            out,
            "\n<section id=\"{id}\">\n<h2>{}</h2>\n",
            esc(m.get(heading))
        );
        body(&mut out);
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
    download::add_links(&out, stem, &svg_css, m)
}
