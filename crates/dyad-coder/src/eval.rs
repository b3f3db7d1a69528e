//! Scoring the coder against annotated sentences (the engine and coverage suites).
//!
//! A suite is JSON Lines, one record per sentence:
//! `{"id", "script" (zh-Hans|zh-Hant|en|ru), "lang" (zh|en|ru), "document_date", "context_date",
//! "category", "reason", "text", "events": [{"date", "source", "target", "cameo", "negated",
//! "hypothetical"}]}`. Factual events (neither negated nor hypothetical) match on CAMEO root
//! (two digits), source, target and date (with its precision); the flags are scored as sets of
//! flagged events keyed on root, source and target. Negated or hypothetical events (gold or found)
//! never enter the factual counts.
//!
//! Date accuracy: among the gold factual events whose CAMEO root, source and target are matched by a
//! found factual event, the share for which one such found event carries the annotated date at the
//! annotated precision (`2025-08` is right only if the coder says `2025-08`, not `2025-08-15`).

use crate::coder::{Coder, SentenceInput};
use crate::dates::DateContext;
use dyad_model::{EventDate, Lang};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One expected event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expected {
    pub date: String,
    pub source: String,
    pub target: String,
    pub cameo: String,
    #[serde(default)]
    pub negated: bool,
    #[serde(default)]
    pub hypothetical: bool,
}

/// One annotated sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuiteRecord {
    pub id: String,
    pub script: String,
    pub lang: String,
    #[serde(default)]
    pub document_date: Option<String>,
    #[serde(default)]
    pub context_date: Option<String>,
    pub category: String,
    pub reason: String,
    pub text: String,
    pub events: Vec<Expected>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SuiteError {
    #[error("{file}:{line}: {msg}")]
    Record {
        file: String,
        line: usize,
        msg: String,
    },
}

/// Parses a JSON Lines suite; blank lines and lines starting with `//` are skipped.
pub fn parse_suite(file: &str, text: &str) -> Result<Vec<SuiteRecord>, SuiteError> {
    let mut out = Vec::new();
    let mut ids = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        let err = |msg: String| SuiteError::Record {
            file: file.into(),
            line: i + 1,
            msg,
        };
        let r: SuiteRecord = serde_json::from_str(t).map_err(|e| err(e.to_string()))?;
        if Lang::parse(&r.lang).is_none() {
            return Err(err(format!("unknown lang `{}`", r.lang)));
        }
        for d in r
            .document_date
            .iter()
            .chain(r.context_date.iter())
            .chain(r.events.iter().map(|e| &e.date))
        {
            d.parse::<EventDate>().map_err(|e| err(e.to_string()))?;
        }
        if !ids.insert(r.id.clone()) {
            return Err(err(format!("id `{}` appears twice", r.id)));
        }
        out.push(r);
    }
    Ok(out)
}

/// Precision, recall and F1 from counts (serialised with the three figures).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

impl Serialize for Prf {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Prf", 6)?;
        st.serialize_field("tp", &self.tp)?;
        st.serialize_field("fp", &self.fp)?;
        st.serialize_field("fn_", &self.fn_)?;
        st.serialize_field("precision", &self.precision())?;
        st.serialize_field("recall", &self.recall())?;
        st.serialize_field("f1", &self.f1())?;
        st.end()
    }
}

/// Date accuracy: gold factual events matched on (CAMEO root, source, target) by a found factual
/// event, and how many of them carry the right date at the annotated precision.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DateScore {
    pub matched: usize,
    pub right: usize,
}

impl DateScore {
    /// The share of matched events with the right date (1.0 when none matched).
    pub fn accuracy(&self) -> f64 {
        if self.matched == 0 {
            1.0
        } else {
            self.right as f64 / self.matched as f64
        }
    }
    fn add(&mut self, o: &DateScore) {
        self.matched += o.matched;
        self.right += o.right;
    }
}

impl Serialize for DateScore {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("DateScore", 3)?;
        st.serialize_field("matched", &self.matched)?;
        st.serialize_field("right", &self.right)?;
        st.serialize_field("accuracy", &self.accuracy())?;
        st.end()
    }
}

/// Scores of one group of records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    pub sentences: usize,
    pub events: Prf,
    pub negated: Prf,
    pub hypothetical: Prf,
    pub dates: DateScore,
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        self.sentences += o.sentences;
        self.events.add(&o.events);
        self.negated.add(&o.negated);
        self.hypothetical.add(&o.hypothetical);
        self.dates.add(&o.dates);
    }
}

/// The result of one evaluation: per script and overall, plus one line per disagreement.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub per_script: BTreeMap<String, Scores>,
    pub overall: Scores,
    pub diffs: Vec<String>,
}

impl Report {
    /// A small table, one line per script.
    pub fn table(&self) -> String {
        let mut s =
            String::from("script     sent   P     R     F1   | neg F1 | hyp F1 | date acc\n");
        let line = |name: &str, sc: &Scores| {
            format!(
                "{name:<10} {:>4}  {:.2}  {:.2}  {:.2} |  {:.2}  |  {:.2}  |  {:.2} ({}/{})\n",
                sc.sentences,
                sc.events.precision(),
                sc.events.recall(),
                sc.events.f1(),
                sc.negated.f1(),
                sc.hypothetical.f1(),
                sc.dates.accuracy(),
                sc.dates.right,
                sc.dates.matched
            )
        };
        for (k, v) in &self.per_script {
            s.push_str(&line(k, v));
        }
        s.push_str(&line("all", &self.overall));
        s
    }
}

fn prf(gold: &BTreeSet<String>, got: &BTreeSet<String>) -> Prf {
    Prf {
        tp: gold.intersection(got).count(),
        fp: got.difference(gold).count(),
        fn_: gold.difference(got).count(),
    }
}

