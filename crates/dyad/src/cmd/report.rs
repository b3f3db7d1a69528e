//! `dyad report`: one self-contained HTML file (inline CSS and SVG charts, no network) with the
//! level, the event flow, summits, reset cycles, drivers, the forecast, the method and every
//! event with its sources.

use crate::cmd::chronology::parse_dyad;
use crate::cmd::summits::{self, By};
use crate::names::DyadNames;
use crate::report::{self, Lang, ReportInput};
use crate::{builtin, measure, Outcome};
use anyhow::{bail, Context, Result};
use dyad_analysis::prelude::*;
use dyad_coder::tsv;
use dyad_model::Origin;
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
    #[arg(long, value_enum, default_value_t = Lang::En)]
    lang: Lang,
    /// Only these origins (repeatable): coded, curated, imported; all when omitted.
    #[arg(long, value_name = "ORIGIN")]
    origin: Vec<String>,
    /// Merge repeated reports in imported datasets too (by default one row is one event).
    #[arg(long)]
    dedup: bool,
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

/// Analyses the dyad and renders its report.
pub fn build(
    store: &Store,
    dyad: &(String, String),
    origins: &[Origin],
    dedup: bool,
    lang: Lang,
) -> Result<Built> {
    let analysis = measure::analyse(store, dyad, origins, dedup)?;
    let forecast = analysis.forecast(12);
    let backtest_params = BacktestParams {
        first_origin: Some(Month::new(2000, 1)),
        ..Default::default()
    };
    // No forecast, no backtest of it; a short backtest is shown but not judged.
    let backtest = forecast
        .is_ok()
        .then(|| backtest(&analysis.level, &backtest_params));
    let skill = backtest
        .as_ref()
        .and_then(|b| analysis.check_skill(b).err());
    let mut curated: Vec<EventRow> = analysis
        .rows
        .values()
        .filter(|r| r.origin == "curated")
        .cloned()
        .collect();
    curated.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    // Without presidents of the first side in the people dictionary there is nothing to count.
    let summits = summits::build(&curated, By::UsPresident, true, dyad).ok();
    let people = builtin::people()?;
    let codes = builtin::code_table()?;
    let domain_names = domain_names()?;
    let dyad_names = DyadNames::builtin().map_err(|p| anyhow::anyhow!(p.join("\n")))?;
    let html = report::render(&ReportInput {
        analysis: &analysis,
        lang,
        forecast: forecast.as_ref(),
        backtest: backtest.as_ref(),
        backtest_params: &backtest_params,
        skill: skill.as_ref(),
        summits: summits.as_ref(),
        people: &people,
        codes: &codes,
        domain_names: &domain_names,
        dyad_names: &dyad_names,
    });
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
    let store = builtin::open_read(db)?;
    let built = build(&store, &dyad, &origins, args.dedup, args.lang)?;
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
    println!("{}", path.display());
    Ok(Outcome::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::html::check_well_formed;
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
            let built = build(&store, &dyad, &[], false, lang).unwrap();
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
                "<script",
                "@import",
                "url(http",
                "@font-face",
            ] {
                assert!(!html.contains(bad), "{lang:?}: found {bad}");
            }
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
                    ] {
                        assert!(html.contains(s), "zh: {s} missing");
                    }
                }
            }
        }
    }

    #[test]
    fn an_unknown_dyad_gives_an_empty_but_valid_report() {
        let dir = tempfile::tempdir().unwrap();
        let store = builtin::open_store(&dir.path().join("t.db")).unwrap();
        let built = build(
            &store,
            &("FRA".to_string(), "DEU".to_string()),
            &[],
            false,
            Lang::Zh,
        )
        .unwrap();
        assert_eq!(built.events, 0);
        assert_eq!(check_well_formed(&built.html), Ok(()));
    }
}
