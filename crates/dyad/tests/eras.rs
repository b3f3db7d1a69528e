//! `dyad phases --level era` and the report's literature section, on the built-in chronology
//! (no database: commands that only read use the chronology from memory).

mod common;

use common::Harness;
use serde_json::Value;

fn month(v: &Value) -> (i32, i32) {
    let s = v.as_str().expect("a month");
    let (y, m) = s.split_once('-').expect("YYYY-MM");
    (y.parse().unwrap(), m.parse().unwrap())
}

fn next((y, m): (i32, i32)) -> (i32, i32) {
    if m == 12 {
        (y + 1, 1)
    } else {
        (y, m + 1)
    }
}

#[test]
fn at_most_six_eras_cover_the_built_in_span_without_gaps() {
    let h = Harness::new();
    let v = h
        .run(&["phases", "--level", "era", "--format", "json"])
        .expect(0)
        .json();
    let eras = v["eras"].as_array().expect("eras");
    assert!(!eras.is_empty() && eras.len() <= 6, "{} eras", eras.len());
    // The span of the level series: the phases of `dyad phases` cover it.
    let p = h.run(&["phases", "--format", "json"]).json();
    let phases = p["phases"].as_array().unwrap();
    assert_eq!(v["phases"].as_u64().unwrap() as usize, phases.len());
    assert_eq!(month(&eras[0]["start"]), month(&phases[0]["start"]));
    assert_eq!(
        month(&eras[eras.len() - 1]["end"]),
        month(&phases[phases.len() - 1]["end"])
    );
    assert_eq!(month(&eras[0]["start"]), (1991, 12));
    let mut months = 0;
    for (i, e) in eras.iter().enumerate() {
        if i > 0 {
            assert_eq!(
                month(&e["start"]),
                next(month(&eras[i - 1]["end"])),
                "gap or overlap before era {}",
                i + 1
            );
        }
        months += e["months"].as_u64().unwrap();
        assert!(e["band"].is_string() && e["trend"].is_string());
        assert!(!e["defining_events"].as_array().unwrap().is_empty());
        // each era is made of whole phases
        let range = e["phases"].as_array().unwrap();
        let (a, b) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
        assert_eq!(e["start"], phases[a as usize - 1]["start"]);
        assert_eq!(e["end"], phases[b as usize - 1]["end"]);
    }
    let span: u64 = phases.iter().map(|p| p["months"].as_u64().unwrap()).sum();
    assert_eq!(months, span);
    // The table and CSV say the same.
    let csv = h
        .run(&["phases", "--level", "era", "--format", "csv"])
        .stdout;
    assert_eq!(csv.lines().count(), eras.len() + 1);
    assert!(csv.starts_with("era,start,end,months"));
}

#[test]
fn the_default_level_is_phase_and_unchanged() {
    let h = Harness::new();
    let a = h.run(&["phases", "--format", "json"]);
    let b = h.run(&["phases", "--level", "phase", "--format", "json"]);
    assert_eq!(a.stdout, b.stdout);
    let v = a.json();
    assert!(v.get("eras").is_none() && v["phases"].is_array() && v["cycles"].is_array());
    h.run(&["phases", "--level", "epoch"]).expect(2);
}

#[test]
fn both_reports_set_the_literature_beside_the_data() {
    let h = Harness::new();
    for (lang, must) in [
        (
            "zh",
            [
                "六、时代划分与文献对照",
                "高开低走期",
                "低开低走期",
                "全面深度对抗期",
                "第四次重启",
                "数据与文献的分歧",
                "种子文献001：刘莹",
            ],
        ),
        (
            "en",
            [
                "6. Eras, and the literature side by side",
                "high start, low finish",
                "low start, low finish",
                "all-round deep confrontation",
                "fourth reset",
                "Where data and literature disagree",
                "Seed 001: 刘莹",
            ],
        ),
    ] {
        let html = h.report(
            &format!("r-{lang}.html"),
            &["--dyad", "USA-RUS", "--lang", lang],
        );
        for s in must {
            assert!(html.contains(s), "{lang}: {s} missing");
        }
        assert!(html.contains(r#"<section id="literature">"#));
        assert!(html.contains(r#"<table class="eras">"#));
        // the literature's periods drawn under the level chart, linked to their rows
        assert!(html.contains(r##"href="#lit-high-low""##));
        assert!(html.contains(r#"<tr id="lit-reset-1">"#));
    }
}

/// The text of `html` with tags, attributes and citation lists (`<ul class="src">`) removed.
fn visible_text(html: &str) -> String {
    let mut s = html.to_string();
    while let Some(i) = s.find("<ul class=\"src\">") {
        let e = s[i..].find("</ul>").map(|e| i + e + 5).unwrap_or(s.len());
        s.replace_range(i..e, " ");
    }
    let mut out = String::new();
    let mut in_tag = false;
    for ch in s.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&").replace("&quot;", "\"")
}

#[test]
fn the_chinese_literature_section_has_no_english_sentence_outside_citations() {
    let h = Harness::new();
    let html = h.report("r.html", &["--lang", "zh"]);
    let a = html.find(r#"<section id="literature">"#).unwrap();
    let b = a + html[a..].find("</section>").unwrap();
    let text = visible_text(&html[a..b]);
    // Three English words in a row (letters only, labels such as P1 or E2 are not words)
    // anywhere outside the citation list.
    let word = |t: &str| {
        let t = t.trim_matches(|c: char| c.is_ascii_punctuation());
        t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    for w in words.windows(3) {
        let english = w.iter().all(|t| word(t));
        assert!(!english, "English in the Chinese section: {:?}", w);
    }
    // and it is deterministic
    let html2 = h.report("r2.html", &["--lang", "zh"]);
    let b2 = a + html2[a..].find("</section>").unwrap();
    assert_eq!(&html[a..b], &html2[a..b2]);
}
