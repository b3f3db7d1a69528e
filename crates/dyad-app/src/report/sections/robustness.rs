//! Section 10, robustness: eras, phases, reset cycles and the spiral-decline test with each
//! parameter of the impact model (and the level's memory half-life) halved and doubled
//! (`dyad_analysis::robustness`), so that a reader sees which findings hang on which choice.

use super::{not_computed, w};
use crate::report::ctx::Ctx;
use crate::report::html::{esc, num, signed};
use crate::report::messages::{msg, Catalogue};
use crate::report::Lang;
use dyad_analysis::cycles::Verdict;
use dyad_analysis::prelude::*;
use dyad_analysis::robustness::{Outcome, Robustness};
use std::fmt::Write;

/// The parameters varied, with their message ids.
const PARAMETERS: [(&str, &str); 8] = [
    ("scale", "robustness.param.scale"),
    ("verbal_weight", "robustness.param.verbal_weight"),
    ("rank_slope", "robustness.param.rank_slope"),
    (
        "magnitude_per_decade",
        "robustness.param.magnitude_per_decade",
    ),
    ("repeat_exponent", "robustness.param.repeat_exponent"),
    ("mention_coef", "robustness.param.mention_coef"),
    ("mention_cap", "robustness.param.mention_cap"),
    ("half_life_months", "robustness.param.half_life_months"),
];

pub struct Row {
    pub outcome: Outcome,
    /// The parameter's name beside its code: the Chinese report names it (the English one
    /// shows the code alone); empty for a parameter without a name.
    pub name: Option<String>,
    /// The variant changes a finding of the documented run.
    pub changed: bool,
}

pub struct Shown {
    pub base: Row,
    pub variants: Vec<Row>,
    pub verdict_changes: usize,
    /// Variants whose largest fall is in the documented run's month.
    pub same_fall: usize,
}

pub enum RobustnessSection {
    /// Not computed, and why (nothing to say when the reason is not a shortfall).
    NotComputed(Option<Shortfall>),
    Shown(Box<Shown>),
}

pub(crate) fn build(c: &Ctx<'_>) -> RobustnessSection {
    let a = c.a;
    let Some(r): Option<Robustness> = a.robustness() else {
        return RobustnessSection::NotComputed(
            a.check(Measure::Phases).and(a.check(Measure::Cycles)).err(),
        );
    };
    let changed = |o: &Outcome| {
        (o.eras, o.phases, o.cycles, o.verdict)
            != (r.base.eras, r.base.phases, r.base.cycles, r.base.verdict)
    };
    let same_fall = r
        .variants
        .iter()
        .filter(|o| o.largest_fall.map(|f| f.0) == r.base.largest_fall.map(|f| f.0))
        .count();
    let row = |o: &Outcome| Row {
        name: o.parameter.filter(|_| c.lang == Lang::Zh).map(|p| {
            PARAMETERS
                .iter()
                .find(|(code, _)| *code == p)
                .map(|(_, id)| c.m.get(id).to_string())
                .unwrap_or_default()
        }),
        changed: o.parameter.is_some() && changed(o),
        outcome: o.clone(),
    };
    RobustnessSection::Shown(Box::new(Shown {
        base: row(&r.base),
        variants: r.variants.iter().map(row).collect(),
        verdict_changes: r.verdict_changes,
        same_fall,
    }))
}

fn verdict(m: &Catalogue, v: Verdict) -> &str {
    m.get(match v {
        Verdict::Supported => "robustness.verdict.supported",
        Verdict::Partly => "robustness.verdict.partly",
        Verdict::NotSupported => "robustness.verdict.not_supported",
        Verdict::Insufficient => "robustness.verdict.insufficient",
    })
}

pub fn render(m: &Catalogue, s: &RobustnessSection, out: &mut String) {
    let lang = m.lang();
    let r = match s {
        RobustnessSection::NotComputed(short) => {
            if let Some(short) = short {
                not_computed(m, out, short);
            }
            return;
        }
        RobustnessSection::Shown(r) => r,
    };
    let base = &r.base.outcome;
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "robustness.intro",
            changes = r.verdict_changes,
            n = r.variants.len(),
            verdict = verdict(m, base.verdict),
            month = base
                .largest_fall
                .map(|f| lang.month(f.0))
                .unwrap_or_default(),
            same = r.same_fall
        )
    );
    w!(
        out,
        r#"<div class="tablewrap"><table class="robustness"><thead><tr><th>{}</th><th>{}</th><th class="num">{}</th><th class="num">{}</th><th class="num">{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
        m.get("robustness.th.parameter"),
        m.get("robustness.th.value"),
        m.get("robustness.th.eras"),
        m.get("robustness.th.phases"),
        m.get("robustness.th.cycles"),
        m.get("robustness.th.spiral"),
        m.get("robustness.th.fall"),
        m.get("robustness.th.lowest"),
    );
    let row = |out: &mut String, row: &Row| {
        let o = &row.outcome;
        let (name, value) = match o.parameter {
            None => (m.get("robustness.documented").to_string(), "—".to_string()),
            Some(p) => (
                match &row.name {
                    Some(n) => msg!(m, "robustness.param.named", name = n, code = p),
                    None => msg!(m, "robustness.param.code", code = p),
                },
                format!(
                    "{} ({})",
                    num(o.value, if o.value.abs() >= 10.0 { 0 } else { 3 }),
                    m.get(if o.factor < 1.0 {
                        "robustness.halved"
                    } else {
                        "robustness.doubled"
                    })
                ),
            ),
        };
        let at = |x: Option<(Month, f64)>| {
            x.map(|(mo, x)| format!("{} {}", lang.month(mo), signed(x, 2)))
                .unwrap_or_else(|| "—".into())
        };
        w!(
            out,
            r#"<tr{}><td>{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            if row.changed {
                r#" class="changed""#
            } else {
                ""
            },
            name,
            esc(&value),
            o.eras,
            o.phases,
            o.cycles,
            verdict(m, o.verdict),
            esc(&at(o.largest_fall)),
            esc(&at(o.minimum))
        );
    };
    row(out, &r.base);
    for o in &r.variants {
        row(out, o);
    }
    out.push_str("</tbody></table></div>\n");
    w!(out, "<p class=\"note\">{}</p>\n", m.get("robustness.note"));
}
