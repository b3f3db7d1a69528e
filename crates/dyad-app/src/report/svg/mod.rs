//! The report's charts, written as SVG text. Every chart has a fixed `viewBox` and scales to its
//! container; marks that stand for events are links to the appendix.

use super::html::esc;
use super::messages::Catalogue;
use dyad_analysis::prelude::*;
use std::fmt::Write;

macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}

/// Fill colours of the six bands, from confrontation to friendly.
pub const BAND_FILL: [&str; 6] = [
    "#f2c4bd", "#f8dcc8", "#fbefdc", "#eef2f6", "#d9ecdc", "#c3e3c9",
];
/// Text colours of the band labels.
pub const BAND_INK: [&str; 6] = [
    "#8f2318", "#9a4a12", "#7d6414", "#4a5a6a", "#2f6a3c", "#1f5a2c",
];
pub const BANDS: [Band; 6] = [
    Band::Confrontation,
    Band::Tense,
    Band::Discord,
    Band::Ordinary,
    Band::Good,
    Band::Friendly,
];

const COOP: &str = "#2f7d4a";
const COOP_LIGHT: &str = "#8cc59c";
const CONF: &str = "#b3322a";
const CONF_LIGHT: &str = "#ec9a8f";
const LINE: &str = "#1d3557";

