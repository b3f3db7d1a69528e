//! `dyad report`: one self-contained HTML file (inline CSS and SVG charts, no network) with the
//! level, the event flow, summits, reset cycles, drivers, the forecast, the method and every
//! event with its sources.

use crate::Outcome;
use anyhow::{bail, Context, Result};
use dyad_analysis::prelude::*;
use dyad_app::names::DyadNames;
use dyad_app::report::{self, Lang, ReportInput};
use dyad_app::request::{parse_dyad, parse_month};
use dyad_app::sanctions;
use dyad_app::summits::{self, By};
use dyad_app::{builtin, cite, measure};
use dyad_coder::tsv;
use dyad_model::{EventDate, Origin, Precision};
use dyad_store::{EventRow, Store};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The pair of actors, e.g. USA-RUS.
    #[arg(long, default_value = "USA-RUS")]
    dyad: String,
    /// The file to write (default: dyad-report-<A>-<B>-<lang>.html in the current directory).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The language of the report.
    #[arg(long, default_value = "en", value_parser = lang_arg())]
    lang: Lang,
    /// Only these origins (repeatable): coded, curated, imported; all when omitted.
    #[arg(long, value_name = "ORIGIN")]
    origin: Vec<String>,
    /// Merge repeated reports in imported datasets too (by default one row is one event).
    #[arg(long)]
    dedup: bool,
    /// First month of the report, YYYY-MM (earlier events still shape the level through memory).
    #[arg(long, value_name = "YYYY-MM")]
    from: Option<String>,
    /// Last month of the report, YYYY-MM (later events are left out).
    #[arg(long, value_name = "YYYY-MM")]
    to: Option<String>,
    /// Another dyad, e.g. USA-CHN, whose monthly level is drawn beside this one's on one chart
    /// (same origins and months; a note says when it has too little record to compare).
    #[arg(long, value_name = "DYAD")]
    compare: Option<String>,
    /// The day the sources were consulted, for GB/T 7714's [引用日期] in the Chinese report
    /// (default: today, UTC). A fixed day makes the report the same byte for byte on any day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    cited: Option<String>,
}

/// `--from`/`--to` as months, checked: each a month `YYYY-MM`, and `--to` not before `--from`.
pub fn parse_window(
    from: &Option<String>,
    to: &Option<String>,
) -> Result<(Option<Month>, Option<Month>)> {
    let month = |flag: &str, v: &Option<String>| -> Result<Option<Month>> {
        let Some(s) = v else { return Ok(None) };
        let ok = s.len() == 7 && s.as_bytes()[4] == b'-';
        let d = parse_month(flag, v)?;
        match d {
            Some(d) if ok => Ok(Some(Month::of(&d))),
            _ => bail!("{flag}: `{s}` must be a month YYYY-MM, e.g. 2014-03"),
        }
    };
    let (f, t) = (month("--from", from)?, month("--to", to)?);
    if let (Some(f), Some(t)) = (f, t) {
        if t < f {
            bail!("--to {t} is before --from {f}: give the earlier month to --from");
        }
    }
    Ok((f, t))
}

/// A rendered report.
pub struct Built {
    pub html: String,
    /// Merged events in the report.
    pub events: usize,
}

/// Domain → (English name, Chinese name), from the built-in vocabulary.
fn domain_names() -> Result<HashMap<String, (String, String)>> {
    let path = "dictionaries/domains.tsv";
    let recs = tsv::records(
        path,
        builtin::file(path)?,
        &["domain", "qualifier", "name_en", "name_zh"],
    )?;
    Ok(recs
        .into_iter()
        .map(|r| {
            (
                r.fields[0].to_string(),
                (r.fields[2].to_string(), r.fields[3].to_string()),
            )
        })
        .collect())
}

/// Analyses the dyad over the months `window` (`--from`, `--to`; all when `None`) and renders
/// its report, with the `compare` dyad's level beside its own when given, citing sources as
/// consulted today (the tests' shorthand).
#[cfg(test)]
pub fn build_window(
    store: &Store,
    dyad: &(String, String),
    origins: &[Origin],
    dedup: bool,
    lang: Lang,
    window: (Option<Month>, Option<Month>),
    compare: Option<&(String, String)>,
) -> Result<Built> {
    build(
        store,
        dyad,
        &Request {
            origins,
            dedup,
            lang,
            window,
            compare,
            cited: cite::today(),
        },
    )
}

