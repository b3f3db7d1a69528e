//! `dyad report`: its sections in both languages, the offline HTML file, and what a report says
//! when its data is thin or compared with another dyad.

use crate::common::*;

#[test]
fn report_has_a_robustness_section_in_both_languages() {
    let h = Harness::new();
    for (lang, heading, words) in [
        ("en", "10. Robustness to the impact parameters", "halved"),
        ("zh", "十、参数稳健性", "减半"),
    ] {
        let html = h.report(
            &format!("robust-{lang}.html"),
            &["--dyad", "USA-RUS", "--lang", lang],
        );
        let at = html
            .find("<section id=\"robustness\">")
            .expect("robustness section");
        let section = &html[at..at + html[at..].find("</section>").unwrap()];
        assert!(section.contains(heading), "{lang}: heading");
        // the documented run and every parameter halved and doubled
        assert_eq!(section.matches("<tr").count(), 1 + 1 + 16, "{lang}: rows");
        // eight halved rows, and the sentence that says so
        assert_eq!(section.matches(words).count(), 9, "{lang}");
        for p in [
            "verbal_weight",
            "rank_slope",
            "magnitude_per_decade",
            "repeat_exponent",
            "half_life_months",
        ] {
            assert!(section.contains(p), "{lang}: {p}");
        }
    }
}

#[test]
fn report_writes_one_offline_html_file_and_says_where() {
    let h = Harness::new();
    // the events each language's level charts mark
    let mut marked: Vec<Vec<String>> = Vec::new();
    for lang in ["en", "zh"] {
        let out_path = h.path(&format!("report-{lang}.html"));
        let out = Run::of(
            h.cmd()
                .args(["report", "--dyad", "USA-RUS", "--lang", lang, "--out"])
                .arg(&out_path),
        )
        .expect(0);
        assert_eq!(out.stdout.trim(), out_path.to_str().unwrap());
        let html = std::fs::read_to_string(&out_path).unwrap();
        assert!(html.matches("<svg").count() >= 4, "charts missing");
        assert!(
            !html.contains("src=\"http") && !html.contains("<link") && !html.contains("@import")
        );
        let band = if lang == "zh" {
            "对抗"
        } else {
            "confrontation"
        };
        assert!(html.contains(band));
        // The forecast section shows the skill against both baselines and the event flow's
        // forecast with its own backtest.
        let words: &[&str] = if lang == "zh" {
            &[
                "长期均值",
                "相对朴素的技能",
                "1–6合计",
                "id=\"flow-forecast\"",
                "每月事件数",
                "每月戈德斯坦净值",
            ]
        } else {
            &[
                "long-run mean",
                "skill vs naive",
                "<td class=\"n\">1–6</td>",
                "id=\"flow-forecast\"",
                "Events a month",
                "Net Goldstein a month",
            ]
        };
        for w in words {
            assert!(html.contains(w), "{lang}: `{w}` missing");
        }
        phase_numbers_and_starts_agree(lang, &html);
        marked.push(
            html.split("<svg")
                .skip(1)
                .filter_map(|svg| svg.split("</svg>").next())
                .filter(|svg| svg.contains("class=\"phaseno\""))
                .flat_map(|svg| {
                    svg.split("href=\"#ev-")
                        .skip(1)
                        .filter_map(|r| r.split('"').next())
                        .map(String::from)
                        .collect::<Vec<_>>()
                })
                .collect(),
        );
    }
    assert!(marked[0].len() >= 8, "{marked:?}");
    assert_eq!(
        marked[0], marked[1],
        "the en and zh charts mark different events"
    );
}

/// Every chart labels a phase with its number in the phase table (the forecast chart of the
/// last years does not count from 1 again), and the table's first phase starts from the level
/// the drivers' heading gives it.
fn phase_numbers_and_starts_agree(lang: &str, html: &str) {
    let rows = html.matches("<tr id=\"phase-").count();
    assert!(rows >= 3, "{lang}: {rows} phase rows");
    let mut labels = 0;
    for part in html.split("<a href=\"#phase-").skip(1) {
        let Some((n, rest)) = part.split_once('"') else {
            continue;
        };
        if let Some(label) = rest
            .split("class=\"phaseno\">")
            .nth(1)
            .and_then(|r| r.split('<').next())
        {
            if rest.find("class=\"phaseno\"") < rest.find("</a>") {
                assert_eq!(label, format!("P{n}"), "{lang}: label of phase {n}");
                labels += 1;
            }
        }
    }
    assert!(labels >= 2, "{lang}: {labels} phase labels");
    let last = format!(">P{rows}</text>");
    assert!(
        html.matches(&last).count() >= 2,
        "{lang}: the last phase is not labelled P{rows} on both level charts"
    );
    // "P1 1991-12 – … · level 4.00 → 6.43" and the table's "4.00 → 6.43"
    let row = html
        .split("<tr id=\"phase-1\">")
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .unwrap();
    let start_end = row
        .split("<td class=\"n\">")
        .find(|c| c.contains(" → "))
        .and_then(|c| c.split('<').next())
        .unwrap();
    let heading_word = if lang == "zh" { "水平 " } else { "level " };
    let heading = html.split(&format!("{heading_word}{start_end}")).count();
    assert!(
        heading > 1,
        "{lang}: the drivers' heading of P1 does not read `{heading_word}{start_end}`"
    );
}

