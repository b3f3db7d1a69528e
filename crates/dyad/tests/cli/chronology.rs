//! The built-in chronology as the commands show it: a fresh database, its citations, the
//! sanctions designations and the summits per presidency.

use crate::common::*;
use serde_json::Value;

#[test]
fn a_fresh_database_has_the_sourced_chronology() {
    let h = Harness::new();
    let v = h.json(&["chronology", "--format", "json"], 0);
    let events = v.as_array().unwrap();
    assert!(events.len() >= 600, "{} events", events.len());
    for e in events {
        assert_eq!(e["origin"], "curated");
        let cites = e["citation"].as_array().unwrap();
        assert!(!cites.is_empty(), "{e}");
        assert!(cites
            .iter()
            .all(|c| !c["title"].as_str().unwrap().is_empty()
                && !c["publisher"].as_str().unwrap().is_empty()));
        for key in [
            "id",
            "date",
            "date_precision",
            "source",
            "target",
            "cameo",
            "quad_class",
            "goldstein",
            "plover",
            "domains",
            "description_zh",
            "description_en",
        ] {
            assert!(e.get(key).is_some(), "missing {key} in {e}");
        }
    }
    // The Alaska summit of 2025 is there, with both descriptions.
    let alaska = events
        .iter()
        .find(|e| e["date"] == "2025-08-15" && e["meeting"] == "bilateral")
        .expect("Anchorage summit");
    assert!(
        alaska["place"].as_str().unwrap().contains("Anchorage"),
        "{alaska}"
    );
    // Filters: months are inclusive.
    let y2014 = h.json(
        &[
            "chronology",
            "--from",
            "2014-03",
            "--to",
            "2014-03",
            "--format",
            "json",
        ],
        0,
    );
    assert!(y2014
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["date"].as_str().unwrap().starts_with("2014-03")));
    assert!(!y2014.as_array().unwrap().is_empty());
    let out = h.run(&["chronology", "--from", "2014-3"]);
    assert_eq!(out.code, 2);
    let csv = h.run(&["chronology", "--format", "csv"]);
    assert_eq!(csv.stdout.lines().count(), events.len() + 1);
}

#[test]
fn chronology_cites_its_sources_in_gbt7714_and_apa() {
    let h = Harness::new();
    let refs = |style: &str, from: &str, id: &str| -> (String, Vec<String>) {
        let v = h.json(
            &[
                "chronology",
                "--from",
                from,
                "--to",
                from,
                "--cite",
                style,
                "--cited",
                "2026-12-05",
                "--format",
                "json",
            ],
            0,
        );
        let e = v
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("{id} not in {v}"))
            .clone();
        let r = e["references"].as_array().unwrap();
        (
            e["description"].as_str().unwrap().to_string(),
            r.iter().map(|s| s.as_str().unwrap().to_string()).collect(),
        )
    };
    // A meeting with two sources, one dated to the month, one to the day.
    let (desc, gbt) = refs("gbt7714", "2017-02", "2017-02-16-dunford-gerasimov-meeting");
    assert!(desc.starts_with("美军参联会主席邓福德"), "{desc}");
    assert_eq!(
        gbt,
        [
            "CBS News. Secretary Tillerson meets with Russian counterpart[EB/OL]. (2017-02)[2026-12-05]. https://www.cbsnews.com/news/secretary-tillerson-meets-with-russian-counterpart/.",
            "Metbuat.az (AZERTAC). US, Russian military leaders meet in Baku[EB/OL]. (2017-02-16)[2026-12-05]. http://metbuat.az/news/637741/us-russian-military-leaders-meet-in-baku.html.",
        ]
    );
    let (desc, apa) = refs("apa", "2017-02", "2017-02-16-dunford-gerasimov-meeting");
    assert!(desc.starts_with("Joint Chiefs chairman Dunford"), "{desc}");
    assert_eq!(
        apa,
        [
            "CBS News. (2017, February). Secretary Tillerson meets with Russian counterpart. https://www.cbsnews.com/news/secretary-tillerson-meets-with-russian-counterpart/",
            "Metbuat.az (AZERTAC). (2017, February 16). US, Russian military leaders meet in Baku. http://metbuat.az/news/637741/us-russian-military-leaders-meet-in-baku.html",
        ]
    );
    // An official record cited by name and date, without a URL.
    let id = "2001-11-13-new-relationship-statement";
    let title = "Joint Statement by President George W. Bush and President Vladimir V. Putin on a New Relationship Between the United States and Russia";
    assert_eq!(
        refs("gbt7714", "2001-11", id).1,
        [format!("The White House. {title}[EB]. (2001-11-13).")]
    );
    assert_eq!(
        refs("apa", "2001-11", id).1,
        [format!("The White House. (2001, November 13). {title}.")]
    );
    // As text: each event, then its numbered references.
    let out = h.run(&[
        "chronology",
        "--from",
        "2017-02",
        "--to",
        "2017-02",
        "--cite",
        "apa",
        "--cited",
        "2026-12-05",
    ]);
    assert_eq!(out.code, 0);
    let text = out.stdout;
    assert!(
        text.contains("2017-02-16  USA→RUS  044  Joint Chiefs chairman Dunford")
            && text.contains("\n  [2] Metbuat.az (AZERTAC). (2017, February 16)."),
        "{text}"
    );
    for bad in [
        vec!["chronology", "--cite", "apa", "--format", "csv"],
        vec!["chronology", "--cite", "gbt7714", "--cited", "2026-12"],
        vec!["chronology", "--cited", "2026-12-05"],
    ] {
        let out = h.run(&bad);
        assert_eq!(out.code, 2, "{bad:?}");
    }
}

