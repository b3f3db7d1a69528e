//! The report as data: one typed part per section, built from the analysis by [`build`], which
//! does all the computing (numbers, rankings, selections, what cannot be computed). The
//! sections' `render` functions only format it.

use super::ctx::Ctx;
use super::messages::Catalogue;
use super::sections::{
    appendix, drivers, flow, forecast, header, level, literature, methods, resets, robustness,
    sanctions, summary, summits,
};
use super::ReportInput;

/// An event as a section links to it: its appendix anchor (`#ev-{id}`), what happened (the
/// link's tooltip), its date and its total contribution to the level.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRef {
    pub id: i64,
    pub desc: String,
    pub date: String,
    pub contribution: f64,
}

/// The whole report, section by section in the order of the page.
pub struct ReportModel<'a> {
    pub header: header::Header,
    pub summary: summary::Summary,
    pub level: level::Level,
    pub flow: flow::Flow,
    pub summits: summits::Summits,
    pub sanctions: sanctions::Sanctions<'a>,
    pub resets: resets::Resets,
    pub literature: literature::LiteratureSection<'a>,
    pub drivers: drivers::Drivers,
    pub forecast: forecast::ForecastSection<'a>,
    pub methods: methods::Methods,
    pub robustness: robustness::RobustnessSection,
    pub appendix: appendix::Appendix,
}

/// Computes everything the report shows. `m` is the report language's catalogue, for the few
/// names the builders choose (a domain without a name).
pub fn build<'a>(inp: &'a ReportInput<'a>, m: &'a Catalogue) -> ReportModel<'a> {
    let c = Ctx::new(inp, m);
    ReportModel {
        header: header::build(&c),
        summary: summary::build(&c),
        level: level::build(&c),
        flow: flow::build(&c),
        summits: summits::build(&c),
        sanctions: sanctions::build(&c),
        resets: resets::build(&c),
        literature: literature::build(&c),
        drivers: drivers::build(&c),
        forecast: forecast::build(&c),
        methods: methods::build(&c),
        robustness: robustness::build(&c),
        appendix: appendix::build(&c),
    }
}