fn root(c: &str) -> &str {
    c.get(..2).unwrap_or(c)
}

/// Codes every record (each with a fresh context from its dates) and compares with the expectation.
pub fn evaluate(coder: &Coder, records: &[SuiteRecord]) -> Report {
    let mut rep = Report::default();
    for r in records {
        let lang = Lang::parse(&r.lang).unwrap_or(Lang::Other);
        let mut ctx = DateContext::new(r.document_date.as_deref().and_then(|d| d.parse().ok()));
        ctx.last = r.context_date.as_deref().and_then(|d| d.parse().ok());
        let got = coder.code(
            &SentenceInput {
                lang,
                text: &r.text,
            },
            &mut ctx,
        );
        let key = |root: &str, s: &str, t: &str, d: &str| format!("{root} {s}→{t} {d}");
        let gold_f: BTreeSet<String> = r
            .events
            .iter()
            .filter(|e| !e.negated && !e.hypothetical)
            .map(|e| key(root(&e.cameo), &e.source, &e.target, &e.date))
            .collect();
        let got_f: BTreeSet<String> = got
            .iter()
            .filter(|e| !e.negated && !e.hypothetical)
            .map(|e| {
                key(
                    root(&e.cameo),
                    &e.source.code,
                    &e.target.code,
                    &e.date.to_string(),
                )
            })
            .collect();
        let flag = |neg: bool, gold: bool| -> BTreeSet<String> {
            if gold {
                r.events
                    .iter()
                    .filter(|e| if neg { e.negated } else { e.hypothetical })
                    .map(|e| key(root(&e.cameo), &e.source, &e.target, ""))
                    .collect()
            } else {
                got.iter()
                    .filter(|e| if neg { e.negated } else { e.hypothetical })
                    .map(|e| key(root(&e.cameo), &e.source.code, &e.target.code, ""))
                    .collect()
            }
        };
        // date accuracy over the gold factual events whose root and actors a found factual event has
        let mut dates = DateScore::default();
        let gold_keys: BTreeSet<(&str, &str, &str, &str)> = r
            .events
            .iter()
            .filter(|e| !e.negated && !e.hypothetical)
            .map(|e| {
                (
                    root(&e.cameo),
                    e.source.as_str(),
                    e.target.as_str(),
                    e.date.as_str(),
                )
            })
            .collect();
        for (rt, s, t, d) in gold_keys {
            let found: Vec<String> = got
                .iter()
                .filter(|e| !e.negated && !e.hypothetical)
                .filter(|e| root(&e.cameo) == rt && e.source.code == s && e.target.code == t)
                .map(|e| e.date.to_string())
                .collect();
            if !found.is_empty() {
                dates.matched += 1;
                if found.iter().any(|f| f == d) {
                    dates.right += 1;
                }
            }
        }
        let sc = Scores {
            sentences: 1,
            events: prf(&gold_f, &got_f),
            negated: prf(&flag(true, true), &flag(true, false)),
            hypothetical: prf(&flag(false, true), &flag(false, false)),
            dates,
        };
        if sc.events.fp
            + sc.events.fn_
            + sc.negated.fp
            + sc.negated.fn_
            + sc.hypothetical.fp
            + sc.hypothetical.fn_
            > 0
        {
            let got_all: Vec<String> = got
                .iter()
                .map(|e| {
                    let fl = match (e.negated, e.hypothetical) {
                        (true, true) => " neg hyp",
                        (true, false) => " neg",
                        (false, true) => " hyp",
                        _ => "",
                    };
                    format!(
                        "{} {}→{} {}{fl}",
                        e.cameo, e.source.code, e.target.code, e.date
                    )
                })
                .collect();
            let want: Vec<String> = r
                .events
                .iter()
                .map(|e| {
                    let fl = match (e.negated, e.hypothetical) {
                        (true, true) => " neg hyp",
                        (true, false) => " neg",
                        (false, true) => " hyp",
                        _ => "",
                    };
                    format!("{} {}→{} {}{fl}", e.cameo, e.source, e.target, e.date)
                })
                .collect();
            rep.diffs.push(format!(
                "{} [{}] {}\n  want: {}\n  got:  {}",
                r.id,
                r.category,
                r.text,
                want.join(" | "),
                got_all.join(" | ")
            ));
        }
        rep.per_script.entry(r.script.clone()).or_default().add(&sc);
        rep.overall.add(&sc);
    }
    rep
}

/// Floors committed in `tests-data/coder/floors.tsv`: `suite script metric floor`, metric one of
/// `events-p events-r events-f1 negated-f1 hypothetical-f1 date-accuracy`. Returns the figures below
/// their floor.
pub fn check_floors(suite: &str, report: &Report, floors: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in floors
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 4 || f[0] != suite {
            continue;
        }
        let Ok(floor) = f[3].parse::<f64>() else {
            out.push(format!("bad floor line `{line}`"));
            continue;
        };
        let sc = if f[1] == "all" {
            Some(&report.overall)
        } else {
            report.per_script.get(f[1])
        };
        let Some(sc) = sc else {
            out.push(format!("{suite} {}: no records", f[1]));
            continue;
        };
        let v = match f[2] {
            "events-p" => sc.events.precision(),
            "events-r" => sc.events.recall(),
            "events-f1" => sc.events.f1(),
            "negated-f1" => sc.negated.f1(),
            "hypothetical-f1" => sc.hypothetical.f1(),
            "date-accuracy" => sc.dates.accuracy(),
            m => {
                out.push(format!("unknown metric `{m}`"));
                continue;
            }
        };
        if v + 1e-9 < floor {
            out.push(format!("{suite} {} {}: {v:.3} < floor {floor}", f[1], f[2]));
        }
    }
    out
}