#[test]
fn a_report_of_coded_events_only_does_not_speak_for_the_chronology() {
    let h = Harness::new();
    let doc = h.write(
        "usa-rus.txt",
        "2018年7月16日，特朗普在赫尔辛基会见普京。\n\n2021年6月16日，拜登与普京在日内瓦举行会晤。\n"
            .as_bytes(),
    );
    h.json(&["ingest", doc.to_str().unwrap(), "--format", "json"], 0);
    for (lang, not_included, built_in) in [
        (
            "en",
            "Meetings of the presidents are counted from the built-in chronology, which this report does not include.",
            "dyad finds",
        ),
        ("zh", "两国总统会晤的统计来自内置大事记，本报告未纳入内置大事记。", "内置数据"),
    ] {
        let html = h.report(
            &format!("coded-{lang}.html"),
            &["--dyad", "USA-RUS", "--origin", "coded", "--lang", lang],
        );
        assert!(html.contains(not_included), "{lang}: summits section");
        assert!(!html.contains(built_in), "{lang}: `{built_in}` in a coded-only report");
    }
}

/// A store holding exactly two coded USA–CHN happenings (each reported in both directions).
fn two_event_usa_chn(h: &Harness) {
    let doc = h.write(
        "usa-chn.txt",
        "2024年11月16日，拜登在利马会见习近平。\n\n2025年1月17日，特朗普与习近平通电话。\n"
            .as_bytes(),
    );
    h.json(&["ingest", doc.to_str().unwrap(), "--format", "json"], 0);
    let phases = h.json(&["phases", "--dyad", "USA-CHN", "--format", "json"], 0);
    assert_eq!(phases["data"]["events"], 2, "{phases}");
}

#[test]
fn a_report_compares_its_dyad_with_another_and_says_when_the_other_has_too_little() {
    let h = Harness::new();
    two_event_usa_chn(&h);
    for (lang, figure, short) in [
        (
            "en",
            "Figure 1b. The monthly relations level: United States–Russia and United States–China",
            "Too little record to compare: United States–China has 2 events (at least",
        ),
        (
            "zh",
            "图1b 月度关系水平：美俄与中美",
            "记录过少，无法对照：中美只有2个事件（需至少",
        ),
    ] {
        let html = h.report(
            &format!("compare-{lang}.html"),
            &["--dyad", "USA-RUS", "--compare", "USA-CHN", "--lang", lang],
        );
        assert!(
            html.contains(figure),
            "{lang}: no comparison chart titled {figure}"
        );
        assert_eq!(html.matches("class=\"chart compare\"").count(), 1, "{lang}");
        assert!(
            html.contains(short),
            "{lang}: no note that USA–CHN has too little record"
        );
        // The compared dyad's line is dashed, the report's own is not.
        let chart = html.split("class=\"chart compare\"").nth(1).unwrap();
        let chart = chart.split("</svg>").next().unwrap();
        assert_eq!(chart.matches("<polyline").count(), 2, "{lang}");
        assert_eq!(
            chart
                .matches("class=\"levelline\" stroke=\"#c2571a\" stroke-dasharray")
                .count(),
            1
        );
        // Without --compare there is no comparison.
        let plain = h.report(
            &format!("plain-{lang}.html"),
            &["--dyad", "USA-RUS", "--lang", lang],
        );
        assert!(!plain.contains("chart compare"));
    }
    // The same pair is no comparison.
    let out = h.run(&["report", "--dyad", "USA-RUS", "--compare", "RUS-USA"]);
    assert!(out.code != 0);
    assert!(out.stderr.contains("--compare"));
}