/// A number for coordinates: two decimals at most, no trailing zeros.
fn f(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// A linear map from a domain to a range.
#[derive(Debug, Clone, Copy)]
struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    fn at(&self, x: f64) -> f64 {
        if (self.d1 - self.d0).abs() < f64::EPSILON {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (x - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// Opens an `<svg>` element with a title for screen readers.
fn open(out: &mut String, w: f64, h: f64, title: &str, class: &str) {
    w!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart {class}" viewBox="0 0 {} {}" role="img" aria-label="{}"><title>{}</title>"#,
        f(w),
        f(h),
        esc(title),
        esc(title)
    );
}

fn text(out: &mut String, x: f64, y: f64, anchor: &str, class: &str, s: &str) {
    w!(
        out,
        r#"<text x="{}" y="{}" text-anchor="{anchor}" class="{class}">{}</text>"#,
        f(x),
        f(y),
        esc(s)
    );
}

fn line(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
    w!(
        out,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" class="{class}"/>"#,
        f(x1),
        f(y1),
        f(x2),
        f(y2)
    );
}

fn rect(out: &mut String, x: f64, y: f64, w: f64, h: f64, fill: &str) {
    w!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
        f(x),
        f(y),
        f(w.max(0.0)),
        f(h.max(0.0))
    );
}

fn open_link(out: &mut String, href: &str, title: &str) {
    w!(
        out,
        r#"<a href="{}"><title>{}</title>"#,
        esc(href),
        esc(title)
    );
}

/// A point of the forecast fan.
mod bars;
mod level;

pub use bars::{
    drivers_chart, flow_chart, spiral_chart, summits_chart, DomainBar, FlowYear, SummitBar,
};
pub use level::{
    compare_chart, level_chart, Annotation, CompareLine, Fan, LevelChart, Reference, COMPARE_COLORS,
};

#[cfg(test)]
mod tests {
    use super::super::html::check_well_formed;
    use super::bars::nice_step;
    use super::*;
    use crate::report::messages::Messages;
    use crate::report::Lang;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }

    #[test]
    fn the_level_chart_is_well_formed_and_escapes_labels() {
        let messages = Messages::builtin().unwrap();
        let months: Vec<(Month, f64)> = (0..48)
            .map(|i| (m("2010-01").plus(i), (f64::from(i) / 5.0).sin() * 5.0))
            .collect();
        let ann = vec![Annotation {
            month: m("2011-03"),
            level: 2.0,
            contribution: -0.5,
            date: "2011-03-01".into(),
            label: r#"A <b> & "c""#.into(),
            alt_label: String::new(),
            href: "#ev-1".into(),
            title: "x < y".into(),
        }];
        let fc = [Fan {
            period: m("2014-01"),
            level: 1.0,
            lo80: 0.0,
            hi80: 2.0,
            lo95: -1.0,
            hi95: 3.0,
        }];
        let yh = |y: i32| Some(format!("#year-{y}"));
        let (svg, drawn) = level_chart(&LevelChart {
            m: messages.of(Lang::Zh),
            title: "关系水平 <测试>",
            months: &months,
            phases: &[
                (m("2010-01"), m("2011-12"), 1),
                (m("2012-01"), m("2013-12"), 2),
            ],
            change_points: &[m("2012-01"), m("2013-01")],
            forecast: &fc,
            annotations: &ann,
            max_labels: 12,
            year_href: &yh,
            height: 400.0,
            references: &[
                Reference {
                    from: m("2009-01"),
                    to: m("2012-12"),
                    label: "高开低走期".into(),
                    href: "#lit-a".into(),
                },
                Reference {
                    from: m("2013-01"),
                    to: m("2013-02"),
                    label: "a name far too long for two months".into(),
                    href: "#lit-b".into(),
                },
            ],
        });
        assert_eq!(check_well_formed(&svg), Ok(()));
        // A reference that fits is named; one that does not is numbered, its name the tooltip.
        assert!(svg.contains(">1 高开低走期</text>"));
        assert!(svg.contains(">2</text>"));
        assert!(svg.contains("<title>a name far too long for two months</title>"));
        assert!(svg.contains("A &lt;b&gt; &amp; &quot;c&quot;"));
        assert_eq!(drawn, vec!["#ev-1".to_string()]);
        for b in BANDS {
            assert!(svg.contains(b.zh()), "{}", b.zh());
        }
    }

    #[test]
    fn overlapping_labels_move_to_other_rows_or_are_dropped() {
        let messages = Messages::builtin().unwrap();
        let months: Vec<(Month, f64)> = (0..24).map(|i| (m("2020-01").plus(i), 0.0)).collect();
        let ann: Vec<Annotation> = (0..10)
            .map(|i| Annotation {
                month: m("2020-06"),
                level: 0.0,
                contribution: 1.0,
                date: "2020-06".into(),
                label: format!("a rather long label number {i}"),
                alt_label: String::new(),
                href: format!("#ev-{i}"),
                title: String::new(),
            })
            .collect();
        let yh = |_: i32| None;
        let (svg, drawn) = level_chart(&LevelChart {
            m: messages.of(Lang::En),
            title: "t",
            months: &months,
            phases: &[],
            change_points: &[],
            forecast: &[],
            annotations: &ann,
            max_labels: 12,
            year_href: &yh,
            height: 400.0,
            references: &[],
        });
        assert_eq!(drawn.len(), 3, "three rows above the line");
        assert_eq!(check_well_formed(&svg), Ok(()));
    }

    #[test]
    fn the_other_charts_are_well_formed() {
        let messages = Messages::builtin().unwrap();
        let fy = vec![
            FlowYear {
                year: 2000,
                quad: [3, 1, 2, 0],
                href: Some("#year-2000".into()),
                title: "2000 \"x\"".into(),
            },
            FlowYear {
                year: 2001,
                quad: [0, 0, 0, 0],
                href: None,
                title: String::new(),
            },
        ];
        let flow = flow_chart(messages.of(Lang::En), "flow", &fy);
        assert_eq!(check_well_formed(&flow), Ok(()));
        // conflict is drawn below the axis and its scale reads negative there
        let ticks: Vec<&str> = flow
            .split("class=\"tick\">")
            .skip(1)
            .filter_map(|t| t.split('<').next())
            .collect();
        assert!(ticks.iter().any(|t| t.starts_with('−')), "{ticks:?}");
        let sb = vec![SummitBar {
            name: "Bill Clinton".into(),
            count: 22,
            literature: Some(22),
            href: Some("#s-1".into()),
            title: "<t>".into(),
        }];
        assert_eq!(
            check_well_formed(&summits_chart(messages.of(Lang::Zh), "峰会", &sb)),
            Ok(())
        );
        let db = vec![DomainBar {
            name: "军控 & <x>".into(),
            positive: 1.2,
            negative: -0.4,
            pos_link: Some(("#ev-1".into(), "a".into())),
            neg_link: None,
        }];
        assert_eq!(
            check_well_formed(&drivers_chart(messages.of(Lang::En), "d", &db, true)),
            Ok(())
        );
        let tr = vec![
            (m("1994-07"), 1.0, None),
            (m("2022-03"), -5.9, Some("#year-2022".into())),
        ];
        assert_eq!(
            check_well_formed(&spiral_chart(messages.of(Lang::En), "s", &tr, -0.2)),
            Ok(())
        );
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(1.5), 2.0);
    }
}
