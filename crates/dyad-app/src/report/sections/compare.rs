//! The report's dyad and another (`--compare`) on one chart of the monthly level, inside
//! section 1. Both levels are computed the same way from the same origins and months; a dyad
//! with less record than phases need (the smallest minimum that reads a course from a level) is
//! drawn dashed, with a note that says what it lacks.

use super::w;
use crate::measure::Analysis;
use crate::report::ctx::Ctx;
use crate::report::html::{esc, num};
use crate::report::messages::{msg, Catalogue};
use crate::report::svg;
use dyad_analysis::prelude::*;
use dyad_analysis::sufficiency::Unmet;
use std::collections::HashMap;
use std::fmt::Write;

pub struct Compare {
    pub this_name: String,
    pub other_name: String,
    pub this_events: usize,
    pub other_events: usize,
    /// Whether the report is of some months only (`--from`/`--to`).
    pub windowed: bool,
    /// No chart when the other dyad has no level.
    pub chart: Option<CompareChart>,
}

pub struct CompareChart {
    /// What the other dyad lacks to be compared, when it has too little record.
    pub unmet: Option<Vec<Unmet>>,
    pub mine: Vec<(Month, f64)>,
    pub theirs: Vec<(Month, f64)>,
    /// Over the months both cover: how many, and the mean level of each.
    pub means: Option<(usize, f64, f64)>,
}

pub(crate) fn build(c: &Ctx<'_>, other: &Analysis) -> Compare {
    let (x, y) = &other.dyad;
    let points = |a: &Analysis| -> Vec<(Month, f64)> {
        a.level.points.iter().map(|p| (p.period, p.level)).collect()
    };
    let (mine, theirs) = (points(c.a), points(other));
    let short = other.check(Measure::Phases).err();
    let chart = (!theirs.is_empty()).then(|| {
        // Where both have a level: the mean of each over their common months.
        let theirs_at: HashMap<Month, f64> = theirs.iter().copied().collect();
        let common: Vec<(f64, f64)> = mine
            .iter()
            .filter_map(|(m, v)| theirs_at.get(m).map(|t| (*v, *t)))
            .collect();
        let means = (!common.is_empty() && short.is_none()).then(|| {
            let n = common.len() as f64;
            (
                common.len(),
                common.iter().map(|p| p.0).sum::<f64>() / n,
                common.iter().map(|p| p.1).sum::<f64>() / n,
            )
        });
        CompareChart {
            unmet: short.map(|s| s.unmet),
            mine,
            theirs,
            means,
        }
    });
    Compare {
        this_name: c.pair(),
        other_name: c.inp.dyad_names.pair(x, y, c.lang),
        this_events: c.a.amount.events,
        other_events: other.amount.events,
        windowed: c.a.window != (None, None),
        chart,
    }
}

pub fn render(m: &Catalogue, c: &Compare, out: &mut String) {
    let lang = m.lang();
    let (this_name, other_name) = (&c.this_name, &c.other_name);
    let title = msg!(m, "compare.figure", this = this_name, other = other_name);
    w!(
        out,
        r#"<h3 id="compare">{}</h3>"#,
        esc(&msg!(m, "compare.heading", other = other_name))
    );
    w!(
        out,
        "<p>{}</p>",
        msg!(
            m,
            "compare.intro",
            months = if c.windowed {
                m.get("compare.intro.months")
            } else {
                ""
            },
            this = esc(this_name),
            this_events = esc(&m.plural("count.events", c.this_events as i64)),
            other = esc(other_name),
            other_events = esc(&m.plural("count.events", c.other_events as i64))
        )
    );
    let Some(ch) = &c.chart else {
        w!(
            out,
            r#"<p class="notcomputed" id="compare-short">{}</p>"#,
            msg!(m, "compare.no_level", other = esc(other_name))
        );
        return;
    };
    if let Some(unmet) = &ch.unmet {
        let unmet = unmet
            .iter()
            .map(|u| {
                msg!(
                    m,
                    "compare.unmet",
                    have = lang.quantity(u.quantity, u.have),
                    need = u.need
                )
            })
            .collect::<Vec<_>>()
            .join(m.get("list.sep"));
        w!(
            out,
            r#"<p class="notcomputed" id="compare-short">{}</p>"#,
            msg!(
                m,
                "compare.too_little",
                other = esc(other_name),
                unmet = esc(&unmet)
            )
        );
    }
    let chart = svg::compare_chart(
        m,
        &title,
        &[
            svg::CompareLine {
                name: this_name.clone(),
                months: &ch.mine,
                color: svg::COMPARE_COLORS[0],
                dashed: false,
            },
            svg::CompareLine {
                name: other_name.clone(),
                months: &ch.theirs,
                color: svg::COMPARE_COLORS[1],
                dashed: ch.unmet.is_some(),
            },
        ],
    );
    let caption = match ch.means {
        Some((n, a, b)) => msg!(
            m,
            "compare.caption.means",
            title = esc(&title),
            n = n,
            this = esc(this_name),
            this_mean = num(a, 2),
            other = esc(other_name),
            other_mean = num(b, 2)
        ),
        None => msg!(m, "compare.caption", title = esc(&title)),
    };
    w!(
        out,
        r#"<figure><div class="scroll">{chart}</div><figcaption>{caption}</figcaption></figure>"#
    );
}