#[test]
fn a_two_event_dyad_yields_a_report_that_says_what_it_cannot_compute_and_no_forecast() {
    let h = Harness::new();
    two_event_usa_chn(&h);
    for (lang, says, section_says, forecast_words) in [
        (
            "en",
            "What this report cannot say",
            "Not computed: a forecast needs at least 30 events (there are 2)",
            &[
                "Forecast</a> for",
                "naive persistence",
                "MASE",
                "80% interval",
            ][..],
        ),
        (
            "zh",
            "本报告无法回答的问题",
            "未计算：预测需要至少30个事件（现有2个）",
            &["预测</a>20", "朴素持续预测", "MASE", "80%区间"][..],
        ),
    ] {
        let html = h.report(
            &format!("usa-chn-{lang}.html"),
            &["--dyad", "USA-CHN", "--lang", lang],
        );
        // Named from the table of state names, in the order a Chinese title gives it.
        let title = if lang == "zh" {
            "<title>中美关系报告</title>"
        } else {
            "<title>United States–China relations: a report</title>"
        };
        assert!(html.contains(title), "{lang}: title is not {title}");
        assert!(
            html.contains(says),
            "{lang}: no statement of what it cannot say"
        );
        assert!(
            html.contains(section_says),
            "{lang}: forecast section does not say why"
        );
        // Phases, cycles and the spiral test are named as not computed, and absent.
        for m in [
            "phases and change points",
            "reset cycles",
            "the spiral-decline test",
        ] {
            let m = if lang == "zh" {
                match m {
                    "phases and change points" => "阶段与变点需要",
                    "reset cycles" => "重启周期需要",
                    _ => "螺旋式下降检验需要",
                }
            } else {
                m
            };
            assert!(html.contains(m), "{lang}: {m} not named");
        }
        assert!(!html.contains("id=\"phase-1\""), "{lang}: phases computed");
        assert!(!html.contains("id=\"cycle-1\""), "{lang}: cycles computed");
        assert!(
            !html.contains("id=\"spiral\""),
            "{lang}: spiral test computed"
        );
        // No forecast anywhere: no fan, no forecast table, no backtest, no skill claim (the
        // methods section may describe the method; nothing else may show its output).
        let methods = html.find("<section id=\"methods\">").unwrap();
        let appendix = html.find("<section id=\"appendix\">").unwrap();
        let html = format!("{}{}", &html[..methods], &html[appendix..]);
        assert!(
            !html.contains("class=\"fan80\""),
            "{lang}: forecast fan drawn"
        );
        assert!(!html.contains("id=\"backtest\""), "{lang}: backtest shown");
        assert!(
            !html.contains("id=\"flow-forecast\""),
            "{lang}: flow forecast shown"
        );
        for w in forecast_words {
            assert!(!html.contains(w), "{lang}: forecast output `{w}` present");
        }
        // What is computed is still there: the level chart and the two events.
        assert!(html.contains("<svg"));
        assert_eq!(html.matches("<div class=\"ev\" id=\"ev-").count(), 2);
    }
    let f = h.json(&["forecast", "--dyad", "USA-CHN", "--format", "json"], 0);
    assert_eq!(f["points"].as_array().map(Vec::len), Some(0), "{f}");
    assert_eq!(f["not_computed"]["measure"], "forecast");
    let out = h.run(&["forecast", "--dyad", "USA-CHN"]);
    let text = out.stdout;
    assert!(
        out.code == 0 && text.contains("Not computed for USA-CHN: a forecast needs"),
        "{text}"
    );
    let b = h.json(&["backtest", "--dyad", "USA-CHN", "--format", "json"], 0);
    assert!(
        b["overall"].is_null() && b["not_computed"]["measure"] == "forecast",
        "{b}"
    );
    let p = h.json(&["phases", "--dyad", "USA-CHN", "--format", "json"], 0);
    assert_eq!(p["phases"].as_array().map(Vec::len), Some(0));
    let withheld: Vec<&str> = p["not_computed"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["measure"].as_str())
        .collect();
    assert_eq!(withheld, ["phases", "cycles", "spiral_test"]);
    // The built-in US–Russia record is well above every minimum.
    let p = h.json(&["phases", "--dyad", "USA-RUS", "--format", "json"], 0);
    assert_eq!(
        p["not_computed"].as_array().map(Vec::len),
        Some(0),
        "{}",
        p["not_computed"]
    );
}

#[test]
fn report_from_to_keeps_the_months_asked_for_and_refuses_bad_months() {
    let h = Harness::new();
    let html = h.report("window.html", &["--from", "2014-01", "--to", "2016-12"]);
    assert!(
        html.contains("<p class=\"meta\">2014-01 – 2016-12 · "),
        "span"
    );
    assert!(html.contains("Months 2014-01 to 2016-12 only"));
    assert!(html.contains("id=\"year-2014\"") && !html.contains("id=\"year-2013\""));
    assert!(!html.contains("id=\"year-2017\""));
    for (args, says) in [
        (&["--from", "2014-1"][..], "--from: `2014-1` is not a date"),
        (
            &["--from", "2014"][..],
            "--from: `2014` must be a month YYYY-MM",
        ),
        (
            &["--to", "2014-03-01"][..],
            "--to: `2014-03-01` must be a month",
        ),
        (
            &["--from", "2016-01", "--to", "2014-12"][..],
            "--to 2014-12 is before --from 2016-01",
        ),
    ] {
        let out = Run::of(h.cmd().arg("report").args(args));
        let err = out.stderr;
        assert_eq!(out.code, 2, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