/// What a report is asked for, beyond its dyad.
pub struct Request<'a> {
    pub origins: &'a [Origin],
    /// Merge repeated reports in imported datasets too.
    pub dedup: bool,
    pub lang: Lang,
    /// `--from`, `--to`.
    pub window: (Option<Month>, Option<Month>),
    /// Another dyad to draw beside this one.
    pub compare: Option<&'a (String, String)>,
    /// The day the sources are cited as consulted, YYYY-MM-DD.
    pub cited: String,
}

/// Analyses the dyad and renders its report as `req` asks.
pub fn build(store: &Store, dyad: &(String, String), req: &Request<'_>) -> Result<Built> {
    let Request {
        origins,
        dedup,
        lang,
        window,
        compare,
        ..
    } = *req;
    let analysis = measure::analyse_window(store, dyad, origins, dedup, window.0, window.1)?;
    let compared = compare
        .map(|d| measure::analyse_window(store, d, origins, dedup, window.0, window.1))
        .transpose()?;
    let forecast = analysis.forecast(12);
    let backtest_params = BacktestParams {
        first_origin: Some(Month::new(2000, 1)),
        ..Default::default()
    };
    // No forecast, no backtest of it; a short backtest is shown but not judged.
    let (backtest, flow_backtest) = forecast
        .is_ok()
        .then(|| analysis.backtests(&backtest_params))
        .unzip();
    let flow_forecast = analysis.flow_forecast(12).ok();
    let skill = backtest
        .as_ref()
        .and_then(|b| analysis.check_skill(b).err());
    let mut curated: Vec<EventRow> = analysis
        .rows
        .values()
        .filter(|r| r.origin == dyad_model::Origin::Curated)
        .cloned()
        .collect();
    curated.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    // Without presidents of the first side in the people dictionary there is nothing to count.
    let places = builtin::places()?;
    // Meetings are counted from the built-in chronology: none when the report leaves it out.
    let summits = if curated.is_empty() {
        None
    } else {
        summits::build(&curated, By::UsPresident, true, dyad, &places).ok()
    };
    // The sanctions sums are the built-in chronology's: shown when the report includes it.
    let month = |m: Option<Month>| m.and_then(|m| m.to_string().parse::<EventDate>().ok());
    let sanctions = if curated.is_empty() {
        None
    } else {
        Some(sanctions::sanctions(
            &dyad.0,
            &dyad.1,
            month(window.0),
            month(window.1),
            sanctions::By::Year,
        )?)
    };
    let people = builtin::people()?;
    let codes = builtin::code_table()?;
    let domain_names = domain_names()?;
    let dyad_names = DyadNames::builtin().map_err(|p| anyhow::anyhow!(p.join("\n")))?;
    // The literature's periods and resets are of US–Russia relations.
    let literature = if matches!(
        (dyad.0.as_str(), dyad.1.as_str()),
        ("USA", "RUS") | ("RUS", "USA")
    ) {
        Some(builtin::literature()?)
    } else {
        None
    };
    let html = report::render(&ReportInput {
        analysis: &analysis,
        lang,
        forecast: forecast.as_ref(),
        backtest: backtest.as_ref(),
        backtest_params: &backtest_params,
        flow_forecast: flow_forecast.as_ref(),
        flow_backtest: flow_backtest.as_ref(),
        skill: skill.as_ref(),
        summits: summits.as_ref(),
        sanctions: sanctions.as_ref(),
        people: &people,
        codes: &codes,
        domain_names: &domain_names,
        places: &places,
        dyad_names: &dyad_names,
        literature: literature.as_ref(),
        compare: compared.as_ref(),
        cited: req.cited.clone(),
    })?;
    Ok(Built {
        html,
        events: analysis.merged.len(),
    })
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let dyad = parse_dyad(&args.dyad)?;
    let mut origins = Vec::new();
    for o in args.origin.iter().flat_map(|o| o.split(',')) {
        match Origin::parse(o.trim()) {
            Some(origin) => origins.push(origin),
            None => bail!("--origin `{o}` must be coded, curated or imported"),
        }
    }
    let window = parse_window(&args.from, &args.to)?;
    let compare = args.compare.as_deref().map(parse_dyad).transpose()?;
    if let Some((a, b)) = &compare {
        if (a, b) == (&dyad.0, &dyad.1) || (a, b) == (&dyad.1, &dyad.0) {
            bail!("--compare {a}-{b} is the pair of --dyad: give another dyad to compare with");
        }
    }
    let cited = match &args.cited {
        Some(d) => match d.parse::<EventDate>() {
            Ok(e) if e.precision() == Precision::Day => d.clone(),
            _ => bail!("--cited `{d}` must be a day, YYYY-MM-DD"),
        },
        None => cite::today(),
    };
    let store = builtin::open_read(db)?;
    let built = build(
        &store,
        &dyad,
        &Request {
            origins: &origins,
            dedup: args.dedup,
            lang: args.lang,
            window,
            compare: compare.as_ref(),
            cited,
        },
    )?;
    if built.events == 0 {
        eprintln!(
            "dyad: warning: no events for {}-{}; the report is empty",
            dyad.0, dyad.1
        );
    }
    let path = args.out.unwrap_or_else(|| {
        PathBuf::from(format!(
            "dyad-report-{}-{}-{}.html",
            dyad.0,
            dyad.1,
            args.lang.code()
        ))
    });
    std::fs::write(&path, &built.html).with_context(|| format!("writing {}", path.display()))?;
    eprintln!(
        "dyad: wrote {} ({} KB, {} events)",
        path.display(),
        built.html.len().div_ceil(1024),
        built.events
    );
    outln!("{}", path.display());
    Ok(Outcome::Ok)
}

