//! Runs the analysis on the curated chronology and prints what it finds:
//! `cargo run -p dyad-analysis --example chronology`.
#[path = "../tests/support/mod.rs"]
mod support;

use dyad_analysis::level::{level_series, LevelParams};
use dyad_analysis::series::Month;

fn main() {
    let Some(obs) = support::us_russia() else {
        eprintln!("no chronology found");
        return;
    };
    let mut p = LevelParams::default();
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f64>().ok());
    if let Some(v) = env("SCALE") { p.scale = v; }
    if let Some(v) = env("HALF") { p.half_life_months = v; }
    if let Some(v) = env("BASE") { p.baseline = v; }
    if let Some(v) = env("NOP") { p.no_person_weight = v; }
    let quiet = std::env::var("QUIET").is_ok();
    let s = level_series(&obs, &p, None, None);
    println!("{} US-Russia events, {} months", obs.len(), s.points.len());
    for pt in &s.points {
        if !quiet && (pt.period.month() == 12 || pt.change.abs() > 0.5) {
            println!("{} {:6.2} {:>13} chg {:+.2} ({} ev)", pt.period, pt.level, pt.band.en(), pt.change, pt.events);
        }
    }
    let min = s.points.iter().min_by(|a, b| a.level.total_cmp(&b.level)).unwrap();
    println!("min {} {:.2}", min.period, min.level);
    let big: Vec<String> = { let mut v: Vec<_> = s.points.iter().collect(); v.sort_by(|a, b| a.change.total_cmp(&b.change)); v.iter().take(8).map(|p| format!("{} {:+.2}", p.period, p.change)).collect() };
    println!("largest falls: {}", big.join(", "));
    for y in [1992, 1995, 1998, 2000, 2002, 2005, 2007, 2010, 2013, 2015, 2018, 2021, 2023] { let m = Month::new(y, 6); print!("{y}:{:.1} ", s.at(m).unwrap_or(f64::NAN)); }
    println!();
    for k in ["1999-03", "2008-08", "2014-03", "2022-02", "2024-12", "2025-12"] {
        let m: Month = k.parse().unwrap();
        println!("{k}: before {:.2} after {:.2}", s.before(m).unwrap_or(f64::NAN), s.at(m).unwrap_or(f64::NAN));
    }
}
