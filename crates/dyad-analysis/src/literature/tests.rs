use super::*;
use crate::cycles::TurningPoint;
use crate::eras::{eras, EraParams};
use crate::flow::tests::obs;
use crate::level::{level_series, LevelParams};
use crate::phases::{phases, PhaseParams};

const SOURCES: &str = include_str!("../../../../data/literature/sources.tsv");
const PERIODS: &str = include_str!("../../../../data/literature/periods.tsv");
const RESETS: &str = include_str!("../../../../data/literature/resets.tsv");

fn committed() -> Literature {
    Literature::parse(
        ("sources.tsv", SOURCES),
        ("periods.tsv", PERIODS),
        ("resets.tsv", RESETS),
    )
    .unwrap()
}

#[test]
fn the_committed_tables_parse_with_their_citations() {
    let lit = committed();
    assert_eq!(lit.sources.len(), 3);
    let names: Vec<&str> = lit.periods.iter().map(|p| p.name_zh.as_str()).collect();
    assert_eq!(
        names,
        ["高开低走期", "低开低走期", "全面深度对抗期", "缓和"]
    );
    assert_eq!(
        lit.periods[2].expect_band,
        Some(crate::level::Band::Confrontation)
    );
    assert!(lit.periods[3].span.to.is_none());
    let four: Vec<&LitReset> = lit
        .resets
        .iter()
        .filter(|r| r.kind == ResetKind::Reset)
        .collect();
    assert_eq!(four.len(), 4);
    assert!(four.iter().all(|r| r.sources == ["seed-001"]
        && r.outcome == Outcome::Failed
        && !r.ended_by_zh.is_empty()));
    let thaw = lit
        .resets
        .iter()
        .find(|r| r.kind == ResetKind::Thaw)
        .unwrap();
    assert_eq!(thaw.outcome, Outcome::Ongoing);
    assert_eq!(lit.source("seed-001").unwrap().author, "刘莹");
    // every row is traceable to its line
    assert!(lit.resets[0].origin.starts_with("resets.tsv:"));
}

/// The committed periods file with one data row replaced by `row`.
fn periods_with(row: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut done = false;
    for l in PERIODS.lines() {
        if !done && l.starts_with("high-low\t") {
            out.push(row.to_string());
            done = true;
        } else {
            out.push(l.to_string());
        }
    }
    out.join("\n")
}

fn line_of(text: &str, prefix: &str) -> usize {
    text.lines().position(|l| l.starts_with(prefix)).unwrap() + 1
}

#[test]
fn bad_rows_give_typed_errors_naming_file_and_line() {
    let sources = parse_sources("sources.tsv", SOURCES).unwrap();
    let bad = |row: &str| {
        let text = periods_with(row);
        let line = line_of(&text, row.split('\t').next().unwrap());
        (
            parse_periods("periods.tsv", &text, &sources).unwrap_err(),
            line,
        )
    };
    let row = |fields: [&str; 11]| fields.join("\t");
    let ok = [
        "x", "seed-000", "名", "name", "1991", "2016", "high", "", "falling", "n", "注",
    ];
    // A well-formed row passes.
    assert!(parse_periods("periods.tsv", &periods_with(&row(ok)), &sources).is_ok());
    let mut f = ok;
    f[1] = "seed-999";
    let (e, line) = bad(&row(f));
    assert_eq!(
        e,
        LiteratureError::UnknownSource {
            file: "periods.tsv".into(),
            line,
            source_id: "seed-999".into()
        }
    );
    assert!(e.to_string().starts_with(&format!("periods.tsv:{line}: ")));
    for (i, value, says) in [
        (4, "1991-02-03", "is not a year YYYY or a month YYYY-MM"),
        (5, "1990", "is before `from`"),
        (2, "name", "`name_zh` has no Chinese"),
        (7, "hostile", "is not a band"),
        (8, "up", "is not rising, falling or stable"),
        (6, "middling", "is not high or low"),
        (3, "", "`name_en` is empty"),
    ] {
        let mut f = ok;
        f[i] = value;
        let (e, line) = bad(&row(f));
        match &e {
            LiteratureError::Row { file, line: l, msg } => {
                assert_eq!((file.as_str(), *l), ("periods.tsv", line), "{e}");
                assert!(msg.contains(says), "{e}");
            }
            other => panic!("{other:?}"),
        }
    }
    let (e, line) = bad("x\tseed-000\t名");
    assert_eq!(
        e.to_string(),
        format!("periods.tsv:{line}: 3 columns, expected 11")
    );
    // A duplicate id.
    let text = format!("{PERIODS}\n{}", PERIODS.lines().last().unwrap());
    let e = parse_periods("periods.tsv", &text, &sources).unwrap_err();
    assert!(
        matches!(e, LiteratureError::Duplicate { ref id, .. } if id == "thaw-2025"),
        "{e}"
    );
    // No version, no header.
    let e = parse_sources("sources.tsv", &SOURCES.replace("# version: 1\n", "")).unwrap_err();
    assert_eq!(
        e,
        LiteratureError::NoVersion {
            file: "sources.tsv".into()
        }
    );
    let e = parse_resets("resets.tsv", "# version: 1\n", &sources).unwrap_err();
    assert!(matches!(e, LiteratureError::NoHeader { .. }));
    // Resets: a bad kind, an ongoing reset with an end, one language of ended_by only.
    for (from, to, says) in [
        ("\treset\t", "\tpact\t", "`kind` `pact`"),
        (
            "\t2025-02\t\tongoing\t",
            "\t2025-02\t2025-09\tongoing\t",
            "an ongoing reset has no `to`",
        ),
        ("\t美国对俄经济援助未兑现\t", "\t\t", "must both be given"),
    ] {
        let text = RESETS.replacen(from, to, 1);
        assert_ne!(text, RESETS, "{from}");
        let e = parse_resets("resets.tsv", &text, &sources).unwrap_err();
        assert!(e.to_string().contains(says), "{e}");
        assert!(e.to_string().starts_with("resets.tsv:"), "{e}");
    }
}

