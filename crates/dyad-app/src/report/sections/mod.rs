//! One module per section of the report, each with its part of the model, the `build` that
//! computes it from the analysis and the `render` that formats it as HTML with the messages of
//! the report's language.

pub mod appendix;
pub mod compare;
pub mod drivers;
pub mod flow;
pub mod flow_forecast;
pub mod forecast;
pub mod header;
pub mod level;
pub mod literature;
pub mod methods;
pub mod resets;
pub mod robustness;
pub mod sanctions;
pub mod summary;
pub mod summits;

use super::html::{esc, short, signed};
use super::messages::{msg, Catalogue};
use super::model::EventRef;
use dyad_analysis::prelude::Shortfall;
use std::fmt::Write;

/// `write!` into a `String`, which cannot fail.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}
pub(crate) use w;

/// A link to an event in the appendix, with `text` (escaped here) and the full description as
/// its tooltip.
pub fn link(e: &EventRef, text: &str) -> String {
    format!(
        r##"<a href="#ev-{}" title="{}">{}</a>"##,
        e.id,
        esc(&e.desc),
        esc(text)
    )
}

/// A linked short description with the event's date and contribution.
pub fn event_item(e: &EventRef, max: usize) -> String {
    let c = e.contribution;
    let cls = if c >= 0.0 { "pos" } else { "neg" };
    format!(
        r#"{} <span class="d">{}</span> <span class="{cls}">{}</span>"#,
        link(e, &short(&e.desc, max)),
        esc(&e.date),
        signed(c, 2)
    )
}

/// Items as a list, `—` without any.
pub fn ul(items: &[String]) -> String {
    if items.is_empty() {
        return "—".into();
    }
    format!(
        "<ul>{}</ul>",
        items
            .iter()
            .map(|s| format!("<li>{s}</li>"))
            .collect::<String>()
    )
}

/// Where a section would be: what is not computed and why.
pub fn not_computed(m: &Catalogue, out: &mut String, short: &Shortfall) {
    w!(
        out,
        r#"<p class="notcomputed">{}</p>"#,
        msg!(m, "not_computed", why = esc(&m.lang().shortfall(short)))
    );
}

/// A trend (`rising`, `falling`, anything else stable) in the report's language.
pub fn trend<'m>(m: &'m Catalogue, t: &str) -> &'m str {
    match t {
        "rising" => m.get("trend.rising"),
        "falling" => m.get("trend.falling"),
        _ => m.get("trend.stable"),
    }
}

/// The spiral-decline test's verdict in the report's language.
pub fn verdict(m: &Catalogue, v: dyad_analysis::cycles::Verdict) -> &str {
    use dyad_analysis::cycles::Verdict;
    m.get(match v {
        Verdict::Supported => "verdict.supported",
        Verdict::Partly => "verdict.partly",
        Verdict::NotSupported => "verdict.not_supported",
        Verdict::Insufficient => "verdict.insufficient",
    })
}

/// How a model's error compares with a baseline's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    NotComparable,
    Better,
    PracticallyNoBetter,
    Worse,
}

impl Comparison {
    pub fn of(m: f64, naive: f64) -> Comparison {
        if !m.is_finite() || !naive.is_finite() {
            Comparison::NotComparable
        } else if m < naive * 0.95 {
            Comparison::Better
        } else if m <= naive * 1.05 {
            Comparison::PracticallyNoBetter
        } else {
            Comparison::Worse
        }
    }

    /// "better than", "优于"…
    pub fn text(self, m: &Catalogue) -> &str {
        m.get(match self {
            Comparison::NotComparable => "comparison.not_comparable",
            Comparison::Better => "comparison.better",
            Comparison::PracticallyNoBetter => "comparison.no_better",
            Comparison::Worse => "comparison.worse",
        })
    }
}

/// A skill as a signed percentage (`+12%`: 12% less error than the baseline), `–` without one.
pub fn skill_pct(skill: Option<f64>) -> String {
    skill.map_or_else(|| "–".to_string(), |k| format!("{}%", signed(100.0 * k, 0)))
}