/// The values of `--lang`, as the report languages of the application layer.
fn lang_arg() -> impl clap::builder::TypedValueParser<Value = Lang> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(["en", "zh"]).map(|s| match s.as_str() {
        "zh" => Lang::Zh,
        _ => Lang::En,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_app::report::html::check_well_formed;
    use std::collections::HashSet;

    /// Every `attr="…"` value in `html`.
    fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
        let pat = format!(" {attr}=\"");
        html.match_indices(&pat)
            .filter_map(|(i, _)| {
                let rest = &html[i + pat.len()..];
                rest.find('"').map(|e| &rest[..e])
            })
            .collect()
    }

    #[test]
    fn the_report_is_self_contained_linked_and_complete_in_both_languages() {
        let dir = tempfile::tempdir().unwrap();
        let store = builtin::open_store(&dir.path().join("t.db")).unwrap();
        let dyad = ("USA".to_string(), "RUS".to_string());
        for lang in [Lang::En, Lang::Zh] {
            let built = build_window(&store, &dyad, &[], false, lang, (None, None), None).unwrap();
            let html = &built.html;
            assert!(built.events >= 600, "{} events", built.events);
            assert!(html.starts_with("<!DOCTYPE html>"));
            assert_eq!(check_well_formed(html), Ok(()), "{lang:?}");
            assert!(html.contains("<svg"));
            for b in [
                Band::Confrontation,
                Band::Tense,
                Band::Discord,
                Band::Ordinary,
                Band::Good,
                Band::Friendly,
            ] {
                let name = match lang {
                    Lang::En => b.en(),
                    Lang::Zh => b.zh(),
                };
                assert!(html.contains(name), "{lang:?}: band {name} missing");
            }
            // Links and anchors.
            assert!(html.contains("href=\"#ev-"));
            let ids: HashSet<&str> = attr_values(html, "id").into_iter().collect();
            let hrefs = attr_values(html, "href");
            for h in hrefs.iter().filter_map(|h| h.strip_prefix('#')) {
                assert!(
                    ids.contains(h),
                    "{lang:?}: link to #{h}, which does not exist"
                );
            }
            // Every event is in the appendix.
            assert_eq!(
                ids.iter().filter(|i| i.starts_with("ev-")).count(),
                built.events
            );
            // Nothing is loaded from elsewhere.
            for bad in [
                "src=\"http",
                "src='http",
                "<link",
                "<script src",
                "@import",
                "url(http",
                "@font-face",
            ] {
                assert!(!html.contains(bad), "{lang:?}: found {bad}");
            }
            // One script, inline: the PNG downloads.
            assert_eq!(html.matches("<script").count(), 1, "{lang:?}");
            assert_eq!(
                html.matches("<button type=\"button\" class=\"dl png\"")
                    .count(),
                html.matches("<svg").count(),
                "{lang:?}: a PNG button per chart"
            );
            // The resets table has a row per cycle, at least four.
            let resets = html
                .split("<table class=\"resets\">")
                .nth(1)
                .and_then(|t| t.split("</table>").next())
                .unwrap();
            let rows = resets.matches("<tr id=\"cycle-").count();
            assert!(rows >= 4, "{lang:?}: {rows} reset rows");
            // The whole record is above every minimum: nothing is withheld.
            assert!(!html.contains("id=\"limits\""), "{lang:?}: limits box");
            assert!(!html.contains("class=\"notcomputed\""), "{lang:?}");
            match lang {
                Lang::En => {
                    assert!(
                        html.contains("<title>United States–Russia relations: a report</title>")
                    );
                    assert!(html.contains("<html lang=\"en\">"));
                    assert!(html.contains("4. Sanctions designations") && html.contains(">21692<"));
                    assert!(
                        html.contains("Reset cycles")
                            && html.contains("Methods")
                            && html.contains("Appendix: events and sources")
                    );
                }
                Lang::Zh => {
                    assert!(html.contains("<title>美俄关系报告</title>"));
                    assert!(html.contains("<html lang=\"zh-CN\">"));
                    for s in [
                        "关系水平",
                        "阶段",
                        "重启周期",
                        "螺旋式下降检验",
                        "驱动因素",
                        "预测",
                        "方法说明",
                        "附录：事件与来源",
                        "四、制裁列名",
                        "差异原因",
                    ] {
                        assert!(html.contains(s), "zh: {s} missing");
                    }
                }
            }
        }
    }

    fn unbase64(s: &str) -> Vec<u8> {
        let val = |c: u8| match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            _ => 63,
        };
        let mut out = Vec::new();
        for chunk in s.as_bytes().chunks(4) {
            let pad = chunk.iter().filter(|&&c| c == b'=').count();
            let n = chunk
                .iter()
                .map(|&c| if c == b'=' { 0 } else { u32::from(val(c)) })
                .fold(0u32, |acc, v| (acc << 6) | v);
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            out.extend_from_slice(&bytes[..3 - pad]);
        }
        out
    }

    #[test]
    fn every_table_downloads_as_its_csv_and_every_chart_as_svg() {
        let dir = tempfile::tempdir().unwrap();
        let store = builtin::open_store(&dir.path().join("t.db")).unwrap();
        let dyad = ("USA".to_string(), "RUS".to_string());
        let analysis = measure::analyse(&store, &dyad, &[], false).unwrap();
        let html = build_window(&store, &dyad, &[], false, Lang::En, (None, None), None)
            .unwrap()
            .html;
        assert_eq!(check_well_formed(&html), Ok(()));
        let csvs: Vec<&str> = attr_values(&html, "href")
            .into_iter()
            .filter_map(|h| h.strip_prefix("data:text/csv;charset=utf-8;base64,"))
            .collect();
        let svgs: Vec<&str> = attr_values(&html, "href")
            .into_iter()
            .filter_map(|h| h.strip_prefix("data:image/svg+xml;base64,"))
            .collect();
        assert_eq!(csvs.len(), html.matches("<table").count());
        assert_eq!(svgs.len(), html.matches("<svg").count());
        assert!(html.contains("download=\"dyad-USA-RUS-table-1.csv\""));
        assert!(html.contains("download=\"dyad-USA-RUS-figure-1.svg\""));
        // The phases table (the first) as CSV: a header, then one row per phase with its months,
        // mean and band as the analysis has them.
        let text = String::from_utf8(unbase64(csvs[0])).unwrap();
        let text = text.strip_prefix('\u{feff}').expect("byte-order mark");
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines[0],
            ",period,months,mean,band,trend,start → end,min … max,drivers"
        );
        assert_eq!(lines.len(), analysis.phases.len() + 1);
        for (i, (line, p)) in lines[1..].iter().zip(&analysis.phases).enumerate() {
            let cells: Vec<&str> = line.split(',').collect();
            assert_eq!(cells[0], format!("P{}", i + 1));
            assert_eq!(cells[1], format!("{} – {}", p.start, p.end));
            assert_eq!(cells[2], p.months.to_string());
            assert_eq!(cells[3], dyad_app::report::html::num(p.level, 2));
            assert_eq!(cells[4], p.band.en());
        }
        // Each chart is a standalone SVG file carrying its styles.
        for b in &svgs {
            let svg = String::from_utf8(unbase64(b)).unwrap();
            let body = svg.split_once('\n').unwrap().1;
            assert!(body.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
            assert!(body.contains("<style>svg{font-family:") && body.contains("svg .tick{"));
            assert_eq!(check_well_formed(body), Ok(()));
        }
    }

    #[test]
    fn a_compared_dyad_with_enough_record_is_drawn_solid_with_common_means() {
        let dir = tempfile::tempdir().unwrap();
        let store = builtin::open_store(&dir.path().join("t.db")).unwrap();
        let dyad = ("USA".to_string(), "RUS".to_string());
        // The built-in record has one dyad; its reverse has the record of a full one.
        let other = ("RUS".to_string(), "USA".to_string());
        for (lang, words) in [
            (
                Lang::En,
                [
                    "Figure 1b. The monthly relations level",
                    "months both cover",
                ],
            ),
            (Lang::Zh, ["图1b 月度关系水平", "共同覆盖的"]),
        ] {
            let html = build_window(&store, &dyad, &[], false, lang, (None, None), Some(&other))
                .unwrap()
                .html;
            assert_eq!(check_well_formed(&html), Ok(()), "{lang:?}");
            for w in words {
                assert!(html.contains(w), "{lang:?}: `{w}` missing");
            }
            assert!(!html.contains("id=\"compare-short\""), "{lang:?}");
            assert!(!html.contains("stroke-dasharray=\"5 3\""), "{lang:?}");
            // An unknown dyad has no level: said, and no chart.
            let none = ("FRA".to_string(), "DEU".to_string());
            let html = build_window(&store, &dyad, &[], false, lang, (None, None), Some(&none))
                .unwrap()
                .html;
            assert!(html.contains("id=\"compare-short\""), "{lang:?}");
            assert!(!html.contains("chart compare"), "{lang:?}");
        }
    }

    #[test]
    fn an_unknown_dyad_gives_an_empty_but_valid_report() {
        let dir = tempfile::tempdir().unwrap();
        let store = builtin::open_store(&dir.path().join("t.db")).unwrap();
        let built = build_window(
            &store,
            &("FRA".to_string(), "DEU".to_string()),
            &[],
            false,
            Lang::Zh,
            (None, None),
            None,
        )
        .unwrap();
        assert_eq!(built.events, 0);
        assert_eq!(check_well_formed(&built.html), Ok(()));
    }

    /// The report's HTML as text, without the source lists of the appendix (citations keep
    /// their published titles, whatever their language) and with entities decoded.
    fn outside_citations(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(i) = rest.find("<ul class=\"src\">") {
            out.push_str(&rest[..i]);
            rest = match rest[i..].find("</ul>") {
                Some(e) => &rest[i + e + "</ul>".len()..],
                None => "",
            };
        }
        out.push_str(rest);
        out.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    /// Whether `word` occurs in `text` with no ASCII letter on either side.
    fn has_word(text: &str, word: &str) -> bool {
        text.match_indices(word).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphabetic())
                && !after.is_some_and(|c| c.is_ascii_alphabetic())
        })
    }

    #[test]
    fn the_chinese_report_names_places_in_chinese_outside_the_citations() {
        let dir = tempfile::tempdir().unwrap();
        let store = builtin::open_store(&dir.path().join("t.db")).unwrap();
        let dyad = ("USA".to_string(), "RUS".to_string());
        let places = builtin::places().unwrap();
        assert!(places.len() >= 150, "{} places", places.len());
        let zh = build_window(&store, &dyad, &[], false, Lang::Zh, (None, None), None)
            .unwrap()
            .html;
        assert!(zh.contains("<ul class=\"src\">"), "no source lists");
        let text = outside_citations(&zh);
        let mut found = Vec::new();
        for p in places.places() {
            // the whole place as the chronology writes it, and its first part (the city)
            let city = p.en.split(',').next().unwrap_or("").trim();
            if text.contains(&p.en) || has_word(&text, city) {
                found.push(p.en.as_str());
            }
        }
        assert!(
            found.is_empty(),
            "the Chinese report shows {} English place names outside its citations: {:?}",
            found.len(),
            found.iter().take(10).collect::<Vec<_>>()
        );
        // the summit table and the appendix name them in Chinese
        for p in ["芬兰赫尔辛基", "俄罗斯莫斯科", "瑞士日内瓦"] {
            assert!(text.contains(p), "{p} missing");
        }
        // and the summit notes are the Chinese ones
        assert!(
            text.contains("与该文统计相同"),
            "summit notes are not in Chinese"
        );
        assert!(!text.contains("原注为英文"));
        // the English report keeps the English names
        let en = build_window(&store, &dyad, &[], false, Lang::En, (None, None), None)
            .unwrap()
            .html;
        assert!(outside_citations(&en).contains("Helsinki, Finland"));
    }
}