fn cycle(t: &str, p: &str, e: &str, open: bool) -> Cycle {
    let tp = |m: &str| TurningPoint {
        period: m.parse().unwrap(),
        level: 0.0,
    };
    Cycle {
        trough: tp(t),
        peak: tp(p),
        end: tp(e),
        open,
        rise_months: 0,
        high_months: 0,
        fall_months: 0,
        rise: 0.0,
        fall: 0.0,
        rise_drivers: Vec::new(),
        fall_drivers: Vec::new(),
    }
}

#[test]
fn resets_are_matched_once_to_the_nearest_trough_and_checked() {
    let lit = committed();
    let cycles = vec![
        cycle("1991-12", "1993-05", "1994-08", false),
        cycle("1994-08", "1996-04", "1996-12", false),
        cycle("1996-12", "1997-10", "1999-04", false),
        cycle("2001-04", "2001-12", "2003-04", false),
        cycle("2008-10", "2010-06", "2012-01", false),
        cycle("2024-06", "2025-05", "2025-11", true),
    ];
    let r = read_resets(&cycles, &lit.resets, &CompareParams::default());
    let by = |id: &str| r.iter().find(|x| x.id == id).unwrap();
    assert_eq!(by("reset-1").cycle, Some(0));
    // The first cycle is taken: Clinton's reset gets the next trough, 19 months after it began.
    assert_eq!(by("reset-2").cycle, Some(1));
    assert!(by("reset-2").checks.contains(&Check::Began {
        trough: Some("1994-08".parse().unwrap()),
        offset: Some(19),
        agrees: true
    }));
    // …and the data see two cycles in its span, ending in 1996 rather than 1999.
    assert_eq!(by("reset-2").also, vec![2]);
    assert!(by("reset-2").checks.contains(&Check::Split {
        cycles: 2,
        agrees: false
    }));
    assert!(by("reset-2")
        .checks
        .iter()
        .any(|c| matches!(c, Check::End { agrees: false, .. })));
    assert_eq!(by("reset-3").cycle, Some(3));
    assert_eq!(by("reset-4").cycle, Some(4));
    // No cycle near 2017 or 2020 here: no match, said as a disagreement.
    assert_eq!(by("attempt-2017").cycle, None);
    assert!(!by("attempt-2017").checks[0].agrees());
    // The thaw: an open cycle agrees with "ongoing".
    let thaw = by("thaw-2025");
    assert_eq!(thaw.cycle, Some(5));
    assert!(thaw.checks.iter().all(Check::agrees), "{:?}", thaw.checks);
}

#[test]
fn a_period_is_read_off_the_level_with_its_eras_and_claims() {
    let lit = committed();
    let mut ev = Vec::new();
    for k in 0..6 {
        let mut e = obs(k, "2022-02-24", "USA", "RUS", 4, -9.0, &["sanctions"]);
        e.rank = Some(1);
        ev.push(e);
    }
    let s = level_series(
        &ev,
        &LevelParams::default(),
        Some("2015-01".parse().unwrap()),
        Some("2025-12".parse().unwrap()),
    );
    let ph = phases(&s, &PhaseParams::default());
    let er = eras(&s, &ph, &EraParams::default());
    let p = CompareParams::default();
    let deep = lit
        .periods
        .iter()
        .find(|x| x.id == "deep-confrontation")
        .unwrap();
    let r = read_period(&s, &er, &ph, deep, &p);
    let d = r.data.as_ref().unwrap();
    assert_eq!(d.start.to_string(), "2022-02");
    assert_eq!(d.end.to_string(), "2025-01");
    assert_eq!(d.months, 36);
    assert!(!r.eras.is_empty());
    // The boundary of February 2022 is an era boundary of these data.
    assert!(
        r.checks
            .iter()
            .any(|c| matches!(c, Check::Boundary { agrees: true, .. })),
        "{r:#?}"
    );
    // A period before the series begins is clipped to it; one wholly outside has no data.
    let high = lit.periods.iter().find(|x| x.id == "high-low").unwrap();
    let r = read_period(&s, &er, &ph, high, &p);
    assert_eq!(r.data.as_ref().unwrap().start.to_string(), "2015-01");
    assert!(!r.checks.iter().any(|c| matches!(c, Check::Boundary { .. })));
    let mut early = high.clone();
    early.span.to = Some("2001".parse().unwrap());
    assert!(read_period(&s, &er, &ph, &early, &p).data.is_none());
    // The thaw runs to the end of the series.
    let thaw = lit.periods.iter().find(|x| x.id == "thaw-2025").unwrap();
    let r = read_period(&s, &er, &ph, thaw, &p);
    assert_eq!(r.data.unwrap().end.to_string(), "2025-12");
}
