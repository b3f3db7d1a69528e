//! Lookups the section builders share: the events behind the analysis by id, their effects on
//! the level, their descriptions and names in the report's language.

use super::messages::Catalogue;
use super::model::EventRef;
use super::{Lang, ReportInput};
use crate::measure::Analysis;
use dyad_analysis::prelude::*;
use dyad_store::EventRow;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One event's total effect, with where to find it.
#[derive(Debug, Clone)]
pub(crate) struct Effect {
    pub id: i64,
    pub month: Month,
    pub contribution: f64,
}

/// Lookups shared by the section builders.
pub(crate) struct Ctx<'a> {
    pub inp: &'a ReportInput<'a>,
    pub a: &'a Analysis,
    pub lang: Lang,
    /// The report's words, for the few names the builders choose (a domain without a name).
    pub m: &'a Catalogue,
    pub merged: HashMap<i64, &'a MergedObs>,
    pub curated_to_event: HashMap<String, i64>,
    /// Total contribution of each event to the level.
    pub effects: Vec<Effect>,
    pub effect_of: HashMap<i64, f64>,
    /// Indices into `effects` by month.
    by_month: BTreeMap<Month, Vec<usize>>,
    /// Years that have an appendix section.
    pub years: HashSet<i32>,
    names: HashMap<String, (String, String)>,
}

impl<'a> Ctx<'a> {
    pub fn new(inp: &'a ReportInput<'a>, m: &'a Catalogue) -> Ctx<'a> {
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
                    // (a person no Chinese page names shows the English name)
                    t.names_zh
                        .first()
                        .or(t.names_en.first())
                        .cloned()
                        .unwrap_or_else(|| t.key.clone()),
                )
            });
        }
        Ctx {
            inp,
            a,
            lang: inp.lang,
            m,
            merged,
            curated_to_event,
            effects,
            effect_of,
            by_month,
            years,
            names,
        }
    }

    /// The English or the Chinese of a pair of data fields, by the report's language.
    pub fn pick<'s>(&self, en: &'s str, zh: &'s str) -> &'s str {
        self.lang.t(en, zh)
    }

    /// The stored reports behind an event.
    pub fn rows(&self, id: i64) -> impl Iterator<Item = &'a EventRow> + '_ {
        self.merged
            .get(&id)
            .into_iter()
            .flat_map(|m| m.reports.iter())
            .filter_map(|r| self.a.rows.get(r))
    }

    /// What happened, in the report's language when any report says it in that language.
    pub fn desc(&self, id: i64) -> String {
        self.desc_in(self.lang, id)
    }

    /// An event's description in `lang` (else its sentence, else the other language's).
    pub fn desc_in(&self, lang: Lang, id: i64) -> String {
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

    /// An event as the sections link to it: description, date and contribution.
    pub fn event(&self, id: i64) -> EventRef {
        EventRef {
            id,
            desc: self.desc(id),
            date: self
                .merged
                .get(&id)
                .map(|m| m.obs.date.to_string())
                .unwrap_or_default(),
            contribution: self.effect_of.get(&id).copied().unwrap_or(0.0),
        }
    }

    pub fn person(&self, key: &str) -> String {
        match self.names.get(key) {
            Some((en, zh)) => self.pick(en, zh).to_string(),
            None => key.to_string(),
        }
    }

    /// A place in the report's language (the chronology writes places in English).
    pub fn place<'p>(&'p self, en: &'p str) -> &'p str {
        self.inp.places.name(en, self.lang == Lang::Zh)
    }

    /// A domain's name, with its qualifier (`military-conflict:ukraine`).
    pub fn domain(&self, d: &str) -> String {
        let (base, q) = match d.split_once(':') {
            Some((b, q)) => (b, Some(q)),
            None => (d, None),
        };
        let name = match self.inp.domain_names.get(base) {
            Some((en, zh)) => self.pick(en, zh).to_string(),
            None if base == "(none)" => self.m.get("domain.none").to_string(),
            None => base.to_string(),
        };
        match q {
            Some(q) => super::messages::msg!(
                self.m,
                "domain.qualified",
                name = name,
                qualifier = self.lang.qualifier(q)
            ),
            None => name,
        }
    }

    /// Events with months in `[from, to]`.
    pub fn effects_in(&self, from: Month, to: Month) -> impl Iterator<Item = &Effect> + '_ {
        self.by_month
            .range(from..=to)
            .flat_map(|(_, v)| v.iter().map(|&i| &self.effects[i]))
    }

    /// The `k` largest positive and `k` largest negative events in `[from, to]`.
    pub fn top_events(&self, from: Month, to: Month, k: usize) -> (Vec<&Effect>, Vec<&Effect>) {
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

    pub fn year_href(&self, y: i32) -> Option<String> {
        self.years.contains(&y).then(|| format!("#year-{y}"))
    }

    /// The pair as the title names it: "United States–China", "中美".
    pub fn pair(&self) -> String {
        let (x, y) = &self.a.dyad;
        self.inp.dyad_names.pair(x, y, self.lang)
    }
}