#[test]
fn sanctions_sum_designations_per_month_and_side_beside_the_trackers() {
    let h = Harness::new();
    let v = h.json(&["sanctions", "--format", "json"], 0);
    let rows = v["rows"].as_array().unwrap();
    let month = |m: &str| {
        rows.iter()
            .find(|r| r["period"] == m)
            .unwrap_or_else(|| panic!("no {m}"))
    };
    let designations = |r: &Value, side: &str| r[side]["designations"].as_u64().unwrap();
    // the first packages after the recognition of the DNR and LNR, and the invasion
    assert!(
        designations(month("2022-02"), "a_to_b") >= 49 + 90 + 4,
        "{}",
        month("2022-02")
    );
    assert!(designations(month("2022-03"), "a_to_b") >= 15 + 376);
    assert_eq!(designations(month("2022-03"), "b_to_a"), 13);
    assert_eq!(
        designations(month("2016-12"), "a_to_b"),
        0,
        "no size stated"
    );
    assert_eq!(month("2016-12")["a_to_b"]["without_size"], 1);
    // the months add up to the total, on each side
    for side in ["a_to_b", "b_to_a"] {
        let by_month: u64 = rows.iter().map(|r| designations(r, side)).sum();
        assert_eq!(by_month, designations(&v["total"], side), "{side}");
    }
    assert!(designations(&v["total"], "a_to_b") > 4000);
    // the years add up to the same totals
    let y = h.json(&["sanctions", "--by", "year", "--format", "json"], 0);
    let by_year: u64 = y["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| designations(r, "a_to_b"))
        .sum();
    assert_eq!(by_year, designations(&v["total"], "a_to_b"));
    // a window of months
    let w = h.json(
        &[
            "sanctions",
            "--from",
            "2022-03",
            "--to",
            "2022-03",
            "--format",
            "json",
        ],
        0,
    );
    assert_eq!(w["rows"].as_array().unwrap().len(), 1);
    assert_eq!(
        w["total"],
        w["rows"][0]
            .clone()
            .as_object()
            .map(|o| {
                let mut o = o.clone();
                o.insert("period".into(), "total".into());
                Value::Object(o)
            })
            .unwrap()
    );
    // the seeds' figures with their source, beside the chronology's sum over the same months
    let cmp = v["comparison"].as_array().unwrap();
    let us = cmp
        .iter()
        .find(|c| c["figure"]["id"] == "castellum-usa-2025-01")
        .unwrap();
    assert_eq!(us["figure"]["value"], 6433);
    assert_eq!(us["figure"]["publisher"], "Castellum.AI");
    assert_eq!(
        (us["figure"]["from"].as_str(), us["figure"]["to"].as_str()),
        (Some("2022-02"), Some("2025-01"))
    );
    let west = cmp
        .iter()
        .find(|c| c["figure"]["id"] == "castellum-west-2025-01")
        .unwrap();
    assert_eq!(west["figure"]["value"], 21692);
    let ours = us["chronology"]["designations"].as_u64().unwrap();
    assert!(ours > 0 && ours < 6433, "{ours}");
    assert_eq!(
        west["chronology"]["designations"],
        us["chronology"]["designations"]
    );
    // the table says why the counts differ; bad months are usage errors
    let out = h.run(&["sanctions"]);
    let text = out.stdout;
    assert!(
        text.contains("21692") && text.contains("Why they differ"),
        "{text}"
    );
    let out = h.run(&["sanctions", "--from", "2022-02-30"]);
    assert_eq!(out.code, 2);
    assert!(
        !h.db().exists(),
        "sanctions reads the built-in chronology and writes nothing"
    );
}

#[test]
fn summits_per_presidency_reproduce_or_explain_the_literature() {
    let h = Harness::new();
    let v = h.json(
        &[
            "summits",
            "--dyad",
            "USA-RUS",
            "--include-multilateral",
            "--format",
            "json",
        ],
        0,
    );
    assert!(v["rule"].as_str().unwrap().contains("multilateral"));
    let groups = v["groups"].as_array().unwrap();
    let count = |start: &str| {
        groups.iter().find(|g| g["term_start"] == start).unwrap()["count"]
            .as_u64()
            .unwrap()
    };
    // Reproduced from the data: Clinton 22, Trump's first term 6, Biden 1 (seed 000, table 1).
    assert_eq!(count("1993-01-20"), 22);
    assert_eq!(count("2017-01-20"), 6);
    assert_eq!(count("2021-01-20"), 1);
    // Trump's two terms are two groups; the second has the Anchorage summit.
    assert!(count("2025-01-20") >= 1);
    let trumps = groups.iter().filter(|g| g["person"] == "trump").count();
    assert_eq!(trumps, 2);
    // Every presidency the literature counts is either reproduced or explained.
    let notes = v["notes"].as_array().unwrap();
    for start in [
        "1989-01-20",
        "1993-01-20",
        "2001-01-20",
        "2009-01-20",
        "2017-01-20",
        "2021-01-20",
    ] {
        let g = groups.iter().find(|g| g["term_start"] == start).unwrap();
        let n = notes
            .iter()
            .find(|n| n["term_start"] == start)
            .unwrap_or_else(|| panic!("no note for {start}"));
        assert_eq!(n["dyad_count"], g["count"]);
        if n["literature_count"] != g["count"] {
            assert!(
                n["note"].as_str().unwrap().len() > 80,
                "a differing count needs an explanation: {n}"
            );
        }
        // every note in Chinese too
        assert!(
            n["note_zh"].as_str().unwrap().chars().count() > 20,
            "no Chinese note: {n}"
        );
        for m in g["meetings"].as_array().unwrap() {
            assert!(
                !m["place"].as_str().unwrap().is_empty() && !m["date"].as_str().unwrap().is_empty()
            );
            // every place has its Chinese name
            let zh = m["place_zh"].as_str().unwrap();
            assert!(
                zh != m["place"].as_str().unwrap() && zh.chars().any(|c| c >= '\u{4e00}'),
                "no Chinese name for {m}"
            );
        }
    }
    let bilateral = h.json(&["summits", "--format", "json"], 0);
    assert!(bilateral["total"].as_u64().unwrap() < v["total"].as_u64().unwrap());
    let by_year = h.json(
        &[
            "summits",
            "--by",
            "year",
            "--include-multilateral",
            "--format",
            "json",
        ],
        0,
    );
    assert_eq!(by_year["total"], v["total"]);
}
