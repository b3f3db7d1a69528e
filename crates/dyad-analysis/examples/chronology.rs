//! Runs the analysis on the curated chronology and prints what it finds:
//! `cargo run -p dyad-analysis --example chronology`.
#[path = "../tests/support/mod.rs"]
mod support;

use dyad_analysis::level::{level_series, LevelParams};
use dyad_analysis::prelude::*;
use dyad_analysis::series::Month;

fn main() {
    let Some(obs) = support::us_russia() else {
        eprintln!("no chronology found");
        return;
    };
    let mut p = LevelParams::default();
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f64>().ok());
    if let Some(v) = env("SCALE") {
        p.impact.scale = v;
    }
    if let Some(v) = env("HALF") {
        p.half_life_months = v;
    }
    if let Some(v) = env("BASE") {
        p.baseline = v;
    }
    if let Some(v) = env("VERBAL") {
        p.impact.verbal_weight = v;
    }
    let quiet = std::env::var("QUIET").is_ok();
    let s = level_series(&obs, &p, None, None);
    println!("{} US-Russia events, {} months", obs.len(), s.points.len());
    for pt in &s.points {
        if !quiet && (pt.period.month() == 12 || pt.change.abs() > 0.5) {
            println!(
                "{} {:6.2} {:>13} chg {:+.2} ({} ev)",
                pt.period,
                pt.level,
                pt.band.en(),
                pt.change,
                pt.events
            );
        }
    }
    let min = s
        .points
        .iter()
        .min_by(|a, b| a.level.total_cmp(&b.level))
        .unwrap();
    println!("min {} {:.2}", min.period, min.level);
    let big: Vec<String> = {
        let mut v: Vec<_> = s.points.iter().collect();
        v.sort_by(|a, b| a.change.total_cmp(&b.change));
        v.iter()
            .take(8)
            .map(|p| format!("{} {:+.2}", p.period, p.change))
            .collect()
    };
    println!("largest falls: {}", big.join(", "));
    for y in [
        1992, 1995, 1998, 2000, 2002, 2005, 2007, 2010, 2013, 2015, 2018, 2021, 2023,
    ] {
        let m = Month::new(y, 6);
        print!("{y}:{:.1} ", s.at(m).unwrap_or(f64::NAN));
    }
    println!();
    for k in [
        "1999-03", "2008-08", "2014-03", "2022-02", "2024-12", "2025-12",
    ] {
        let m: Month = k.parse().unwrap();
        println!(
            "{k}: before {:.2} after {:.2}",
            s.before(m).unwrap_or(f64::NAN),
            s.at(m).unwrap_or(f64::NAN)
        );
    }

    let t0 = std::time::Instant::now();
    let ph = phases(&s, &PhaseParams::default());
    let mut cp = CycleParams::default();
    if let Some(v) = env("AMP") {
        cp.min_amplitude = v;
    }
    let cyc = cycles(&s, &cp);
    let sp = spiral_test(&cyc);
    let fc = forecast(&s, 12);
    let bt = backtest(
        &s,
        &BacktestParams {
            first_origin: Some("2000-01".parse().unwrap()),
            ..BacktestParams::default()
        },
    );
    let flow = flow_index(&obs, &Dyad::new("USA", "RUS"), Period::Month, None);
    let dt = t0.elapsed();
    println!("\nphases:");
    for p in &ph {
        println!("  {} (mean {:.2}, {} months)", p.name, p.level, p.months);
    }
    println!("\ncycles:");
    for c in &cyc {
        println!(
            "  trough {} {:.2} -> peak {} {:.2} -> {} {:.2}{}  rise {}m high {}m fall {}m",
            c.trough.period,
            c.trough.level,
            c.peak.period,
            c.peak.level,
            c.end.period,
            c.end.level,
            if c.open { " (open)" } else { "" },
            c.rise_months,
            c.high_months,
            c.fall_months
        );
        for d in c.rise_drivers.iter().take(3) {
            println!(
                "      + {:+.2} {}",
                d.contribution,
                &d.label.chars().take(70).collect::<String>()
            );
        }
        for d in c.fall_drivers.iter().take(3) {
            println!(
                "      - {:+.2} {}",
                d.contribution,
                &d.label.chars().take(70).collect::<String>()
            );
        }
    }
    println!("\nspiral: {:?} ({}); troughs slope {:.3}/yr se {:.3} tau {:.2} p {:.3} n {}; highs slope {:.2}/cycle tau {:.2} p {:.3} values {:?}",
        sp.verdict, sp.reason, sp.troughs.slope, sp.troughs.slope_se, sp.troughs.kendall_tau, sp.troughs.p_decreasing, sp.troughs.n,
        sp.high_durations.slope, sp.high_durations.kendall_tau, sp.high_durations.p_decreasing, sp.high_durations.values);
    println!(
        "trough months: {:?}",
        sp.trough_months
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
    );
    for (a, b) in [
        ("2022-01", "2022-12"),
        ("2025-01", "2025-12"),
        ("2014-01", "2014-12"),
    ] {
        let d = drivers(&s, a.parse().unwrap(), b.parse().unwrap(), 2);
        println!(
            "\ndrivers {a}..{b}: change {:+.2} = decay {:+.2} + events {:+.2}",
            d.change, d.decay, d.events_sum
        );
        for x in d.by_domain.iter().take(4) {
            println!(
                "  {:<28} +{:.2} {:.2} net {:+.2} ({} ev)",
                x.domain, x.positive, x.negative, x.net, x.events
            );
        }
    }
    println!(
        "\nforecast from {:?}: model {:?}",
        fc.origin.map(|m| m.to_string()),
        fc.model
    );
    for p in fc.points.iter().step_by(3) {
        println!(
            "  {} {:.2} [{:.2},{:.2}] [{:.2},{:.2}]",
            p.period, p.level, p.lo80, p.hi80, p.lo95, p.hi95
        );
    }
    println!("\nbacktest: {} origins; overall n {} MASE {:.3} (naive {:.3}) MAE {:.3} (naive {:.3}) cov80 {:.2} cov95 {:.2}",
        bt.origins.len(), bt.overall.n, bt.overall.mase, bt.overall.mase_naive, bt.overall.mae, bt.overall.mae_naive, bt.overall.coverage80, bt.overall.coverage95);
    for h in bt
        .per_horizon
        .iter()
        .filter(|h| [1, 3, 6, 12].contains(&h.h))
    {
        println!(
            "  h={:>2} n {} MASE {:.3} naive {:.3} cov80 {:.2} cov95 {:.2}",
            h.h, h.n, h.mase, h.mase_naive, h.coverage80, h.coverage95
        );
    }
    println!(
        "\nflow rows {} ; pipeline after level took {:?}",
        flow.rows.len(),
        dt
    );
}
